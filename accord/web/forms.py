"""The forms of the web pages: every field has a label (used by the templates) and the
choices are filled from the framework the page is about."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.cooperation.models import Activity, Decision
from accord.cooperation.selectors import MATRIX_ORDERS
from accord.core.text import guard_text_fields

# A date input's value is always ISO (what <input type="date"> reads), whatever the
# language: French and Arabic pages would otherwise print 15/06/2020, which the browser
# drops, and saving the form would clear the date.
ISO_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class Form(forms.Form):
    """A form whose labels carry no trailing colon (they read better in three languages)
    and whose text fields are checked by ``guard_text_fields`` (core/text.py)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


ORDER_LABELS = {
    "code": _("code"),
    "title": _("title"),
    "status": _("status"),
    "priority_area": _("priority area"),
    "un_lead": _("UN lead"),
    "partner_lead": _("partner lead"),
    "start_on": _("start"),
    "last_progress": _("last progress"),
}


def _unknown(message):
    """The error of a filter value that names nothing (a choice field's invalid_choice)."""
    return {"invalid_choice": message, "invalid": message}


class MatrixFilterForm(Form):
    """The matrix's GET filters. A value that names nothing (a biennium, area, entity or
    status this framework does not have) is refused with a message; nothing falls back
    silently to another filter."""

    biennium = forms.ChoiceField(
        label=_("Biennium"),
        required=False,
        error_messages=_unknown(_("This framework has no biennium %(value)s.")),
    )
    area = forms.TypedChoiceField(
        label=_("Priority area"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=_unknown(_("This framework has no priority area %(value)s.")),
    )
    entity = forms.TypedChoiceField(
        label=_("Entity (either side)"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=_unknown(_("No entity %(value)s takes part in this framework.")),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        error_messages=_unknown(_("There is no status “%(value)s”.")),
    )
    q = forms.CharField(label=_("Text"), required=False, max_length=200)
    order = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        initial="priority_area",
        error_messages=_unknown(_("The matrix cannot be sorted by “%(value)s”.")),
    )
    group = forms.BooleanField(label=_("Group by priority area"), required=False)

    def __init__(self, *args, areas=(), entities=(), bienniums=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["biennium"].choices = [(b.label, b.label) for b in bienniums]
        self.fields["area"].choices = [("", _("all"))] + [(a.pk, a.name) for a in areas]
        self.fields["entity"].choices = [("", _("all"))] + [
            (e.pk, f"{e.acronym} — {e.name}" if e.acronym else e.name) for e in entities
        ]
        self.fields["status"].choices = [("", _("all"))] + list(Activity.Status.choices)
        self.fields["order"].choices = []
        for key in MATRIX_ORDERS:
            self.fields["order"].choices += [
                (key, ORDER_LABELS[key]),
                (f"-{key}", _("%(field)s, reversed") % {"field": ORDER_LABELS[key]}),
            ]


class StatusForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=Activity.Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ProgressForm(Form):
    text = forms.CharField(
        label=_("Progress update"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    status_after = forms.ChoiceField(
        label=_("Status after"),
        required=False,
        choices=[("", _("unchanged"))] + list(Activity.Status.choices),
    )
    date = forms.DateField(label=_("Date"), required=False, widget=ISO_DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActivityForm(Form):
    """The fields of an activity a focal point edits on its page."""

    title = forms.CharField(label=_("Title"), max_length=500)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    status = forms.ChoiceField(label=_("Status"), choices=Activity.Status.choices)
    start_on = forms.DateField(label=_("Start"), required=False, widget=ISO_DATE)
    end_on = forms.DateField(label=_("End"), required=False, widget=ISO_DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error("end_on", _("The end comes before the start."))
        return data


class DecisionForm(Form):
    number = forms.CharField(label=_("Number"), required=False, max_length=20)
    kind = forms.ChoiceField(label=_("Kind"), choices=Decision.Kind.choices)
    text = forms.CharField(
        label=_("Text of the decision"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ActionItemForm(Form):
    title = forms.CharField(label=_("Action item"), max_length=500)
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=ISO_DATE)

    def __init__(self, *args, entities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("none yet"))] + [
            (e.pk, f"{e.acronym} — {e.name}" if e.acronym else e.name) for e in entities
        ]


class CloseForm(Form):
    evidence = forms.CharField(
        label=_("Evidence of closure"), widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    version = forms.IntegerField(widget=forms.HiddenInput)


class UploadForm(Form):
    file = forms.FileField(label=_("Resolution file (PDF, Word, HTML, Markdown or text)"))
