"""The vendor kit: what a vendor runs to take part, built only on the published formats.

``server`` is a reference vendor inbox (intentions in, signed offers out, disclosures,
revocations and requests acknowledged); ``catalog`` its offer rules; ``consents`` the vendor's
side of receipts and acknowledgements; ``keys`` key files; ``cli`` is ``vrm-vendor``. It uses the
core's wire formats, signatures and webhook signing (``wallet.wire``, ``wallet.crypto``,
``wallet.webhooks``) as any vendor implementation would, and nothing of the person's vault; the
core never imports it. ``demo`` is the exception that proves it: it starts kit vendors *and*
fills the person's demo vault, so it is a front end like the desktop app.
"""
