"""``vrm-wallet-cli loyalty ...`` end to end, each command in a subprocess without a terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.test_cli import Cli, cli, fails, home, init, ok  # noqa: F401  (fixtures)

FIXTURES = Path(__file__).parent / "fixtures" / "loyalty"


def test_loyalty_commands(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    init(cli)
    added = ok(
        cli(
            "loyalty", "add", "--program", "Fresh Mart Club", "--vendor", "Fresh Mart",
            "--member-number", "FM-77", "--points", "1500", "--expiry", "2027-01-31",
            "--barcode-type", "ean13", "--barcode-value", "4006381333931",
        )
    )  # fmt: skip
    assert "Added membership #1" in added
    fails(
        cli("loyalty", "add", "--program", "fresh mart CLUB", "--vendor", "X",
            "--member-number", "fm-77"),
        expect="already have this card",
    )  # fmt: skip
    source = str(FIXTURES / "memberships.csv")
    fails(cli("loyalty", "import", source), expect="pass --yes")
    imported = ok(cli("loyalty", "import", source, "--yes", "--map", "Notes="))
    assert re.search(r"^Notes +\(ignored\)$", imported, re.M)
    assert re.search(r"^Card number +member_number$", imported, re.M)
    assert "Imported 3 memberships." in imported
    assert re.search(r"^4 +Fuel Points, GoGas +missing member number$", imported, re.M)
    assert re.search(r"^6 +Cinema Plus, .* bad expiry date '31/12/2026'", imported, re.M)
    shown = ok(cli("loyalty", "show", "1"))
    assert "ean13: 4006381333931" in shown
    listed = json.loads(ok(cli("loyalty", "list", "--json")))
    assert len(listed) == 4
    fresh = next(m for m in listed if m["member_number"] == "4006381333931")
    assert fresh["notes"] == "" and fresh["points_balance"] == 1500

    export = tmp_path / "cards.json"
    assert "Exported 4 memberships" in ok(cli("loyalty", "export", str(export)))
    assert json.loads(export.read_text())["format"] == "vrm-wallet.loyalty"
    fails(cli("loyalty", "import", str(export), "--yes"), expect="Nothing to import")

    ok(
        cli(
            "loyalty", "proposal", "add", "--title", "Weekly groceries", "--category",
            "groceries", "--vendor", "Fresh Mart", "--purchases", "4", "--reward",
            "percent_discount", "--reward-value", "5", "--valid-from", "2026-01-01",
            "--valid-until", "2030-12-31", "--status", "active",
        )
    )  # fmt: skip
    ok(cli("loyalty", "proposal", "record", "1", "--vendor", "Fresh Mart", "--amount", "42.80",
           "--date", "2026-02-01"))  # fmt: skip
    progress = json.loads(ok(cli("loyalty", "proposal", "progress", "1", "--json")))
    assert progress["target"] == "4" and progress["unit"] == "purchases"
    proposals = json.loads(ok(cli("loyalty", "proposal", "list", "--json")))
    assert proposals[0]["terms"]["reward"] == {"kind": "percent_discount", "value": "5"}

    ok(cli("loyalty", "delete", "1", "--yes"))
    log = json.loads(ok(cli("log", "list", "--json", "--type", "loyalty.")))
    text = json.dumps(log)
    assert "loyalty.imported" in text and "loyalty.purchase_recorded" in text
    for value in ("FM-77", "4006381333931", "BR-1111-0001", "42.80", "1500"):
        assert value not in text
