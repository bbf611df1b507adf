"""Stage "serialize": Resolution -> plain dict -> JSON.

Reads a `Resolution`; writes a dict of JSON types (dates as ISO strings, tuples
as lists) described by `schema/resolution.schema.json`, and its JSON text.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from resolutions.model import Resolution

SCHEMA_PATH = Path(__file__).with_name("schema") / "resolution.schema.json"
SCHEMA_ID = "https://accord.example/schema/resolution.schema.json"


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    if kind is date:
        return value.isoformat()
    names = _FIELDS.get(kind)
    if names is None:
        if not is_dataclass(value):
            return value
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


def to_dict(resolution: Resolution) -> dict[str, Any]:
    """The resolution as a dict of JSON types; key order follows the model."""
    data = _plain(resolution)
    data["short_number"] = resolution.short_number
    return data


def to_json(resolution: Resolution, *, indent: int | None = None) -> str:
    """The resolution as JSON text (UTF-8 characters kept, not escaped); compact unless indent."""
    return json.dumps(to_dict(resolution), ensure_ascii=False, indent=indent)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every `to_dict` output satisfies."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
