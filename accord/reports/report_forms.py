"""The options of the report pages' job starts, as forms: ``SGReportForm`` (the
Secretary-General's report: a framework or all of them, a period, a format, a language)
and ``ReviewPackForm`` (a meeting's review pack: Word or PDF, a language); ``params()``
is what the job is asked. Each error is
the form's, translated, on the field it is about. Who may ask for what is not decided
here: the view gives the form the frameworks the permissions module lets the user report.

Reads: the POST data. Writes nothing.
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accord.reports.phrases import LANGUAGES
from accord.reports.render import FORMATS
from accord.reports.sg_report import parse_month


class ReportOptionsForm(forms.Form):
    """A format (Word by default) and a language (the page's by default)."""

    formats: tuple[str, ...] = tuple(FORMATS)

    format = forms.ChoiceField(label=_("Format"), required=False)
    lang = forms.ChoiceField(
        label=_("Language"), required=False, choices=[(code, code) for code in LANGUAGES]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(f, f.upper()) for f in self.formats]
        self.fields["format"].error_messages["invalid_choice"] = _(
            "Choose one of the formats offered: %(formats)s."
        ) % {"formats": ", ".join(f.upper() for f in self.formats)}
        self.fields["lang"].error_messages["invalid_choice"] = _(
            "Choose one of the languages offered."
        )

    def clean_format(self) -> str:
        return self.cleaned_data.get("format") or "docx"

    def clean_lang(self) -> str:
        return self.cleaned_data.get("lang") or (get_language() or "en")[:2]


def _month(text: str, *, end: bool = False) -> datetime.date:
    try:
        return parse_month(text, end=end)
    except ValueError:
        raise forms.ValidationError(
            _("“%(text)s” is not a month: write it as YYYY-MM (e.g. 2018-09)."),
            params={"text": text},
        ) from None


class SGReportForm(ReportOptionsForm):
    """The Secretary-General's report of one framework among ``frameworks`` (or of all,
    with ``all_frameworks``) over a period from ``start`` to ``end`` (months)."""

    framework = forms.ChoiceField(label=_("Framework"), required=False)
    all_frameworks = forms.BooleanField(required=False)
    start = forms.CharField(label=_("From (month)"))
    end = forms.CharField(label=_("to"))

    def __init__(self, *args, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = [(f.slug, f.name) for f in frameworks]
        self.fields["framework"].error_messages["invalid_choice"] = _(
            "Choose a framework whose report you may draft."
        )

    def clean_start(self) -> datetime.date:
        return _month(self.cleaned_data["start"])

    def clean_end(self) -> datetime.date:
        return _month(self.cleaned_data["end"], end=True)

    def clean(self):
        data = super().clean()
        chosen = data.get("all_frameworks") or data.get("framework")
        if not chosen and "framework" not in self.errors:
            self.add_error("framework", _("Choose a framework, or all frameworks."))
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period ends before it starts."))
        return data

    def params(self) -> dict:
        """The job's parameters: which framework(s) and the period."""
        data = self.cleaned_data
        which = {"all_frameworks": True} if data["all_frameworks"] else {}
        which = which or {"framework": data["framework"]}
        return which | {"start": data["start"].isoformat(), "end": data["end"].isoformat()}


class ReviewPackForm(ReportOptionsForm):
    """The review pack of ``meeting``: Word or PDF."""

    formats = ("docx", "pdf")

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def params(self) -> dict:
        return {"meeting": self.meeting.pk}
