"""The vault header: a small JSON file beside the database holding the key slots.

The database is encrypted with a random data key. The header stores that key only wrapped
(AES-256-GCM) by each slot's key-encryption key, and is itself authenticated with a MAC derived
from the data key, so any edit to the header is detected once a slot opens. The format version is
checked before anything else, and key-derivation parameters below our floor are refused before any
derivation runs (a downgrade attack would otherwise make brute force cheap).
"""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.functional_validators import BeforeValidator

from wallet import crypto
from wallet.crypto import Argon2Cost
from wallet.errors import HeaderError, KdfTooCostly, UnsupportedVersion, WeakKdfParameters
from wallet.files import atomic_write_bytes, read_bounded

HEADER_FORMAT = "vrm-wallet-vault"
HEADER_FORMAT_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024

# Defaults asked for by the product (>= 64 MiB, 3 passes, 4 lanes) double as the floor enforced on
# read; calibration may only raise them.
DEFAULT_ARGON2 = Argon2Cost(memory_kib=64 * 1024, iterations=3, lanes=4)
MIN_MEMORY_KIB = DEFAULT_ARGON2.memory_kib
MIN_ITERATIONS = DEFAULT_ARGON2.iterations
MIN_LANES = 1
# Ceilings keep a hostile header (or backup) from making one unlock attempt cost minutes and
# gigabytes before it is refused. Calibration only raises the passes at 64 MiB, up to 64 of them,
# so the work ceiling is exactly that: on the reference 2-core machine one attempt at the ceiling
# takes about 2 s with 4 lanes and 3.5 s with 1 lane (64 MiB x 3 passes: 0.16 s; the old ceiling,
# 4 GiB x 64 passes, about 3 minutes). Memory may go up to 256 MiB at fewer passes.
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
MAX_KDF_WORK = DEFAULT_ARGON2.memory_kib * MAX_ITERATIONS  # KiB x passes
# A header is a few flat objects; anything nested deeper than this is not one.
MAX_HEADER_DEPTH = 8


_WEAKENED = (
    "The header may have been tampered with to weaken your passphrase protection; restore it "
    "from a backup."
)
_TOO_COSTLY = (
    "Nothing was tried: such a header (edited, or from a hostile backup) would make every "
    "attempt take minutes and gigabytes of memory. Restore the header from a backup you trust."
)


def _shown(number: int) -> str:
    """A number for a message; a huge one is described instead of printed in full."""
    text = str(number) if -(10**12) < number < 10**12 else ""
    return text or f"a {len(str(abs(number)))}-digit number"


def _decode_b64(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError) as exc:
            raise ValueError("not valid base64") from exc
    return value


Base64Bytes = Annotated[
    bytes,
    BeforeValidator(_decode_b64),
    PlainSerializer(lambda raw: base64.b64encode(raw).decode("ascii"), return_type=str),
    WithJsonSchema({"type": "string", "contentEncoding": "base64"}),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Argon2idKdf(_Strict):
    """Parameters of the passphrase slot's Argon2id derivation."""

    algorithm: Literal["argon2id"] = "argon2id"
    memory_kib: int
    iterations: int
    lanes: int
    salt: Base64Bytes

    @field_validator("memory_kib")
    @classmethod
    def _memory_range(cls, value: int) -> int:
        if value < MIN_MEMORY_KIB:
            raise WeakKdfParameters(
                f"The vault header asks for Argon2id memory of {_shown(value)} KiB; VRM Wallet "
                f"requires at least {MIN_MEMORY_KIB} KiB. {_WEAKENED}"
            )
        if value > MAX_MEMORY_KIB:
            raise KdfTooCostly(
                f"The vault header asks for Argon2id memory of {_shown(value)} KiB; VRM Wallet "
                f"allows at most {MAX_MEMORY_KIB} KiB. {_TOO_COSTLY}"
            )
        return value

    @field_validator("iterations")
    @classmethod
    def _iterations_range(cls, value: int) -> int:
        if value < MIN_ITERATIONS:
            raise WeakKdfParameters(
                f"The vault header asks for {_shown(value)} Argon2id iterations; VRM Wallet "
                f"requires at least {MIN_ITERATIONS}. {_WEAKENED}"
            )
        if value > MAX_ITERATIONS:
            raise KdfTooCostly(
                f"The vault header asks for {_shown(value)} Argon2id iterations; VRM Wallet "
                f"allows at most {MAX_ITERATIONS}. {_TOO_COSTLY}"
            )
        return value

    @field_validator("lanes")
    @classmethod
    def _lanes_range(cls, value: int) -> int:
        if not MIN_LANES <= value <= MAX_LANES:
            raise WeakKdfParameters(
                f"The vault header asks for {_shown(value)} Argon2id lanes; VRM Wallet accepts "
                f"{MIN_LANES} to {MAX_LANES}."
            )
        return value

    @field_validator("salt")
    @classmethod
    def _salt_length(cls, value: bytes) -> bytes:
        if len(value) < crypto.SALT_BYTES:
            raise WeakKdfParameters(
                f"The vault header's Argon2id salt is {len(value)} bytes; at least "
                f"{crypto.SALT_BYTES} are required."
            )
        return value

    @model_validator(mode="after")
    def _work_ceiling(self) -> Argon2idKdf:
        if self.memory_kib * self.iterations > MAX_KDF_WORK:
            raise KdfTooCostly(
                f"The vault header asks for Argon2id with {self.memory_kib // 1024} MiB and "
                f"{self.iterations} iterations, more work than VRM Wallet allows for one unlock "
                f"({MAX_KDF_WORK // 1024} MiB-iterations). {_TOO_COSTLY}"
            )
        return self

    @property
    def cost(self) -> Argon2Cost:
        return Argon2Cost(self.memory_kib, self.iterations, self.lanes)


class HkdfKdf(_Strict):
    """Derivation for slots whose secret is already high-entropy (recovery key, keyring secret)."""

    algorithm: Literal["hkdf-sha256"] = "hkdf-sha256"
    salt: Base64Bytes


class _SlotBase(_Strict):
    nonce: Base64Bytes
    wrapped_key: Base64Bytes
    created: datetime


class PassphraseSlot(_SlotBase):
    type: Literal["passphrase"] = "passphrase"
    kdf: Argon2idKdf


class RecoverySlot(_SlotBase):
    type: Literal["recovery"] = "recovery"
    kdf: HkdfKdf


class KeyringSlot(_SlotBase):
    """Opened by a secret kept in the OS keyring under ``keyring_service``/``keyring_username``."""

    type: Literal["keyring"] = "keyring"
    kdf: HkdfKdf
    keyring_service: str
    keyring_username: str
    passphrase_required_after: datetime


Slot = Annotated[PassphraseSlot | RecoverySlot | KeyringSlot, Field(discriminator="type")]
SlotType = Literal["passphrase", "recovery", "keyring"]


class VaultHeader(_Strict):
    """The whole header file. ``mac`` authenticates every other field with the data key."""

    format: Literal["vrm-wallet-vault"] = "vrm-wallet-vault"
    format_version: int = HEADER_FORMAT_VERSION
    vault_id: str
    created: datetime
    database_file: str = "vault.db"
    cipher: Literal["sqlcipher4-raw-key"] = "sqlcipher4-raw-key"
    slots: tuple[Slot, ...]
    mac: Base64Bytes = b""

    def slot(self, slot_type: SlotType) -> PassphraseSlot | RecoverySlot | KeyringSlot | None:
        """The slot of that type, if the header has one."""
        return next((slot for slot in self.slots if slot.type == slot_type), None)

    def authenticated_bytes(self) -> bytes:
        """The bytes the MAC covers: every field but the MAC, in a stable serialisation."""
        body = self.model_dump(mode="json", exclude={"mac"})
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def slot_associated_data(vault_id: str, slot: PassphraseSlot | RecoverySlot | KeyringSlot) -> bytes:
    """Binds a wrapped key to its vault, slot type and derivation parameters."""
    kdf = json.dumps(slot.kdf.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return f"vrm-wallet slot|{vault_id}|{slot.type}|{kdf}".encode()


def header_mac_key(data_key: bytes) -> bytes:
    return crypto.derive_hkdf(data_key, info=b"vrm-wallet header mac v1")


def seal_header(header: VaultHeader, data_key: bytes) -> VaultHeader:
    """The same header with a fresh MAC under ``data_key``."""
    unsigned = header.model_copy(update={"mac": b""})
    return header.model_copy(
        update={"mac": crypto.mac(header_mac_key(data_key), unsigned.authenticated_bytes())}
    )


def check_header_mac(header: VaultHeader, data_key: bytes) -> None:
    """Raise :class:`HeaderError` if the header was changed by anything other than VRM Wallet."""
    try:
        crypto.verify_mac(header_mac_key(data_key), header.authenticated_bytes(), header.mac)
    except crypto.AuthenticationFailed:
        raise HeaderError(
            "The vault header has been modified outside VRM Wallet (its integrity check failed). "
            "Your data was not opened; restore the header from a backup."
        ) from None


def parse_header(raw: bytes, *, source: str = "vault header") -> VaultHeader:
    """Validate header bytes: format and version first, then structure and KDF floors/ceilings.

    Any input is either a :class:`VaultHeader` or a one-line :class:`HeaderError`: deep nesting,
    huge numbers and bad UTF-8 included, and before any key derivation.
    """
    document = _decode_json(raw, source=source)
    if not isinstance(document, dict) or document.get("format") != HEADER_FORMAT:
        raise HeaderError(f"The {source} is not a VRM Wallet vault header.")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise HeaderError(f"The {source} is damaged: it has no format version.")
    if version > HEADER_FORMAT_VERSION:
        raise UnsupportedVersion(
            f"This vault was created by a newer version of VRM Wallet (header format "
            f"{_shown(version)}; this app reads up to {HEADER_FORMAT_VERSION}). Update VRM Wallet "
            "to open it."
        )
    try:
        return VaultHeader.model_validate(document)
    except ValidationError as exc:
        # WeakKdfParameters and KdfTooCostly are not ValueErrors, so pydantic lets them through.
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise HeaderError(
            f"The {source} is damaged: {_clipped(where)}: {_clipped(first['msg'])}."
        ) from None


def _decode_json(raw: bytes, *, source: str) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise HeaderError(f"The {source} is damaged: it is not valid JSON (not UTF-8).") from None
    if _nesting_exceeds(text, MAX_HEADER_DEPTH):
        raise HeaderError(f"The {source} is damaged: it is nested too deeply to be a header.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise HeaderError(
            f"The {source} is damaged: it is not valid JSON ({_clipped(str(exc))})."
        ) from None
    except (ValueError, RecursionError):  # e.g. an integer of more than 4300 digits
        raise HeaderError(f"The {source} is damaged: it holds a number too long.") from None


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def _nesting_exceeds(text: str, limit: int) -> bool:
    """True if brackets outside strings nest deeper than ``limit`` (checked before parsing)."""
    depth = 0
    for char in _NOT_BRACKETS.sub("", _STRINGS.sub("", text)):
        if char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _clipped(text: str, limit: int = 80) -> str:
    """Text from a hostile file squeezed into a short single line for an error message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def read_header(path: Path) -> VaultHeader:
    """Read and validate the header file at ``path``."""
    return parse_header(read_bounded(path, max_bytes=MAX_HEADER_BYTES, what="vault header"))


def header_bytes(header: VaultHeader) -> bytes:
    return (json.dumps(header.model_dump(mode="json"), indent=2) + "\n").encode("utf-8")


def write_header(path: Path, header: VaultHeader) -> None:
    """Write the header atomically with mode 0600."""
    atomic_write_bytes(path, header_bytes(header))
