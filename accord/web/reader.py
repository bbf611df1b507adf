"""The resolution reader: a stored resolution laid out as the United Nations prints it,
the list of a framework's resolutions, and the upload that hands a new file to the
bootstrap service.

Reads: the resolution's rows through ``accord.documents.selectors.reader_document``
(paragraphs, mandates with the activities serving them, citations with their links),
and the framework's resolutions for the lineage. Writes nothing itself; the upload calls the documents
app's bootstrap service when it exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accord.accounts.permissions import (
    can_create,
    can_edit,
    can_view,
    public_read,
    require,
    viewable,
    visible_or_404,
)
from accord.cooperation.models import Activity
from accord.core.errors import AccordError
from accord.core.uploads import upload_refusal
from accord.documents.bootstrap.partner import in_series
from accord.documents.models import Resolution
from accord.documents.selectors import reader_document
from accord.documents.tasks import start_resolution_job
from accord.web.common import HEAVY, framework_for
from accord.web.forms import UploadForm


def lineage(resolution: Resolution) -> tuple[list, list]:
    """The predecessors (oldest first) and successors (nearest first) of ``resolution``
    in its series, from one query over the framework's resolutions."""
    rows: dict[int, Any] = (  # a row of values() per resolution
        {
            r["pk"]: r
            for r in Resolution.objects.filter(framework=resolution.framework_id).values(
                "pk", "symbol", "title", "predecessor_id", "adopted_on"
            )
        }
        if resolution.framework_id
        else {}
    )
    rows.setdefault(
        resolution.pk, {"pk": resolution.pk, "predecessor_id": resolution.predecessor_id}
    )
    before: list[dict[str, Any]] = []
    seen, current = {resolution.pk}, rows[resolution.pk]["predecessor_id"]
    while current and current in rows and current not in seen:
        seen.add(current)
        before.insert(0, rows[current])
        current = rows[current]["predecessor_id"]
    children: dict[int | None, list[dict[str, Any]]] = {}
    for row in rows.values():
        children.setdefault(row["predecessor_id"], []).append(row)
    after, current = [], resolution.pk
    while current in children:
        nxt = sorted(children[current], key=lambda r: r["pk"])[0]
        if nxt["pk"] in seen:
            break
        seen.add(nxt["pk"])
        after.append(nxt)
        current = nxt["pk"]
    return before, after


def heading_block(resolution: Resolution, lang: str) -> dict:
    """The printed heading's lines, in the document's own language, from the
    resolution's columns."""
    from resolutions.sessions import int_to_ordinal

    with translation.override(lang):
        adopted, distributed = resolution.adopted_on, resolution.distributed_on
        session, basis = resolution.session, resolution.basis or {}
        if basis.get("kind") == "committee":
            basis_line = _("[on the report of the %(committee)s (%(report)s)]") % {
                "committee": basis.get("committee") or "",
                "report": basis.get("report") or "",
            }
        elif basis:
            basis_line = _("[without reference to a Main Committee (%(report)s)]") % {
                "report": basis.get("report") or ""
            }
        else:
            basis_line = ""
        agenda = resolution.agenda_items or []
        return {
            "lang": lang,
            "distributed": _("Distr.: General %(date)s")
            % {"date": date_format(distributed, "j F Y")}
            if distributed
            else "",
            "session": _("%(ordinal)s session") % {"ordinal": int_to_ordinal(session).capitalize()}
            if session
            else "",
            "agenda": (_("Agenda item %(items)s") % {"items": ", ".join(agenda)}) if agenda else "",
            "adopted": _("Resolution adopted by the General Assembly on %(date)s")
            % {"date": date_format(adopted, "j F Y")}
            if adopted
            else "",
            "adopted_short": date_format(adopted, "j F Y") if adopted else "",
            "basis": basis_line,
            "assembly": _("General Assembly"),
            "united_nations": _("United Nations"),
        }


@public_read
def resolution_list(request: HttpRequest, slug: str) -> HttpResponse:
    framework = framework_for(request, slug)
    resolutions = (
        viewable(request.user, Resolution.objects.filter(framework=framework))
        .defer(*HEAVY)
        .order_by("-session", "symbol")
    )
    may_upload = can_create(request.user, Resolution, framework=framework)
    shown = list(resolutions)
    r: Any  # a Resolution, given the flag the template shows
    for r in shown:
        r.related = not in_series(r.title, framework.partner.code)
    return render(
        request,
        "web/resolutions.html",
        {
            "framework": framework,
            "page": "resolutions",
            "resolutions": shown,
            "may_upload": may_upload,
            "form": UploadForm(),
        },
    )


@public_read
def resolution_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The reader: the resolution as printed, rendered from its rows by the documents
    selector (an edited paragraph shows as edited)."""
    framework = framework_for(request, slug)
    resolution = get_object_or_404(
        Resolution.objects.defer("akn", "warnings"), pk=pk, framework=framework
    )
    visible_or_404(can_view(request.user, resolution))
    activities = viewable(request.user, Activity.objects.all()).only(
        "pk", "code", "title", "framework_id"
    )
    document = reader_document(resolution, activities)
    before, after = lineage(resolution)
    return render(
        request,
        "web/resolution.html",
        {
            "framework": framework,
            "page": "resolutions",
            "resolution": resolution,
            "document": document,
            "heading": heading_block(resolution, document.language),
            "preamble": document.preamble,
            "operative": document.operative,
            "footnotes": document.footnotes,
            "before": before,
            "after": after,
            "may_review": can_edit(request.user, resolution),
            "related": not in_series(resolution.title, framework.partner.code),
            "title_html": document.title_html,
        },
    )


@login_required
def resolution_upload(request: HttpRequest, slug: str) -> HttpResponse:
    """Hand an uploaded file to the bootstrap service, then open its review list; a
    refused file (unreadable, not a resolution, another partner) saves nothing and its
    one-line reason is shown."""
    framework = framework_for(request, slug)
    require(can_create(request.user, Resolution, framework=framework))
    if request.method != "POST":
        return redirect("resolutions", slug=slug)
    form = UploadForm(request.POST, request.FILES)
    refusal = upload_refusal(request)  # the upload handler cut a file over the size limit
    if refusal or not form.is_valid():
        messages.error(request, refusal or _("Choose a file to upload."))
        return redirect("resolutions", slug=slug)
    try:
        job = start_resolution_job(
            framework=framework, user=request.user, file=form.cleaned_data["file"]
        )
    except AccordError as exc:
        messages.error(request, _("The file was not imported: %(reason)s") % {"reason": exc})
        return redirect("resolutions", slug=slug)
    return redirect("upload-job", pk=job.pk)
