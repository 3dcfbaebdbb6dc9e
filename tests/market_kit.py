"""The kit vendors the market tests answer with: two vendors of the funnel catalogue, their HTTP
side on 127.0.0.1 serving the metadata a directory pins or a wallet meets (and their inboxes).
Import :func:`kit` into a test module (and name it in ``__all__``) for pytest to find it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.intent_helpers import funnel_catalog
from vendorkit.catalog import Catalog
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.crypto.signing import SigningKey, generate_signing_key

Kit = tuple[Catalog, list[SigningKey], BackgroundVendors]


@pytest.fixture
def kit() -> Iterator[Kit]:
    """Two kit vendors serving their metadata on 127.0.0.1; none is added to a directory."""
    catalog = funnel_catalog(careless=False)
    keys = [generate_signing_key() for _ in range(2)]
    with BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog)) as server:
        yield catalog, keys, server
