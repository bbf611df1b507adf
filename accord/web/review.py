"""The review list of a resolution's bootstrap: the proposals the parser was unsure of,
each shown as a form of its fields, confirmed as proposed or as corrected in one step,
or rejected, by a coordinator.

Reads: the resolution's ReviewItems. Writes through ``accord.documents.services``
(``bootstrap_confirm``, ``bootstrap_confirm_all``, ``bootstrap_reject``), which ask the
permissions module.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_delete, can_edit, require
from accord.core.errors import AccordError
from accord.documents import services
from accord.documents.models import Resolution
from accord.documents.review import ReviewItem
from accord.documents.selectors import stored_already
from accord.documents.uploads import Upload
from accord.web.common import HEAVY, framework_for
from accord.web.review_forms import ProposalForm, choice_rows

KINDS = {
    "organization": gettext_lazy("organization"),
    "entity": gettext_lazy("entity"),
    "priority_area": gettext_lazy("priority area"),
    "agreement": gettext_lazy("agreement"),
    "meeting": gettext_lazy("meeting"),
    "mandate": gettext_lazy("mandate"),
    "action_item": gettext_lazy("action item"),
    "supersede": gettext_lazy("superseding of an older mandate"),
}
# The parser's reasons (English, stored with the item), said in the reader's language.
REASONS = {
    "a third organization, neither the United Nations nor the partner": gettext_lazy(
        "It is a third organization, neither the United Nations nor the partner."
    ),
    "a body of a third organization": gettext_lazy(
        "It is a body of a third organization, not of either side."
    ),
    "the number of areas the text states does not match the list": gettext_lazy(
        "The number of areas the text states does not match the list it gives."
    ),
    "the parties on both sides are not all named": gettext_lazy(
        "The paragraph does not name a party on each side."
    ),
    "an addressee not in the gazetteer": gettext_lazy(
        "The mandate names a body the gazetteer does not know."
    ),
    "the host is not named": gettext_lazy("The text does not say who hosts the meeting."),
    "repeated by the newer resolution": gettext_lazy(
        "The newer resolution repeats this request; confirm that it replaces the older one."
    ),
    "no longer repeated by the newer text": gettext_lazy(
        "The newer resolution no longer asks this; confirm that it has lapsed."
    ),
}
_OWN_MEETING = re.compile(r"^“(?P<noun>.+)”: may not be a joint meeting of the two systems$")


def reason_words(item: ReviewItem) -> str:
    """Why the parser is unsure, in words and in the page's language."""
    if item.reason in REASONS:
        why = str(REASONS[item.reason])
    elif m := _OWN_MEETING.match(item.reason or ""):
        why = _("“%(noun)s” may be one side's own meeting, not a joint one.") % {
            "noun": m.group("noun")
        }
    else:
        why = item.reason
    if item.confidence >= 0.7:
        level = _("Fairly sure")
    elif item.confidence >= 0.5:
        level = _("Unsure")
    else:
        level = _("Very unsure")
    return f"{level}. {why}" if why else f"{level}."


def _resolution(request, framework, pk: int) -> Resolution:
    """The resolution whose review list is asked for. The list holds unconfirmed
    proposals: only who may decide them (who may edit the resolution) reads it."""
    resolution = get_object_or_404(Resolution.objects.defer(*HEAVY), pk=pk, framework=framework)
    require(can_edit(request.user, resolution))
    return resolution


def _items(resolution: Resolution, bound: ProposalForm | None = None) -> list[ReviewItem]:
    """The resolution's proposals, each with its kind and reason in words and its
    fields as a form (``bound``: the one just submitted, with its errors)."""
    items = list(
        ReviewItem.objects.filter(resolution=resolution)
        .select_related("decided_by")
        .order_by("status", "kind", "key")
    )
    choices = choice_rows()
    stored = stored_already(resolution, items)
    item: Any  # a ReviewItem, given the attributes the template shows
    for item in items:
        item.stored = item.pk in stored
        item.kind_label = KINDS.get(item.kind, item.kind)
        item.reason_words = reason_words(item)
        item.form = bound if bound and bound.item.pk == item.pk else ProposalForm(item, **choices)
    return items


def _page(request, framework, resolution, bound=None, status: int = 200) -> HttpResponse:
    items = _items(resolution, bound)
    return render(
        request,
        "web/review.html",
        {
            "framework": framework,
            "page": "resolutions",
            "resolution": resolution,
            "items": items,
            "may_decide": True,
            "upload": _last_upload(request, resolution),
            "pending": sum(1 for i in items if i.status == ReviewItem.Status.PENDING),
        },
        status=status,
    )


@login_required
def review_list(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    framework = framework_for(request, slug)
    return _page(request, framework, _resolution(request, framework, pk))


@require_POST
@login_required
def review_decide(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Confirm a proposal with the values of its form (corrected or as proposed), or
    reject it (``decision`` = "confirm" or "reject"). A form with errors is shown
    again with them, and nothing is written."""
    framework = framework_for(request, slug)
    resolution = _resolution(request, framework, pk)
    item = get_object_or_404(ReviewItem, pk=item_pk, resolution=resolution)
    require(can_edit(request.user, resolution))
    label = {"label": item.label or item.key}
    try:
        if request.POST.get("decision") == "confirm":
            form = ProposalForm(item, request.POST, **choice_rows())
            if not form.is_valid():
                messages.error(request, _("Correct the values shown below, then confirm."))
                return _page(request, framework, resolution, bound=form, status=400)
            changes = form.changes()
            services.bootstrap_confirm(item=item, user=request.user, data=changes or None)
            done = _("Confirmed as corrected: %(label)s") if changes else _("Confirmed: %(label)s")
            messages.success(request, done % label)
        elif request.POST.get("decision") == "reject":
            services.bootstrap_reject(item=item, user=request.user)
            messages.success(request, _("Rejected: %(label)s") % label)
    except AccordError as exc:
        messages.error(request, str(exc))
    return redirect(f"{reverse('resolution-review', args=[slug, pk])}#item-{item.pk}")


@require_POST
@login_required
def review_confirm_all(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm every pending proposal as proposed, in one step (all or none)."""
    framework = framework_for(request, slug)
    resolution = _resolution(request, framework, pk)
    try:
        count = services.bootstrap_confirm_all(resolution=resolution, user=request.user)
    except AccordError as exc:
        messages.error(request, str(exc))
    else:
        done = ngettext(
            "Confirmed %(count)d proposal as proposed.",
            "Confirmed %(count)d proposals as proposed.",
            count,
        )
        messages.success(request, done % {"count": count})
    return redirect("resolution-review", slug=slug, pk=pk)


def _last_upload(request, resolution: Resolution) -> Upload | None:
    """The latest upload of ``resolution`` not undone yet, when the user may undo it."""
    upload = Upload.objects.filter(resolution=resolution, undone_at__isnull=True).first()
    return upload if upload and can_delete(request.user, resolution) else None


@require_POST
@login_required
def upload_undo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Undo the latest upload of a resolution in one step (the service asks the
    permissions module), then go back to the framework's resolutions."""
    framework = framework_for(request, slug)
    resolution = _resolution(request, framework, pk)
    upload = get_object_or_404(Upload, resolution=resolution, undone_at__isnull=True)
    try:
        services.upload_undo(upload=upload, user=request.user)
    except AccordError as exc:
        messages.error(request, str(exc))
        return redirect("resolution-review", slug=slug, pk=pk)
    messages.success(
        request, _("The upload of %(symbol)s was undone.") % {"symbol": resolution.symbol}
    )
    return redirect("resolutions", slug=slug)
