"""The core's texts in the interface's language.

The core marks the texts it gives the app to show (``wallet.i18n.QT_TRANSLATE_NOOP``) and keeps
them English; these functions translate them where they are shown. A field's label is the
person's own words unless it is still a standard field's label, which is translated.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from wallet.consents.purposes import PURPOSES
from wallet.personal_data import PII_CATEGORIES, standard_field


def category_name(number: int) -> str:
    """A Kantara personal-information category's name: "Contacto"."""
    return QCoreApplication.translate("PiiCategory", PII_CATEGORIES[number].name)


def category_label(number: int) -> str:
    """The category in Kantara's form, translated: "2 - Contacto"."""
    return f"{number} - {category_name(number)}"


def purpose_label(number: int) -> str:
    """A Kantara purpose category, translated: "3 - Entrega"."""
    name = QCoreApplication.translate("Purpose", PURPOSES[number].name)
    return f"{number} - {name}"


def purpose_description(number: int) -> str:
    """What a purpose means, in plain words: "para entregarte bienes físicos"."""
    return QCoreApplication.translate("Purpose", PURPOSES[number].description)


def field_label(key: str, label: str) -> str:
    """``label`` of the field ``key``, translated when it is its standard field's label."""
    standard = standard_field(key)
    if standard is not None and label == standard.label:
        return QCoreApplication.translate("StandardField", label)
    return label


def field_labels_text(keys: Sequence[str], labels: Sequence[str]) -> str:
    """The labels of the fields ``keys`` (in order), each translated while it is its standard
    field's label: "Nombre, Apellidos"."""
    return ", ".join(field_label(key, label) for key, label in zip(keys, labels, strict=False))


def kantara_category_label(label: str) -> str:
    """A category label the core wrote ("2 - Contact"), translated; another text as it is."""
    number, separator, _name = label.partition(" - ")
    if separator and number.isdigit() and int(number) in PII_CATEGORIES:
        return category_label(int(number))
    return label


def proposal_status_name(status: str) -> str:
    """A loyalty proposal's status in words ("borrador"); an unknown status as it is."""
    names = {
        "draft": QCoreApplication.translate("ProposalStatus", "draft"),
        "active": QCoreApplication.translate("ProposalStatus", "active"),
        "withdrawn": QCoreApplication.translate("ProposalStatus", "withdrawn"),
    }
    return names.get(status, status)
