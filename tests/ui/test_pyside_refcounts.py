"""Guard against the PySide6 6.12.0 reference leak that aborts a long-running app.

With Python 3.11, PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()`` (and to
``None`` in ``processEvents``/``singleShot``), so after a few thousand signals the interpreter
aborts with "bool_dealloc". The app emits a signal for every vault and network operation, so a
leak here is a crash in a long session. Runs in a subprocess: the abort must not kill pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    app = QApplication([])

    class Emitter(QObject):
        plain = Signal()
        carrying = Signal(object)

    emitter = Emitter()
    emitter.carrying.connect(lambda value: None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(20_000):
        emitter.plain.emit()
        emitter.carrying.emit(True)
    for _ in range(2_000):
        QTimer.singleShot(0, lambda: None)
        app.processEvents()
    app.processEvents()
    print(sys.getrefcount(True) - true_before, sys.getrefcount(None) - none_before)
    """
)


def test_signals_do_not_leak_references_to_true_or_none() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    true_delta, none_delta = (int(part) for part in result.stdout.split())
    assert abs(true_delta) < 100 and abs(none_delta) < 100, result.stdout
