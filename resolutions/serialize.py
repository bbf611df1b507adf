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


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_dict(resolution: Resolution) -> dict[str, Any]:
    """The resolution as a dict of JSON types; key order follows the model."""
    data = _plain(resolution)
    data["short_number"] = resolution.short_number
    return data


def to_json(resolution: Resolution, *, indent: int | None = 2) -> str:
    """The resolution as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(to_dict(resolution), ensure_ascii=False, indent=indent)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every `to_dict` output satisfies."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
