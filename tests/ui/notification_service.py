"""A freedesktop.org notification service on the session bus, for tests: it owns the well-known
name ``org.freedesktop.Notifications`` and records each ``Notify`` call it is sent (by
``notify-send``, a program we did not write). Built on jeepney, in a thread of its own."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

NAME = "org.freedesktop.Notifications"
STOP = "org.vrmwallet.Test.Stop"
_REPLIES: dict[str, tuple[str, tuple[Any, ...]]] = {
    "GetCapabilities": ("as", (["body"],)),
    "GetServerInformation": ("ssss", ("test-notifications", "vrm-wallet", "1", "1.2")),
}


@dataclass
class Received:
    """One ``Notify`` call: application name, summary and body."""

    app_name: str
    summary: str
    body: str


@dataclass
class NotificationService:
    received: list[Received] = field(default_factory=list)
    _connection: DBusConnection | None = None
    _thread: threading.Thread | None = None
    _ready: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._serve, name="notifications", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the test notification service did not start")

    def stop(self) -> None:
        """Ask the service to end (a method call of our own), then wait for its thread."""
        with open_dbus_connection(bus="SESSION") as connection:
            address = DBusAddress("/org/freedesktop/Notifications", bus_name=NAME, interface=STOP)
            connection.send(new_method_call(address, "Stop"))
        if self._thread is not None:
            self._thread.join(10)

    def _serve(self) -> None:
        with open_dbus_connection(bus="SESSION") as connection:
            connection.send_and_get_reply(message_bus.RequestName(NAME, 4))  # replace others
            self._ready.set()
            while True:
                message = connection.receive()
                if message.header.message_type != MessageType.method_call:
                    continue
                fields = message.header.fields
                member = fields.get(HeaderFields.member)
                if fields.get(HeaderFields.interface) == STOP:
                    return
                if member == "Notify":
                    app_name, _replaces, _icon, summary, body = message.body[:5]
                    self.received.append(Received(app_name, summary, body))
                    connection.send(new_method_return(message, "u", (len(self.received),)))
                elif member in _REPLIES:
                    signature, values = _REPLIES[member]
                    connection.send(new_method_return(message, signature, values))
