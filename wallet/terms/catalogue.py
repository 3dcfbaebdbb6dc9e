"""The catalogue of standard clauses (``resources/terms/catalogue.json``): loading and checks.

The catalogue is data, so it is checked as strictly as input: every clause has a title and a text
in every supported language, every ``{placeholder}`` in a text names one of the clause's
parameters (and every parameter is used), and defaults satisfy their own rules. A broken catalogue
is refused with a message naming the clause, rather than producing half-rendered terms.
"""

from __future__ import annotations

import functools
import json
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from wallet.errors import InvalidInput, WalletError
from wallet.resources import read_resource, resources_dir
from wallet.wire.terms import (
    CLAUSE_ID_PATTERN,
    LANGUAGES,
    PARAM_NAME_PATTERN,
    Language,
    ParamValue,
)

MAX_CATALOGUE_BYTES = 1024 * 1024
MAX_STRING_PARAM = 200


class CatalogueError(WalletError):
    """The clause catalogue file is missing or malformed (an installation problem)."""


class LocalizedText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str = Field(min_length=1)
    es: str = Field(min_length=1)
    it: str = Field(min_length=1)

    def get(self, language: Language) -> str:
        return str(getattr(self, language))


# The units of the catalogue's whole-number parameters, in each language of the terms.
UNIT_WORDS: dict[str, dict[str, str]] = {
    "days": {"en": "days", "es": "días", "it": "giorni"},
    "hours": {"en": "hours", "es": "horas", "it": "ore"},
}


class EnumOption(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str = Field(min_length=1, max_length=40)
    label: LocalizedText


class ParamSpec(BaseModel):
    """One parameter of a clause: its type, its allowed values, its default and its unit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=PARAM_NAME_PATTERN)
    type: Literal["int", "string", "enum"]
    label: LocalizedText
    default: ParamValue
    min: int | None = None
    max: int | None = None
    unit: str | None = None
    max_length: int = MAX_STRING_PARAM
    options: tuple[EnumOption, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> ParamSpec:
        if self.type == "enum" and not self.options:
            raise ValueError(f"the enum parameter {self.name} has no options")
        if self.type != "enum" and self.options:
            raise ValueError(f"only enum parameters have options ({self.name})")
        if self.type == "int" and (self.min is None or self.max is None or self.min > self.max):
            raise ValueError(f"the int parameter {self.name} needs min <= max")
        try:
            self.check(self.default, clause_id="the default")
        except InvalidInput as exc:
            raise ValueError(str(exc)) from None
        return self

    def option(self, value: str) -> EnumOption | None:
        return next((option for option in self.options if option.value == value), None)

    def allowed(self) -> str:
        """The rule for values, for people: "a whole number from 1 to 3650 (days)"."""
        if self.type == "int":
            unit = f" ({self.unit})" if self.unit else ""
            return f"a whole number from {self.min} to {self.max}{unit}"
        if self.type == "enum":
            return "one of " + ", ".join(option.value for option in self.options)
        return f"text of 1 to {self.max_length} characters"

    def check(self, value: object, *, clause_id: str) -> ParamValue:
        """``value`` converted to the parameter's type, or :class:`InvalidInput` saying why.

        Text such as ``"30"`` (from a command line) is accepted for whole numbers.
        """
        problem = f"{clause_id}: {self.name} must be {self.allowed()}; {value!r} is not allowed."
        if self.type == "int":
            number = _as_int(value)
            low, high = self.min, self.max
            if number is None or low is None or high is None or not low <= number <= high:
                raise InvalidInput(problem)
            return number
        if not isinstance(value, str):
            raise InvalidInput(problem)
        if self.type == "enum":
            if self.option(value) is None:
                raise InvalidInput(problem)
            return value
        text = " ".join(value.split())
        if not 1 <= len(text) <= self.max_length:
            raise InvalidInput(problem)
        return text

    def unit_word(self, language: Language) -> str:
        """The unit in ``language`` ("días"), for an editor's suffix; "" without a unit."""
        if self.unit is None:
            return ""
        return UNIT_WORDS.get(self.unit, {}).get(language, self.unit)

    def display(self, value: ParamValue, language: Language) -> str:
        """How a value reads inside a clause's text."""
        if self.type == "enum":
            option = self.option(str(value))
            return option.label.get(language) if option else str(value)
        return str(value)


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


class CatalogueClause(BaseModel):
    """A standard clause: a stable id, a title and a text (with ``{param}`` placeholders)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=CLAUSE_ID_PATTERN, max_length=64)
    title: LocalizedText
    text: LocalizedText
    params: tuple[ParamSpec, ...] = ()

    @model_validator(mode="after")
    def _placeholders_match(self) -> CatalogueClause:
        names = {param.name for param in self.params}
        if len(names) != len(self.params):
            raise ValueError(f"{self.id} names a parameter twice")
        for language in LANGUAGES:
            used = _placeholders(self.text.get(language))
            if used != names:
                raise ValueError(
                    f"{self.id} ({language}): the text uses {sorted(used)} but the parameters "
                    f"are {sorted(names)}"
                )
        return self

    def param(self, name: str) -> ParamSpec | None:
        return next((param for param in self.params if param.name == name), None)

    def defaults(self) -> dict[str, ParamValue]:
        return {param.name: param.default for param in self.params}

    def check_params(self, given: Mapping[str, object]) -> dict[str, ParamValue]:
        """Every parameter's value (defaults filled in), checked; unknown names refused."""
        unknown = sorted(set(given) - {param.name for param in self.params})
        if unknown:
            expected = ", ".join(param.name for param in self.params) or "none"
            raise InvalidInput(
                f"{self.id} has no parameter {unknown[0]!r} (its parameters: {expected})."
            )
        return {
            param.name: param.check(given.get(param.name, param.default), clause_id=self.id)
            for param in self.params
        }

    def render(self, params: Mapping[str, ParamValue], language: Language) -> str:
        values = {
            param.name: param.display(params.get(param.name, param.default), language)
            for param in self.params
        }
        return self.text.get(language).format_map(values)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class Labels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    heading: LocalizedText
    draft_heading: LocalizedText
    preamble: LocalizedText
    free_text_title: LocalizedText


class Catalogue(BaseModel):
    """The whole catalogue; clause ids are unique."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    catalogue_version: int = Field(ge=1)
    description: str = ""
    languages: tuple[Language, ...]
    labels: Labels
    clauses: tuple[CatalogueClause, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalogue:
        ids = [clause.id for clause in self.clauses]
        duplicates = sorted({clause_id for clause_id in ids if ids.count(clause_id) > 1})
        if duplicates:
            raise ValueError(f"clause ids appear twice: {', '.join(duplicates)}")
        if set(self.languages) != set(LANGUAGES):
            raise ValueError(f"the catalogue must cover exactly {', '.join(LANGUAGES)}")
        return self

    def clause(self, clause_id: str) -> CatalogueClause:
        """The clause ``clause_id``, or :class:`InvalidInput` naming it and the known ids."""
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise InvalidInput(
            f"Unknown clause id {clause_id!r}: catalogue version {self.catalogue_version} has "
            f"{', '.join(clause.id for clause in self.clauses)}."
        )


def catalogue_path() -> Path:
    return resources_dir() / "terms" / "catalogue.json"


DataModel = TypeVar("DataModel", bound=BaseModel)


def parse_data_file(data: bytes, model: type[DataModel], *, source: str, what: str) -> DataModel:
    """A terms data file (the catalogue, the roster) checked as strictly as input."""
    try:
        return model.model_validate(json.loads(data))
    except (ValueError, UnicodeDecodeError) as exc:
        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise CatalogueError(
            f"The {what} {source} is damaged ({detail}); reinstall VRM Wallet."
        ) from None


@functools.cache
def _read_data_file(path: Path, model: type[BaseModel], what: str, max_bytes: int) -> BaseModel:
    data = read_resource(path, max_bytes=max_bytes, what=what, error=CatalogueError)
    return parse_data_file(data, model, source=str(path), what=what)


def load_data_file(path: Path, model: type[DataModel], *, what: str, max_bytes: int) -> DataModel:
    """The data file at ``path`` (read once per path and cached: it never changes while the app
    runs)."""
    loaded = _read_data_file(path.resolve(), model, what, max_bytes)
    assert isinstance(loaded, model)
    return loaded


def parse_catalogue(data: bytes, *, source: str) -> Catalogue:
    return parse_data_file(data, Catalogue, source=source, what="clause catalogue")


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The catalogue (read once per path and cached)."""
    chosen = path or catalogue_path()
    return load_data_file(chosen, Catalogue, what="clause catalogue", max_bytes=MAX_CATALOGUE_BYTES)
