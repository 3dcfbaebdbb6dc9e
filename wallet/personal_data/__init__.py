"""Personal data: the Kantara PII categories, the standard fields, and field snapshots.

Categories follow the Kantara Consent Receipt v1.1 list ("N - Label"), each mapped to the closest
W3C Data Privacy Vocabulary concept so receipts and records can cite a machine-readable IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from wallet.errors import InvalidInput
from wallet.i18n import QT_TRANSLATE_NOOP

DPV_PD = "https://w3id.org/dpv/pd#"
DPV = "https://w3id.org/dpv#"

MAX_KEY_LENGTH = 64
MAX_LABEL_LENGTH = 200
MAX_VALUE_LENGTH = 10_000
KEY_CHARACTERS = "a-z0-9_.-"  # a regular-expression class: what a field key is made of
_KEY_PATTERN = re.compile(rf"^[a-z0-9][{KEY_CHARACTERS}]*$")


@dataclass(frozen=True, slots=True)
class PiiCategory:
    """A Kantara CR v1.1 personal-information category and its DPV IRI."""

    number: int
    name: str
    dpv_iri: str

    @property
    def label(self) -> str:
        """The Kantara form, e.g. ``"2 - Contact"``."""
        return f"{self.number} - {self.name}"


PII_CATEGORIES: dict[int, PiiCategory] = {
    category.number: category
    for category in (
        PiiCategory(1, QT_TRANSLATE_NOOP("PiiCategory", "Biographical"), DPV_PD + "Identifying"),
        PiiCategory(2, QT_TRANSLATE_NOOP("PiiCategory", "Contact"), DPV_PD + "Contact"),
        PiiCategory(3, QT_TRANSLATE_NOOP("PiiCategory", "Biometric"), DPV_PD + "Biometric"),
        PiiCategory(
            4, QT_TRANSLATE_NOOP("PiiCategory", "Communications/Social"), DPV_PD + "Communication"
        ),
        PiiCategory(5, QT_TRANSLATE_NOOP("PiiCategory", "Network/Service"), DPV_PD + "Tracking"),
        PiiCategory(6, QT_TRANSLATE_NOOP("PiiCategory", "Health"), DPV_PD + "MedicalHealth"),
        PiiCategory(7, QT_TRANSLATE_NOOP("PiiCategory", "Financial"), DPV_PD + "Financial"),
        PiiCategory(
            8,
            QT_TRANSLATE_NOOP("PiiCategory", "Official/Government Identifiers"),
            DPV_PD + "OfficialID",
        ),
        PiiCategory(
            9, QT_TRANSLATE_NOOP("PiiCategory", "Government Services"), DPV_PD + "PublicLife"
        ),
        PiiCategory(10, QT_TRANSLATE_NOOP("PiiCategory", "Judicial"), DPV_PD + "Criminal"),
        PiiCategory(11, QT_TRANSLATE_NOOP("PiiCategory", "Property"), DPV_PD + "Ownership"),
        PiiCategory(
            12,
            QT_TRANSLATE_NOOP("PiiCategory", "Employee Personal Information"),
            DPV_PD + "Professional",
        ),
        PiiCategory(
            13,
            QT_TRANSLATE_NOOP("PiiCategory", "Psychological/Attitudinal"),
            DPV_PD + "PersonalBelief",
        ),
        PiiCategory(14, QT_TRANSLATE_NOOP("PiiCategory", "Membership"), DPV_PD + "Membership"),
        PiiCategory(15, QT_TRANSLATE_NOOP("PiiCategory", "Behavioral"), DPV_PD + "Behavioral"),
        PiiCategory(
            16, QT_TRANSLATE_NOOP("PiiCategory", "Profiling"), DPV + "InferredPersonalData"
        ),
    )
}
DEFAULT_CATEGORY = 1


@dataclass(frozen=True, slots=True)
class StandardField:
    """A field the app offers ready-made, with its category and its specific DPV IRI."""

    key: str
    label: str
    category: int
    dpv_iri: str
    sensitive: bool = False


STANDARD_FIELDS: tuple[StandardField, ...] = (
    StandardField(
        "given_name", QT_TRANSLATE_NOOP("StandardField", "Given name"), 1, DPV_PD + "Name"
    ),
    StandardField(
        "family_name", QT_TRANSLATE_NOOP("StandardField", "Family name"), 1, DPV_PD + "Name"
    ),
    StandardField(
        "date_of_birth",
        QT_TRANSLATE_NOOP("StandardField", "Date of birth"),
        1,
        DPV_PD + "BirthDate",
        sensitive=True,
    ),
    StandardField(
        "email", QT_TRANSLATE_NOOP("StandardField", "Email address"), 2, DPV_PD + "EmailAddress"
    ),
    StandardField(
        "phone", QT_TRANSLATE_NOOP("StandardField", "Phone number"), 2, DPV_PD + "TelephoneNumber"
    ),
    StandardField(
        "postal_address",
        QT_TRANSLATE_NOOP("StandardField", "Postal address"),
        2,
        DPV_PD + "PhysicalAddress",
    ),
    StandardField(
        "clothing_size",
        QT_TRANSLATE_NOOP("StandardField", "Clothing size"),
        1,
        DPV_PD + "PhysicalCharacteristic",
    ),
    StandardField(
        "shoe_size",
        QT_TRANSLATE_NOOP("StandardField", "Shoe size"),
        1,
        DPV_PD + "PhysicalCharacteristic",
    ),
    StandardField(
        "preferences", QT_TRANSLATE_NOOP("StandardField", "Preferences"), 15, DPV_PD + "Preference"
    ),
    StandardField(
        "dietary_preferences",
        QT_TRANSLATE_NOOP("StandardField", "Dietary preferences"),
        15,
        DPV_PD + "FoodPreference",
    ),
    StandardField(
        "preferred_language",
        QT_TRANSLATE_NOOP("StandardField", "Preferred language"),
        1,
        DPV_PD + "Language",
    ),
)
_STANDARD_BY_KEY = {field.key: field for field in STANDARD_FIELDS}


def standard_field(key: str) -> StandardField | None:
    """The standard field with this key, if it is one."""
    return _STANDARD_BY_KEY.get(key)


def dpv_iri_for(key: str, category: int) -> str:
    """The most specific DPV IRI for a field: its own for standard fields, else its category's."""
    standard = standard_field(key)
    return standard.dpv_iri if standard else PII_CATEGORIES[category].dpv_iri


@dataclass(frozen=True, slots=True)
class FieldSnapshot:
    """A field as stored; ``value`` is ``None`` in listings of sensitive fields."""

    key: str
    label: str
    value: str | None
    category: int
    sensitive: bool
    created: datetime
    updated: datetime

    @property
    def category_label(self) -> str:
        return PII_CATEGORIES[self.category].label

    @property
    def dpv_iri(self) -> str:
        return dpv_iri_for(self.key, self.category)


@dataclass(frozen=True, slots=True)
class FieldInput:
    """A field to create or update in bulk; options left ``None`` keep their current or default."""

    key: str
    value: str
    label: str | None = None
    category: str | int | None = None
    sensitive: bool | None = None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One past value of a field and when it was set."""

    value: str
    changed: datetime


def validate_key(key: str) -> str:
    """The key, or :class:`InvalidInput` saying why it cannot be used."""
    if not key:
        raise InvalidInput("A field key cannot be empty.")
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidInput(f"A field key has at most {MAX_KEY_LENGTH} characters.")
    if not _KEY_PATTERN.match(key):
        raise InvalidInput(
            f"The field key {key!r} may use only lower-case letters, digits, '_', '.' and '-', "
            "and must start with a letter or digit."
        )
    return key


def validate_value(value: str) -> str:
    if not value.strip():
        raise InvalidInput("A field value cannot be empty; delete the field instead.")
    if len(value) > MAX_VALUE_LENGTH:
        raise InvalidInput(f"A field value has at most {MAX_VALUE_LENGTH} characters.")
    return value


def validate_label(label: str) -> str:
    label = label.strip()
    if not label:
        raise InvalidInput("A field label cannot be empty.")
    if len(label) > MAX_LABEL_LENGTH:
        raise InvalidInput(f"A field label has at most {MAX_LABEL_LENGTH} characters.")
    return label


def parse_category(text: str | int) -> int:
    """A category number from ``2``, ``"2"``, ``"2 - Contact"`` or ``"contact"``."""
    if isinstance(text, int):
        number = text
    else:
        head = text.strip().split(" - ", 1)[0].strip()
        if head.isdigit():
            number = int(head)
        else:
            by_name = {c.name.lower(): c.number for c in PII_CATEGORIES.values()}
            if head.lower() not in by_name:
                raise InvalidInput(
                    f"Unknown category {text!r}. Use a number 1-16 or a name such as 'Contact'.",
                    cli_hint="`vrm-wallet-cli data categories` lists them.",
                )
            number = by_name[head.lower()]
    if number not in PII_CATEGORIES:
        raise InvalidInput(f"Unknown category {number}: categories are numbered 1 to 16.")
    return number


def default_label(key: str) -> str:
    """A readable label for a key: the standard field's, else the key with spaces."""
    standard = standard_field(key)
    return standard.label if standard else key.replace("_", " ").replace("-", " ").capitalize()
