"""The delivery helper's progress batches: events posted from another thread reach the GUI
thread together, in order, at most once per frame, and nothing after a stop."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading

from pytestqt.qtbot import QtBot

from ui.delivery import ProgressBatch, ProgressBatches
from wallet.outbox import DeliveryProgress


def _event(number: int, status: str = "delivered") -> DeliveryProgress:
    return DeliveryProgress(number, f"vendor-{number}", "intention", "urn:x", status, 1)  # type: ignore[arg-type]


def test_events_from_another_thread_arrive_in_one_batch_in_order(qtbot: QtBot) -> None:
    batches: list[ProgressBatch] = []
    threads: set[threading.Thread] = set()

    def deliver(batch: ProgressBatch) -> None:
        threads.add(threading.current_thread())
        batches.append(batch)

    gatherer = ProgressBatches(deliver)
    poster = threading.Thread(target=lambda: [gatherer.post(_event(n)) for n in range(500)])
    poster.start()
    poster.join()
    qtbot.waitUntil(lambda: sum(map(len, batches)) == 500, timeout=5_000)
    assert [event.item_id for batch in batches for event in batch] == list(range(500))
    assert len(batches) == 1  # posted within one frame: handed over once
    assert threads == {threading.main_thread()}


def test_flush_hands_over_at_once_and_stop_drops_the_rest(qtbot: QtBot) -> None:
    batches: list[ProgressBatch] = []
    gatherer = ProgressBatches(batches.append)
    gatherer.post(_event(1, "delivering"))
    gatherer.flush()
    assert [[event.status for event in batch] for batch in batches] == [["delivering"]]
    gatherer.post(_event(2))
    gatherer.stop()
    gatherer.post(_event(3))
    qtbot.wait(50)
    gatherer.flush()
    assert len(batches) == 1
