"""``vrm-wallet-cli offers weights``: show the funnel weights, set some, refuse bad values.

Four subprocesses (init, show, set, refused); the last look runs ``main`` in this process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import PASSPHRASE, Cli, cli, fails, home, init, ok  # noqa: F401 (fixtures)
from wallet.cli.main import main

DEFAULTS = {"price": 0.5, "delivery": 0.3, "loyalty": 0.1, "history": 0.1}


def test_offers_weights_show_set_and_refuse(
    cli: Cli,  # noqa: F811
    home: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    init(cli)
    assert json.loads(ok(cli("offers", "weights", "--json"))) == DEFAULTS

    changed = ok(cli("offers", "weights", "--price", "0.2", "--history", "0.7"))
    assert changed.strip() == "Weights set: price 0.2, delivery 0.3, loyalty 0.1, history 0.7"

    fails(cli("offers", "weights", "--delivery", "1.5"), expect="--delivery must be a number")

    # Shown again: the change stuck and the refused one changed nothing.
    monkeypatch.setenv("VRM_WALLET_HOME", str(home))
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    assert main(["offers", "weights", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {**DEFAULTS, "price": 0.2, "history": 0.7}


def test_all_weights_zero_is_refused(
    home: Path,  # noqa: F811
    cli: Cli,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    init(cli)
    monkeypatch.setenv("VRM_WALLET_HOME", str(home))
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    zeros = ["--price", "0", "--delivery", "0", "--loyalty", "0", "--history", "0"]
    assert main(["offers", "weights", *zeros]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("error: ")
    assert "at least one weight must be above 0" in error[0]
    assert main(["offers", "weights", "--price", "abc"]) == 1
    assert "--price must be a number from 0 to 1" in capsys.readouterr().err
