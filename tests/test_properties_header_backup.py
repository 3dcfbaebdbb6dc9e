"""Property tests of the two files a vault trusts least: its header and a backup to restore.

For any bytes as ``vault.json`` and any archive as a backup: accepted, or refused with one clear
:class:`WalletError`, never another exception; no accepted header asks for more key derivation
than the ceiling (so no hostile file costs more than seconds per attempt); after a refusal the
vault and the restore destination are exactly as before, with no work folder left behind.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from tests.properties import JSON_VALUES, RAW_NASTY, dumps, examples
from wallet.errors import WalletError
from wallet.vault.backup import extract_backup
from wallet.vault.facade import DATABASE_FILE, HEADER_FILE, Vault
from wallet.vault.header import (
    MAX_KDF_WORK,
    MAX_MEMORY_KIB,
    PassphraseSlot,
    VaultHeader,
    parse_header,
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One real vault (locked), its header bytes and a backup of it, shared by the module."""
    root = tmp_path_factory.mktemp("sample")
    created = Vault.create(root / "vault", PASSPHRASE, kdf_target_seconds=0)
    with created.vault as vault:
        vault.fields.set("email", "ada@example.org")
        backup = vault.backup(root / "good.vrmbackup")
    yield {
        "vault": root / "vault",
        "header": (root / "vault" / HEADER_FILE).read_bytes(),
        "backup": backup.read_bytes(),
        "database": (root / "vault" / DATABASE_FILE).read_bytes(),
    }


def _within_ceiling(header: VaultHeader) -> None:
    slot = header.slot("passphrase")
    if isinstance(slot, PassphraseSlot):
        cost = slot.kdf.cost
        assert cost.memory_kib <= MAX_MEMORY_KIB
        assert cost.memory_kib * cost.iterations <= MAX_KDF_WORK


def _parse(raw: bytes) -> VaultHeader | None:
    """The property's core: a header or a one-line WalletError; nothing else escapes."""
    try:
        header = parse_header(raw)
    except WalletError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 600, str(exc)
        event(f"refused: {type(exc).__name__}")
        return None
    _within_ceiling(header)
    event("accepted")
    return header


# --------------------------------------------------------------------------------- the header

PATHS = st.lists(st.sampled_from(["slots", 0, 1, "kdf", "memory_kib", "iterations", "lanes",
                                  "salt", "nonce", "wrapped_key", "format_version", "vault_id",
                                  "created", "mac", "type", "algorithm", "cipher"]),
                 min_size=1, max_size=4)  # fmt: skip


def _replace(document: Any, path: list[Any], value: Any) -> Any:
    """``document`` with the value at ``path`` replaced (as far as the path exists)."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(document, dict) and isinstance(key, str):
        copy = dict(document)
        copy[key] = _replace(document.get(key), rest, value)
        return copy
    if isinstance(document, list) and isinstance(key, int) and key < len(document):
        copy = list(document)
        copy[key] = _replace(document[key], rest, value)
        return copy
    return value


NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, 3, 4, 16, 17, 64, 65, 65536, 262144, 262145, 4194304, 10**4000]),
)


@settings(max_examples=examples(1500))
@given(raw=st.one_of(RAW_NASTY, st.binary(max_size=2000)))
def test_any_bytes_as_a_header_are_parsed_or_refused_in_one_line(raw: bytes) -> None:
    _parse(raw)


@settings(max_examples=examples(1000))
@given(path=PATHS, value=st.one_of(JSON_VALUES, NUMBERS), drop=st.booleans())
def test_edited_headers_are_parsed_or_refused_in_one_line(
    sample: dict[str, Any], path: list[Any], value: Any, drop: bool
) -> None:
    document = json.loads(sample["header"])
    edited = _replace(document, path, value)
    if drop and isinstance(edited, dict) and isinstance(path[0], str):
        edited.pop(path[0], None)
    _parse(dumps(edited))


@settings(max_examples=examples(1000))
@given(
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=4),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_damaged_header_bytes_are_parsed_or_refused_in_one_line(
    sample: dict[str, Any], flips: list[tuple[int, int]], cut: int | None
) -> None:
    _parse(_damaged(sample["header"], flips, cut))


def _damaged(original: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(original)
    for position, mask in flips:
        data[position % len(data)] ^= mask
    return bytes(data[: cut % (len(data) + 1)] if cut is not None else data)


@settings(max_examples=examples(25))
@given(path=PATHS, value=st.one_of(JSON_VALUES, NUMBERS))
def test_opening_with_an_edited_header_changes_nothing_but_the_failed_attempts_record(
    sample: dict[str, Any], path: list[Any], value: Any
) -> None:
    """End to end through unlocking: each accepted edit costs at most one bounded KDF run."""
    with tempfile.TemporaryDirectory(prefix="vrm-prop-") as temp:
        _open_edited(sample, Path(temp), path, value)


def _open_edited(sample: dict[str, Any], work: Path, path: list[Any], value: Any) -> None:
    shutil.copytree(sample["vault"], work / "vault")
    edited = dumps(_replace(json.loads(sample["header"]), path, value))
    (work / "vault" / HEADER_FILE).write_bytes(edited)
    try:
        with Vault.open_with_passphrase(work / "vault", PASSPHRASE):
            event("opened")  # the edit was undone by the model (the same header)
            return
    except WalletError as exc:
        assert "\n" not in str(exc)
        event(f"refused: {type(exc).__name__}")
    assert (work / "vault" / HEADER_FILE).read_bytes() == edited
    assert (work / "vault" / DATABASE_FILE).read_bytes() == sample["database"]
    leftovers = {p.name for p in (work / "vault").iterdir()}
    assert leftovers <= {HEADER_FILE, DATABASE_FILE, "pending-events.jsonl"}


# -------------------------------------------------------------------------------- backups

NAMES = st.sampled_from(
    [HEADER_FILE, DATABASE_FILE, "../vault.db", "/etc/passwd", "vault.db/", "VAULT.JSON", "x"]
)
METHODS = st.sampled_from(
    [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
)


@st.composite
def archives(draw: st.DrawFn, sample: dict[str, Any]) -> bytes:
    """A zip file with members drawn from real, nasty and random contents."""
    contents = st.one_of(
        st.just(sample["header"]),
        st.just(sample["database"]),
        st.builds(
            _damaged,
            st.just(sample["header"]),
            st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=3),
            st.none(),
        ),
        RAW_NASTY,
        st.binary(max_size=3000),
    )
    members = draw(
        st.lists(st.tuples(NAMES, contents, METHODS), max_size=4).map(
            lambda chosen: chosen or [(HEADER_FILE, sample["header"], zipfile.ZIP_STORED)]
        )
    )
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point
        with zipfile.ZipFile(buffer, "w") as bundle:
            for name, content, method in members:
                bundle.writestr(name, content, compress_type=method)
    return buffer.getvalue()


def _byte_mutations(original: bytes) -> st.SearchStrategy[bytes]:
    return st.builds(
        _damaged,
        st.just(original),
        st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=6),
        st.one_of(st.none(), st.integers(min_value=0)),
    )


@pytest.fixture(scope="module")
def backup_inputs(sample: dict[str, Any]) -> st.SearchStrategy[bytes]:
    return st.one_of(archives(sample), _byte_mutations(sample["backup"]), RAW_NASTY)


@settings(max_examples=examples(500))
@given(data=st.data())
def test_any_archive_is_unpacked_or_refused_in_one_line(
    sample: dict[str, Any],
    backup_inputs: st.SearchStrategy[bytes],
    data: st.DataObject,
) -> None:
    """The archive checks alone (no key derivation), so many cases run in seconds."""
    raw = data.draw(backup_inputs)
    with tempfile.TemporaryDirectory(prefix="vrm-prop-") as temp:
        work = Path(temp)
        (work / "backup.zip").write_bytes(raw)
        (work / "staging").mkdir()
        try:
            extract_backup(work / "backup.zip", work / "staging")
        except WalletError as exc:
            assert "\n" not in str(exc)
            event(f"refused: {type(exc).__name__}")
            return
        event("unpacked")
        header = parse_header((work / "staging" / HEADER_FILE).read_bytes())
        _within_ceiling(header)
        unpacked = sorted(p.name for p in (work / "staging").iterdir())
        assert unpacked == [DATABASE_FILE, HEADER_FILE]


@settings(max_examples=examples(40))
@given(data=st.data())
def test_restoring_any_archive_over_a_vault_changes_nothing_unless_it_is_whole(
    sample: dict[str, Any],
    backup_inputs: st.SearchStrategy[bytes],
    data: st.DataObject,
) -> None:
    """End to end through restore --force: a refused backup leaves the vault and folder as is."""
    raw = data.draw(backup_inputs)
    with tempfile.TemporaryDirectory(prefix="vrm-prop-") as temp:
        _restore_over_a_vault(sample, Path(temp), raw)


def _restore_over_a_vault(sample: dict[str, Any], work: Path, raw: bytes) -> None:
    shutil.copytree(sample["vault"], work / "vault")
    (work / "backup.zip").write_bytes(raw)
    before = {p.name: p.read_bytes() for p in (work / "vault").iterdir()}
    try:
        result = Vault.restore(work / "backup.zip", work / "vault", passphrase=PASSPHRASE,
                               force=True)  # fmt: skip
    except WalletError as exc:
        assert "\n" not in str(exc)
        event(f"refused: {type(exc).__name__}")
        assert {p.name: p.read_bytes() for p in (work / "vault").iterdir()} == before
        assert sorted(p.name for p in work.iterdir()) == ["backup.zip", "vault"]
        return
    event("restored")
    assert result.replaced_moved_to is not None
    with Vault.open_with_passphrase(work / "vault", PASSPHRASE) as restored:
        assert restored.check_integrity().ok
