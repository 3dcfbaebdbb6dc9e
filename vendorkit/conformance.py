"""``vrm-vendor conformance URL``: send a vendor's inbox what a wallet sends, good and bad, and
compare each answer's status with the one ``docs/protocol.md`` requires.

The cases are the POSTed ones of the test vectors (:mod:`vendorkit.vectors`), built afresh for
the current time, with fresh ids, for the vendor named by the metadata at URL: an intention and
its retry, notices about it, a disclosure, an update and the revocation, and each of them spoiled
in one way (a member changed after signing, another signer, ``alg: none``, a small-order key,
repeated member names, 256 KiB + 1 bytes, a stale webhook timestamp, ...). They are sent in order,
one at a time, because some depend on earlier ones (a retry, a notice about the intention sent
first). Beyond the status, the answers to the good messages are checked as a wallet reads them:
the offers and acknowledgements must verify with the key in the vendor's metadata, and a retry
must get the same bytes as the first answer.

Nothing the vendor sends is printed raw (:func:`wallet.terminal.printable`). Exit status 0 only if
every case got the status it must get (cases for an inbox the metadata does not list are skipped).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from vendorkit.vector_documents import FreshIds, Setting, signed_receipt, vector_keys
from vendorkit.vector_tokens import Case
from vendorkit.vectors import inbox_cases
from wallet.crypto.signing import VerifyingKey, verifying_key_from_jwk
from wallet.errors import WalletError
from wallet.terminal import printable, printable_json
from wallet.wire.consent import SignedAcknowledgement
from wallet.wire.consent_signing import verify_signed_acknowledgement
from wallet.wire.models import MAX_WIRE_BYTES, OfferList, VendorMetadata
from wallet.wire.signing import WireFormatError, parse_received, parse_wire, verify_signed_offer

WELL_KNOWN = "/.well-known/vrm-vendor.json"
TIMEOUT_SECONDS = 30.0
MAX_DETAIL = 160
# Answers a wallet reads after these good messages, and the acknowledgement each must be.
ACKNOWLEDGED = {
    "disclosure/good": "DisclosureAccepted",
    "disclosure/update-good": "UpdateAccepted",
    "consent-notice/good": "ConsentTerminated",
}
SAME_OFFERS = {"intention/later-offers": "intention/good"}
RETRIES = {
    "intention/retry": "intention/good",
    "disclosure/retry": "disclosure/good",
    "consent-notice/retry": "consent-notice/good",
}


class ConformanceError(WalletError):
    """The vendor could not be tested at all (its metadata is unreachable or invalid)."""


@dataclass(slots=True)
class Outcome:
    """What one case got: the status received (None: no answer) and what else was wrong."""

    case: Case
    url: str | None
    received: int | None = None
    detail: str = ""
    answer_problem: str = ""
    body: bytes = field(default=b"", repr=False)

    @property
    def skipped(self) -> bool:
        return self.url is None

    @property
    def passed(self) -> bool:
        return self.received == self.case.status and not self.answer_problem

    def as_json(self) -> dict[str, Any]:
        return {
            "case": self.case.label,
            "endpoint": self.case.endpoint,
            "expected": self.case.status,
            "received": self.received,
            "result": "skipped" if self.skipped else "ok" if self.passed else "mismatch",
            "detail": self.answer_problem or self.detail,
        }


def metadata_url(url: str) -> str:
    """``url`` itself if it names a JSON document, else its well-known metadata URL."""
    return url if url.endswith(".json") else url.rstrip("/") + WELL_KNOWN


async def _read(response: aiohttp.ClientResponse) -> bytes:
    body = await response.content.read(MAX_WIRE_BYTES + 1)
    return body[: MAX_WIRE_BYTES + 1]


async def fetch_metadata(session: aiohttp.ClientSession, url: str) -> VendorMetadata:
    try:
        async with session.get(url, allow_redirects=False) as response:
            body = await _read(response)
            status = response.status
    except (aiohttp.ClientError, TimeoutError) as exc:
        problem = printable(f"{type(exc).__name__} {exc}".strip(), max_chars=MAX_DETAIL)
        raise ConformanceError(
            f"The metadata at {printable(url)} could not be fetched: {problem}."
        ) from None
    if status != 200:
        raise ConformanceError(f"The metadata at {printable(url)} answered status {status}.")
    try:
        return parse_wire(body, VendorMetadata, what="vendor metadata")
    except WireFormatError as exc:
        raise ConformanceError(printable(str(exc), max_chars=300)) from None


def _reason(body: bytes) -> str:
    """The ``error`` member of an error answer (or the start of the body), made printable."""
    try:
        value = json.loads(body)
    except ValueError:
        return printable(body[:MAX_DETAIL].decode("utf-8", "replace"), max_chars=MAX_DETAIL)
    text = value.get("error") if isinstance(value, dict) else None
    return printable(text if isinstance(text, str) else "", max_chars=MAX_DETAIL)


async def send(session: aiohttp.ClientSession, outcome: Outcome) -> None:
    assert outcome.url is not None
    case = outcome.case
    if case.query is not None:
        request = session.get(f"{outcome.url}?{case.query}", allow_redirects=False)
    else:
        request = session.post(
            outcome.url, data=case.wire_body(), headers=case.headers, allow_redirects=False
        )
    try:
        async with request as response:
            outcome.received = response.status
            outcome.body = await _read(response)
    except (aiohttp.ClientError, TimeoutError) as exc:
        outcome.detail = printable(f"no answer: {type(exc).__name__} {exc}", max_chars=MAX_DETAIL)
        return
    if outcome.received != 200:
        outcome.detail = _reason(outcome.body)


# ---------------------------------------------------------------------------- answers


def offers_problem(body: bytes, key: VerifyingKey) -> str:
    """Why the answer to a good intention is not an offer list a wallet keeps whole ('' if it
    is): every offer signed by the metadata key over the offer as sent."""
    try:
        answer, received = parse_received(body, OfferList, what="offer list")
        for signed, sent in zip(answer.offers, received["offers"], strict=True):
            verify_signed_offer(signed, key, received=sent["offer"])
    except WalletError as exc:
        return printable(f"the answer: {exc}", max_chars=MAX_DETAIL)
    return ""


def acknowledgement_problem(body: bytes, key: VerifyingKey, *, kind: str, receipt: bytes) -> str:
    """Why an answer is not the signed acknowledgement ``kind`` a wallet keeps ('' if it is)."""
    try:
        answer, received = parse_received(body, SignedAcknowledgement, what="acknowledgement")
        verify_signed_acknowledgement(
            answer, key, canonical_receipt=receipt, received=received["acknowledgement"]
        )
    except WalletError as exc:
        return printable(f"the acknowledgement: {exc}", max_chars=MAX_DETAIL)
    if answer.acknowledgement.type != kind:
        return f"the acknowledgement is {answer.acknowledgement.type}, not {kind}"
    return ""


def check_answer(
    outcome: Outcome, earlier: dict[str, Outcome], key: VerifyingKey, receipt: bytes
) -> None:
    """Set ``answer_problem`` if a 200 answer is not what a wallet would keep."""
    label = outcome.case.label
    if outcome.received != 200 or outcome.case.status != 200:
        return
    if outcome.case.endpoint == "intentions" and label not in RETRIES:
        outcome.answer_problem = offers_problem(outcome.body, key)
    elif label in ACKNOWLEDGED:
        outcome.answer_problem = acknowledgement_problem(
            outcome.body, key, kind=ACKNOWLEDGED[label], receipt=receipt
        )
    if outcome.case.query is not None:
        outcome.answer_problem = offers_problem(outcome.body, key) or _same_offers(
            outcome.body, earlier.get(SAME_OFFERS.get(label, ""))
        )
    first = earlier.get(RETRIES.get(label, ""))
    if first is not None and first.received == 200 and first.body != outcome.body:
        outcome.answer_problem = "the retry's answer is not byte for byte the first answer"


def _same_offers(body: bytes, first: Outcome | None) -> str:
    """Why later offers are not those of the first answer ('' if they are; an empty list if
    there was no first answer)."""
    offers = json.loads(body)["offers"]  # parsed and checked by offers_problem first
    if first is None:
        return "" if offers == [] else "offers for an intention never sent"
    if first.received != 200 or first.answer_problem:
        return ""  # reported on the first answer already
    if offers == json.loads(first.body)["offers"]:
        return ""
    return "the later offers are not the signed offers of the answer to the intention"


# ---------------------------------------------------------------------------- running


@dataclass(slots=True)
class Report:
    vendor: VendorMetadata
    metadata_url: str
    outcomes: list[Outcome]

    @property
    def mismatches(self) -> list[Outcome]:
        return [item for item in self.outcomes if not item.skipped and not item.passed]

    def summary(self) -> dict[str, int]:
        tried = [item for item in self.outcomes if not item.skipped]
        return {
            "cases": len(self.outcomes),
            "asExpected": sum(item.passed for item in tried),
            "mismatches": len(self.mismatches),
            "skipped": len(self.outcomes) - len(tried),
        }


async def run(url: str, *, timeout: float = TIMEOUT_SECONDS) -> Report:
    """Fetch the metadata at ``url``, then send every case in order and collect the answers
    (``timeout``: seconds for each request)."""
    where = metadata_url(url)
    limits = aiohttp.ClientTimeout(total=timeout)
    # One connection per case: a vendor may close one after refusing a body unread (413).
    connector = aiohttp.TCPConnector(force_close=True)
    async with aiohttp.ClientSession(timeout=limits, connector=connector) as session:
        vendor = await fetch_metadata(session, where)
        key = verifying_key_from_jwk(vendor.publicKey.model_dump())
        setting = Setting(
            now=int(time.time()),
            vendor_id=vendor.id,
            vendor_name=vendor.name,
            policy_url=vendor.policyUrl,
            new_id=FreshIds(),
        )
        keys = vector_keys()
        receipt = signed_receipt(setting, keys).canonical
        inbox = vendor.inbox.model_dump()
        earlier: dict[str, Outcome] = {}
        for case in inbox_cases(setting, keys):
            outcome = Outcome(case, inbox.get(str(case.endpoint)))
            if not outcome.skipped:
                await send(session, outcome)
                check_answer(outcome, earlier, key, receipt)
            earlier[case.label] = outcome
    return Report(vendor, where, list(earlier.values()))


def _lines(report: Report) -> list[str]:
    vendor = report.vendor
    width = max(len(item.case.label) for item in report.outcomes)
    lines = [
        f"vendor {printable(vendor.name, max_chars=80)} ({printable(vendor.id, max_chars=80)}) "
        f"at {printable(report.metadata_url, max_chars=200)}",
        f"{'result':8} {'case':{width}}  expected  received",
    ]
    for item in report.outcomes:
        result = "skipped" if item.skipped else "ok" if item.passed else "MISMATCH"
        received = "-" if item.received is None else str(item.received)
        note = item.answer_problem or ("" if item.passed else item.detail)
        line = f"{result:8} {item.case.label:{width}}  {item.case.status!s:8}  {received:8}"
        lines.append(f"{line}  {note}".rstrip())
    counts = report.summary()
    lines.append(
        f"{counts['cases']} cases: {counts['asExpected']} as expected, "
        f"{counts['mismatches']} not, {counts['skipped']} skipped (an inbox the metadata does "
        "not list)"
    )
    return lines


def cmd_conformance(args: argparse.Namespace) -> int:
    report = asyncio.run(run(args.url, timeout=args.timeout))
    if args.json:
        document = {
            "vendor": {"id": report.vendor.id, "name": report.vendor.name},
            "metadata": report.metadata_url,
            "cases": [item.as_json() for item in report.outcomes],
            "summary": report.summary(),
        }
        print(printable_json(json.dumps(document, indent=2, ensure_ascii=False)))
    else:
        print("\n".join(_lines(report)))
    return 0 if not report.mismatches else 1


def add_conformance_command(commands: Any) -> None:
    """The ``conformance`` subcommand of ``vrm-vendor`` (``commands``: its subparsers)."""
    parser = commands.add_parser(
        "conformance",
        help="send a vendor's inbox the good and bad messages a wallet sends; compare statuses",
    )
    parser.add_argument(
        "url", help="the vendor's metadata URL, or its base URL (/.well-known/vrm-vendor.json)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds allowed for each answer"
    )
    parser.set_defaults(handler=cmd_conformance)
