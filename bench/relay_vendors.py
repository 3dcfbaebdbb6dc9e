"""Kit vendors listening on a relay for ``bench/bench_relay.py``, one process of several.

``python -m bench.relay_vendors URL FIRST COUNT QUEUE`` answers intentions of the category
``shoes`` as the kit vendors ``demo-vendor-FIRST`` … ``demo-vendor-(FIRST+COUNT-1)`` (the kit's
own :class:`~vendorkit.market.listener.RelayVendors` and :func:`~vendorkit.market.listener.listen`:
each vendor seals its real signed offers to the intention), in the queue group ``QUEUE``. Their
keys come from :func:`vendor_key`, so the benchmark's wallet can pin them in its directory
without asking. Prints ``ready`` once subscribed; SIGTERM stops it.
"""

from __future__ import annotations

import asyncio
import hashlib
import signal
import sys

from vendorkit.catalog import load_catalog
from vendorkit.market.listener import RelayVendors, listen
from vendorkit.server import Vendor, make_vendors
from wallet.crypto.signing import SigningKey

CATEGORY = "shoes"


def vendor_key(index: int) -> SigningKey:
    """The signing key of bench vendor ``index`` (derived: a benchmark, not a secret)."""
    return SigningKey(hashlib.sha256(b"vrm bench relay vendor %d" % index).digest())


def vendors(first: int, count: int) -> list[Vendor]:
    """The kit's vendors ``first`` … ``first + count - 1``, named and keyed as the kit does."""
    last = max(first + count - 1, 2)  # the kit names a lone vendor differently
    keys = [vendor_key(index) for index in range(1, last + 1)]
    return make_vendors(keys, load_catalog(None))[first - 1 : first - 1 + count]


async def _serve(url: str, first: int, count: int, queue: str) -> None:
    stop = asyncio.Event()
    ready = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    answering = RelayVendors(vendors(first, count), load_catalog(None))
    listening = asyncio.create_task(
        listen(url, answering, categories=[CATEGORY], queue=queue, stop=stop, ready=ready)
    )
    await ready.wait()
    print("ready", flush=True)
    stats = await listening
    print(f"answered {stats.intentions}, sealed {stats.sealed}, refused {stats.refused}")


def main() -> None:
    url, first, count, queue = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    asyncio.run(_serve(url, first, count, queue))


if __name__ == "__main__":
    main()
