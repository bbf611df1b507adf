"""Stage "serialize": Resolution -> plain dict -> JSON.

Reads a `Resolution`; writes a dict of JSON types (dates as ISO strings, tuples
as lists) described by `schema/resolution.schema.json`, and its JSON text.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from resolutions.model import Resolution

SCHEMA_PATH = Path(__file__).with_name("schema") / "resolution.schema.json"
SCHEMA_ID = "https://accord.example/schema/resolution.schema.json"


_FIELDS: dict[type, tuple[tuple[str, ...], Any]] = {}  # class -> field names, their getter
_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [v if type(v) is str else _plain(v) for v in value]
    if kind is date:
        return value.isoformat()
    known = _FIELDS.get(kind)
    if known is None:
        if not is_dataclass(value):
            return value
        names = tuple(f.name for f in fields(value))
        known = _FIELDS[kind] = (names, attrgetter(*names))
    names, getter = known
    values = getter(value)
    if len(names) == 1:
        values = (values,)
    out = {}
    for name, v in zip(names, values, strict=True):
        # str, int and None are most fields: kept as they are without a call
        out[name] = v if type(v) is str or type(v) is int or v is None else _plain(v)
    return out


def to_dict(resolution: Resolution) -> dict[str, Any]:
    """The resolution as a dict of JSON types; key order follows the model."""
    data = _plain(resolution)
    data["short_number"] = resolution.short_number
    return data


def to_json(resolution: Resolution, *, indent: int | None = None) -> str:
    """The resolution as JSON text (UTF-8 characters kept, not escaped); compact unless indent."""
    # to_dict builds a tree without cycles: the encoder need not keep a dict of the
    # containers it is inside to check for one
    return json.dumps(to_dict(resolution), ensure_ascii=False, indent=indent, check_circular=False)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every `to_dict` output satisfies."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
