"""``vrm-wallet-cli``: one module per command group (``consents``, ``data``, ``intents``, ...),
``support`` for what they share (argument types, tables, escaping, errors) and ``main`` for the
parser, the vault commands and the entry point. Built on the same core API as the desktop app."""
