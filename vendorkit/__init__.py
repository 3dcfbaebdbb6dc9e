"""The vendor kit: a reference vendor server, catalogue rules, keys and the vrm-vendor CLI."""
