"""Loyalty memberships and proposals in the core: CRUD, imports, exports, progress, the log."""

from __future__ import annotations

import json
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vendorkit.demo import open_demo_vault
from wallet import activity
from wallet.errors import InvalidInput, NotFound, WalletError
from wallet.loyalty import bounds
from wallet.loyalty.book import DuplicateMembership, LoyaltyBook, period_of, validated
from wallet.loyalty.models import MembershipDraft
from wallet.vault.facade import Vault
from wallet.wire.loyalty import ProposalTerms

FIXTURES = Path(__file__).parent / "fixtures" / "loyalty"
MEMBER_NUMBERS = ("BR-1111-0001", "4006381333931", "SH-123456", "BR-2048-7731", "RC-55120-9")


def card(**changes: object) -> MembershipDraft:
    values: dict[str, object] = {
        "program": "Bean Rewards",
        "vendor": "Bean There Coffee",
        "member_number": "BR-1111-0001",
        "tier": "Gold",
        "points_balance": 120,
        "expiry": date(2027, 3, 31),
    }
    values.update(changes)
    return MembershipDraft.model_validate(values)


def proposal_terms(**changes: object) -> ProposalTerms:
    values: dict[str, object] = {
        "title": "Weekly groceries",
        "vendor": "Fresh Mart",
        "category": "groceries",
        "commitment": {"kind": "purchases", "count": 4},
        "period": "year",
        "reward": {"kind": "percent_discount", "value": "5"},
        "valid_from": date(2026, 3, 1),
        "valid_until": date(2028, 2, 29),
    }
    values.update(changes)
    return ProposalTerms.model_validate(values)


@pytest.fixture
def book(vault: Vault) -> LoyaltyBook:
    return LoyaltyBook(vault)


def test_add_update_list_delete(book: LoyaltyBook) -> None:
    added = book.add(card())
    assert added.id > 0 and added.code_value == "BR-1111-0001"
    updated = book.update(added.id, card(points_balance=Decimal("130.50"), tier="Platinum"))
    assert updated.points_balance == Decimal("130.50") and updated.tier == "Platinum"
    assert updated.created == added.created
    assert [m.id for m in book.memberships()] == [added.id]
    book.delete(added.id)
    assert book.memberships() == []
    with pytest.raises(NotFound):
        book.delete(added.id)


def test_duplicates_ignore_case_and_spaces(book: LoyaltyBook) -> None:
    first = book.add(card())
    with pytest.raises(DuplicateMembership) as caught:
        book.add(card(program="bean  REWARDS", member_number=" br-1111- 0001", vendor="Other"))
    assert caught.value.existing.id == first.id
    other = book.add(card(member_number="BR-1111-0002"))
    with pytest.raises(DuplicateMembership):
        book.update(other.id, card())


def test_models_refuse_bad_values() -> None:
    with pytest.raises(InvalidInput, match="member number"):
        validated(MembershipDraft, {"program": "P", "vendor": "V", "member_number": " "})
    with pytest.raises(InvalidInput, match="0 or more"):
        validated(
            MembershipDraft,
            {"program": "P", "vendor": "V", "member_number": "1", "points_balance": -1},
        )
    with pytest.raises(InvalidInput, match="check digit"):
        validated(
            MembershipDraft,
            {"program": "P", "member_number": "4006381333932", "barcode_type": "ean13"},
        )
    with pytest.raises(InvalidInput, match="percent discount"):
        validated(
            ProposalTerms, proposal_terms().model_dump() | {"reward": {"kind": "percent_discount"}}
        )
    # A card without a vendor belongs to its program.
    assert card(vendor="").vendor == "Bean Rewards"


def test_csv_import_reports_bad_rows_and_imports_the_rest(book: LoyaltyBook) -> None:
    preview = book.preview(FIXTURES / "memberships.csv")
    assert preview.format == "csv"
    mapping = dict(preview.mapping)
    assert mapping["Card number"] == "member_number" and mapping["Points"] == "points_balance"
    assert mapping["Store"] == "vendor" and mapping["Expires"] == "expiry"
    reasons = {row.row: row.reason for row in preview.rejected}
    assert reasons == {
        4: "missing member number",
        5: "bad points balance 'lots': not a number",
        6: "bad expiry date '31/12/2026': use YYYY-MM-DD",
        7: "duplicate of row 3 in this file",
        8: "bad points balance '-5': must be 0 or more",
    }
    assert [row.row for row in preview.good] == [2, 3, 9]
    result = book.import_rows(preview)
    assert len(result.imported) == 3 and len(result.rejected) == 5
    stored = {m.member_number: m for m in book.memberships()}
    assert stored["4006381333931"].points_balance == 1500
    assert stored["4006381333931"].barcode_type == "ean13"
    assert stored["SH-123456"].expiry == date(2028, 12, 31)
    imports = book._vault.activity_page(type_prefix=activity.LOYALTY_IMPORTED)
    assert len(imports) == 1 and imports[0].reason.startswith("3 memberships")
    # Importing the same file again: every good row is now a duplicate of a stored card.
    again = book.preview(FIXTURES / "memberships.csv")
    assert not again.good
    assert sum("already in the vault" in row.reason for row in again.rejected) == 4


def test_csv_mapping_can_be_changed(book: LoyaltyBook, tmp_path: Path) -> None:
    source = tmp_path / "cards.csv"
    source.write_text("Shop;Ref;Remarks\nFresh Mart;FM-1;blue card\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="member number"):
        book.preview(source)
    preview = book.preview(source, {"Ref": "member_number", "Shop": "program"})
    assert dict(preview.mapping) == {"Shop": "program", "Ref": "member_number", "Remarks": "notes"}
    assert preview.good[0].draft.program == "Fresh Mart"
    with pytest.raises(InvalidInput, match="no column"):
        book.preview(source, {"Nope": "tier"})
    with pytest.raises(InvalidInput, match="not a membership field"):
        book.preview(source, {"Ref": "colour"})


def test_google_wallet_sample_imports(book: LoyaltyBook) -> None:
    preview = book.preview(FIXTURES / "google_loyalty_object.json")
    assert preview.format == "google-wallet" and not preview.rejected
    first, second = (row.draft for row in preview.good)
    assert (first.program, first.vendor) == ("Bean Rewards", "Bean There Coffee")
    assert (first.member_number, first.points_balance, first.tier) == ("BR-2048-7731", 1250, "Gold")
    assert (first.barcode_type, first.expiry) == ("qr", date(2027, 12, 31))
    assert second.points_balance == Decimal("12.5") and "EUR" in second.notes
    assert "expired" in second.notes and second.barcode_type == "code128"
    assert len(book.import_rows(preview).imported) == 2


def test_single_google_object_without_class(book: LoyaltyBook, tmp_path: Path) -> None:
    source = tmp_path / "object.json"
    source.write_text(
        json.dumps(
            {
                "id": "3388.obj",
                "classId": "3388.fuel_points",
                "accountId": "FP-1",
                "loyaltyPoints": {"balance": {"string": "750"}},
                "barcode": {"type": "DATA_MATRIX", "value": "FP-1"},
            }
        ),
        encoding="utf-8",
    )
    preview = book.preview(source)
    assert [r.reason for r in preview.rejected] == [
        "unsupported barcode type 'DATA_MATRIX' (use one of qr, code128, ean13, upca, code39, "
        "pdf417, aztec)"
    ]


def test_apple_wallet_sample_imports(book: LoyaltyBook) -> None:
    preview = book.preview(FIXTURES / "apple_storecard_pass.json")
    assert preview.format == "apple-wallet"
    (row,) = preview.good
    draft = row.draft
    assert (draft.program, draft.vendor, draft.member_number) == (
        "Reading Club",
        "Corner Books",
        "RC-55120-9",
    )
    assert (draft.tier, draft.points_balance, draft.expiry) == ("Silver", 340, date(2027, 6, 30))
    assert (draft.barcode_type, draft.barcode_value) == ("code128", "RC-55120-9")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"memberships": [', "is not valid JSON (Expecting value: line 1"),
        (b'{"formatVersion": 1, "coupon": {}}', "coupon, not a store card"),
        (b'{"hello": "world"}', "not a loyalty file this app reads"),
        ("Program,Card number\nCaf\xe9,1\n".encode("latin-1"), "not UTF-8 text"),
        (b"", "is empty"),
        (b'Program,Card number\n"unterminated,1\n', "well-formed CSV"),
    ],
)
def test_malformed_files_give_clear_errors(
    book: LoyaltyBook, tmp_path: Path, content: bytes, expected: str
) -> None:
    source = tmp_path / ("bad.json" if content.startswith(b"{") else "bad.csv")
    source.write_bytes(content)
    with pytest.raises(InvalidInput, match=expected.replace("(", r"\(")):
        book.preview(source)


def test_csv_with_bom_is_read(book: LoyaltyBook, tmp_path: Path) -> None:
    source = tmp_path / "bom.csv"
    source.write_bytes("\ufeffProgram,Card number\nCafé Club,1\n".encode())
    assert book.preview(source).good[0].draft.program == "Café Club"


def test_oversize_file_is_refused(book: LoyaltyBook, tmp_path: Path) -> None:
    source = tmp_path / "huge.csv"
    source.write_bytes(b"Program,Card number\n" + b"x" * bounds.MAX_IMPORT_BYTES)
    with pytest.raises(WalletError, match="larger than"):
        book.preview(source)


@pytest.mark.parametrize("export_format", ["csv", "json"])
def test_export_round_trips(book: LoyaltyBook, tmp_path: Path, export_format: str) -> None:
    book.import_rows(book.preview(FIXTURES / "memberships.csv"))
    book.import_rows(book.preview(FIXTURES / "google_loyalty_object.json"))
    target = tmp_path / f"cards.{export_format}"
    assert book.export(target, format=export_format) == 5  # type: ignore[arg-type]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    preview = book.preview(target)
    assert not preview.good and len(preview.rejected) == 5
    assert all("already in the vault" in row.reason for row in preview.rejected)
    # In an empty vault the export brings back the very same cards.
    originals = {m.key: m.draft() for m in book.memberships()}
    for membership in book.memberships():
        book.delete(membership.id)
    book.import_rows(book.preview(target))
    assert {m.key: m.draft() for m in book.memberships()} == originals


def test_proposals_and_progress(book: LoyaltyBook) -> None:
    proposal = book.add_proposal(proposal_terms(), status="active")
    assert book.proposals()[0].terms == proposal.terms
    book.record_purchase(proposal.id, vendor="Fresh Mart", amount="20", day=date(2026, 3, 5))
    book.record_purchase(proposal.id, vendor="fresh  mart", amount="30.5", day=date(2027, 2, 28))
    book.record_purchase(proposal.id, vendor="Fresh Mart", amount="9", day=date(2027, 3, 1))
    with pytest.raises(InvalidInput, match="made to Fresh Mart"):
        book.record_purchase(proposal.id, vendor="Other Shop", amount="1")
    progress = book.progress(proposal.id, as_of=date(2026, 12, 1))
    assert (progress.period_start, progress.period_end) == (date(2026, 3, 1), date(2027, 2, 28))
    (vendor,) = progress.vendors
    assert (vendor.purchases, vendor.amount, vendor.fraction) == (2, Decimal("50.5"), 0.5)
    next_year = book.progress(proposal.id, as_of=date(2027, 6, 1))
    assert next_year.vendors[0].purchases == 1 and next_year.period_end == date(2028, 2, 29)
    by_amount = book.update_proposal(
        proposal.id,
        proposal_terms(
            vendor="", commitment={"kind": "amount", "amount": "100", "currency": "eur"}
        ),
    )
    assert by_amount.status == "active"
    book.record_purchase(proposal.id, vendor="Corner Shop", amount="25", day=date(2026, 4, 1))
    progress = book.progress(proposal.id, as_of=date(2026, 5, 1))
    assert progress.unit == "EUR"
    assert [(v.vendor, v.fraction) for v in progress.vendors] == [
        ("Fresh Mart", 0.505),
        ("Corner Shop", 0.25),
    ]
    book.delete_proposal(proposal.id)
    assert book.proposals() == []


def test_period_of_validity_and_leap_day() -> None:
    whole = proposal_terms(period="validity")
    assert period_of(whole, date(2030, 1, 1)) == (date(2026, 3, 1), date(2028, 2, 29))
    leap = proposal_terms(valid_from=date(2024, 2, 29), valid_until=date(2027, 1, 1))
    assert period_of(leap, date(2025, 3, 1)) == (date(2025, 2, 28), date(2026, 2, 27))


def test_activity_log_holds_no_member_numbers_or_balances(
    book: LoyaltyBook, tmp_path: Path
) -> None:
    added = book.add(card())
    book.update(added.id, card(points_balance=999))
    book.import_rows(book.preview(FIXTURES / "memberships.csv"))
    book.import_rows(book.preview(FIXTURES / "google_loyalty_object.json"))
    book.import_rows(book.preview(FIXTURES / "apple_storecard_pass.json"))
    book.export(tmp_path / "out.json", format="json")
    proposal = book.add_proposal(proposal_terms())
    book.record_purchase(proposal.id, vendor="Fresh Mart", amount="12.34")
    book.delete(added.id)
    entries = book._vault.activity_page(type_prefix="loyalty.")
    assert {e.type for e in entries} >= {
        activity.LOYALTY_ADDED,
        activity.LOYALTY_UPDATED,
        activity.LOYALTY_DELETED,
        activity.LOYALTY_IMPORTED,
        activity.LOYALTY_EXPORTED,
        activity.PROPOSAL_SAVED,
        activity.PURCHASE_RECORDED,
    }
    updated = next(e for e in entries if e.type == activity.LOYALTY_UPDATED)
    assert updated.field_names == ("points_balance",)
    text = json.dumps([[e.reason, e.party, *e.field_names] for e in entries])
    for secret in (*MEMBER_NUMBERS, "999", "12.34", "1250"):
        assert secret not in text
    assert book._vault.verify_activity().ok


def test_demo_vault_has_cards_and_a_proposal(tmp_path: Path) -> None:
    with open_demo_vault(tmp_path / "demo") as demo:
        book = LoyaltyBook(demo)
        assert len(book.memberships()) == 4  # one of them ends within days (see test_demo)
        (proposal,) = book.proposals()
        assert book.progress(proposal.id).vendors[0].purchases == 1
