"""Template specs: what each layout family prints, as data read from the .toml files here.

`fields.toml` holds every label synonym once; each other file is one template naming the fields
its layout prints and how a project of it is recognised. Specs are validated when loaded, in
the manner of pdfplumber's table settings: an unknown key or field is an error naming the file,
so a typo in a new template fails loudly instead of silently reading nothing.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex

__all__ = [
    "FieldSpec",
    "GridSpec",
    "Template",
    "TemplateError",
    "Vocabulary",
    "load_templates",
    "parse_template",
    "template",
    "vocabulary",
]

FIELD_KINDS = frozenset(
    {"text", "coded", "choice", "period", "date_start", "date_end", "amount", "goals", "plan"}
    | {"group", "ignore"}
)
ENGINES = frozenset({"form", "sheet", "prose"})
HORIZONS = ("annual", "long_term")


class TemplateError(ValueError):
    """A template file that does not follow the spec."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: str
    labels: tuple[str, ...]
    either: tuple[str, ...] = ()  # amounts: this year's unless a this-year total is printed too
    parts: tuple[str, ...] = ()  # amounts: add up to the field
    scope: str = "year"  # amounts: year | project
    horizon: str | None = None  # goals


@dataclass(frozen=True, slots=True)
class GridSpec:
    columns: Mapping[str, tuple[str, ...]]
    blocks: tuple[str, ...]
    min_labels: int
    require_any: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    fields: Mapping[str, FieldSpec]
    grid: GridSpec
    horizons: Mapping[str, tuple[str, ...]]
    year_line: regex.Pattern[str]  # compiled once: it is tried on every unlabelled cell
    goal_pointers: tuple[str, ...]
    pointer_max_chars: int
    prose_project_total: tuple[str, ...]
    prose_breakdown: tuple[str, ...]
    ignored_prefixes: tuple[str, ...]
    cost_labels: tuple[str, ...]
    cost_amount_columns: tuple[str, ...]
    cost_total_rows: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    family: str
    engine: str
    priority: int
    description: str
    title_suffixes: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    signature: frozenset[str]
    unit_line: bool
    unlabelled: tuple[str, str] | None  # (after field, field): an unlabelled value's field
    require_any: tuple[str, ...]
    require_content: tuple[str, ...]
    heading_suffixes: tuple[str, ...] = ()
    sections: Mapping[str, tuple[str, ...]] | None = None
    cover_suffixes: tuple[str, ...] = ()
    required: tuple[str, ...] = ()  # project columns a project of this layout must fill
    require_signature: bool = False  # a unit must show a signature field (or its unit line)


def _read(name: str) -> dict[str, Any]:
    data = resources.files(__package__).joinpath(name).read_bytes()
    try:
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{name}: {exc}") from exc


def _check_keys(where: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise TemplateError(f"{where}: unknown key {', '.join(repr(k) for k in unknown)}")


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TemplateError(f"{where}: expected a list of strings")
    return tuple(value)


def _pattern(where: str, value: Any) -> regex.Pattern[str]:
    if not isinstance(value, str):
        raise TemplateError(f"{where}: expected a regular expression")
    try:
        return regex.compile(value)
    except regex.error as exc:
        raise TemplateError(f"{where}: {exc}") from exc


def _field(name: str, spec: Mapping[str, Any]) -> FieldSpec:
    where = f"fields.toml: fields.{name}"
    _check_keys(where, spec, {"kind", "labels", "either", "parts", "scope", "horizon"})
    kind = spec.get("kind")
    if kind not in FIELD_KINDS:
        raise TemplateError(f"{where}: kind must be one of {sorted(FIELD_KINDS)}")
    horizon = spec.get("horizon")
    if horizon is not None and horizon not in HORIZONS:
        raise TemplateError(f"{where}: horizon must be one of {HORIZONS}")
    scope = spec.get("scope", "year")
    if scope not in ("year", "project"):
        raise TemplateError(f"{where}: scope must be year or project")
    return FieldSpec(
        name=name,
        kind=kind,
        labels=_strings(f"{where}.labels", spec.get("labels", [])),
        either=_strings(f"{where}.either", spec.get("either", [])),
        parts=_strings(f"{where}.parts", spec.get("parts", [])),
        scope=scope,
        horizon=horizon,
    )


@functools.cache
def vocabulary() -> Vocabulary:
    """The shared label vocabulary of `fields.toml`."""
    data = _read("fields.toml")
    _check_keys(
        "fields.toml",
        data,
        {"fields", "grid", "horizons", "titles", "goals", "prose_budget", "labels", "cost_block"},
    )
    fields = {name: _field(name, spec) for name, spec in data["fields"].items()}
    grid = data["grid"]
    _check_keys("fields.toml: grid", grid, {"min_labels", "require_any", "columns", "blocks"})
    columns = {k: _strings(f"fields.toml: grid.columns.{k}", v) for k, v in grid["columns"].items()}
    horizons = {k: _strings(f"fields.toml: horizons.{k}", v) for k, v in data["horizons"].items()}
    if set(horizons) != set(HORIZONS):
        raise TemplateError(f"fields.toml: horizons must name exactly {HORIZONS}")
    goals, prose, cost = data["goals"], data["prose_budget"], data["cost_block"]
    return Vocabulary(
        fields=fields,
        grid=GridSpec(
            columns=columns,
            blocks=_strings("fields.toml: grid.blocks.labels", grid["blocks"]["labels"]),
            min_labels=int(grid["min_labels"]),
            require_any=_strings("fields.toml: grid.require_any", grid["require_any"]),
        ),
        horizons=horizons,
        year_line=_pattern("fields.toml: titles.year_line", data["titles"]["year_line"]),
        goal_pointers=_strings("fields.toml: goals.pointers", goals["pointers"]),
        pointer_max_chars=int(goals["pointer_max_chars"]),
        prose_project_total=_strings("fields.toml: prose_budget", prose["project_total"]),
        prose_breakdown=_strings("fields.toml: prose_budget", prose["breakdown"]),
        ignored_prefixes=_strings("fields.toml: labels", data["labels"]["ignored_prefixes"]),
        cost_labels=_strings("fields.toml: cost_block.labels", cost["labels"]),
        cost_amount_columns=_strings("fields.toml: cost_block", cost["amount_columns"]),
        cost_total_rows=_strings("fields.toml: cost_block", cost["total_rows"]),
    )


_TEMPLATE_KEYS = {
    "id",
    "family",
    "engine",
    "priority",
    "description",
    "title_suffixes",
    "heading_suffixes",
    "fields",
    "signature",
    "unit_line",
    "unlabelled",
    "require_any",
    "require_content",
    "sections",
    "cover",
    "required",
    "require_signature",
}


def _template(name: str, vocab: Vocabulary) -> Template:
    return parse_template(name, _read(name), vocab)


def parse_template(name: str, data: Mapping[str, Any], vocab: Vocabulary) -> Template:
    """A template spec from its TOML data; `name` is only used in error messages."""
    _check_keys(name, data, _TEMPLATE_KEYS)
    if data.get("engine") not in ENGINES:
        raise TemplateError(f"{name}: engine must be one of {sorted(ENGINES)}")
    field_names = _strings(f"{name}: fields", data.get("fields", []))
    unknown = [f for f in field_names if f not in vocab.fields]
    if unknown:
        raise TemplateError(f"{name}: unknown field {', '.join(unknown)} (see fields.toml)")
    signature = frozenset(_strings(f"{name}: signature", data.get("signature", [])))
    if not signature <= set(field_names):
        raise TemplateError(f"{name}: signature fields must be among its fields")
    unlabelled = data.get("unlabelled")
    pair: tuple[str, str] | None = None
    if unlabelled is not None:
        _check_keys(f"{name}: unlabelled", unlabelled, {"after", "field"})
        pair = (str(unlabelled["after"]), str(unlabelled["field"]))
    sections = data.get("sections")
    return Template(
        id=str(data["id"]),
        family=str(data["family"]),
        engine=str(data["engine"]),
        priority=int(data["priority"]),
        description=str(data.get("description", "")),
        title_suffixes=_strings(f"{name}: title_suffixes", data.get("title_suffixes", [])),
        fields=tuple(vocab.fields[f] for f in field_names),
        signature=signature,
        unit_line=bool(data.get("unit_line", False)),
        unlabelled=pair,
        require_any=_strings(f"{name}: require_any", data.get("require_any", [])),
        require_content=_strings(f"{name}: require_content", data.get("require_content", [])),
        heading_suffixes=_strings(f"{name}: heading_suffixes", data.get("heading_suffixes", [])),
        sections=(
            {k: _strings(f"{name}: sections.{k}", v) for k, v in sections.items()}
            if sections is not None
            else None
        ),
        cover_suffixes=_strings(f"{name}: cover", data.get("cover", {}).get("suffixes", [])),
        required=_strings(f"{name}: required", data.get("required", [])),
        require_signature=bool(data.get("require_signature", False)),
    )


@functools.cache
def load_templates() -> tuple[Template, ...]:
    """Every built-in template, by priority."""
    vocab = vocabulary()
    names = sorted(
        entry.name
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(".toml") and entry.name != "fields.toml"
    )
    templates = sorted((_template(n, vocab) for n in names), key=lambda t: t.priority)
    ids = [t.id for t in templates]
    if len(set(ids)) != len(ids):
        raise TemplateError(f"two templates share an id: {ids}")
    return tuple(templates)


def template(template_id: str) -> Template:
    for spec in load_templates():
        if spec.id == template_id:
            return spec
    known = ", ".join(t.id for t in load_templates())
    raise TemplateError(f"unknown template {template_id!r} (known: {known})")
