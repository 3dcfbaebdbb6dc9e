"""Worker threads yield the processor and the interpreter to the GUI thread.

The vault's worker, the network loop and the background calls can all be busy in Python at once
(a broadcast to a thousand vendors keeps the first two busy for seconds). On a machine with two
cores, the GUI thread then waits for a core as well as for the interpreter lock, and a frame is
late. Each worker lowers its own scheduling priority when it starts, so that the GUI thread, left
at the process's priority, runs first whenever it has work; idle workers lose nothing.

The interpreter lock is the other wait: a thread that wants it asks the one running Python to
let go, which happens after the *switch interval*, 5 ms by default. The GUI thread asks at every
Qt call made from Python that released the lock, so one slot can wait several times; the app
asks for a 1 ms interval (:func:`favour_the_gui_thread`) so that each wait stays short.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

WORKER_NICENESS = 5  # added to the process's niceness (0 = normal, 19 = lowest)
SWITCH_INTERVAL_SECONDS = 0.001  # how long a thread keeps the interpreter when another asks


def favour_the_gui_thread() -> None:
    """Shorten the interpreter's switch interval (call once, from the GUI thread at start)."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


def lower_this_threads_priority() -> None:
    """Make the calling thread :data:`WORKER_NICENESS` steps nicer than the process.

    Linux keeps a niceness per thread (``setpriority`` with a thread id); elsewhere, or where
    the call is refused, the thread keeps its priority: it only costs some smoothness.
    """
    if not hasattr(os, "setpriority"):
        return
    thread_id = threading.get_native_id()
    try:
        niceness = os.getpriority(os.PRIO_PROCESS, thread_id)
        os.setpriority(os.PRIO_PROCESS, thread_id, min(niceness + WORKER_NICENESS, 19))
    except OSError as error:
        log.debug("worker priority unchanged: %s", error)
