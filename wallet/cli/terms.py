"""``vrm-wallet-cli terms ...``: compose, show, compare and export the consumer's own terms.

Clauses are given as ``--clause ID`` (defaults), ``--clause ID=VALUE`` (for a clause with one
parameter) or ``--clause ID=NAME=VALUE,NAME=VALUE`` (any parameters), plus ``--free-text TEXT``.
They are checked against the catalogue before the passphrase is asked for.
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


def cmd_terms_compose(args: argparse.Namespace) -> int:
    """Save a new version of your terms from catalogue clauses and free text."""
    catalogue = load_catalogue()
    choices = [parse_clause(text, catalogue) for text in args.clause or ()]
    choices += [ClauseChoice.free(text) for text in args.free_text or ()]
    render_draft(choices, args.lang, catalogue)  # refuse bad clauses before asking a passphrase
    with unlocked(args) as vault:
        saved = TermsBook(vault, catalogue=catalogue).compose(choices, language=args.lang)
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
    return {
        **json.loads(agreement.record.model_dump_json()),
        "terms_version": agreement.terms_version,
        "stored_at": iso(agreement.stored_at),
    }


def cmd_terms_agreements(args: argparse.Namespace) -> int:
    """List the vendors' verified agreements to your terms."""
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
            str(a.terms_version or "?"),
            a.record.accepted_at,
            a.vendor_kid[:16] + "…",
        )
        for a in agreements
    ]
    print_table(("vendor", "version", "accepted at", "vendor key"), rows)
    return 0


def add_commands(commands: Any) -> None:
    """The ``terms`` command group."""
    terms = command_group(commands, "terms", "your own terms of service, signed, for vendors")
    clauses = command(terms, "clauses", cmd_terms_clauses, json_output=True)
    clauses.add_argument("--lang", type=_language, default="en", help="en, es or it")

    compose = command(terms, "compose", cmd_terms_compose, json_output=True)
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
