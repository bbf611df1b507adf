"""One validation for every text a person types (pages, the import, the CLI) and one
escaping for every text cell Accord writes into a spreadsheet.

- ``validate_text``: no control characters (tab, line feed and carriage return are
  allowed in long texts only: ``multiline=True``).
- ``validate_name``: for names and codes: no control characters at all, and no bidi
  overrides or isolates (U+202A-U+202E, U+2066-U+2069), which can make a name read as
  another.
- ``validate_length``: a bound per kind of field (``LIMITS``; see docs/input.md).
- ``spreadsheet_text``: a cell as text that a spreadsheet never runs as a formula
  (OWASP's CSV-injection advice) and that contains no control character.
- ``guard_text_fields(form)``: the same checks on every text field of a form (the base
  forms of the pages call it), chosen by the field's name and widget.
- ``errors_by_field(form)``: a form's errors as one line that names each field.

Reads and writes nothing.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f]")
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The longest text of each kind, in characters (docs/input.md lists them per field).
LIMITS = {
    "username": 150,
    "name": 300,
    "code": 40,
    "title": 500,
    "description": 20_000,
    "text": 20_000,
}


def validate_text(value: str, *, multiline: bool = True) -> None:
    """Refuse control characters (``multiline`` allows tab and line breaks)."""
    pattern = CONTROL if multiline else CONTROL_ALL
    if value and pattern.search(value):
        raise ValidationError(
            _("This text contains a control character (e.g. a bell or an escape); remove it."),
            code="control_character",
        )


def validate_single_line(value: str) -> None:
    validate_text(value, multiline=False)


def validate_name(value: str) -> None:
    """Names and codes: one line, no control characters, no bidi overrides."""
    validate_text(value, multiline=False)
    if value and BIDI.search(value):
        raise ValidationError(
            _(
                "This name contains a right-to-left or left-to-right override "
                "character (U+202A-U+202E, U+2066-U+2069); remove it."
            ),
            code="bidi_override",
        )


def validate_length(value: str, kind: str) -> None:
    limit = LIMITS[kind]
    if value and len(value) > limit:
        raise ValidationError(
            _("This text has %(length)d characters; the limit is %(limit)d."),
            code="too_long",
            params={"length": len(value), "limit": limit},
        )


def clean_text(value: str, kind: str) -> None:
    """The whole check of one field of ``kind`` (a key of ``LIMITS``)."""
    if kind in ("username", "name", "code", "title"):
        validate_name(value)
    else:
        validate_text(value)
    validate_length(value, kind)


NAME_FIELDS: tuple[str, ...] = ("code", "symbol", "acronym", "username", "slug", "title")
NAME_FIELDS += ("first_name", "last_name", "name", "name_en", "name_fr", "name_ar")


def _kind_of(name: str, field) -> str:
    from django import forms

    if name in NAME_FIELDS or name.startswith("name_"):
        return "name"
    if isinstance(field.widget, forms.Textarea):
        return "text"
    return "line"


def guard_text_fields(form) -> None:
    """Add to every text field of ``form`` the checks of its kind: names, codes and
    titles refuse control characters and bidi overrides; one-line fields refuse control
    characters; long texts (a Textarea) allow tab and line breaks only; a field without
    its own ``max_length`` is bounded by ``LIMITS["text"]``. Password fields are left
    alone."""
    from django import forms

    checks = {"name": validate_name, "line": validate_single_line, "text": validate_text}
    for name, field in form.fields.items():
        if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
            continue
        field.validators.append(checks[_kind_of(name, field)])
        if field.max_length is None:
            field.validators.append(length_validator("text"))


def errors_by_field(form) -> str:
    """``form``'s errors as "Label: message; ..." (a refusal that names its field)."""
    parts: list[str] = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        label = label or (name.replace("_", " ").capitalize() if name != "__all__" else "")
        parts.extend(f"{label}: {e}" if label else str(e) for e in errors)
    return "; ".join(parts)


def length_validator(kind: str):
    """A field validator for ``kind``'s bound (for ``validators=[...]``)."""

    def check(value: str) -> None:
        validate_length(value, kind)

    check.__name__ = f"validate_{kind}_length"
    return check


def spreadsheet_text(value) -> str:
    """``value`` (already text) without control characters other than tab and line
    breaks, and with a leading apostrophe when it starts like a formula."""
    text = CONTROL.sub("", str(value))
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def strip_controls(value: str) -> str:
    """``value`` without the control characters an XML file cannot hold."""
    return CONTROL.sub("", value)


def unescape_spreadsheet_text(value: str) -> str:
    """Undo ``spreadsheet_text``'s apostrophe (reading back a file Accord wrote)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
