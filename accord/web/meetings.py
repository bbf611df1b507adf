"""Meetings (list and detail, with decisions turned into action items) and the action
items page ("mine", "overdue", "due this month"; closing with evidence).

Reads: meetings with host, participants, documents and decisions (prefetched), action
items with their owner. Writes through ``accord.cooperation.services`` only:
``decision_add``, ``decision_to_action_items``, ``action_item_close``.
"""

from __future__ import annotations

import calendar
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import (
    can_close,
    can_create,
    can_edit,
    can_view,
    editable,
    public_read,
    require,
    viewable,
    visible_or_404,
)
from accord.cooperation import services
from accord.cooperation.models import ActionItem, Decision, Meeting, MeetingDocument
from accord.core.errors import AccordError, error_text
from accord.notifications.services import notify_stale_edit
from accord.web.common import entities_of, framework_for, heavy
from accord.web.forms import ActionItemForm, CloseForm, DecisionForm


@public_read
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    framework = framework_for(request, slug)
    meetings = (
        viewable(request.user, Meeting.objects.filter(framework=framework))
        .select_related("host", "host_organization")
        .order_by("-start_on", "-year_planned", "title")
    )
    page = Paginator(meetings, 50).get_page(request.GET.get("page"))
    return render(
        request, "web/meetings.html", {"framework": framework, "page": "meetings", "page_obj": page}
    )


def meeting_for(request, framework, pk: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "host", "host_organization", "source_paragraph__resolution"
        ).defer(*heavy("source_paragraph__resolution")),
        pk=pk,
        framework=framework,
    )
    visible_or_404(can_view(request.user, meeting))
    return meeting


@public_read
def meeting_document(request: HttpRequest, slug: str, pk: int, doc_pk: int) -> FileResponse:
    """A meeting document's uploaded file, to whoever may see the meeting: streamed from
    the storage backend (disk or bucket) as a download, so that no file is served from
    an open /media/ address and an uploaded HTML file never runs as a page of this site."""
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    document = get_object_or_404(MeetingDocument, pk=doc_pk, meeting=meeting)
    if not document.file.name:
        raise Http404
    name = document.file.name.rsplit("/", 1)[-1]
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)


@public_read
def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    decisions = Decision.objects.filter(meeting=meeting).prefetch_related(
        Prefetch("action_items", queryset=ActionItem.objects.select_related("owner"))
    )
    may_record = can_create(request.user, Decision, framework=framework, parent=meeting)
    may_assign = can_create(request.user, ActionItem, framework=framework)
    entities = list(entities_of(framework)) if may_assign else []
    shown = list(decisions)
    decision: Any  # a Decision, given the form the template shows
    for decision in shown:
        decision.item_form = ActionItemForm(entities=entities, auto_id=f"item-{decision.pk}-%s")
    context = {
        "framework": framework,
        "page": "meetings",
        "meeting": meeting,
        "participants": meeting.participants.all(),
        "documents": meeting.documents.all(),
        "decisions": shown,
        "may_record": may_record,
        "may_assign": may_assign,
        "decision_form": DecisionForm(),
        "may_edit": can_edit(request.user, meeting),
    }
    return render(request, "web/meeting.html", context)


@require_POST
@login_required
def decision_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record a decision of the meeting (coordinators of the framework)."""
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    require(can_create(request.user, Decision, framework=framework, parent=meeting))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(meeting=meeting, user=request.user, **form.cleaned_data)
            messages.success(request, _("The decision was recorded."))
        except AccordError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, _("A decision needs its text."))
    return redirect("meeting", slug=slug, pk=pk)


@require_POST
@login_required
def decision_action_item(
    request: HttpRequest, slug: str, pk: int, decision_pk: int
) -> HttpResponse:
    """Turn a decision into an action item with an owner and a due date."""
    framework = framework_for(request, slug)
    meeting = meeting_for(request, framework, pk)
    decision = get_object_or_404(Decision, pk=decision_pk, meeting=meeting)
    form = ActionItemForm(request.POST, entities=entities_of(framework))
    if not form.is_valid():
        messages.error(request, _("An action item needs a title, and the owner one of the list."))
        return redirect("meeting", slug=slug, pk=pk)
    owner = (
        entities_of(framework).filter(pk=form.cleaned_data["owner"]).first()
        if form.cleaned_data["owner"]
        else None
    )
    require(can_create(request.user, ActionItem, framework=framework, entity=owner))
    try:
        services.decision_to_action_items(
            decision=decision,
            user=request.user,
            items=[
                {
                    "title": form.cleaned_data["title"],
                    "owner": owner,
                    "due_on": form.cleaned_data["due_on"],
                }
            ],
        )
        messages.success(request, _("The action item was created."))
    except AccordError as exc:
        messages.error(request, error_text(exc))
    return redirect("meeting", slug=slug, pk=pk)


def month_bounds(today):
    last = calendar.monthrange(today.year, today.month)[1]
    return today.replace(day=1), today.replace(day=last)


TABS = ("open", "mine", "overdue", "month", "closed")


@login_required
def action_items(request: HttpRequest, slug: str) -> HttpResponse:
    """The framework's action items, by tab: all open, mine, overdue, due this month, closed."""
    framework = framework_for(request, slug)
    today = timezone.localdate()
    items = viewable(request.user, ActionItem.objects.filter(framework=framework))
    tab = request.GET.get("tab") or "open"
    first, last = month_bounds(today)
    refused = tab not in TABS
    if refused:  # an unknown tab shows nothing, with the reason, rather than another tab
        messages.error(request, _("There is no list “%(tab)s” of action items.") % {"tab": tab})
        items = items.none()
    elif tab == "mine":
        items = editable(request.user, items).open()
    elif tab == "overdue":
        items = items.overdue(today)
    elif tab == "month":
        items = items.open().filter(due_on__gte=first, due_on__lte=last)
    elif tab == "closed":
        items = items.closed()
    else:
        items = items.open()
    items = items.select_related(
        "owner", "decision__meeting", "mandate__resolution", "mandate__paragraph", "closed_by"
    ).defer(*heavy("mandate__resolution"))
    page = Paginator(items.order_by("due_on", "id"), 50).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    closable = (
        set(
            editable(
                request.user, ActionItem.objects.filter(pk__in=[r.pk for r in rows])
            ).values_list("pk", flat=True)
        )
        if rows
        else set()
    )
    tabs = [
        ("open", _("Open")),
        ("mine", _("Mine")),
        ("overdue", _("Overdue")),
        ("month", _("Due this month")),
        ("closed", _("Closed")),
    ]
    context = {
        "framework": framework,
        "page": "action-items",
        "page_obj": page,
        "rows": rows,
        "tab": tab,
        "tabs": tabs,
        "closable": closable,
        "today": today,
    }
    return render(request, "web/action_items.html", context, status=400 if refused else 200)


@require_POST
@login_required
def action_item_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    framework = framework_for(request, slug)
    item = get_object_or_404(ActionItem, pk=pk, framework=framework)
    require(can_close(request.user, item))
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.action_item_close(
                item=item,
                user=request.user,
                evidence=form.cleaned_data["evidence"],
                evidence_url=form.cleaned_data["evidence_url"],
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("The action item was closed."))
        except AccordError as exc:
            notify_stale_edit(request.user, exc)
            messages.error(request, error_text(exc))
    else:
        messages.error(request, _("Closing an action item needs evidence of closure."))
    tab = request.POST.get("tab", "open")
    tab = tab if tab in TABS else "open"
    return redirect(f"{reverse('action-items', kwargs={'slug': slug})}?tab={tab}")
