"""Every worded core error can be said in Spanish and Italian (issue 14.4).

A worded error (``wallet.errors.Worded.worded``) keeps the English template it was made from;
the desktop app looks that template up in the ``CoreError`` context of its catalogues. So every
``.worded(...)`` call in the core must pass a template marked ``QT_TRANSLATE_NOOP("CoreError",
...)`` (or pyside6-lupdate never sees it), name exactly the template's ``{placeholders}``, and
find a finished translation that keeps them, in each language. The sources are read with
``ast``, so a new raise site is checked the day it is written.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_i18n_catalogue import read_messages
from wallet.errors import (
    ERROR_CONTEXT,
    InvalidInput,
    NotFound,
    WalletError,
    Worded,
    command_line_text,
    fill,
)
from wallet.loyalty.values import RowRejected, parse_points

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
NAMED = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class WordedCall:
    where: str
    template: str | None  # None: the first argument is not a marked literal
    names: frozenset[str]


def _literal(node: ast.expr) -> str | None:
    """A string literal (adjacent literals are one constant in the AST)."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _marked_template(node: ast.expr) -> str | None:
    """The text of ``QT_TRANSLATE_NOOP("CoreError", "...")``, else None."""
    if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"):
        return None
    if len(node.args) != 2 or _literal(node.args[0]) != ERROR_CONTEXT:
        return None
    return _literal(node.args[1])


def worded_calls(root: Path = ROOT / "wallet") -> list[WordedCall]:
    """Every ``X.worded(template, **params)`` call in the core's sources."""
    calls = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "worded" or not node.args:
                continue
            names = frozenset(keyword.arg or "**" for keyword in node.keywords)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            calls.append(WordedCall(where, _marked_template(node.args[0]), names))
    return calls


CALLS = worded_calls()


def test_the_core_words_the_errors_a_person_meets() -> None:
    """The scan finds the worded raise sites (it cannot pass by finding nothing)."""
    templates = {call.template for call in CALLS}
    assert len(CALLS) >= 25
    assert "There is no consent {id}." in templates
    assert any(text and text.startswith("The passphrase is wrong.") for text in templates)


def test_every_worded_error_marks_its_template_and_names_its_placeholders() -> None:
    problems = []
    for call in CALLS:
        if call.template is None:
            problems.append(f'{call.where}: not a QT_TRANSLATE_NOOP("CoreError", "...") literal')
        elif set(NAMED.findall(call.template)) != call.names:
            problems.append(f"{call.where}: {sorted(call.names)} for {call.template!r}")
    assert problems == []


@pytest.mark.parametrize("language", ["es", "it"])
def test_every_worded_error_has_a_finished_translation_keeping_its_placeholders(
    language: str,
) -> None:
    messages = {
        message.source: message
        for message in read_messages(TRANSLATIONS / f"vrm-wallet_{language}.ts")
        if message.context == ERROR_CONTEXT
    }
    problems = []
    for call in CALLS:
        if call.template is None:
            continue  # reported by the test above
        message = messages.get(call.template)
        if message is None or message.unfinished or not message.translations[0].strip():
            problems.append(f"{call.where}: no {language} translation of {call.template!r}")
            continue
        if set(NAMED.findall(message.translations[0])) != set(NAMED.findall(call.template)):
            problems.append(f"{call.where}: {language} changes the placeholders")
    assert problems == []


def test_a_worded_error_says_its_template_filled_in_and_keeps_both() -> None:
    error = NotFound.worded("There is no offer {id}.", id=repr("x")).hinted("`offers list`")
    assert str(error) == "There is no offer 'x'."
    assert error.template == "There is no offer {id}." and dict(error.params) == {"id": "'x'"}
    assert command_line_text(error) == "There is no offer 'x'; `offers list`"
    plain = InvalidInput("A plain message.")
    assert plain.template == "" and isinstance(plain, Worded)


def test_a_value_cannot_bring_placeholders_of_its_own() -> None:
    """A value is text from outside (a file name, a typed value): never read as a template."""
    assert fill("{a} and {b}", {"a": "{b}", "b": "B"}) == "{b} and B"
    error = WalletError.worded("File {file}.", file="{file}{0}{__class__}")
    assert str(error) == "File {file}{0}{__class__}."


@given(value=st.text(max_size=200), other=st.text(max_size=20))
def test_any_value_is_shown_as_it_is_inside_its_sentence(value: str, other: str) -> None:
    assert fill("Before {value} and {other}.", {"value": value, "other": other}) == (
        f"Before {value} and {other}."
    )


def test_a_rejected_loyalty_value_is_worded_with_its_reason_marked() -> None:
    with pytest.raises(RowRejected) as raised:
        parse_points("lots")
    assert str(raised.value) == "bad points balance 'lots': not a number"
    assert raised.value.template == "bad points balance {text}: {reason}"
    assert raised.value.params["reason"] == "not a number"  # itself a marked core text
