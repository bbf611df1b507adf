"""One row of an imported matrix checked by a Django form: every cell cleaned and turned
into the value of its field (entities, priority area, biennium, SDG targets looked up in
the framework's ``Lookups``), every bad cell a translated error on its own field.

Reads: the cells and the lookups. Writes: nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.cooperation.models import Activity
from accord.core.text import LIMITS, validate_name, validate_single_line, validate_text
from accord.reports.matrix_table import Lookups, cell_text

TEXT_FIELDS: tuple[str, ...] = (
    "code",
    "title",
    "description",
    "funding_source",
    "priority_area",
    "status",
)
TEXT_FIELDS += ("un_lead", "partner_lead", "participants", "sdg_targets", "biennium", "version")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ";").split(";") if part.strip()]


def _required(message) -> dict:
    return {"required": message}


class MatrixRowForm(forms.Form):
    """The cells of one row (``data``: column name -> cell value). ``cleaned_data`` holds
    the field values ``matrix_import`` compares and writes."""

    code = forms.CharField(
        max_length=LIMITS["code"],
        validators=[validate_name],
        error_messages=_required(gettext_lazy("the code is missing")),
    )
    title = forms.CharField(
        max_length=LIMITS["title"],
        strip=False,
        validators=[validate_name],
        error_messages=_required(gettext_lazy("the title is missing")),
    )
    description = forms.CharField(
        required=False, strip=False, max_length=LIMITS["description"], validators=[validate_text]
    )
    funding_source = forms.CharField(
        required=False, strip=False, max_length=LIMITS["name"], validators=[validate_single_line]
    )
    priority_area = forms.CharField(
        error_messages=_required(gettext_lazy("the priority area is missing"))
    )
    status = forms.CharField(required=False)
    un_lead = forms.CharField(required=False)
    partner_lead = forms.CharField(required=False)
    participants = forms.CharField(required=False)
    start_on = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={
            "invalid": gettext_lazy("not a date; write it as YYYY-MM-DD (e.g. 2019-03-31)")
        },
    )
    end_on = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={
            "invalid": gettext_lazy("not a date; write it as YYYY-MM-DD (e.g. 2019-03-31)")
        },
    )
    sdg_targets = forms.CharField(required=False)
    biennium = forms.CharField(required=False)
    version = forms.IntegerField(
        required=False,
        error_messages={"invalid": gettext_lazy("not a version number")},
    )

    def __init__(self, cells: dict[str, Any], *, lookups: Lookups, default_biennium=None):
        data: dict[str, Any] = {
            name: cell_text(cells.get(name)) if name in TEXT_FIELDS else cells.get(name)
            for name in self.base_fields
        }
        for name in ("start_on", "end_on"):
            value = data[name]
            if isinstance(value, datetime.datetime):
                data[name] = value.date()
            elif value is not None and not isinstance(value, datetime.date):
                data[name] = str(value).strip()
        super().__init__(data)
        self.lk = lookups
        self.default_biennium = default_biennium

    def _one(self, bucket, unknown: str, text: str, allowed=None):
        """The one object ``text`` names in ``bucket``; ``unknown`` is the message when
        none does."""
        found = [c for c in bucket.get(text.strip().lower(), []) if allowed is None or allowed(c)]
        if not found:
            raise ValidationError(unknown % {"text": text}, code="unknown")
        if len(found) > 1:
            names = ", ".join(getattr(c, "name_en", str(c)) for c in found)
            raise ValidationError(
                _("“%(text)s” is ambiguous (%(names)s); use the full name")
                % {"text": text, "names": names},
                code="ambiguous",
            )
        return found[0]

    def clean_title(self):
        title = self.cleaned_data["title"]
        if not title.strip():
            raise ValidationError(_("the title is missing"), code="required")
        return title

    def clean_priority_area(self):
        return self._one(
            self.lk.areas, _("unknown priority area “%(text)s”"), self.cleaned_data["priority_area"]
        )

    def clean_status(self):
        text = self.cleaned_data["status"]
        if not text:
            return Activity.Status.PLANNED
        status = self.lk.statuses.get(text.lower())
        if status is None:
            raise ValidationError(
                _("status “%(status)s” is not in the list (%(values)s)")
                % {"status": text, "values": ", ".join(Activity.Status.values)},
                code="invalid_choice",
            )
        return status

    def _lead(self, name: str, org_id: int):
        text = self.cleaned_data[name]
        if not text:
            return None
        return self._one(
            self.lk.entities,
            _("unknown entity “%(text)s”"),
            text,
            allowed=lambda e: e.organization_id == org_id,
        )

    def clean_un_lead(self):
        return self._lead("un_lead", self.lk.framework.un_organization_id)

    def clean_partner_lead(self):
        return self._lead("partner_lead", self.lk.framework.partner_id)

    def clean_participants(self) -> set[int]:
        errors, found = [], set()
        for part in _split(self.cleaned_data["participants"]):
            try:
                found.add(self._one(self.lk.entities, _("unknown entity “%(text)s”"), part).pk)
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise ValidationError(errors)
        return found

    def clean_sdg_targets(self) -> set[int]:
        errors, found = [], set()
        for code in _split(self.cleaned_data["sdg_targets"]):
            target = self.lk.sdg.get(code)
            if target is None:
                errors.append(
                    ValidationError(
                        _("unknown SDG target “%(code)s” (e.g. 16.6, 17.a)") % {"code": code},
                        code="unknown",
                    )
                )
            else:
                found.add(target.pk)
        if errors:
            raise ValidationError(errors)
        return found

    def clean_biennium(self):
        text = self.cleaned_data["biennium"]
        if not text:
            if self.default_biennium is None:
                raise ValidationError(_("the biennium is missing"), code="required")
            return self.default_biennium
        biennium = self.lk.bienniums.get(text)
        if biennium is None:
            raise ValidationError(
                _("unknown biennium “%(text)s” (one of %(known)s)")
                % {"text": text, "known": ", ".join(self.lk.bienniums) or _("none")},
                code="unknown",
            )
        return biennium

    def clean(self):
        data = super().clean()
        start, end = data.get("start_on"), data.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", _("the end is before the start"))
        return data
