"""SQL for the per-vault settings table (one JSON value per key)."""

from __future__ import annotations

import json
from typing import Any

from wallet.storage.connection import Connection


def load(connection: Connection) -> dict[str, Any]:
    return {
        str(key): json.loads(str(value))
        for key, value in connection.execute("SELECT key, value FROM settings")
    }


def save(connection: Connection, values: dict[str, Any]) -> None:
    for key, value in values.items():
        connection.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )
