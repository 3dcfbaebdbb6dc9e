"""The purposes a consent can be given for: Kantara CR v1.1 purpose categories and DPV IRIs.

Kantara names 16 purpose categories ("N - Label"); W3C DPV gives each a purpose IRI (the closest
DPV concept: Kantara's categories mix purpose and recipient, DPV separates them). A consent
receipt carries both: the Kantara label in ``purposeCategory`` and the IRI in ``vrm.purposes``.
"""

from __future__ import annotations

from dataclasses import dataclass

from wallet.i18n import QT_TRANSLATE_NOOP

DPV = "https://w3id.org/dpv#"


@dataclass(frozen=True, slots=True)
class Purpose:
    """One purpose category: Kantara number and label, DPV IRI, and plain words for people."""

    number: int
    name: str
    dpv_iri: str
    description: str

    @property
    def label(self) -> str:
        """The Kantara form, e.g. ``"3 - Delivery"``."""
        return f"{self.number} - {self.name}"

    @property
    def dpv_curie(self) -> str:
        return "dpv:" + self.dpv_iri.removeprefix(DPV)


PURPOSES: dict[int, Purpose] = {
    purpose.number: purpose
    for purpose in (
        Purpose(
            1,
            QT_TRANSLATE_NOOP("Purpose", "Core Function"),
            DPV + "ServiceProvision",
            QT_TRANSLATE_NOOP("Purpose", "to carry out the core functions of their service"),
        ),
        Purpose(
            2,
            QT_TRANSLATE_NOOP("Purpose", "Contracted Service"),
            DPV + "RequestedServiceProvision",
            QT_TRANSLATE_NOOP("Purpose", "to provide the service or goods you ordered"),
        ),
        Purpose(
            3,
            QT_TRANSLATE_NOOP("Purpose", "Delivery"),
            DPV + "DeliveryOfGoods",
            QT_TRANSLATE_NOOP("Purpose", "to deliver physical goods to you"),
        ),
        Purpose(
            4,
            QT_TRANSLATE_NOOP("Purpose", "Contact Requested"),
            DPV + "CommunicationForCustomerCare",
            QT_TRANSLATE_NOOP("Purpose", "to contact you about what you asked for"),
        ),
        Purpose(
            5,
            QT_TRANSLATE_NOOP("Purpose", "Personalized Experience"),
            DPV + "ServicePersonalisation",
            QT_TRANSLATE_NOOP("Purpose", "to personalise their service for you"),
        ),
        Purpose(
            6,
            QT_TRANSLATE_NOOP("Purpose", "Marketing"),
            DPV + "DirectMarketing",
            QT_TRANSLATE_NOOP("Purpose", "to tell you about their other products"),
        ),
        Purpose(
            7,
            QT_TRANSLATE_NOOP("Purpose", "Marketing Third Parties"),
            DPV + "Marketing",
            QT_TRANSLATE_NOOP("Purpose", "to tell you about other companies' products"),
        ),
        Purpose(
            8,
            QT_TRANSLATE_NOOP("Purpose", "Sharing for Delivery"),
            DPV + "ServiceProvision",
            QT_TRANSLATE_NOOP("Purpose", "to pass it to companies that deliver on their behalf"),
        ),
        Purpose(
            9,
            QT_TRANSLATE_NOOP("Purpose", "Sharing for Marketing"),
            DPV + "Advertising",
            QT_TRANSLATE_NOOP("Purpose", "to pass it to other companies for their marketing"),
        ),
        Purpose(
            10,
            QT_TRANSLATE_NOOP("Purpose", "3rd Party Sharing for Core Function"),
            DPV + "ServiceProvision",
            QT_TRANSLATE_NOOP("Purpose", "to pass it to other companies to serve you"),
        ),
        Purpose(
            11,
            QT_TRANSLATE_NOOP("Purpose", "3rd Party Sharing for Others"),
            DPV + "CommercialPurpose",
            QT_TRANSLATE_NOOP("Purpose", "to pass it to other companies to serve others"),
        ),
        Purpose(
            12,
            QT_TRANSLATE_NOOP("Purpose", "Legally Required Data Retention"),
            DPV + "LegalCompliance",
            QT_TRANSLATE_NOOP("Purpose", "to keep records the law requires"),
        ),
        Purpose(
            13,
            QT_TRANSLATE_NOOP("Purpose", "Required by Law Enforcement or Government"),
            DPV + "LegalCompliance",
            QT_TRANSLATE_NOOP("Purpose", "to give it to authorities when the law requires"),
        ),
        Purpose(
            14,
            QT_TRANSLATE_NOOP("Purpose", "Protecting Your Health"),
            DPV + "VitalInterest",
            QT_TRANSLATE_NOOP("Purpose", "to protect your vital or health interests"),
        ),
        Purpose(
            15,
            QT_TRANSLATE_NOOP("Purpose", "Protecting Our Interests"),
            DPV + "EnforceSecurity",
            QT_TRANSLATE_NOOP("Purpose", "to protect their legitimate interests (fraud, security)"),
        ),
        Purpose(
            16,
            QT_TRANSLATE_NOOP("Purpose", "Improve Performance"),
            DPV + "ServiceOptimisation",
            QT_TRANSLATE_NOOP("Purpose", "to measure or improve their service"),
        ),
    )
}
# Purposes that hand the data to someone else: the receipt then says so (thirdPartyDisclosure).
THIRD_PARTY_PURPOSES = frozenset({7, 8, 9, 10, 11})
DEFAULT_PURPOSES = (2,)


def purpose(number: int) -> Purpose:
    """The purpose category ``number`` (1-16), or ValueError naming the valid range."""
    try:
        return PURPOSES[number]
    except KeyError:
        raise ValueError(f"A purpose category is a number from 1 to 16, not {number}.") from None


def parse_purpose(text: str) -> Purpose:
    """``"3"``, ``"3 - Delivery"``, ``"delivery"`` or ``"dpv:DeliveryOfGoods"`` as a purpose."""
    cleaned = text.strip()
    head = cleaned.split(" - ", 1)[0].strip()
    if head.isdigit():
        return purpose(int(head))
    wanted = cleaned.casefold()
    for item in PURPOSES.values():
        names = {item.name.casefold(), item.dpv_curie.casefold(), item.dpv_iri.casefold()}
        if wanted in names:
            return item
    raise ValueError(
        f"Unknown purpose {text!r}: give a Kantara category number 1-16 (e.g. 3 for Delivery), "
        "its name, or a DPV term such as dpv:DeliveryOfGoods."
    )
