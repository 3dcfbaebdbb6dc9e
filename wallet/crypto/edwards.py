"""Checks on Ed25519 encodings that ``cryptography`` does not make: point decoding and S < L.

``cryptography`` (OpenSSL) loads any 32 bytes as a public key: bytes that are not a point on the
curve, non-canonical encodings (y ≥ p, or x = 0 with the sign bit set) and the 8 points of small
order, for which the signature (R = identity, S = 0) verifies for *any* message. So every key that
enters the wallet is checked here first against what RFC 8032 §5.1.3 decoding requires, and
refused with the reason when it is not a canonical encoding of a point of large order.

Deciding whether bytes decode to a point needs only whether x² = (y² - 1) / (d y² + 1) has a
square root, which the Jacobi symbol of u·v answers in about 30 µs of CPython (the square root
itself, one exponentiation modulo p, costs 130 µs here, as much as the signature check). The
full RFC decoding (:func:`recover_x`) and the cofactor test (:func:`has_small_order`) are kept as
the reference: they prove the small-order table when this module is imported, and the tests
compare both ways on random bytes. :func:`public_key_problem` is also cached per key, since the
same vendor and consent keys are checked for every message they sign.

The signature's scalar S must be below the group order L (RFC 8032 §5.1.7, step 1): S + L would
otherwise be a second valid signature for the same message (malleability).
:func:`signature_scalar_in_range` makes that check ourselves rather than trusting the library.
"""

from __future__ import annotations

from functools import lru_cache

P = 2**255 - 19
"""The field prime p."""
L = 2**252 + 27742317777372353535851937790883648493
"""The order of the prime-order subgroup (the base point's order)."""
D = (-121665 * pow(121666, P - 2, P)) % P
"""The curve constant d of -x² + y² = 1 + d x² y²."""
SQRT_M1 = pow(2, (P - 1) // 4, P)
"""A square root of -1 modulo p."""

POINT_BYTES = 32
_Y_MASK = (1 << 255) - 1
_COFACTOR_DOUBLINGS = 3  # the cofactor is 8 = 2^3

SMALL_ORDER = (
    "This key is a small-order Ed25519 point: signatures made 'by' it can be forged for any "
    "message, so it is refused."
)
OFF_CURVE = (
    "These bytes are not an Ed25519 public key: they do not decode to a point on the curve "
    "(RFC 8032 §5.1.3), so the key is refused."
)
NON_CANONICAL = (
    "This Ed25519 key is not canonically encoded (its y coordinate is not below p); real keys "
    "never are, so it is refused."
)
WRONG_LENGTH = "An Ed25519 public key is 32 bytes; this one is {length}."


def recover_x(y: int, sign: int) -> int | None:
    """The x coordinate with parity ``sign`` of the curve point with this y (< p), or None.

    RFC 8032 §5.1.3 steps 2-4: x² = (y² - 1) / (d y² + 1), its square root computed with one
    exponentiation (p ≡ 5 mod 8). Returns 0 when x = 0 whatever ``sign`` says; the caller decides
    whether a set sign bit with x = 0 is acceptable (it is not: a non-canonical encoding).
    """
    u = (y * y - 1) % P
    v = (D * y * y + 1) % P
    v3 = v * v * v % P
    x = u * v3 * pow(u * v3 * v3 * v, (P - 5) // 8, P) % P
    vx2 = v * x * x % P
    if vx2 == u:
        pass
    elif vx2 == (-u) % P:
        x = x * SQRT_M1 % P
    else:
        return None
    if x != 0 and x & 1 != sign:
        x = P - x
    return x


def jacobi_symbol(a: int, n: int = P) -> int:
    """The Jacobi symbol (a/n) for odd n > 0: for the prime p, 1 if ``a`` is a non-zero square
    modulo p, -1 if it is not a square, 0 if p divides ``a`` (binary quadratic reciprocity)."""
    a %= n
    result = 1
    while a:
        zeros = (a & -a).bit_length() - 1
        a >>= zeros
        if zeros & 1 and n & 7 in (3, 5):
            result = -result
        if a & 3 == 3 and n & 3 == 3:
            result = -result
        a, n = n % a, a
    return result if n == 1 else 0


def has_small_order(x: int, y: int) -> bool:
    """True if 8·(x, y) is the identity: the point is one of the 8 points of small order."""
    # Extended homogeneous coordinates (X:Y:Z), doubling as in RFC 8032 §5.1.4 (a = -1).
    big_x, big_y, big_z = x, y, 1
    for _ in range(_COFACTOR_DOUBLINGS):
        a, b = big_x * big_x % P, big_y * big_y % P
        c = 2 * big_z * big_z % P
        h = (a + b) % P
        e = (h - (big_x + big_y) * (big_x + big_y)) % P
        g = (a - b) % P
        f = (c + g) % P
        big_x, big_y, big_z = e * f % P, g * h % P, f * g % P
    return big_x == 0 and big_y == big_z


def _small_order_y_values() -> frozenset[int]:
    """The y coordinates of the 8 small-order points, each checked by full decoding and doubling.

    Identity (y = 1, order 1), y = p - 1 (order 2), y = 0 (order 4, two points) and the two y
    values of the four order-8 points. A small-order point is exactly a point with one of these
    y: both x of such a y have small order, since -Q has the order of Q.
    """
    order_8 = 0x7A03AC9277FDC74EC6CC392CFA53202A0F67100D760B3CBA4FD84D3D706A17C7
    values = frozenset({1, P - 1, 0, order_8, P - order_8})
    for y in values:
        x = recover_x(y, 0)
        if x is None or not has_small_order(x, y):  # pragma: no cover - a wrong constant
            raise AssertionError(f"{y:#x} is not the y of a small-order point")
    return values


SMALL_ORDER_Y = _small_order_y_values()


@lru_cache(maxsize=8192)
def public_key_problem(raw: bytes) -> str | None:
    """Why ``raw`` is not an acceptable Ed25519 public key (a clear sentence), or None if it is.

    Refused: any length but 32; bytes that decode to no curve point; the 8 small-order points in
    any encoding; non-canonical encodings of other points (y ≥ p; x = 0 with the sign bit set
    happens only for y = ±1, which are small-order). Small order is reported before the
    spelling, so every encoding of a forgeable key gets the same message.
    """
    if len(raw) != POINT_BYTES:
        return WRONG_LENGTH.format(length=len(raw))
    y_encoded = int.from_bytes(raw, "little") & _Y_MASK
    y = y_encoded - P if y_encoded >= P else y_encoded  # y_encoded < 2^255 < 2p
    y2 = y * y % P
    u, v = (y2 - 1) % P, (D * y2 + 1) % P  # v is never 0: -1/d is not a square
    if jacobi_symbol(u * v) == -1:  # x² = u/v has no root exactly when u·v is not a square
        return OFF_CURVE
    if y in SMALL_ORDER_Y:
        return SMALL_ORDER
    if y_encoded >= P:
        return NON_CANONICAL
    return None


def signature_scalar_in_range(signature: bytes) -> bool:
    """True if the scalar S (the second half of a 64-byte signature) is below L."""
    return int.from_bytes(signature[32:], "little") < L
