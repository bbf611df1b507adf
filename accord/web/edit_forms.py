"""The create and edit forms of the cycle's objects (issue 8): Django ModelForms whose
choices are narrowed to the framework the page is about. Each edit form carries the
``version`` it was opened on; the service refuses a save over a newer one."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Indicator,
    Meeting,
    MeetingDocument,
    PriorityArea,
    SDGTarget,
)
from accord.cooperation.services import action_item_due_error
from accord.core.text import guard_text_fields
from accord.registry.models import Agreement, Entity, FocalPoint, Organization

DATE = {"type": "date"}


def entity_label(e: Entity) -> str:
    return f"{e.acronym} — {e.name}" if e.acronym else e.name


class EditForm(forms.ModelForm):
    """A ModelForm without label colons, with the hidden version of the row it edits."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, framework=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.framework = framework
        guard_text_fields(self)  # control characters, bidi overrides, lengths
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget = forms.DateInput(attrs=DATE, format="%Y-%m-%d")
        if framework is not None:
            self.narrow(framework)

    def narrow(self, framework) -> None:
        """Limit the entity, area and biennium choices to ``framework``."""
        orgs = [framework.un_organization_id, framework.partner_id]
        entities = Entity.objects.filter(organization__in=orgs).order_by("acronym", "name_en")
        for field in self.fields.values():
            if not isinstance(field, forms.ModelChoiceField):  # (the fields with a queryset)
                continue
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is Entity:
                field.queryset = entities
                # Django's way to relabel a field's choices (mypy sees a method there)
                field.label_from_instance = entity_label  # type: ignore[method-assign,assignment]
            elif model is PriorityArea:
                field.queryset = PriorityArea.objects.filter(framework=framework)
            elif model is Biennium:
                field.queryset = Biennium.objects.filter(framework=framework)
            elif model is Organization:
                field.queryset = Organization.objects.filter(pk__in=orgs)

    def changes(self) -> dict:
        """The model fields of the form and their cleaned values (for the services)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class ActivityFullForm(EditForm):
    class Meta:
        model = Activity
        fields = [
            "code",
            "title",
            "description",
            "priority_area",
            "un_lead",
            "partner_lead",
            "participants",
            "start_on",
            "end_on",
            "status",
            "sdg_targets",
            "funding_source",
            "funding_entity",
            "is_published",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdg_targets"].queryset = SDGTarget.objects.select_related("goal")
        self.fields["sdg_targets"].widget.attrs["size"] = 8

    def clean(self):
        data = super().clean()
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error("end_on", _("The end comes before the start."))
        return data


class ActivityNewForm(ActivityFullForm):
    class Meta(ActivityFullForm.Meta):
        fields = ["biennium", *ActivityFullForm.Meta.fields]


class CarryOverForm(forms.Form):
    biennium = forms.ModelChoiceField(label=_("Later biennium"), queryset=Biennium.objects.none())
    code = forms.CharField(label=_("Code in that biennium"), required=False, max_length=40)

    def __init__(self, *args, activity, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["biennium"].queryset = Biennium.objects.filter(
            framework=activity.framework_id, start_year__gt=activity.biennium.start_year
        )


class IndicatorForm(EditForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target", "actual"]


class MeetingForm(EditForm):
    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "start_on",
            "end_on",
            "year_planned",
            "place",
            "host",
            "host_organization",
            "participants",
            "notes",
            "is_published",
        ]

    def clean(self):
        data = super().clean()
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error("end_on", _("The end comes before the start."))
        return data


class MeetingDocumentForm(EditForm):
    url = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = MeetingDocument
        fields = ["symbol", "title", "url", "file"]


class DecisionEditForm(EditForm):
    class Meta:
        model = Decision
        fields = ["number", "kind", "text"]


class ActionItemEditForm(EditForm):
    class Meta:
        model = ActionItem
        fields = ["title", "owner", "due_on", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # closing needs evidence (its own form); reopening is its own button
        self.fields["status"].choices = [
            c
            for c in ActionItem.Status.choices
            if c[0] in (ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS)
            or c[0] == self.instance.status
        ]

    def clean(self):
        data = super().clean()
        error = action_item_due_error(self.instance, data.get("due_on"))
        if error:
            self.add_error("due_on", error)
        return data


class AgreementForm(EditForm):
    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "status",
            "parties",
            "signed_on",
            "in_force_from",
            "expires_on",
            "renewed_on",
            "renewal",
            "notes",
            "is_published",
        ]


class FocalPointForm(EditForm):
    class Meta:
        model = FocalPoint
        fields = ["person_name", "title", "email", "entity", "priority_areas", "user", "start_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = get_user_model().objects.filter(is_active=True)
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.get_username()


class VersionForm(forms.Form):
    """A button's form: only the version the user saw (delete, reopen)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class FocalPointEndForm(forms.Form):
    end_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs=DATE))
    version = forms.IntegerField(widget=forms.HiddenInput)


class PriorityAreaForm(EditForm):
    class Meta:
        model = PriorityArea
        fields = ["code", "name_en", "name_fr", "name_ar", "order"]


class RenameForm(forms.Form):
    name_en = forms.CharField(label=_("New name (English)"), max_length=300)
    name_fr = forms.CharField(label=_("New name (French)"), max_length=300, required=False)
    name_ar = forms.CharField(label=_("New name (Arabic)"), max_length=300, required=False)
    acronym = forms.CharField(label=_("Acronym"), max_length=60, required=False)
    on = forms.DateField(label=_("Named so from"), widget=forms.DateInput(attrs=DATE))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        guard_text_fields(self)
