"""Creating and editing meetings, their documents and decisions, and action items
(edit, reassign, move the due date, reopen) in the pages (issue 8).

Writes through ``accord.cooperation.services`` only; the permissions module decides.
An action item's due date may not come before its meeting (a form error).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_create, can_edit, can_view, require, visible_or_404
from accord.cooperation import services
from accord.cooperation.models import ActionItem, Decision, Meeting, MeetingDocument
from accord.core.errors import AccordError
from accord.core.services import object_update
from accord.web.common import framework_for
from accord.web.edit import edit_page, save_form
from accord.web.edit_forms import (
    ActionItemEditForm,
    DecisionEditForm,
    MeetingDocumentForm,
    MeetingForm,
    VersionForm,
)
from accord.web.meetings import meeting_for


def _meeting_url(slug):
    return lambda m: reverse("meeting", kwargs={"slug": slug, "pk": m.pk})


@login_required
def meeting_new(request, slug):
    framework = framework_for(request, slug)
    require(can_create(request.user, Meeting, framework=framework))
    form = MeetingForm(request.POST or None, framework=framework)
    response = None
    if request.method == "POST":
        response, _conflict = save_form(
            request,
            form,
            lambda: services.meeting_create(
                framework=framework, user=request.user, **form.changes()
            ),
            done=_("The meeting was recorded."),
            then=_meeting_url(slug),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("New meeting"),
        back=reverse("meetings", args=[slug]),
        page="meetings",
    )


@login_required
def meeting_edit(request, slug, pk):
    """A meeting's fields, and below them a document to attach."""
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    require(can_edit(request.user, meeting))
    form = MeetingForm(
        request.POST or None, instance=Meeting.objects.get(pk=pk), framework=framework
    )
    response = conflict = None
    if request.method == "POST":
        response, conflict = save_form(
            request,
            form,
            lambda: object_update(
                obj=meeting,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            ),
            done=_("The meeting was saved."),
            then=_meeting_url(slug),
        )
    document = {
        "title": _("Attach a document"),
        "action": reverse("meeting-document-add", args=[slug, pk]),
        "form": MeetingDocumentForm(),
        "button": _("Attach"),
    }
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("Edit the meeting"),
        back=reverse("meeting", args=[slug, pk]),
        conflict=conflict,
        page="meetings",
        extra_forms=[document],
    )


@require_POST
@login_required
def meeting_document_add(request, slug, pk):
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    require(can_create(request.user, MeetingDocument, framework=framework, parent=meeting))
    form = MeetingDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.meeting_document_add(meeting=meeting, user=request.user, **form.changes())
        except AccordError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The document was attached."))
    else:
        messages.error(request, form.errors.as_text())
    return redirect("meeting", slug=slug, pk=pk)


@login_required
def decision_edit(request, slug, pk, decision_pk):
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    decision = get_object_or_404(Decision, pk=decision_pk, meeting=meeting)
    require(can_edit(request.user, decision))
    form = DecisionEditForm(request.POST or None, instance=Decision.objects.get(pk=decision_pk))
    response = conflict = None
    if request.method == "POST":
        response, conflict = save_form(
            request,
            form,
            lambda: object_update(
                obj=decision,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            ),
            done=_("The decision was saved."),
            then=lambda d: reverse("meeting", args=[slug, pk]),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("Edit the decision"),
        back=reverse("meeting", args=[slug, pk]),
        conflict=conflict,
        page="meetings",
    )


def _item_for(request, framework, pk) -> ActionItem:
    item = get_object_or_404(
        ActionItem.objects.select_related("decision__meeting"), pk=pk, framework=framework
    )
    visible_or_404(can_view(request.user, item))
    return item


@login_required
def action_item_edit(request, slug, pk):
    """Edit, reassign or move the due date of an action item; reopen a closed one."""
    framework = framework_for(request, slug)
    item = _item_for(request, framework, pk)
    require(can_edit(request.user, item))
    copy = ActionItem.objects.select_related("decision__meeting").get(pk=pk)
    form = ActionItemEditForm(request.POST or None, instance=copy, framework=framework)
    response = conflict = None
    if request.method == "POST":
        response, conflict = save_form(
            request,
            form,
            lambda: services.action_item_update(
                item=item,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            ),
            done=_("The action item was saved."),
            then=lambda i: reverse("action-items", args=[slug]),
        )
    extra = []
    if item.status in (ActionItem.Status.DONE, ActionItem.Status.CANCELLED):
        extra.append(
            {
                "title": _("Reopen the action item"),
                "action": reverse("action-item-reopen", args=[slug, pk]),
                "form": VersionForm(initial={"version": item.version}),
                "button": _("Reopen"),
            }
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("Edit the action item"),
        back=reverse("action-items", args=[slug]),
        conflict=conflict,
        page="action-items",
        extra_forms=extra,
    )


@require_POST
@login_required
def action_item_reopen(request, slug, pk):
    framework = framework_for(request, slug)
    item = _item_for(request, framework, pk)
    require(can_edit(request.user, item))
    form = VersionForm(request.POST)
    try:
        services.action_item_reopen(
            item=item,
            user=request.user,
            expected_version=form.cleaned_data["version"] if form.is_valid() else item.version,
        )
    except AccordError as error:
        messages.error(request, str(error))
        return redirect("action-item-edit", slug=slug, pk=pk)
    messages.success(request, _("The action item was reopened."))
    return redirect("action-item-edit", slug=slug, pk=pk)
