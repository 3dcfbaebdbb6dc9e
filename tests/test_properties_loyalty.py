"""Property tests of the loyalty importers (CSV, Google Wallet, Apple Wallet, ours, schema.org).

The path under test is the one ``vrm-wallet-cli loyalty import`` and the desktop import dialog
take: :meth:`LoyaltyBook.preview` on a file (with a column mapping, sometimes), then
:meth:`LoyaltyBook.import_rows` of what it accepted, on a real vault. For any file: the preview
is made or refused with one clear :class:`WalletError`, never another exception; after a refusal
the vault is unchanged; whatever the preview accepts, the import stores, value for value. And
any membership an import accepts comes back the same after our CSV or JSON export is imported.
"""

from __future__ import annotations

import csv
import io
import json
import string
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, dumps, examples
from wallet.errors import WalletError
from wallet.loyalty.book import ImportPreview, LoyaltyBook
from wallet.loyalty.csv_format import memberships_csv
from wallet.loyalty.formats import parse_file
from wallet.loyalty.json_formats import memberships_json
from wallet.loyalty.models import MEMBERSHIP_FIELDS, Membership, MembershipDraft
from wallet.vault.facade import Vault

FIXTURES = Path(__file__).parent / "fixtures" / "loyalty"
SAMPLES = {
    "csv": (FIXTURES / "memberships.csv").read_bytes(),
    "json": (FIXTURES / "google_loyalty_object.json").read_bytes(),
    "pass.json": (FIXTURES / "apple_storecard_pass.json").read_bytes(),
}


def either(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A value: of the expected kind four times in five, else any JSON value at all."""
    return st.integers(min_value=0, max_value=4).flatmap(lambda n: JSON_VALUES if n == 0 else good)


def mostly(good: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` two times in three, else ``other``."""
    return st.integers(min_value=0, max_value=2).flatmap(lambda n: other if n == 0 else good)


# Plain names, so that many rows are accepted and go on to the import and the round trip.
NAMES = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=16)
# Cells a spreadsheet, a careless exporter or an attacker may write.
FORMULAS = st.sampled_from(
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "'quoted", "''two", "\t=x", "\r=x",
     "\n=x", "\uff1d1", "'=x", " =x", "=HYPERLINK(\"http://x\",\"y\")", "'"]
)  # fmt: skip
TEXTS = st.one_of(NAMES, HOSTILE_TEXT, FORMULAS, st.tuples(FORMULAS, HOSTILE_TEXT).map("".join))
# What a UTF-8 file can hold: lone surrogates (which refuse the whole file) shown as U+FFFD.
FILE_TEXTS = TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
NUMBERISH = st.one_of(
    st.sampled_from(
        ["1e999999999", "1e5000", "-1e999999", "1e-999999999", "0e999999999", "NaN", "Infinity",
         "-0", "1000000000000", "0.0000001", "sNaN", "1,2,3", "9" * 5000]
    ),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)  # fmt: skip
GOOD_POINTS = st.one_of(
    st.sampled_from(["", "0", "12", "1,200", "12.5", "1.5e3", "0.000001", "999999999999", " 7 "]),
    st.integers(min_value=0, max_value=10**12 - 1).map(str),
    st.decimals(min_value=0, max_value=10**11, places=2).map(str),
)
POINTS = mostly(GOOD_POINTS, NUMBERISH)
DATES = mostly(st.sampled_from(["", "2027-01-31", "2030-12-31T23:59:59Z"]), FILE_TEXTS | NUMBERISH)
BARCODE_TYPES = mostly(st.sampled_from(["", "qr", "QR_CODE", "pdf417", "aztec"]), FILE_TEXTS)
CELLS = st.one_of(FILE_TEXTS, POINTS, DATES, BARCODE_TYPES)
KNOWN_HEADERS = st.sampled_from(
    ["Program", "Store", "Card number", "Points", "Expires", "Tier", "Barcode type", "Notes",
     *MEMBERSHIP_FIELDS]
)  # fmt: skip
HEADERS = st.one_of(KNOWN_HEADERS, FILE_TEXTS)
FIELD_NAMES = st.one_of(st.sampled_from([*MEMBERSHIP_FIELDS, None]), HOSTILE_TEXT)


@pytest.fixture
def book(vault: Vault) -> LoyaltyBook:
    return LoyaltyBook(vault)


def _snapshot(book: LoyaltyBook) -> tuple[tuple[Membership, ...], int]:
    return tuple(book.memberships()), book._vault.activity_count()


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate makes it invalid UTF-8


def import_as_the_cli_does(
    book: LoyaltyBook, source: Path, mapping: dict[str, str | None] | None = None
) -> ImportPreview | None:
    """Preview ``source`` and import what it accepts; check the rule of every property here.

    Returns the preview, or ``None`` when the file was refused (with a one-line WalletError and
    the vault unchanged).
    """
    before = _snapshot(book)
    try:
        preview = book.preview(source, mapping)
    except WalletError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 1_000, message
        assert _snapshot(book) == before
        event("file refused")
        return None
    event("rows imported" if preview.good else "every row rejected")
    if preview.good:
        result = book.import_rows(preview)
        assert len(result.imported) == len(preview.good)
        stored = {m.id: m.draft() for m in book.memberships()}
        assert [stored[i] for i in result.imported] == [row.draft for row in preview.good]
    return preview


# ------------------------------------------------------------------------------ CSV


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, dict[str, str | None] | None]:
    """A CSV file (a header and rows of awkward cells, well quoted or not, in any delimiter) and
    the column mapping a person might give with it."""
    base = draw(st.sampled_from([["Program", "Card number"], ["program", "member_number"], []]))
    extra = draw(st.lists(mostly(KNOWN_HEADERS, FILE_TEXTS), max_size=5, unique=True))
    header = draw(st.permutations(base + [name for name in extra if name not in base]))
    width = st.just(len(header)) | st.integers(min_value=0, max_value=len(header) + 1)
    rows = draw(
        st.lists(width.flatmap(lambda n: st.lists(mostly(NAMES, CELLS), min_size=n, max_size=n)),
                 max_size=5)
    )  # fmt: skip
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    if draw(mostly(st.just(True), st.just(False))):
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
        text = buffer.getvalue()
    else:  # written by hand, without quoting: broken quotes, extra delimiters, stray newlines
        text = "\n".join(delimiter.join(row) for row in [header, *rows])
    columns = st.sampled_from(header) if header else HEADERS
    mapping = draw(mostly(st.none(), st.dictionaries(columns | HEADERS, FIELD_NAMES, max_size=3)))
    return _encode(text), mapping


@settings(max_examples=examples(500))
@given(st.one_of(csv_files(), RAW_NASTY.map(lambda raw: (raw, None))))
def test_any_csv_file_is_imported_or_refused_cleanly(
    book: LoyaltyBook, tmp_path: Path, file: tuple[bytes, dict[str, str | None] | None]
) -> None:
    content, mapping = file
    source = tmp_path / "cards.csv"
    source.write_bytes(content)
    import_as_the_cli_does(book, source, mapping)


@st.composite
def mutated(draw: st.DrawFn, sample: bytes) -> bytes:
    """``sample`` with a few bytes replaced, inserted or deleted."""
    data = bytearray(sample)
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        byte = (
            draw(st.sampled_from(b'{}[]",:;\n\\0 9e-.\xff'))
            if draw(st.booleans())
            else draw(st.integers(min_value=0, max_value=255))
        )
        operation = draw(st.sampled_from(["replace", "insert", "delete"]))
        if operation == "insert" or position == len(data):
            data.insert(position, byte)
        elif operation == "replace":
            data[position] = byte
        else:
            del data[position]
    return bytes(data)


@settings(max_examples=examples(600))
@given(
    st.sampled_from(sorted(SAMPLES)).flatmap(
        lambda name: st.tuples(st.just(name), mutated(SAMPLES[name]))
    )
)
def test_mutated_sample_files_are_imported_or_refused_cleanly(
    book: LoyaltyBook, tmp_path: Path, named: tuple[str, bytes]
) -> None:
    name, content = named
    source = tmp_path / f"cards.{name}"
    source.write_bytes(content)
    import_as_the_cli_does(book, source)


# ------------------------------------------------------------------------------ JSON


NUMBERS = mostly(
    st.integers(min_value=0, max_value=10**6) | GOOD_POINTS,
    st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | NUMBERISH,
)
IDS = mostly(NAMES, TEXTS)
LOCALIZED = mostly(
    TEXTS,
    st.fixed_dictionaries({"defaultValue": either(
        st.fixed_dictionaries({"language": st.just("en"), "value": either(TEXTS)})
    )}),
)  # fmt: skip
GOOGLE_CLASS = st.fixed_dictionaries(
    {"id": st.sampled_from(["3388.coffee_club", "3388.other"])},
    optional={
        "programName": either(IDS),
        "issuerName": either(TEXTS),
        "localizedProgramName": either(LOCALIZED),
        "localizedIssuerName": either(LOCALIZED),
    },
)
GOOGLE_BALANCE = st.one_of(
    st.fixed_dictionaries({"int": NUMBERS}),
    st.fixed_dictionaries({"double": NUMBERS}),
    st.fixed_dictionaries({"string": either(mostly(GOOD_POINTS, FILE_TEXTS))}),
    st.fixed_dictionaries(
        {"money": either(st.fixed_dictionaries(
            {"micros": mostly(st.integers(0, 10**15) | st.integers(0, 10**15).map(str), NUMBERS)},
            optional={"currencyCode": either(st.sampled_from(["EUR", "USD"]) | TEXTS)},
        ))}
    ),
)  # fmt: skip
GOOGLE_OBJECT = st.fixed_dictionaries(
    {
        "accountId": either(IDS),
        "classId": either(mostly(st.sampled_from(["3388.coffee_club", "3388.other"]), TEXTS)),
    },
    optional={
        "classReference": either(GOOGLE_CLASS),
        "state": either(st.sampled_from(["ACTIVE", "EXPIRED", "active"]) | TEXTS),
        "loyaltyPoints": either(
            st.fixed_dictionaries({"balance": either(GOOGLE_BALANCE)}, optional={
                "label": either(TEXTS), "localizedLabel": either(LOCALIZED)})
        ),
        "barcode": either(st.fixed_dictionaries(
            {"type": either(mostly(st.sampled_from(["QR_CODE", "AZTEC", "PDF_417"]), TEXTS)),
             "value": either(TEXTS)})),
        "textModulesData": either(st.lists(either(st.fixed_dictionaries(
            {"header": either(st.sampled_from(["Tier", "Level", "Other"])), "body": either(TEXTS)}
        )), max_size=3)),
        "validTimeInterval": either(st.fixed_dictionaries({"end": either(
            st.fixed_dictionaries({"date": either(DATES)}))})),
    },
)  # fmt: skip
GOOGLE_FILES = st.one_of(
    GOOGLE_OBJECT,
    st.lists(GOOGLE_OBJECT, min_size=1, max_size=4),
    st.fixed_dictionaries(
        {"loyaltyObjects": either(st.lists(GOOGLE_OBJECT, max_size=4))},
        optional={"loyaltyClasses": either(st.lists(either(GOOGLE_CLASS), max_size=2))},
    ).map(lambda payload: {"typ": "savetowallet", "payload": payload}),
)
APPLE_FIELD = st.fixed_dictionaries(
    {
        "key": either(st.sampled_from(["member", "points", "tier", "balance", "terms"])),
        "label": either(st.sampled_from(["MEMBER NUMBER", "POINTS", "LEVEL", "Card number"])),
        "value": st.one_of(IDS, NUMBERS, JSON_VALUES),
    }
)
APPLE_PASS = st.fixed_dictionaries(
    {
        "formatVersion": either(st.just(1)),
        "logoText": either(IDS),
        "serialNumber": either(IDS),
        "storeCard": either(st.fixed_dictionaries({}, optional={
            group: either(st.lists(either(APPLE_FIELD), max_size=3))
            for group in ("headerFields", "primaryFields", "secondaryFields", "auxiliaryFields",
                          "backFields")
        })),
    },
    optional={
        "organizationName": either(TEXTS),
        "description": either(TEXTS),
        "expirationDate": either(DATES),
        "voided": either(st.booleans()),
        "barcodes": either(st.lists(either(st.fixed_dictionaries(
            {"message": either(TEXTS), "format": either(mostly(st.sampled_from(
                ["PKBarcodeFormatQR", "PKBarcodeFormatAztec", "PKBarcodeFormatPDF417"]), TEXTS))}
        )), max_size=2)),
        "barcode": either(st.fixed_dictionaries({"message": either(TEXTS)})),
    },
)  # fmt: skip
OWN_MEMBERSHIP = st.fixed_dictionaries(
    {"program": either(IDS), "member_number": either(IDS)},
    optional={
        **{name: either(TEXTS) for name in ("vendor", "tier", "notes", "barcode_value")},
        "barcode_type": either(st.sampled_from(["qr", "aztec", "code39", "ean13"])),
        "points_balance": either(NUMBERS),
        "expiry": either(DATES),
        "unknown": JSON_VALUES,
    },
)
OWN_FILES = st.fixed_dictionaries(
    {
        "format": st.just("vrm-wallet.loyalty"),
        "version": either(st.just(1)),
        "memberships": either(st.lists(either(OWN_MEMBERSHIP), max_size=4)),
    }
)
SCHEMA_ORG = st.fixed_dictionaries(
    {"@type": st.just("ProgramMembership"), "membershipNumber": either(IDS)},
    optional={
        "programName": either(IDS),
        "hostingOrganization": either(TEXTS | st.fixed_dictionaries({"name": either(TEXTS)})),
        "program": either(st.fixed_dictionaries({"name": either(TEXTS)})),
        "membershipPointsEarned": either(NUMBERS | st.fixed_dictionaries({"value": NUMBERS})),
    },
)


def _ascii_dumps(document: Any) -> bytes:
    """``document`` as JSON with every non-ASCII character escaped (``"\\ud800"`` included)."""
    return json.dumps(document).encode("ascii")


# Raw (a lone surrogate makes the file invalid UTF-8) or escaped (it reaches the parser).
JSON_ENCODINGS = st.sampled_from([dumps, _ascii_dumps])


def _check_json_documents(
    book: LoyaltyBook, tmp_path: Path, document: Any, encode: Callable[[Any], bytes]
) -> None:
    source = tmp_path / "cards.json"
    source.write_bytes(encode(document))
    import_as_the_cli_does(book, source)


@settings(max_examples=examples(300))
@given(GOOGLE_FILES, JSON_ENCODINGS)
def test_any_google_wallet_file_is_imported_or_refused_cleanly(
    book: LoyaltyBook, tmp_path: Path, document: Any, encode: Callable[[Any], bytes]
) -> None:
    _check_json_documents(book, tmp_path, document, encode)


@settings(max_examples=examples(300))
@given(APPLE_PASS, JSON_ENCODINGS)
def test_any_apple_wallet_pass_is_imported_or_refused_cleanly(
    book: LoyaltyBook, tmp_path: Path, document: Any, encode: Callable[[Any], bytes]
) -> None:
    _check_json_documents(book, tmp_path, document, encode)


@settings(max_examples=examples(300))
@given(
    st.one_of(OWN_FILES, SCHEMA_ORG, st.lists(SCHEMA_ORG, max_size=3), JSON_VALUES), JSON_ENCODINGS
)
def test_any_other_json_file_is_imported_or_refused_cleanly(
    book: LoyaltyBook, tmp_path: Path, document: Any, encode: Callable[[Any], bytes]
) -> None:
    _check_json_documents(book, tmp_path, document, encode)


@settings(max_examples=examples(300))
@given(RAW_NASTY)
def test_any_bytes_named_json_are_imported_or_refused_cleanly(
    book: LoyaltyBook, tmp_path: Path, content: bytes
) -> None:
    source = tmp_path / "cards.json"
    source.write_bytes(content)
    import_as_the_cli_does(book, source)


# ------------------------------------------------------------------------------ round trip


@st.composite
def importable_csv_files(draw: st.DrawFn) -> bytes:
    """A CSV file of our columns whose cells are hostile text, formulas and awkward numbers."""
    rows = draw(
        st.lists(
            st.tuples(
                mostly(NAMES, FILE_TEXTS), FILE_TEXTS, mostly(NAMES, FILE_TEXTS), FILE_TEXTS,
                POINTS, DATES, FILE_TEXTS, BARCODE_TYPES, FILE_TEXTS,
            ),
            min_size=1,
            max_size=4,
        )
    )  # fmt: skip
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([MEMBERSHIP_FIELDS, *rows])
    return _encode(buffer.getvalue())


EXPORTS: dict[str, Callable[[list[MembershipDraft]], bytes]] = {
    "csv": memberships_csv,
    "json": lambda drafts: memberships_json(drafts, datetime(2026, 1, 1, tzinfo=UTC)),
}


def _accepted(path: Path) -> list[MembershipDraft]:
    try:
        parsed = parse_file(path)
    except WalletError:
        return []
    return [c.draft for c in parsed.candidates if c.draft is not None]


@settings(max_examples=examples(500))
@given(
    st.one_of(
        importable_csv_files(),
        GOOGLE_FILES.map(_ascii_dumps),
        APPLE_PASS.map(_ascii_dumps),
        OWN_FILES.map(_ascii_dumps),
    )
)
def test_what_an_import_accepts_survives_our_export_and_import(
    tmp_path: Path, content: bytes
) -> None:
    source = tmp_path / ("cards.csv" if content.startswith(b"program,") else "cards.json")
    source.write_bytes(content)
    accepted = _accepted(source)
    event("rows accepted" if accepted else "nothing accepted")
    for export_format, export in EXPORTS.items():
        exported = tmp_path / f"export.{export_format}"
        exported.write_bytes(export(accepted))
        if not accepted:
            continue
        assert _accepted(exported) == accepted, export_format


def test_the_round_trip_property_sees_accepted_hostile_rows(tmp_path: Path) -> None:
    """The generators above do produce importable rows with formulas and escapes in them."""
    rows = [["=cmd", "\x1b[8m", "'1", "-t", "1e3", "", "\r\n=x", "qr", "@v"]]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([MEMBERSHIP_FIELDS, *rows])
    source = tmp_path / "cards.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    (draft,) = _accepted(source)
    assert (draft.program, draft.member_number, draft.notes) == ("=cmd", "1", "\r\n=x")
    exported = tmp_path / "export.csv"
    exported.write_bytes(memberships_csv([draft]))
    assert _accepted(exported) == [draft]
