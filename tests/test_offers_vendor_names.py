"""The vendor names shown beside an intention's deliveries and offers come from one small query
(wallet.offers.views.vendor_names): the same names the directory lists."""

from __future__ import annotations

from tests.intent_helpers import add_vendors, serve
from wallet.offers.views import vendor_names
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory


def test_vendor_names_are_the_directory_names(vault: Vault) -> None:
    assert vendor_names(vault) == {}
    with serve(3) as vendors:
        ids = add_vendors(vault, vendors.metadata_urls)
    listed = {vendor.id: vendor.name for vendor in VendorDirectory(vault).list()}
    assert sorted(listed) == sorted(ids)
    assert vendor_names(vault) == listed
