"""Work asked for after the app has stopped its vault worker is dropped, never an error."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.tasks import VaultRunner


def test_work_asked_for_after_shutdown_is_dropped_quietly(qtbot: QtBot) -> None:
    runner = VaultRunner()
    runner.shutdown()
    called: list[object] = []
    errors: list[str] = []
    runner.error.connect(errors.append)

    future = runner.run(lambda vault: "never", on_success=called.append, on_error=called.append)

    assert future.cancelled()
    qtbot.wait(50)  # a queued callback, if any, would arrive now
    assert called == [] and errors == [] and not runner.is_busy
