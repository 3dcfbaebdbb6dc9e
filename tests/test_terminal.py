"""Remote text printed on a terminal cannot forge lines, hide text or crash the print."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.properties import HOSTILE_TEXT, examples
from wallet.cli.support import print_json, print_table
from wallet.terminal import is_printable, printable, printable_json

FORGED_NAME = "Legit Shop\nhttps://legit.example\nKey: AAAA\x1b[8m"


def test_a_forged_vendor_name_stays_on_one_visible_line() -> None:
    shown = printable(FORGED_NAME)
    assert "\n" not in shown and "\x1b" not in shown
    assert shown == "Legit Shop\\nhttps://legit.example\\nKey: AAAA\\x1b[8m"


def test_bidi_overrides_and_lone_surrogates_are_shown_as_escapes() -> None:
    assert printable("abc\u202edef") == "abc\\u202edef"
    assert printable("id-\ud800") == "id-\\ud800"
    assert printable("\x00\x7f\x9b") == "\\x00\\x7f\\x9b"


def test_ordinary_text_in_any_language_is_unchanged() -> None:
    for text in ("Calzados Pérez", "Negozio è aperto", "日本の店", "emoji 🛒 ok"):
        assert printable(text) == text
        assert is_printable(text)


def test_printable_cuts_long_text() -> None:
    assert printable("x" * 100, max_chars=10) == "x" * 9 + "…"


def test_tables_print_remote_cells_on_one_line() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        print_table(["name", "id"], [[FORGED_NAME, "v1"]])
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert "\x1b" not in out.getvalue()


@settings(max_examples=examples(500))
@given(st.lists(HOSTILE_TEXT, max_size=4))
@example(["\ud800\udfff"])  # two lone surrogates that JSON reads back as one character
def test_json_output_stays_valid_equal_and_printable(values: list[str]) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        print_json({"values": values})
    text = out.getvalue()
    text.encode("utf-8")  # no lone surrogate reaches the terminal
    assert is_printable(text.replace("\n", "").replace("  ", ""))
    # Equal in meaning to the standard JSON of the values: in JSON text, a high surrogate escape
    # followed by a low one is one astral character, whatever the Python string held.
    assert json.loads(text) == json.loads(json.dumps({"values": values}))


@settings(max_examples=examples(1000))
@given(HOSTILE_TEXT)
def test_printable_output_is_always_one_encodable_line(text: str) -> None:
    shown = printable(text)
    shown.encode("utf-8")
    assert is_printable(shown)
    assert printable_json(shown) == shown
