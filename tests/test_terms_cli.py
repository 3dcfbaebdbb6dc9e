"""`vrm-wallet-cli terms ...` end to end, each command in a subprocess (like tests/test_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import Cli, cli, fails, home, init, ok  # noqa: F401 (fixtures)
from wallet.terms import SignedTerms, verify_signed_terms


def test_terms_commands_end_to_end(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    clauses = json.loads(ok(cli("terms", "clauses", "--json", "--lang", "es")))
    ids = {clause["id"] for clause in clauses["clauses"]}
    assert {"CC-NO-TRACKING", "CC-RETENTION-DAYS", "CC-DATA-REGION"} <= ids
    init(cli)

    fails(
        cli("terms", "compose", "--clause", "CC-RETENTION-DAYS=-3"),
        expect="days must be a whole number from 1 to 3650",
    )
    fails(cli("terms", "compose", "--clause", "CC-NOPE"), expect="Unknown clause id 'CC-NOPE'")
    first = ok(
        cli(
            "terms", "compose",
            "--clause", "CC-NO-TRACKING",
            "--clause", "CC-RETENTION-DAYS=30",
            "--clause", "CC-DELETE-ON-END=action=return_then_delete,within_days=14",
            "--free-text", "Sin llamadas, gracias",
            "--lang", "es",
        )
    )  # fmt: skip
    assert "Saved version 1." in first and "SHA-256: " in first
    ok(cli("terms", "compose", "--clause", "CC-NO-TRACKING", "--clause", "CC-RETENTION-DAYS=60"))

    versions = json.loads(ok(cli("terms", "versions", "--json")))
    assert [v["version"] for v in versions] == [1, 2]
    shown = ok(cli("terms", "show", "--version", "1", "--lang", "it"))
    assert "Le mie condizioni (versione 1" in shown and "30 giorni" in shown
    assert "Sin llamadas, gracias" in shown
    diff = ok(cli("terms", "diff", "1", "2"))
    assert "~ CC-RETENTION-DAYS (Retention limit): days 30 → 60" in diff
    assert "- CC-DELETE-ON-END" in diff and "- free text" in diff

    target = tmp_path / "terms.json"
    ok(cli("terms", "export", str(target), "--version", "1"))
    fails(cli("terms", "export", str(target)), expect="already exists")
    signed = SignedTerms.model_validate(json.loads(target.read_text(encoding="utf-8")))
    assert verify_signed_terms(signed).version == 1
    assert signed.sha256 == versions[0]["sha256"]
    assert "No vendor has accepted" in ok(cli("terms", "agreements"))
