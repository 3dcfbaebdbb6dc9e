"""A failed chain check names the bad entry and, apart from it, what is wrong with it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from wallet import activity
from wallet.activity import ActivityEntry, VerifyReport, verify_chain

GENESIS = activity.genesis_hash("vault-id")


def _chain(length: int) -> list[ActivityEntry]:
    entries: list[ActivityEntry] = []
    previous = GENESIS
    for seq in range(1, length + 1):
        entry = ActivityEntry(
            seq=seq,
            at=datetime(2026, 1, 1, 12, 0, seq, tzinfo=UTC),
            type=activity.FIELD_CREATED,
            result=activity.COMPLETED,
            party=activity.SELF_PARTY,
            field_names=(f"field{seq}",),
            reason="",
            prev_hash=previous,
            hash="",
        )
        previous = activity.entry_hash(
            seq=seq,
            at=activity.format_timestamp(entry.at),
            type=entry.type,
            result=entry.result,
            party=entry.party,
            field_names=entry.field_names,
            reason=entry.reason,
            prev_hash=entry.prev_hash,
        )
        entries.append(dataclasses.replace(entry, hash=previous))
    return entries


def _head(entries: list[ActivityEntry]) -> tuple[int, str]:
    return entries[-1].seq, entries[-1].hash


def test_an_intact_chain_has_no_finding() -> None:
    entries = _chain(3)
    report = verify_chain(entries, genesis=GENESIS, head=_head(entries))
    assert report == VerifyReport(True, 3)
    assert report.finding == "" and report.problem == ""


def test_an_edited_entry_is_named_apart_from_what_is_wrong() -> None:
    entries = _chain(4)
    head = _head(entries)
    entries[1] = dataclasses.replace(entries[1], reason="edited later")
    report = verify_chain(entries, genesis=GENESIS, head=head)
    assert (report.ok, report.checked, report.first_bad_seq) == (False, 1, 2)
    assert report.finding == "its content does not match its hash (it was edited)"
    assert report.problem == f"entry #2: {report.finding}"


def test_every_kind_of_break_has_a_finding_without_the_entry_number() -> None:
    entries = _chain(4)
    head = _head(entries)
    broken = {
        "deleted": [entries[0], entries[2], entries[3]],
        "reordered": [entries[0], entries[2], entries[1], entries[3]],
        "relinked": [entries[0], dataclasses.replace(entries[1], prev_hash="0" * 64), *entries[2:]],
        "cut short": entries[:2],
    }
    for name, chain in broken.items():
        report = verify_chain(chain, genesis=GENESIS, head=head)
        assert not report.ok, name
        assert report.finding and not report.finding.startswith("entry #"), name
        assert report.problem == f"entry #{report.first_bad_seq}: {report.finding}", name
