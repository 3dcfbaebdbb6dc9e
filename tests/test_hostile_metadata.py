"""Hostile vendor metadata and vendor lists: refused with one clear error, nothing stored.

The documents come from a real metadata server on 127.0.0.1 (``vendor add``) or from a vendor
list file (``vendor import``). Issue 11: deep nesting raised ``RecursionError``; control
characters in a name forged lines under ``vendor add``; a lone surrogate reached the database
(``UnicodeEncodeError``); an entry whose id is not a string broke the whole import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests import test_vendors
from tests.test_vendors import MetadataServer, document, fetch
from wallet.crypto.signing import generate_signing_key
from wallet.errors import InvalidInput, WalletError
from wallet.vault.facade import Vault
from wallet.vendors import MetadataError, VendorDirectory, parse_metadata_bytes
from wallet.vendors.directory import LIST_TYPE, LIST_VERSION

site = test_vendors.site  # the fixture: a real metadata server on 127.0.0.1
FORGED_NAME = "Legit Shop\nhttps://legit.example\nKey: AAAA\x1b[8m"


def hostile(base: str, **changes: Any) -> bytes:
    """The test vendor's document with some members replaced (``inbox_*`` for inbox URLs)."""
    doc = json.loads(document(base))
    for name, value in changes.items():
        if name.startswith("inbox_"):
            doc["inbox"][name.removeprefix("inbox_")] = value
        else:
            doc[name] = value
    return json.dumps(doc).encode("utf-8")


def test_deeply_nested_metadata_is_refused_with_a_clear_error(site: MetadataServer) -> None:
    depth = 5_000  # a few KiB: well under the size limit, far over the parser's recursion limit
    site.serve(b'{"a":' * depth + b"1" + b"}" * depth)
    with pytest.raises(MetadataError, match=r"nests deeper|not valid JSON"):
        fetch(site.base)
    site.serve(b"[" * 20_000 + b"]" * 20_000)
    with pytest.raises(MetadataError, match=r"nests deeper|not valid JSON"):
        fetch(site.base)


def test_metadata_with_repeated_keys_or_huge_numbers_is_refused(site: MetadataServer) -> None:
    body = hostile(site.base)
    site.serve(body[:-1] + b', "name": "Other Shop"}')
    with pytest.raises(MetadataError, match="repeats"):
        fetch(site.base)
    site.serve(body[:-1] + b', "version": 1' + b"0" * 5000 + b"}")
    with pytest.raises(MetadataError):
        fetch(site.base)


@pytest.mark.parametrize(
    ("member", "value"),
    [
        ("name", FORGED_NAME),
        ("name", "Shop\r"),
        ("name", "Shop \u202egnp.exe"),
        ("name", "Shop\u2028Key: AAAA"),
        ("name", "Shop\x9b8m"),
        ("name", "Shop \ud800"),
        ("contact", "shop@acme.example\nKey: AAAA"),
        ("categories", ["bicycles", "shoes\x1b[2K"]),
        ("inbox_offers", "http://127.0.0.1:9/offers\nKey: AAAA"),
        ("controller", {"legalName": "ACME\x00Bikes"}),
    ],
)
def test_control_characters_and_lone_surrogates_are_refused_at_add(
    vault: Vault, site: MetadataServer, member: str, value: object
) -> None:
    site.serve(hostile(site.base, **{member: value}))
    refusals = r"control character|unpaired surrogate|valid string"
    with pytest.raises(MetadataError, match=refusals) as refused:
        fetch(site.base)
    message = str(refused.value)
    assert "\n" not in message and "\x1b" not in message
    assert VendorDirectory(vault).list() == []


def test_ordinary_names_in_any_script_are_accepted(vault: Vault, site: MetadataServer) -> None:
    names = ("Calzados Pérez", "日本の店", "Fahrräder 🚲", "فروشگاه\u200cما", "👩\u200d🔧 Repairs")
    for index, name in enumerate(names):
        site.serve(hostile(site.base, name=name, id=f"shop-{index}"), f"/{index}.json")
        added = VendorDirectory(vault).add(fetch(f"{site.base}/{index}.json"))
        assert added.vendor.name == name


def _vendor_list(entries: list[Any]) -> bytes:
    return json.dumps({"type": LIST_TYPE, "version": LIST_VERSION, "vendors": entries}).encode()


def _entry(base: str, vendor_id: str, **changes: Any) -> dict[str, Any]:
    metadata = json.loads(hostile(base, id=vendor_id, **changes))
    return {"metadataUrl": f"{base}/{vendor_id}.json", "metadata": metadata}


def test_a_hostile_vendor_list_entry_fails_alone(vault: Vault, tmp_path: Path) -> None:
    base = "http://127.0.0.1:8787"
    entries: list[Any] = [
        _entry(base, "good-1"),
        {"metadataUrl": f"{base}/x.json", "metadata": {"id": ["not", "a", "string"]}},
        {"metadataUrl": f"{base}/y.json", "metadata": {"id": {"a": 1}, "name": "x"}},
        _entry(base, "forged", name=FORGED_NAME),
        _entry(base, "surrogate", name="Shop \ud800"),
        {"metadataUrl": ["not a url"], "metadata": {}},
        {"metadataUrl": f"{base}/\ud800.json", "metadata": {}},
        _entry(base, "good-2"),
    ]
    path = tmp_path / "vendors.json"
    path.write_bytes(
        json.dumps({"type": LIST_TYPE, "version": LIST_VERSION, "vendors": entries}).encode(
            "utf-8", "surrogatepass"
        )
    )
    report = VendorDirectory(vault).import_file(path)
    assert report.added == ("good-1", "good-2")
    assert [index for index, _ in report.refused] == [2, 3, 4, 5, 6, 7]
    assert [vendor.id for vendor in VendorDirectory(vault).list()] == ["good-1", "good-2"]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"type": "VrmVendorList", "version": 1' + b"0" * 5000 + b', "vendors": []}',
        b'{"type": "VrmVendorList", "type": "VrmVendorList", "version": 1, "vendors": []}',
        b'{"type": "VrmVendorList", "version": 1, "vendors": [' + b"[" * 3000 + b"]" * 3000 + b"]}",
        b"\xff\xfe",
    ],
)
def test_vendor_list_files_that_are_not_lists_are_refused_clearly(
    vault: Vault, tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "vendors.json"
    path.write_bytes(raw)
    with pytest.raises(InvalidInput) as refused:
        VendorDirectory(vault).import_file(path)
    assert "\n" not in str(refused.value)
    assert VendorDirectory(vault).list() == []


def test_the_metadata_parser_refuses_every_oversized_member() -> None:
    base = "http://127.0.0.1:8787"
    too_many = [f"c{i}" for i in range(101)]
    for changes in (
        {"name": "n" * 201},
        {"contact": "c" * 321},
        {"categories": too_many},
        {"acceptedAgreements": ["SD-BASE"] * 101},
        {"policyUrl": base + "/" + "p" * 2000},
    ):
        with pytest.raises(WalletError):
            parse_metadata_bytes(hostile(base, **changes), url=base + "/m.json")
    key = generate_signing_key().verifying_key.jwk
    with pytest.raises(WalletError):
        parse_metadata_bytes(hostile(base, publicKey={**key, "x": key["x"] * 100}), url=base)


def test_an_unknown_member_is_refused_without_repeating_its_name(site: MetadataServer) -> None:
    doc = json.loads(hostile(site.base))
    doc["\x1b[8m\nKey: AAAA"] = 1
    doc["inbox"]["ada@example.org"] = "x"
    site.serve(json.dumps(doc).encode())
    with pytest.raises(MetadataError, match="not part of the format") as refused:
        fetch(site.base)
    assert "Key: AAAA" not in str(refused.value) and "ada@" not in str(refused.value)
