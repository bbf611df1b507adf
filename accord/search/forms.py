"""The search form: the query and its filters, each refused with a message when invalid."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.search.backends import RANKED
from accord.search.models import SearchEntry

PER_PAGE = 50  # hits on one page of results
PAGES = 2 * RANKED // PER_PAGE  # the candidates of a broad search, at most


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=300, required=False)
    kind = forms.MultipleChoiceField(
        label=_("Kind"),
        choices=SearchEntry.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(
        min_value=1, max_value=PAGES, required=False, widget=forms.HiddenInput
    )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date is before the start date."))
        return data
