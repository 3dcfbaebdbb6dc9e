"""Property tests (issue 11, item 4): vendor metadata documents and vendor lists.

Whatever a vendor serves at ``/.well-known/vrm-vendor.json`` (the bytes ``vendor add`` parses)
and whatever a vendor list file holds (``vendor import``) is either accepted or refused with a
:class:`~wallet.errors.WalletError` whose message is one line, never another exception; after a
refusal the directory and the activity log are unchanged. What is accepted can be stored, listed,
shown (its key loads again) and holds no character that forges lines on a terminal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, dumps, examples
from wallet.crypto.signing import generate_signing_key, verifying_key_from_jwk
from wallet.errors import WalletError
from wallet.terminal import label_problem
from wallet.vault.facade import Vault
from wallet.vendors import FetchedMetadata, VendorDirectory, parse_metadata_bytes
from wallet.vendors.directory import LIST_TYPE, LIST_VERSION

BASE = "http://127.0.0.1:8787"
URL = BASE + "/.well-known/vrm-vendor.json"
KEY = generate_signing_key().verifying_key.jwk
# Where a mutation may strike: top-level members and members of the nested objects.
MEMBERS: list[tuple[str, ...]] = [
    ("type",), ("version",), ("id",), ("name",), ("publicKey",), ("inbox",), ("categories",),
    ("acceptedAgreements",), ("policyUrl",), ("contact",), ("controller",),
    ("inbox", "intentions"), ("inbox", "offers"), ("inbox", "consents"),
    ("publicKey", "x"), ("publicKey", "kty"), ("publicKey", "crv"), ("publicKey", "d"),
    ("controller", "legalName"), ("controller", "address"), ("categories", "0"),
]  # fmt: skip


def valid_document(vendor_id: str = "acme") -> dict[str, Any]:
    return {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": "ACME Bikes",
        "publicKey": dict(KEY),
        "inbox": {"intentions": f"{BASE}/inbox", "offers": f"{BASE}/offers"},
        "categories": ["bicycles"],
        "acceptedAgreements": ["SD-BASE"],
        "policyUrl": f"{BASE}/privacy",
        "contact": "shop@acme.example",
        "controller": {"legalName": "ACME Bikes S.L."},
    }


def _set(document: dict[str, Any], path: tuple[str, ...], value: Any, *, delete: bool) -> None:
    target: Any = document
    for part in path[:-1]:
        target = target.get(part) if isinstance(target, dict) else None
        if not isinstance(target, dict | list):
            return
    last = path[-1]
    if isinstance(target, list):
        if target:
            target[0] = value
    elif delete:
        target.pop(last, None)
    else:
        target[last] = value


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with one to three members replaced by anything, deleted, or added."""
    document = valid_document(draw(st.sampled_from(["acme", "shop-2", "x"])))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(st.sampled_from(["value", "text", "delete", "unknown"]))
        if action == "unknown":
            document[draw(HOSTILE_TEXT)] = draw(JSON_VALUES)
            continue
        value = draw(JSON_VALUES if action == "value" else HOSTILE_TEXT)
        _set(document, draw(st.sampled_from(MEMBERS)), value, delete=action == "delete")
    return document


# Letters, digits, punctuation, symbols and spaces of every script: what names are made of.
LABEL_CHARACTERS = st.characters(categories=["L", "M", "N", "P", "S", "Zs"])


def labels(min_size: int) -> st.SearchStrategy[str]:
    return st.text(LABEL_CHARACTERS, min_size=min_size, max_size=60)


@st.composite
def plausible_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with names of any script (accepted when not blank and short enough),
    and now and then one hostile text (refused when it holds a control character)."""
    document = valid_document(draw(st.sampled_from(["acme", "shop-2", "x"])))
    document["name"] = draw(labels(1))
    document["contact"] = draw(labels(3))
    document["categories"] = draw(st.lists(labels(1), max_size=4))
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        document[draw(st.sampled_from(["name", "contact"]))] = draw(HOSTILE_TEXT)
    return document


def raw_documents() -> st.SearchStrategy[bytes]:
    """Bytes a metadata URL might serve: nasty bytes, any JSON, mutated documents (sometimes
    truncated), and the valid document itself."""
    return st.one_of(
        RAW_NASTY,
        JSON_VALUES.map(dumps),
        mutated_documents().map(dumps),
        plausible_documents().map(dumps),
        st.tuples(mutated_documents().map(dumps), st.integers(min_value=0, max_value=400)).map(
            lambda pair: pair[0][: pair[1]]
        ),
        st.just(json.dumps(valid_document()).encode()),
    )


def parsed_or_refused(raw: bytes) -> FetchedMetadata | None:
    """What ``vendor add`` gets from ``raw``: the checked document, or None after a clear
    refusal; any other exception fails the test."""
    try:
        return parse_metadata_bytes(raw, url=URL)
    except WalletError as exc:
        assert str(exc) and "\n" not in str(exc) and "\r" not in str(exc)
        return None


def snapshot(vault: Vault) -> tuple[Any, ...]:
    vendors = VendorDirectory(vault).list()
    return tuple((v.id, v.kid, json.dumps(v.metadata)) for v in vendors), vault.activity_count()


def assert_usable(vault: Vault) -> None:
    """Every stored vendor loads again as the CLI shows it: its key, one-line labels."""
    for vendor in VendorDirectory(vault).list():
        verifying_key_from_jwk(vendor.public_jwk)
        for text in (vendor.name, vendor.contact, *vendor.categories, vendor.metadata_url):
            assert label_problem(text) is None


@settings(max_examples=examples(800))
@given(raw=raw_documents())
def test_metadata_bytes_are_accepted_or_refused_clearly(raw: bytes) -> None:
    fetched = parsed_or_refused(raw)
    event("accepted" if fetched is not None else "refused")
    if fetched is not None:
        for text in (fetched.metadata.name, fetched.metadata.contact, *fetched.metadata.categories):
            assert label_problem(text) is None


@settings(max_examples=examples(300))
@given(raw=raw_documents())
def test_adding_what_a_vendor_serves_stores_it_or_changes_nothing(vault: Vault, raw: bytes) -> None:
    fetched = parsed_or_refused(raw)
    before = snapshot(vault)
    if fetched is None:
        assert snapshot(vault) == before
        return
    directory = VendorDirectory(vault)
    try:
        directory.add(fetched)
    except WalletError as exc:
        assert "\n" not in str(exc)
        assert snapshot(vault) == before
        event("add refused")
        return
    event("added or updated")
    assert fetched.metadata.id in {vendor.id for vendor in directory.list()}
    assert_usable(vault)


def list_entry(document: Any, *, url: Any = URL, kid: Any = None) -> Any:
    entry: dict[str, Any] = {"metadataUrl": url, "metadata": document}
    if kid is not None:
        entry["kid"] = kid
    return entry


def vendor_lists() -> st.SearchStrategy[bytes]:
    """Vendor list files: nasty bytes, any JSON, and well-formed lists of hostile entries."""
    entries = st.one_of(
        JSON_VALUES,
        mutated_documents().map(list_entry),
        st.builds(list_entry, mutated_documents(), url=st.one_of(HOSTILE_TEXT, JSON_VALUES)),
        st.builds(list_entry, st.just(valid_document()), kid=st.one_of(HOSTILE_TEXT, JSON_VALUES)),
        st.sampled_from(["acme", "shop-2"]).map(lambda i: list_entry(valid_document(i))),
        plausible_documents().map(list_entry),
    )
    envelope = st.fixed_dictionaries(
        {"type": st.just(LIST_TYPE), "version": st.just(LIST_VERSION)},
        optional={"vendors": st.lists(entries, max_size=6), "extra": JSON_VALUES},
    )
    return st.one_of(
        RAW_NASTY,
        JSON_VALUES.map(dumps),
        envelope.map(dumps),
        st.lists(entries, max_size=6).map(
            lambda items: dumps({"type": LIST_TYPE, "version": LIST_VERSION, "vendors": items})
        ),
    )


@settings(max_examples=examples(400))
@given(raw=vendor_lists())
def test_vendor_lists_are_imported_or_refused_clearly(
    vault: Vault, tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "vendors.json"
    path.write_bytes(raw)
    before = snapshot(vault)
    directory = VendorDirectory(vault)
    try:
        report = directory.import_file(path)
    except WalletError as exc:
        assert "\n" not in str(exc)
        assert snapshot(vault) == before
        event("file refused")
        return
    event("some entries imported" if report.added or report.updated else "nothing imported")
    stored = {vendor.id for vendor in directory.list()}
    assert set(report.added) | set(report.updated) <= stored
    for index, reason in report.refused:
        assert index >= 1 and reason and "\n" not in reason
    assert_usable(vault)
