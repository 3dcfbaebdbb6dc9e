"""VRM Wallet core: the encrypted vault, personal data and activity log, usable without Qt."""

__version__ = "0.1.0"
