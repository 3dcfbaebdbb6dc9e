"""What a card's scannable code encodes: GS1 check digits and the text printed under the code.

A person types the number on their card, and an import carries whatever another app stored:
an EAN-13 card may come as its 12-digit body or its 13 digits. The code drawn for it always
encodes 13 digits, so the text shown under it must be those 13 digits too.
:func:`encoded_value` is that single answer, used by the code's renderer and by every label
(desktop, CLI), so the printed number is exactly what a till's scanner reads.
"""

from __future__ import annotations

import re

# GS1 codes: the number of digits a full number has, and its name for messages.
GS1_LENGTHS: dict[str, int] = {"ean13": 13, "upca": 12}
GS1_NAMES: dict[str, str] = {"ean13": "EAN-13", "upca": "UPC-A"}
_DIGITS = re.compile(r"[0-9]+")
_CODE39_CHARACTERS = re.compile(r"[0-9A-Z \-.$/+%]+")


def gs1_check_digit(body: str) -> str:
    """The GS1 check digit of ``body`` (EAN-13: 12 digits, UPC-A: 11, EAN-8: 7).

    Weights 3 and 1 alternate from the rightmost digit of the body; the check digit brings the
    weighted sum to a multiple of 10.
    """
    if not _DIGITS.fullmatch(body):
        raise ValueError("a GS1 number is made of digits only")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def gs1_check_verifies(number: str) -> bool:
    """Whether the last digit of a full GS1 number (EAN-13, UPC-A, EAN-8) is its check digit."""
    return (
        len(number) >= 2
        and _DIGITS.fullmatch(number) is not None
        and (gs1_check_digit(number[:-1]) == number[-1])
    )


def _gs1_problem(kind: str, value: str) -> str | None:
    length, name = GS1_LENGTHS[kind], GS1_NAMES[kind]
    if not _DIGITS.fullmatch(value) or len(value) not in (length - 1, length):
        return f"an {name} code is {length - 1} or {length} digits"
    if len(value) == length and not gs1_check_verifies(value):
        expected = gs1_check_digit(value[:-1])
        return (
            f"the {name} number {value} has a wrong check digit (its last digit would be "
            f"{expected}); check the number on the card"
        )
    return None


def barcode_problem(kind: str, value: str) -> str | None:
    """Why ``value`` cannot be encoded as a ``kind`` code, or ``None`` if it can."""
    if kind in GS1_LENGTHS:
        return _gs1_problem(kind, value)
    if kind == "code39" and not _CODE39_CHARACTERS.fullmatch(value):
        return "Code 39 takes only digits, capital letters, spaces and - . $ / + %"
    if kind == "code128" and not all(32 <= ord(c) < 127 for c in value):
        return "Code 128 takes only printable ASCII characters"
    return None


def encoded_value(kind: str, value: str) -> str:
    """Exactly the text a ``kind`` code of ``value`` encodes, to draw it and to print under it.

    A GS1 body without its check digit gets it (``400638133393`` → ``4006381333931``); other
    values are encoded as they are. A value the code cannot hold raises ``ValueError`` with
    :func:`barcode_problem`'s reason.
    """
    problem = barcode_problem(kind, value)
    if problem:
        raise ValueError(problem)
    if kind in GS1_LENGTHS and len(value) == GS1_LENGTHS[kind] - 1:
        return value + gs1_check_digit(value)
    return value
