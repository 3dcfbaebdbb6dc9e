"""The purposes a consent can be given for: Kantara CR v1.1 purpose categories and DPV IRIs.

Kantara names 16 purpose categories ("N - Label"); W3C DPV gives each a purpose IRI (the closest
DPV concept: Kantara's categories mix purpose and recipient, DPV separates them). A consent
receipt carries both: the Kantara label in ``purposeCategory`` and the IRI in ``vrm.purposes``.
"""

from __future__ import annotations

from dataclasses import dataclass

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
            "Core Function",
            DPV + "ServiceProvision",
            "to carry out the core functions of their service",
        ),
        Purpose(
            2,
            "Contracted Service",
            DPV + "RequestedServiceProvision",
            "to provide the service or goods you ordered",
        ),
        Purpose(3, "Delivery", DPV + "DeliveryOfGoods", "to deliver physical goods to you"),
        Purpose(
            4,
            "Contact Requested",
            DPV + "CommunicationForCustomerCare",
            "to contact you about what you asked for",
        ),
        Purpose(
            5,
            "Personalized Experience",
            DPV + "ServicePersonalisation",
            "to personalise their service for you",
        ),
        Purpose(6, "Marketing", DPV + "DirectMarketing", "to tell you about their other products"),
        Purpose(
            7,
            "Marketing Third Parties",
            DPV + "Marketing",
            "to tell you about other companies' products",
        ),
        Purpose(
            8,
            "Sharing for Delivery",
            DPV + "ServiceProvision",
            "to pass it to companies that deliver on their behalf",
        ),
        Purpose(
            9,
            "Sharing for Marketing",
            DPV + "Advertising",
            "to pass it to other companies for their marketing",
        ),
        Purpose(
            10,
            "3rd Party Sharing for Core Function",
            DPV + "ServiceProvision",
            "to pass it to other companies to serve you",
        ),
        Purpose(
            11,
            "3rd Party Sharing for Others",
            DPV + "CommercialPurpose",
            "to pass it to other companies to serve others",
        ),
        Purpose(
            12,
            "Legally Required Data Retention",
            DPV + "LegalCompliance",
            "to keep records the law requires",
        ),
        Purpose(
            13,
            "Required by Law Enforcement or Government",
            DPV + "LegalCompliance",
            "to give it to authorities when the law requires",
        ),
        Purpose(
            14,
            "Protecting Your Health",
            DPV + "VitalInterest",
            "to protect your vital or health interests",
        ),
        Purpose(
            15,
            "Protecting Our Interests",
            DPV + "EnforceSecurity",
            "to protect their legitimate interests (fraud, security)",
        ),
        Purpose(
            16,
            "Improve Performance",
            DPV + "ServiceOptimisation",
            "to measure or improve their service",
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
