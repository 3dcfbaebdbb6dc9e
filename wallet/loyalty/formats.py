"""Reading loyalty files: CSV with a column mapping, Google Wallet and Apple Wallet passes, ours.

:func:`parse_file` reads a file within the bounds of :mod:`wallet.loyalty.bounds` and hands it to
the reader of its format: :mod:`~wallet.loyalty.csv_format` (which also writes our CSV export and
documents how it defuses spreadsheet formulas), :mod:`~wallet.loyalty.json_formats` (our JSON
export and schema.org), :mod:`~wallet.loyalty.google_wallet`, :mod:`~wallet.loyalty.apple_wallet`.
Every reader turns the file into candidate rows (:mod:`~wallet.loyalty.values`): a file that is
too big, malformed or of the wrong shape is refused with one :class:`~wallet.errors.InvalidInput`
naming it, and a row with a bad value is rejected with its reason. Nothing here touches the vault;
duplicate checks happen in :mod:`wallet.loyalty.book`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from wallet.errors import InvalidInput
from wallet.files import read_bounded
from wallet.loyalty.bounds import MAX_IMPORT_BYTES
from wallet.loyalty.csv_format import parse_csv
from wallet.loyalty.json_formats import parse_json
from wallet.loyalty.json_shapes import ShapeError, load_document
from wallet.loyalty.values import ParsedFile


def read_import_file(path: Path) -> bytes:
    try:
        return read_bounded(Path(path), max_bytes=MAX_IMPORT_BYTES, what="loyalty file")
    except FileNotFoundError:
        raise InvalidInput(f"The file {path} does not exist; check the path.") from None


def decode_text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8 and "
            "try again. Nothing was imported."
        ) from None


def parse_file(path: Path, mapping: Mapping[str, str | None] | None = None) -> ParsedFile:
    """Read ``path`` (CSV or one of the JSON formats) into candidate rows."""
    path = Path(path)
    text = decode_text(read_import_file(path), path)
    if not text.strip():
        raise InvalidInput(f"{path} is empty; there is nothing to import.")
    looks_like_json = text.lstrip()[:1] in ("{", "[")
    if path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and looks_like_json):
        if mapping:
            raise InvalidInput("A column mapping applies to CSV files only.")
        document = load_document(text.encode("utf-8"), path)
        try:
            return parse_json(document, path)
        except ShapeError as exc:
            raise InvalidInput(f"{path} cannot be imported: {exc}. Nothing was imported.") from None
    return parse_csv(text, path, mapping)
