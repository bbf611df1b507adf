"""The review list's correction forms: one Django form per proposal kind, its fields
read from the proposal's JSON (``ReviewItem.data``) and written back as the JSON values
that changed, which ``documents.services.bootstrap_confirm`` merges and writes.

Reads: the proposal's data, and choices (entities with a gazetteer id, organizations)
given by the view, loaded once per page. Writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accord.cooperation.models import Meeting
from accord.documents.review import ReviewItem
from accord.registry.models import Agreement, Entity, Organization

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date_field(label, required: bool = False) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE)


def _text(label, required: bool = True, max_length: int = 500) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length)


def _names() -> dict[str, forms.Field]:
    return {
        "names.en": _text(_("Name in English")),
        "names.fr": _text(_("Name in French"), required=False),
        "names.ar": _text(_("Name in Arabic"), required=False),
        "acronym": _text(_("Acronym"), required=False, max_length=40),
    }


def _meeting_fields() -> dict[str, Any]:
    return {
        "kind": forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices),
        "title": _text(_("Title")),
        "start_on": _date_field(_("Starts on")),
        "end_on": _date_field(_("Ends on")),
        "year_planned": forms.IntegerField(
            label=_("Year planned"), required=False, min_value=1945, max_value=2100
        ),
        "place": _text(_("Place"), required=False, max_length=200),
        "host_organization": forms.ChoiceField(label=_("Host"), required=False),
    }


def _agreement_fields() -> dict[str, Any]:
    return {
        "kind": forms.ChoiceField(label=_("Kind"), choices=Agreement.Kind.choices),
        "title": _text(_("Title")),
        "signed_on": _date_field(_("Signed on"), required=True),
        "parties": forms.MultipleChoiceField(label=_("Parties"), required=False),
        "renewal": forms.ChoiceField(
            label=_("Renewal"),
            required=False,
            choices=[("", _("first signature")), ("renewed", _("renewed"))],
        ),
    }


def _entity_fields() -> dict[str, Any]:
    return {
        **_names(),
        "kind": forms.ChoiceField(label=_("Kind"), choices=Entity.Kind.choices),
    }


def _priority_area_fields() -> dict[str, Any]:
    return {
        "name_en": _text(_("Name in English")),
        "order": forms.IntegerField(label=_("Order"), min_value=1),
    }


def _mandate_fields() -> dict[str, Any]:
    return {
        "verb": _text(_("Verb"), max_length=100),
        "addressees": forms.CharField(
            label=_("Addressees as written"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("One a line."),
        ),
        "addressee_ids": forms.MultipleChoiceField(label=_("Addressed bodies"), required=False),
        "action": forms.CharField(label=_("What is asked"), widget=forms.Textarea),
        "session": forms.IntegerField(label=_("Due at session"), required=False, min_value=1),
        "year": forms.IntegerField(
            label=_("Due in year"), required=False, min_value=1945, max_value=2100
        ),
        "recurrence": _text(_("Recurrence"), required=False, max_length=100),
    }


def _action_item_fields() -> dict[str, Any]:
    return {
        "title": _text(_("Title")),
        "owner": forms.ChoiceField(label=_("Owner"), required=False),
        "due_on": _date_field(_("Due on")),
    }


# The fields of each proposal kind that can be corrected, made anew for each form.
_FIELDS_OF: dict[str, Callable[[], dict[str, Any]]] = {
    "meeting": _meeting_fields,
    "agreement": _agreement_fields,
    "entity": _entity_fields,
    "organization": _names,
    "priority_area": _priority_area_fields,
    "mandate": _mandate_fields,
    "action_item": _action_item_fields,
}


def _fields(kind: str) -> dict[str, Any]:
    """The form fields of a proposal kind, named by their key in the proposal's data
    ("names.en" for a nested key); empty for a kind that is only confirmed or rejected."""
    make = _FIELDS_OF.get(kind)
    return make() if make is not None else {}


def _get(data: dict, key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _to_form(value: Any, field: forms.Field) -> Any:
    """A proposal's JSON value as the form shows it."""
    if isinstance(field, forms.DateField):
        return datetime.date.fromisoformat(value) if value else None
    if isinstance(field, forms.MultipleChoiceField):
        return list(value or [])
    if isinstance(field.widget, forms.Textarea) and isinstance(value, list):
        return "\n".join(value)
    return "" if value is None else value


def _to_json(value: Any, field: forms.Field, before: Any) -> Any:
    """A cleaned form value as the proposal's JSON keeps it."""
    if isinstance(field, forms.DateField):
        return value.isoformat() if value else None
    if isinstance(before, list) and isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        return value or (None if before is None else "")
    return value


class ProposalForm(forms.Form):
    """The fields of one proposal, filled with what the parser proposed."""

    def __init__(self, item: ReviewItem, *args, entities=(), organizations=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", f"item-{item.pk}")
        super().__init__(*args, **kwargs)
        self.item = item
        entity_choices = [(e.gazetteer_id, _entity_label(e)) for e in entities]
        org_choices = [(o.code, o.acronym or o.name) for o in organizations]
        for key, field in _fields(item.kind).items():
            if key in ("parties", "addressee_ids"):
                field.choices = _with_current(entity_choices, _get(item.data, key))
            elif key == "owner":
                field.choices = [("", "—"), *_with_current(entity_choices, _get(item.data, key))]
            elif key == "host_organization":
                field.choices = [("", "—"), *_with_current(org_choices, _get(item.data, key))]
            field.initial = _to_form(_get(item.data, key), field)
            self.fields[key] = field

    def clean(self):
        data = super().clean()
        if self.item.kind == "meeting":
            start, end = data.get("start_on"), data.get("end_on")
            if start and end and end < start:
                self.add_error("end_on", _("A meeting cannot end before it starts."))
            if not start and not data.get("year_planned"):
                self.add_error("start_on", _("Give the date or the year the meeting is planned."))
        return data

    def changes(self) -> dict:
        """The proposal's data keys that the coordinator changed, as JSON values (a
        nested key such as "names" comes whole)."""
        out: dict[str, Any] = {}
        for key, field in self.fields.items():
            before = _get(self.item.data, key)
            after = _to_json(self.cleaned_data.get(key), field, before)
            if after == before or (_blank(after) and _blank(before)):
                continue
            if "." in key:
                top, sub = key.split(".", 1)
                out.setdefault(top, dict(self.item.data.get(top) or {}))[sub] = after
            else:
                out[key] = after
        return out

    def shown(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the proposal, for a decided item (read only)."""
        rows = []
        for key, field in self.fields.items():
            value = _to_form(_get(self.item.data, key), field)
            if isinstance(value, datetime.date):
                value = date_format(value, "DATE_FORMAT")
            elif isinstance(value, list):
                names = dict(getattr(field, "choices", []))
                value = ", ".join(str(names.get(v, v)) for v in value)
            elif getattr(field, "choices", None) and not isinstance(field, forms.IntegerField):
                value = dict(getattr(field, "choices", [])).get(value, value)
            rows.append((str(field.label), str(value) if value not in (None, "") else "—"))
        return rows


def _blank(value: Any) -> bool:
    return value in (None, "", [])


def _entity_label(e: Entity) -> str:
    return f"{e.acronym} — {e.name}" if e.acronym else e.name


def _with_current(choices: list[tuple], current: Any) -> list[tuple]:
    """``choices`` plus the proposed values not stored yet (a proposed entity)."""
    known = {c for c, _label in choices}
    values = current if isinstance(current, list) else [current] if current else []
    return [*choices, *((v, v) for v in values if v not in known)]


def choice_rows() -> dict:
    """The entities and organizations the forms offer, read once for a page."""
    return {
        "entities": list(
            Entity.objects.filter(gazetteer_id__isnull=False).order_by("acronym", "name_en")
        ),
        "organizations": list(Organization.objects.order_by("code")),
    }
