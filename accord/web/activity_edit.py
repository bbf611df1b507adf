"""Creating and editing activities in the pages (issue 8): a new activity, every field
of one (SDG targets, funding, participants), its indicators, carrying it over to a later
biennium, and soft delete and restore.

Writes through ``accord.cooperation.services`` only; who may do what is asked of the
permissions module (``accord.accounts.permissions``).
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import ModelChoiceField
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_create, can_delete, can_edit, editable, require
from accord.cooperation import services
from accord.cooperation.models import Activity, Biennium, Indicator
from accord.core.errors import AccordError, error_text
from accord.web.activities import activity_for
from accord.web.common import framework_for
from accord.web.edit import edit_page, save_form
from accord.web.edit_forms import (
    ActivityFullForm,
    ActivityNewForm,
    CarryOverForm,
    IndicatorForm,
    VersionForm,
)


def _activity_url(slug):
    return lambda a: reverse("activity", kwargs={"slug": slug, "pk": a.pk})


@login_required
def activity_new(request, slug):
    framework = framework_for(request, slug)
    require(can_create(request.user, Activity, framework=framework))
    latest = Biennium.objects.filter(framework=framework).order_by("-start_year").first()
    form = ActivityNewForm(request.POST or None, framework=framework, initial={"biennium": latest})
    response = None
    if request.method == "POST":
        ok = form.is_valid() and can_create(
            request.user,
            Activity,
            framework=framework,
            un_lead=form.cleaned_data.get("un_lead"),
            partner_lead=form.cleaned_data.get("partner_lead"),
        )
        if form.is_valid() and not ok:
            form.add_error(None, _("You may not create an activity with these leads."))
        else:
            data = form.changes()
            response, _conflict = save_form(
                request,
                form,
                lambda: services.activity_create(user=request.user, **data),
                done=_("The activity was created."),
                then=_activity_url(slug),
            )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("New activity"),
        back=reverse("matrix", args=[slug]),
        page="matrix",
    )


@login_required
def activity_edit(request, slug, pk):
    """Every field of an activity, and below it: carry over, an indicator, delete."""
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    require(can_edit(request.user, activity))
    copy = Activity.objects.get(pk=pk)
    form = ActivityFullForm(request.POST or None, instance=copy, framework=framework)
    response = conflict = None
    if request.method == "POST":
        response, conflict = save_form(
            request,
            form,
            lambda: services.activity_update(
                activity=activity,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            ),
            done=_("The activity was saved."),
            then=_activity_url(slug),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("Edit %(code)s") % {"code": activity.code},
        back=reverse("activity", args=[slug, pk]),
        conflict=conflict,
        page="matrix",
        extra_forms=_side_forms(request, slug, activity),
    )


def _side_forms(request, slug, activity) -> list[dict]:
    forms = [
        {
            "title": _("Add an indicator"),
            "action": reverse("activity-indicator", args=[slug, activity.pk]),
            "form": IndicatorForm(),
            "button": _("Add the indicator"),
        }
    ]
    carry = CarryOverForm(activity=activity)
    bienniums = cast(ModelChoiceField, carry.fields["biennium"]).queryset
    if bienniums is not None and bienniums.exists():
        forms.append(
            {
                "title": _("Carry over to a later biennium"),
                "action": reverse("activity-carry-over", args=[slug, activity.pk]),
                "form": carry,
                "button": _("Carry over"),
            }
        )
    if can_delete(request.user, activity):
        forms.append(
            {
                "title": _("Delete the activity"),
                "action": reverse("activity-delete", args=[slug, activity.pk]),
                "form": VersionForm(initial={"version": activity.version}),
                "button": _("Delete"),
                "danger": True,
            }
        )
    return forms


@require_POST
@login_required
def indicator_add(request, slug, pk):
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    require(can_create(request.user, Indicator, framework=framework, parent=activity))
    form = IndicatorForm(request.POST)
    if form.is_valid():
        try:
            services.indicator_add(activity=activity, user=request.user, **form.changes())
        except AccordError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The indicator was added."))
    else:
        messages.error(
            request,
            _("The indicator was not added: %(errors)s") % {"errors": form.errors.as_text()},
        )
    return redirect("activity", slug=slug, pk=pk)


@require_POST
@login_required
def activity_carry_over(request, slug, pk):
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    form = CarryOverForm(request.POST, activity=activity)
    if not form.is_valid():
        messages.error(request, _("Choose a later biennium."))
        return redirect("activity-edit", slug=slug, pk=pk)
    biennium = form.cleaned_data["biennium"]
    require(
        can_create(
            request.user,
            Activity,
            framework=framework,
            un_lead=activity.un_lead_id,
            partner_lead=activity.partner_lead_id,
        )
    )
    try:
        copy = services.activity_carry_over(
            activity=activity,
            biennium=biennium,
            user=request.user,
            code=form.cleaned_data["code"] or None,
        )
    except AccordError as error:
        messages.error(request, error_text(error))
        return redirect("activity-edit", slug=slug, pk=pk)
    messages.success(request, _("Carried over to %(biennium)s.") % {"biennium": biennium.label})
    return redirect("activity", slug=slug, pk=copy.pk)


@require_POST
@login_required
def activity_delete(request, slug, pk):
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    require(can_delete(request.user, activity))
    form = VersionForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else activity.version
    try:
        services.activity_soft_delete(
            activity=activity, user=request.user, expected_version=version
        )
    except AccordError as error:
        messages.error(request, str(error))
        return redirect("activity", slug=slug, pk=pk)
    messages.success(
        request,
        _("The activity %(code)s was deleted; it can be restored.") % {"code": activity.code},
    )
    return redirect("activities-deleted", slug=slug)


@login_required
def activities_deleted(request, slug):
    """The framework's deleted activities the user may restore."""
    framework = framework_for(request, slug)
    rows = editable(
        request.user,
        Activity.all_objects.filter(framework=framework, deleted_at__isnull=False),
        deleting=True,
    ).select_related("biennium", "deleted_by")
    context = {"framework": framework, "page": "matrix", "activities": rows}
    return render(request, "web/activities_deleted.html", context)


@require_POST
@login_required
def activity_restore(request, slug, pk):
    framework = framework_for(request, slug)
    activity = get_object_or_404(
        Activity.all_objects, pk=pk, framework=framework, deleted_at__isnull=False
    )
    require(can_delete(request.user, activity))
    try:
        services.activity_restore(activity=activity, user=request.user)
    except AccordError as error:
        messages.error(request, str(error))
        return redirect("activities-deleted", slug=slug)
    messages.success(request, _("The activity %(code)s was restored.") % {"code": activity.code})
    return redirect("activity", slug=slug, pk=pk)
