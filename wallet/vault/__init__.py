"""The vault: one SQLCipher database and the small JSON header beside it.

``facade.Vault`` is what the CLI, the features and the desktop app open, unlock and lock; the other
modules are its parts: ``header`` (the file format), ``slots`` and ``recovery`` (the key slots that
wrap the data key), ``unlocking`` (passphrase, recovery key and keyring slot), ``opening`` (creating
a vault, opening its database after an unlock), ``keyring_slot`` (remembering the vault on this
device), ``binding`` (header and database belong together), ``backup`` (encrypted copies and
restore), ``integrity`` (the read-only check), ``layout`` (file names) and ``work_dirs``
(temporary folders beside the vault). The person's fields are ``vault.fields``
(:class:`wallet.personal_data.book.PersonalData`).
"""
