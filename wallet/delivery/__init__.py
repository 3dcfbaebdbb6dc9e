"""One delivery cycle for everything the wallet sends: intentions, notices, disclosures, updates,
revocations and requests leave through the outbox, and what comes back (offers, acknowledgements)
is taken in by the packages that own it. It sits above all of them, so none of them needs another.
"""
