"""``vrm-wallet-cli terms ...``: compose, show, compare and export the consumer's own terms, and
see the vendors' agreements and counter-offers (IEEE 7012, MyTerms).

The person proffers an agreement of the roster (``--agreement SD-BASE``; ``terms roster`` lists
them) and may add catalogue clauses: ``--clause ID`` (defaults), ``--clause ID=VALUE`` (for a
clause with one parameter) or ``--clause ID=NAME=VALUE,NAME=VALUE`` (any parameters), plus
``--free-text TEXT``. They are checked before the passphrase is asked for.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, get_args

from wallet.cli.support import (
    CliError,
    command,
    command_group,
    iso,
    local,
    one_line,
    print_json,
    print_listing,
    print_table,
    unlocked,
)
from wallet.offers.counters import answer_counter
from wallet.terms import (
    LANGUAGES,
    Catalogue,
    ClauseChoice,
    Language,
    StoredAgreement,
    TermsBook,
    TermsVersion,
    load_catalogue,
    render_draft,
)
from wallet.terms.catalogue import CatalogueClause
from wallet.terms.offered import CounterOffer, counter_offers
from wallet.terms.roster import load_roster

CLAUSE_SYNTAX = (
    "a clause: ID (default parameters), ID=VALUE (a clause with one parameter, e.g. "
    "CC-RETENTION-DAYS=30) or ID=NAME=VALUE,NAME=VALUE (e.g. "
    "CC-DELETE-ON-END=action=return_then_delete,within_days=14); repeat for more clauses"
)


def parse_clause(text: str, catalogue: Catalogue) -> ClauseChoice:
    """``ID``, ``ID=VALUE`` or ``ID=NAME=VALUE,NAME=VALUE`` as a checked-later choice."""
    clause_id, _, rest = text.partition("=")
    clause = catalogue.clause(clause_id.strip().upper())
    if not rest:
        return ClauseChoice(clause.id)
    if "=" not in rest:
        if len(clause.params) != 1:
            names = ", ".join(param.name for param in clause.params) or "none"
            raise CliError(
                f"{clause.id} has {len(clause.params)} parameters ({names}); name them: "
                f"--clause {clause.id}=NAME=VALUE,NAME=VALUE."
            )
        return ClauseChoice(clause.id, {clause.params[0].name: rest})
    params: dict[str, object] = {}
    for pair in rest.split(","):
        name, separator, value = pair.partition("=")
        if not separator or not name.strip():
            raise CliError(f"{pair!r} in --clause {text!r} is not NAME=VALUE.")
        params[name.strip()] = value
    return ClauseChoice(clause.id, params)


def _language(text: str) -> Language:
    if text not in get_args(Language):
        raise argparse.ArgumentTypeError(f"choose one of {', '.join(LANGUAGES)}")
    return text  # type: ignore[return-value]


def _clause_json(clause: CatalogueClause, language: Language) -> dict[str, Any]:
    return {
        "id": clause.id,
        "title": clause.title.get(language),
        "text": clause.text.get(language),
        "params": [
            {
                "name": param.name,
                "type": param.type,
                "default": param.default,
                **({"min": param.min, "max": param.max} if param.type == "int" else {}),
                **({"unit": param.unit} if param.unit else {}),
                **(
                    {"options": [option.value for option in param.options]} if param.options else {}
                ),
            }
            for param in clause.params
        ],
    }


def cmd_terms_clauses(args: argparse.Namespace) -> int:
    """List the catalogue's standard clauses and their parameters."""
    catalogue = load_catalogue()
    language: Language = args.lang
    if args.json:
        print_json(
            {
                "catalogue_version": catalogue.catalogue_version,
                "clauses": [_clause_json(clause, language) for clause in catalogue.clauses],
            }
        )
        return 0
    rows = [
        (
            clause.id,
            one_line(clause.title.get(language), 44),
            ", ".join(f"{param.name}: {param.allowed()}" for param in clause.params) or "-",
        )
        for clause in catalogue.clauses
    ]
    print_table(("id", "clause", "parameters (default in `terms clauses --json`)"), rows)
    return 0


def cmd_terms_roster(args: argparse.Namespace) -> int:
    """List the roster's standard agreements (IEEE 7012) you can proffer."""
    roster = load_roster()
    language: Language = args.lang
    agreements = [
        {"id": a.id, "title": a.title.get(language), "text": a.text.get(language)}
        for a in roster.agreements
    ]
    if args.json:
        print_json({"roster_version": roster.roster_version, "agreements": agreements})
        return 0
    for agreement in agreements:
        print(f"{agreement['id']}: {agreement['title']}")
        print(f"  {agreement['text']}")
    return 0


def cmd_terms_compose(args: argparse.Namespace) -> int:
    """Save a new version of your terms: a roster agreement, catalogue clauses, free text."""
    catalogue = load_catalogue()
    choices = [parse_clause(text, catalogue) for text in args.clause or ()]
    choices += [ClauseChoice.free(text) for text in args.free_text or ()]
    # refuse a bad agreement or clause before asking for the passphrase
    render_draft(choices, args.lang, catalogue, agreement=args.agreement)
    with unlocked(args) as vault:
        saved = TermsBook(vault, catalogue=catalogue).compose(
            choices, language=args.lang, agreement=args.agreement
        )
    if args.json:
        print_json(_version_json(saved))
        return 0
    print(f"Saved version {saved.version}.")
    print(f"SHA-256: {saved.sha256}")
    print(f"Signed by key {saved.fingerprint}")
    return 0


def _version_json(version: TermsVersion) -> dict[str, Any]:
    return {
        "version": version.version,
        "issued": version.document.issued,
        "language": version.document.language,
        "agreement": version.document.agreement,
        "clauses": len(version.document.clauses),
        "sha256": version.sha256,
        "kid": version.kid,
    }


def cmd_terms_show(args: argparse.Namespace) -> int:
    """Show a version of your terms (default the latest) in full."""
    with unlocked(args) as vault:
        book = TermsBook(vault)
        chosen = book.version(args.version) if args.version is not None else book.latest()
        if chosen is None:
            raise CliError("You have no terms yet; compose them with `terms compose`.")
        language = args.lang or chosen.document.language
        text = book.render(chosen, language)
    if args.json:
        print_json(
            {**chosen.signed().model_dump(mode="json"), "version": chosen.version, "text": text}
        )
        return 0
    print(text)
    print(f"Version {chosen.version} · SHA-256 {chosen.sha256}")
    print(f"Signed by key {chosen.fingerprint}")
    return 0


def cmd_terms_versions(args: argparse.Namespace) -> int:
    """List the saved versions of your terms."""
    with unlocked(args) as vault:
        versions = TermsBook(vault).versions()
    print_listing(
        versions,
        as_json=args.json,
        to_json=_version_json,
        empty="You have no terms yet; compose them with `terms compose`.",
        headers=("version", "issued", "lang", "clauses", "sha-256"),
        to_row=lambda v: (
            str(v.version),
            local(v.issued),
            v.document.language,
            str(len(v.document.clauses)),
            v.sha256[:16] + "…",
        ),
    )
    return 0


def cmd_terms_diff(args: argparse.Namespace) -> int:
    """Compare two versions clause by clause (+ added, - removed, ~ changed)."""
    with unlocked(args) as vault:
        book = TermsBook(vault)
        difference = book.diff(args.a, args.b)
        lines = difference.describe(book.catalogue(), args.lang)
    print(f"From version {args.a} to version {args.b}:")
    print("\n".join(lines) if lines else "No differences in the clauses.")
    return 0


def cmd_terms_export(args: argparse.Namespace) -> int:
    """Export a version (default the latest) as signed JSON that vendors can verify."""
    target = Path(args.file)
    if target.exists() and not args.force:
        raise CliError(
            f"{target} already exists; choose another name, or pass --force to replace it."
        )
    with unlocked(args) as vault:
        signed = TermsBook(vault).export_to_file(target, version=args.version, overwrite=True)
    print(f"Exported version {signed.document.version} to {target}.")
    print(f"SHA-256: {signed.sha256}")
    return 0


def _agreement_json(agreement: StoredAgreement) -> dict[str, Any]:
    """Who signed what and when: the vendor's half and the person's half of one agreement."""
    kept = agreement.kept
    return {
        "status": agreement.status,
        "agreement": agreement.agreement,
        "terms_sha256": agreement.terms_sha256,
        "terms_version": agreement.terms_version,
        "offer": kept.offer,
        "vendor": {
            "id": kept.vendor_id,
            "name": kept.vendor_name,
            "kid": agreement.vendor_kid,
            "signed_at": kept.accepted_at,
            "signed": "agreement record" if kept.record is not None else "offer",
        },
        "record": json.loads(kept.record.model_dump_json()) if kept.record else None,
        "person": {
            "signed": "counter-offer terms" if kept.counter is not None else "terms version",
            "answer": kept.answer,
            "answered_at": kept.answered_at,
            "signature": kept.person_signature,
        },
        "stored_at": iso(agreement.stored_at),
    }


def cmd_terms_agreements(args: argparse.Namespace) -> int:
    """List the vendors' verified agreements to your terms (and counter-offers)."""
    with unlocked(args) as vault:
        agreements = TermsBook(vault).agreements()
    if args.json:
        print_json([_agreement_json(agreement) for agreement in agreements])
        return 0
    if not agreements:
        print("No vendor has accepted your terms yet.")
        return 0
    rows = [
        (
            one_line(a.vendor_name, 30),
            a.status,
            a.agreement or "-",
            str(a.terms_version or "-"),
            a.kept.accepted_at,
            a.vendor_kid[:16] + "…",
        )
        for a in agreements
    ]
    print_table(("vendor", "status", "agreement", "version", "vendor signed", "vendor key"), rows)
    return 0


def _counter_json(counter: CounterOffer, language: Language) -> dict[str, Any]:
    proposed = load_roster().agreement(counter.agreement)
    return {
        "offer": counter.offer_id,
        "vendor": counter.stored.vendor_name,
        "agreement": counter.agreement,
        "title": proposed.title.get(language),
        "text": proposed.text.get(language),
        "terms_sha256": counter.stored.terms_sha256,
        "answer": counter.answer,
    }


def cmd_terms_counters(args: argparse.Namespace) -> int:
    """List the vendors' counter-offers to your terms, with the agreement each proposes."""
    with unlocked(args) as vault:
        counters = counter_offers(vault)
    listed = [_counter_json(counter, args.lang) for counter in counters]
    if args.json:
        print_json(listed)
        return 0
    if not listed:
        print("No vendor has made a counter-offer to your terms.")
        return 0
    for item in listed:
        answer = item["answer"] or "awaiting your answer"
        print(f"{one_line(item['vendor'], 40)} proposes {item['agreement']} ({answer})")
        print(f"  offer {item['offer']}")
        print(f"  {item['title']}: {item['text']}")
    return 0


def cmd_terms_answer(args: argparse.Namespace) -> int:
    """Accept or decline a vendor's counter-offer (answers are final)."""
    with unlocked(args) as vault:
        answered = answer_counter(vault, args.offer, accept=args.answer == "accept")
    if args.json:
        print_json(_counter_json(answered, "en"))
        return 0
    print(f"You {answered.answer} {answered.stored.vendor_name}'s counter-offer.")
    return 0


def add_commands(commands: Any) -> None:
    """The ``terms`` command group."""
    terms = command_group(commands, "terms", "your own terms of service, signed, for vendors")
    roster = command(terms, "roster", cmd_terms_roster, json_output=True)
    roster.add_argument("--lang", type=_language, default="en", help="en, es or it")

    clauses = command(terms, "clauses", cmd_terms_clauses, json_output=True)
    clauses.add_argument("--lang", type=_language, default="en", help="en, es or it")

    compose = command(terms, "compose", cmd_terms_compose, json_output=True)
    compose.add_argument(
        "--agreement", metavar="ID", help="the roster agreement you proffer (see `terms roster`)"
    )
    compose.add_argument("--clause", action="append", metavar="ID[=...]", help=CLAUSE_SYNTAX)
    compose.add_argument(
        "--free-text", action="append", metavar="TEXT", help="a clause in your own words"
    )
    compose.add_argument(
        "--lang", type=_language, default="en", help="the language you write in (en, es, it)"
    )

    show = command(terms, "show", cmd_terms_show, json_output=True)
    show.add_argument("--version", type=int, metavar="N", help="which version (default latest)")
    show.add_argument("--lang", type=_language, help="en, es or it (default: as written)")

    command(terms, "versions", cmd_terms_versions, json_output=True)

    diff = command(terms, "diff", cmd_terms_diff)
    diff.add_argument("a", type=int, metavar="A", help="the older version")
    diff.add_argument("b", type=int, metavar="B", help="the newer version")
    diff.add_argument("--lang", type=_language, default="en", help="en, es or it")

    export = command(terms, "export", cmd_terms_export)
    export.add_argument("file", metavar="FILE", help="the JSON file to write")
    export.add_argument("--version", type=int, metavar="N", help="which version (default latest)")
    export.add_argument("--force", action="store_true", help="replace an existing file")

    command(terms, "agreements", cmd_terms_agreements, json_output=True)

    counters = command(terms, "counters", cmd_terms_counters, json_output=True)
    counters.add_argument("--lang", type=_language, default="en", help="en, es or it")

    answer = command(terms, "answer", cmd_terms_answer, json_output=True)
    answer.add_argument("offer", metavar="OFFER", help="the offer holding the counter-offer")
    answer.add_argument("answer", choices=("accept", "decline"), help="your answer")
