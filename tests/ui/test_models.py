"""The windowed table models: paging on demand, stale answers dropped, roles, Qt's model checks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.models.activity_model import FAILED_COLOUR, ActivityColumn, ActivityModel, ActivityRole
from ui.models.fields_model import MASK, FieldColumn, FieldRole, FieldsModel
from ui.models.windowed import PLACEHOLDER
from ui.tasks import VaultRunner
from ui.theme.tones import tone_colour
from wallet.errors import DatabaseError, WrongPassphrase
from wallet.personal_data import FieldInput, FieldSnapshot
from wallet.vault.facade import Vault

FIELD_COUNT = 500
PAGE_SIZE = 50
DISPLAY = Qt.ItemDataRole.DisplayRole


def _field(number: int) -> FieldInput:
    return FieldInput(
        f"field_{number:04d}",
        f"value {number}",
        category=number % 16 + 1,
        sensitive=number % 5 == 0,
    )


@pytest.fixture
def filled_runner(runner: VaultRunner, vault_dir: Path, qtbot: QtBot) -> VaultRunner:
    """A runner whose vault (created on the worker) holds 500 fields and a failed action."""

    def create() -> Vault:
        vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
        vault.fields.import_many(_field(number) for number in range(FIELD_COUNT))
        with pytest.raises(WrongPassphrase):
            vault.change_passphrase("not the passphrase", "another long passphrase")
        return vault

    with qtbot.waitSignal(runner.unlocked):
        runner.open(create)
    return runner


@pytest.fixture
def fields_model(filled_runner: VaultRunner, qtbot: QtBot) -> Iterator[FieldsModel]:
    model = FieldsModel(filled_runner, page_size=PAGE_SIZE, max_cached_pages=4)
    with qtbot.waitSignal(model.rows_reset):
        model.reload()
    yield model
    model.deleteLater()


def _display(model: Any, row: int, column: int = 0) -> Any:
    return model.data(model.index(row, column), DISPLAY)


def _wait_loaded(qtbot: QtBot, model: Any, rows: Sequence[int]) -> None:
    qtbot.waitUntil(lambda: all(model.is_row_loaded(row) for row in rows))


def _drain(qtbot: QtBot, runner: VaultRunner) -> None:
    """Wait until work queued so far, and anything it queues in turn, has run and answered."""
    for _ in range(2):
        with qtbot.waitCallback() as done:
            runner.run(lambda _vault: None, on_success=done)


def test_reload_knows_the_row_count_and_brings_the_first_page(fields_model: FieldsModel) -> None:
    assert fields_model.rowCount() == FIELD_COUNT
    assert fields_model.columnCount() == 4
    assert fields_model.cached_pages() == [0]  # fetched with the ids, in the same worker call
    assert _display(fields_model, 0) == "Field 0000"
    assert fields_model.unfiltered_count == FIELD_COUNT


def test_unloaded_rows_show_a_placeholder_until_their_page_arrives(
    fields_model: FieldsModel, qtbot: QtBot
) -> None:
    assert _display(fields_model, 301) == PLACEHOLDER
    assert fields_model.data(fields_model.index(301, 0), FieldRole.KEY) is None
    with qtbot.waitSignal(
        fields_model.dataChanged,
        check_params_cb=lambda top, bottom, *_: top.row() <= 301 <= bottom.row(),
    ):
        pass
    assert _display(fields_model, 301) == "Field 0301"
    assert fields_model.cached_pages() == [0, 6]


def test_each_page_is_requested_once(
    fields_model: FieldsModel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[tuple[int, ...]] = []
    original = fields_model._rows_operation

    def counting() -> Callable[[Vault, Sequence[int]], Mapping[int, FieldSnapshot]]:
        load = original()

        def load_and_count(vault: Vault, ids: Sequence[int]) -> Mapping[int, FieldSnapshot]:
            fetched.append(tuple(ids))
            return load(vault, ids)

        return load_and_count

    monkeypatch.setattr(fields_model, "_rows_operation", counting)
    for _ in range(3):
        for row in range(100, 150):
            _display(fields_model, row)
    _wait_loaded(qtbot, fields_model, [100])
    assert len(fetched) == 1 and len(fetched[0]) == PAGE_SIZE


def test_the_page_cache_is_bounded(fields_model: FieldsModel, qtbot: QtBot) -> None:
    rows = list(range(0, FIELD_COUNT, PAGE_SIZE))
    for row in rows:
        _display(fields_model, row)
        _wait_loaded(qtbot, fields_model, [row])
    assert len(fields_model.cached_pages()) == 4
    assert fields_model.cached_pages() == [6, 7, 8, 9]  # least recently used went first


def test_answers_for_an_older_reload_are_dropped(
    fields_model: FieldsModel, filled_runner: VaultRunner, qtbot: QtBot
) -> None:
    _display(fields_model, 450)  # queues a page of the unfiltered rows...
    fields_model.set_filter(category=3, search=None)
    with qtbot.waitSignal(fields_model.rows_reset):
        fields_model.reload()  # ...whose answer arrives after the filtered ids
    _drain(qtbot, filled_runner)
    assert fields_model.rowCount() == sum(1 for n in range(FIELD_COUNT) if n % 16 + 1 == 3)
    loaded = [fields_model.loaded_row(row) for row in range(fields_model.rowCount())]
    assert all(row is None or row.category == 3 for row in loaded)
    assert fields_model.cached_pages() == [0]


def test_roles_masking_and_reveal(fields_model: FieldsModel, qtbot: QtBot) -> None:
    value_of_row_0 = fields_model.index(0, FieldColumn.VALUE)
    assert fields_model.data(value_of_row_0, FieldRole.SENSITIVE) is True
    assert fields_model.data(value_of_row_0, DISPLAY) == MASK
    assert fields_model.data(value_of_row_0, FieldRole.KEY) == "field_0000"
    assert fields_model.data(value_of_row_0, FieldRole.CATEGORY) == 1
    snapshot = fields_model.data(value_of_row_0, FieldRole.SNAPSHOT)
    assert isinstance(snapshot, FieldSnapshot) and snapshot.value is None
    assert _display(fields_model, 1, FieldColumn.VALUE) == "value 1"
    assert _display(fields_model, 1, FieldColumn.CATEGORY) == "2 - Contact"
    with qtbot.waitSignal(fields_model.dataChanged):
        fields_model.reveal("field_0000", "value 0")
    assert fields_model.data(value_of_row_0, DISPLAY) == "value 0"
    assert fields_model.data(value_of_row_0, FieldRole.REVEALED) is True
    fields_model.conceal("field_0000")
    assert fields_model.data(value_of_row_0, DISPLAY) == MASK


def test_value_tooltips_show_markup_as_text(fields_model: FieldsModel, qtbot: QtBot) -> None:
    value_of_row_0 = fields_model.index(0, FieldColumn.VALUE)
    with qtbot.waitSignal(fields_model.dataChanged):
        fields_model.reveal("field_0000", "<img src=file:///etc/passwd>\nsecond line")
    tooltip = fields_model.data(value_of_row_0, Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img src=file:///etc/passwd&gt;\nsecond line" in tooltip


def test_focus_row_is_found_by_key(fields_model: FieldsModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(fields_model.rows_reset):
        fields_model.reload_focusing("field_0321")
    assert fields_model.focus_row == 321
    assert fields_model.is_row_loaded(321)  # the focus row's page came with the ids
    with qtbot.waitSignal(fields_model.rows_reset):
        fields_model.reload_focusing("no_such_field")
    assert fields_model.focus_row is None


def test_search_runs_in_the_core(fields_model: FieldsModel, qtbot: QtBot) -> None:
    fields_model.set_filter(category=None, search="value 421")  # words match as prefixes
    with qtbot.waitSignal(fields_model.rows_reset):
        fields_model.reload()
    assert fields_model.rowCount() == 1
    assert fields_model.unfiltered_count == FIELD_COUNT


def test_fields_model_passes_qt_model_checks(
    fields_model: FieldsModel, qtmodeltester: Any, qtbot: QtBot
) -> None:
    qtmodeltester.check(fields_model)  # most pages not loaded: placeholders
    for row in (120, 260, 499):
        _display(fields_model, row)
    _wait_loaded(qtbot, fields_model, [120, 260, 499])
    qtmodeltester.check(fields_model)  # pages arrived while the tester watched
    with qtbot.waitSignal(fields_model.rows_reset):
        fields_model.reload()
    fields_model.clear()
    qtmodeltester.check(fields_model)


def test_a_failed_page_is_reported_once_not_retried(
    fields_model: FieldsModel,
    filled_runner: VaultRunner,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[int] = []

    def failing() -> Callable[[Vault, Sequence[int]], Mapping[int, FieldSnapshot]]:
        def load(_vault: Vault, ids: Sequence[int]) -> Mapping[int, FieldSnapshot]:
            attempts.append(len(ids))
            raise DatabaseError("the disk went away")

        return load

    monkeypatch.setattr(fields_model, "_rows_operation", failing)
    with qtbot.waitSignal(fields_model.load_failed) as failure:
        _display(fields_model, 260)
    assert failure.args == ["the disk went away"]
    assert _display(fields_model, 260) == PLACEHOLDER
    _drain(qtbot, filled_runner)
    assert attempts == [PAGE_SIZE]


def test_activity_model_newest_first_filtered_and_readable(
    filled_runner: VaultRunner, qtbot: QtBot, qtmodeltester: Any
) -> None:
    model = ActivityModel(filled_runner, page_size=PAGE_SIZE)
    with qtbot.waitSignal(model.rows_reset):
        model.reload()
    qtmodeltester.check(model)
    seqs = [model.data(model.index(row, 0), ActivityRole.SEQ) for row in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)
    newest = model.index(0, ActivityColumn.RESULT)
    assert model.data(model.index(0, ActivityColumn.EVENT), DISPLAY) == "Passphrase changed"
    assert model.data(newest, DISPLAY) == "Not completed"
    assert model.data(newest, Qt.ItemDataRole.ForegroundRole) == tone_colour(FAILED_COLOUR)
    assert model.data(newest, ActivityRole.COMPLETED) is False
    assert model.data(model.index(0, ActivityColumn.PARTY), DISPLAY) == "You"
    assert model.data(model.index(0, ActivityColumn.DETAILS), DISPLAY) == (
        "current passphrase was wrong"
    )
    model.set_filter(type_prefix="data.", text=None)
    with qtbot.waitSignal(model.rows_reset):
        model.reload()
    assert model.rowCount() == 1
    assert model.data(model.index(0, ActivityColumn.EVENT), DISPLAY) == "Fields imported"
    assert model.data(model.index(0, ActivityColumn.DETAILS), DISPLAY) == "500 fields"


def test_unknown_event_types_are_spelled_out(filled_runner: VaultRunner) -> None:
    model = ActivityModel(filled_runner)
    assert model.event_title("data.updated") == "Field updated"
    assert model.event_title("offer.counter_proposed") == "Offer: counter proposed"
    assert model.event_title("oddity") == "Oddity"


def test_every_event_type_has_a_readable_title(runner: VaultRunner) -> None:
    from ui.models.activity_model import ActivityModel
    from wallet import activity

    titles = ActivityModel(runner)._translated_event_titles()
    event_types = {
        value
        for name, value in vars(activity).items()
        if name.isupper() and isinstance(value, str) and "." in value
    }
    assert event_types <= set(titles), sorted(event_types - set(titles))
