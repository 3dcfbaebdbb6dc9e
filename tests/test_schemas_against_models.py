"""The published schemas and the pydantic models agree (issue 13): every document a model
accepts validates against its schema, and a member a model does not know is refused by both.

Documents are the examples of :mod:`tests.schema_documents` (written as a vendor would, from
docs/protocol.md) and copies edited by hypothesis: a member removed, set to null, replaced by any
JSON value, or added under a new name. The schemas are checked with ``jsonschema`` (a validator
we did not write), formats included where it checks them.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties import HOSTILE_TEXT, JSON_VALUES, examples
from tests.schema_documents import example_documents
from wallet.schemas import SCHEMAS, model_of, schema_path

Path = tuple[str | int, ...]
TIME = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"
EXAMPLES = [
    (name, index)
    for name, documents in sorted(example_documents().items())
    for index in range(len(documents))
]


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def model_accepts(name: str, document: Any) -> bool:
    try:
        model_of(name).model_validate(document)
    except ValueError:  # pydantic's ValidationError
        return False
    return True


def schema_problems(name: str, document: Any) -> list[str]:
    return [error.message for error in validator(name).iter_errors(document)]


def children(value: Any) -> list[tuple[str | int, Any]]:
    if isinstance(value, dict):
        return list(value.items())
    return list(enumerate(value)) if isinstance(value, list) else []


def object_paths(value: Any, path: Path = ()) -> list[Path]:
    """The paths of every JSON object in ``value``, ``value`` first."""
    found: list[Path] = [path] if isinstance(value, dict) else []
    for key, child in children(value):
        found += object_paths(child, (*path, key))
    return found


def member_paths(value: Any, path: Path = ()) -> list[Path]:
    """The paths of every member and array item in ``value``."""
    found: list[Path] = []
    for key, child in children(value):
        found += [(*path, key), *member_paths(child, (*path, key))]
    return found


def at(document: Any, path: Path) -> Any:
    for key in path:
        document = document[key]
    return document


def test_every_published_schema_has_example_documents() -> None:
    assert set(example_documents()) == set(SCHEMAS)


@pytest.mark.parametrize(("name", "index"), EXAMPLES)
def test_the_example_documents_are_valid_for_the_model_and_the_schema(
    name: str, index: int
) -> None:
    document = example_documents()[name][index]
    model_of(name).model_validate(document)
    assert schema_problems(name, document) == []


@pytest.mark.parametrize(("name", "index"), EXAMPLES)
def test_a_member_nobody_named_is_refused_by_both_wherever_it_is_added(
    name: str, index: int
) -> None:
    """Objects with named members refuse it (model and schema); maps with free keys (``specs``,
    clause ``params``) take it in both or neither."""
    refused_somewhere = False
    for path in object_paths(example_documents()[name][index]):
        document = example_documents()[name][index]
        at(document, path)["unknownMember"] = "x"
        by_model, by_schema = model_accepts(name, document), not schema_problems(name, document)
        assert by_model == by_schema, (name, index, path, by_model)
        refused_somewhere |= not by_model
        if path == ():
            assert not by_model
    assert refused_somewhere


@st.composite
def edited_documents(draw: st.DrawFn) -> tuple[str, Any]:
    """An example document with one or two members removed, set to null, replaced or added."""
    name, index = draw(st.sampled_from(EXAMPLES))
    document = example_documents()[name][index]
    for _ in range(draw(st.integers(min_value=1, max_value=2))):
        edit = draw(st.sampled_from(["remove", "null", "replace", "add"]))
        if edit == "add":
            holder = at(document, draw(st.sampled_from(object_paths(document))))
            holder[draw(st.one_of(HOSTILE_TEXT, st.sampled_from(["id", "type", "x"])))] = draw(
                JSON_VALUES
            )
            continue
        paths = member_paths(document)
        if not paths:
            continue
        *parent, key = draw(st.sampled_from(paths))
        holder = at(document, tuple(parent))
        if edit == "remove":
            del holder[key]
        else:
            holder[key] = None if edit == "null" else draw(JSON_VALUES)
    return name, document


@settings(max_examples=examples(600), deadline=None)
@given(edited_documents())
def test_every_document_a_model_accepts_validates_against_its_schema(
    edited: tuple[str, Any],
) -> None:
    name, document = edited
    if model_accepts(name, document):
        assert schema_problems(name, document) == [], (name, document)


# Values a lax parser might read as another type: a bool as 1 or "yes", a number as text, a
# date as a number, text as a number.
LOOKALIKES: list[Any] = [0, 1, 2, 1.0, 1_900_000_000, True, False, "1", "yes", "true", "1.5", ""]


@pytest.mark.parametrize(("name", "index"), EXAMPLES)
def test_a_model_never_reads_a_value_of_another_json_type(name: str, index: int) -> None:
    """What a model accepts after a member is replaced by a value of another JSON type (no lax
    coercion of 1 to true or "5" to 5), the schema accepts too."""
    original = example_documents()[name][index]
    disagreements = []
    for path in member_paths(original):
        for value in LOOKALIKES:
            document = example_documents()[name][index]
            *parent, key = path
            at(document, tuple(parent))[key] = value
            if model_accepts(name, document) and schema_problems(name, document):
                disagreements.append((path, value))
    assert disagreements == []


IMPOSSIBLE_TIMES = [
    "2030-02-30T12:00:00Z",
    "2030-13-01T12:00:00Z",
    "2030-01-01T24:00:00Z",
    "2030-01-01T12:60:00Z",
]


@pytest.mark.parametrize(("name", "index"), EXAMPLES)
def test_a_time_that_never_was_is_refused_like_a_date_time_validator_does(
    name: str, index: int
) -> None:
    """Times fit ``YYYY-MM-DDTHH:MM:SSZ`` and are real moments (the ``date-time`` format)."""
    original = example_documents()[name][index]
    times = [
        path
        for path in member_paths(original)
        if isinstance(at(original, path), str) and re.fullmatch(TIME, at(original, path))
    ]
    accepted = []
    for path, impossible in itertools.product(times, IMPOSSIBLE_TIMES):
        document = example_documents()[name][index]
        *parent, key = path
        at(document, tuple(parent))[key] = impossible
        if model_accepts(name, document):
            accepted.append((path, impossible))
    assert accepted == []


# URLs an Ajv ``uri`` format check (ajv-formats) refuses: checked with Node, Ajv 8 and
# ajv-formats 3, and the model refuses each of them too.
URLS_A_URI_CHECK_REFUSES = [
    "http://a b/",
    "http://example.com/\u00e9",
    "http://example.com/%zz",
    "http://example.com/a|b",
    "http://example.com/{x}",
    'http://example.com/a"b',
]


@pytest.mark.parametrize("url", URLS_A_URI_CHECK_REFUSES)
def test_a_url_that_a_uri_check_refuses_is_refused_by_the_model(url: str) -> None:
    metadata = example_documents()["vendor-metadata"][1]
    model_of("vendor-metadata").model_validate(metadata)
    for edit in (
        lambda document: document.update(policyUrl=url),
        lambda document: document["inbox"].update(consents=url),
    ):
        edited = example_documents()["vendor-metadata"][1]
        edit(edited)
        assert not model_accepts("vendor-metadata", edited)
