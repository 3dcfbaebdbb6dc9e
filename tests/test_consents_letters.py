"""The data-subject request letters' texts (``resources/letters/``): every piece in every language
with the same placeholders, and a damaged or missing file refused with a message naming it."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest

from wallet.consents.requests.texts import (
    MAX_LETTER_FILE_BYTES,
    PIECES,
    LetterTextsError,
    letter_path,
    letter_texts,
    parse_letter_texts,
)
from wallet.errors import WalletError
from wallet.resources import RESOURCES_ENV
from wallet.wire.terms import LANGUAGES, Language


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _file(language: Language) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(letter_path(language).read_text(encoding="utf-8"))
    return data


def test_every_letter_piece_exists_in_every_language_with_the_same_placeholders() -> None:
    assert set(LANGUAGES) == {"en", "es", "it"}
    files = {language: _file(language) for language in LANGUAGES}
    english = files["en"]["pieces"]
    assert set(english) == set(PIECES)
    for language, document in files.items():
        assert document["language"] == language
        pieces = document["pieces"]
        assert set(pieces) == set(english), language
        for name, text in pieces.items():
            assert text.strip(), (language, name)
            assert _placeholders(text) == _placeholders(english[name]), (language, name)
        assert len(document["months"]) == 12 and len(set(document["months"])) == 12
        assert _placeholders(document["date_format"]) == {"day", "month", "year"}
        assert len(document["access_items"]) == len(files["en"]["access_items"]), language
        assert letter_texts(language).pieces == pieces  # the loader reads exactly the file


def _english() -> dict[str, Any]:
    return _file("en")


def _refusal(document: dict[str, Any], language: Language = "en") -> str:
    with pytest.raises(LetterTextsError) as caught:
        parse_letter_texts(json.dumps(document).encode(), language=language, source="test.json")
    return str(caught.value)


def test_a_file_with_a_missing_piece_or_a_wrong_placeholder_is_refused() -> None:
    document = _english()
    del document["pieces"]["closing"]
    assert "no piece closing" in _refusal(document)

    document = _english()
    document["pieces"]["receipt"] = "{id}, given on {date}"  # {state} lost in translation
    assert "the piece receipt has placeholders" in _refusal(document)

    document = _english()
    document["pieces"]["greeting"] = "Dear {name},"  # a placeholder the code does not fill
    assert "the piece greeting" in _refusal(document)

    document = _english()
    document["pieces"]["postscript"] = "P.S."
    assert "unknown pieces postscript" in _refusal(document)

    document = _english()
    document["months"] = document["months"][:11]
    assert "test.json is damaged" in _refusal(document)

    assert "not 'es'" in _refusal(_english(), language="es")
    assert "damaged" in _refusal({"language": "en"})


def test_a_missing_or_oversized_file_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "letters").mkdir()
    monkeypatch.setenv(RESOURCES_ENV, str(tmp_path))
    with pytest.raises(LetterTextsError, match=r"data-subject-request\.it\.json is missing"):
        letter_texts("it")
    oversized = tmp_path / "letters" / "data-subject-request.es.json"
    oversized.write_bytes(b" " * (MAX_LETTER_FILE_BYTES + 1))
    with pytest.raises(WalletError, match=f"larger than {MAX_LETTER_FILE_BYTES} bytes"):
        letter_texts("es")
