"""The translation sources (``resources/translations/*.ts``) are complete and keep what their
texts need.

Every text of the interface (``ui/`` and the core's marked texts) is in every .ts and translated
there: a new ``self.tr`` without its Spanish and Italian words fails here. A translation must
keep its source's ``%1``-style arguments and Qt's ``%n`` (the code fills them in: a lost one
shows nothing, an extra one shows "%2"), and its HTML tags (a lost ``</b>`` makes the rest of a
message bold).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from ui.i18n.update import TRANSLATIONS, lupdate_command, source_files, ts_files

PLACEHOLDER = re.compile(r"%L?(\d+|n)")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a .ts file: where it is, its source, its translations (the plural forms
    of a ``%n`` message) and whether the translator marked it unfinished."""

    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool


def read_messages(ts_file: Path) -> list[Message]:
    """Every message of ``ts_file``."""
    messages = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] = ()
            unfinished = True
            if translation is not None:
                unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
                numerus = translation.findall("numerusform")
                forms = tuple(form.text or "" for form in numerus) or (translation.text or "",)
            messages.append(
                Message(name, message.findtext("source") or "", forms, unfinished=unfinished)
            )
    return messages


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def tags(text: str) -> Counter[str]:
    return Counter(tag.lower() for tag in TAG.findall(text))


def mismatches(message: Message) -> list[str]:
    """How the translations of ``message`` differ from its source in arguments or tags."""
    found = []
    for translation in message.translations:
        if not translation:
            continue
        where = f"{message.context}: {message.source[:60]!r} -> {translation[:60]!r}"
        if placeholders(translation) != placeholders(message.source):
            found.append(f"{where}: arguments {sorted(placeholders(translation))}")
        if tags(translation) != tags(message.source):
            found.append(f"{where}: tags {sorted(tags(translation).elements())}")
    return found


TS_FILES = ts_files(TRANSLATIONS)


def test_there_are_translations_for_spanish_and_italian() -> None:
    assert {path.name for path in TS_FILES} >= {"vrm-wallet_es.ts", "vrm-wallet_it.ts"}


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda path: path.name)
def test_translations_keep_the_arguments_and_tags_of_their_source(ts_file: Path) -> None:
    problems = [problem for message in read_messages(ts_file) for problem in mismatches(message)]
    assert problems == [], "\n".join(problems)


def test_the_checks_see_a_lost_argument_and_a_lost_tag() -> None:
    message = Message("C", "Sent to <b>%1</b> at %2", ("Inviato a <b>%1 alle %2",), False)
    assert len(mismatches(message)) == 1
    message = Message("C", "%n offer(s)", ("%n offerta", "offerte"), False)
    assert len(mismatches(message)) == 1
    assert mismatches(Message("C", "<b>%1</b>", ("<b>%1</b>",), False)) == []


def test_every_text_is_in_every_translation_and_finished(tmp_path: Path) -> None:
    """pyside6-lupdate over the sources now (``ui/`` and the core's marked texts) adds nothing
    to a committed .ts and drops nothing from it, and every message there is translated."""
    sources = source_files()
    problems = []
    for ts_file in TS_FILES:
        fresh = tmp_path / ts_file.name
        shutil.copy(ts_file, fresh)
        subprocess.run(lupdate_command(fresh, sources), check=True, capture_output=True)
        committed = {(message.context, message.source) for message in read_messages(ts_file)}
        current = read_messages(fresh)
        for message in current:
            key = (message.context, message.source)
            if key not in committed:
                problems.append(f"{ts_file.name}: missing {key}")
            elif message.unfinished or not all(message.translations):
                problems.append(f"{ts_file.name}: unfinished {key}")
        unused = committed - {(message.context, message.source) for message in current}
        problems += [f"{ts_file.name}: no longer used {key}" for key in sorted(unused)]
    assert problems == [], "run make translations-update, then translate:\n" + "\n".join(problems)


def test_update_refuses_what_is_no_language_code(tmp_path: Path) -> None:
    from ui.i18n import update

    before = sorted(TRANSLATIONS.iterdir())
    assert update.main(["--help"]) == 2 and update.main(["es-ES!"]) == 2
    assert sorted(TRANSLATIONS.iterdir()) == before  # no .ts started, none rewritten
    assert update.LANGUAGE_CODE.match("fr") and update.LANGUAGE_CODE.match("pt_BR")
