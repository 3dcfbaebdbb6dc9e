"""Encrypted storage: the SQLCipher connection, schema migrations and the repositories."""
