"""The resolution reader: a stored resolution laid out as the United Nations prints it,
the list of a framework's resolutions, and the upload that hands a new file to the
bootstrap service.

Reads: the resolution (its stored parse, ``Resolution.parsed``), its mandates with the
activities serving them, the resolutions its citations name, and the framework's
resolutions for the lineage. Writes nothing itself; the upload calls the documents
app's bootstrap service when it exists.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accord.cooperation.models import Activity
from accord.core.errors import AccordError
from accord.core.uploads import check_document, upload_refusal
from accord.documents import services as documents_services
from accord.documents.bootstrap.partner import in_series
from accord.documents.models import Citation, Mandate, Resolution
from accord.web.access import can_create, can_edit, can_view, public_read, refuse_unless, viewable
from accord.web.common import HEAVY, framework_for
from accord.web.forms import UploadForm
from resolutions.errors import ResolutionError


def linkify(text: str, links: dict[str, str]) -> str:
    """``text`` escaped, with each occurrence of a key of ``links`` made a link to its
    value (longest keys first, no overlaps)."""
    if not links:
        return escape(text)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(links, key=len, reverse=True)))
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(
            format_html(
                '<a class="citation" href="{}">{}</a>', links[match.group(0)], match.group(0)
            )
        )
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def resolution_symbol(citation: dict) -> str | None:
    """The stored symbol a parsed citation of a General Assembly resolution would have."""
    symbol = citation.get("symbol") or ""
    if citation.get("kind") == "ga-resolution" and re.fullmatch(r"\d+/\d+", symbol):
        return f"A/RES/{symbol}"
    return symbol or None


def _points_html(points: list[dict], links: dict[str, str]) -> str:
    if not points:
        return ""
    items = "".join(
        format_html(
            '<li><span class="label">({})</span> {}{}</li>',
            p.get("label", ""),
            mark_safe(linkify(p.get("text", ""), links)),
            mark_safe(_points_html(p.get("points") or [], links)),
        )
        for p in points
    )
    return f'<ol class="points">{items}</ol>'


def _opening(text: str, points: list[dict]) -> str:
    """The paragraph's words before its first point (the points are listed apart)."""
    if not points:
        return text
    first = points[0].get("text", "")
    label = points[0].get("label", "")
    cut = text.find(f"({label}) {first[:30]}") if label else -1
    if cut < 0:
        cut = text.find(first[:30]) if first else -1
    return text[:cut].rstrip() if cut > 0 else text


def paragraph_html(p: dict, links: dict[str, str], lead: str) -> str:
    """One paragraph: the opening phrase or verb in italics, citations linked, points as
    a list, footnote markers linking to the footnotes."""
    points = p.get("points") or []
    text = _opening(p.get("text", ""), points)
    body = linkify(text, links)
    if lead and text.startswith(lead):
        body = format_html("<em>{}</em>", lead) + linkify(text[len(lead) :], links)
    notes = "".join(
        format_html('<sup><a href="#fn-{0}" id="fnref-{0}">{0}</a></sup>', m)
        for m in p.get("footnotes") or []
    )
    return mark_safe(body + notes + _points_html(points, links))


def lineage(resolution: Resolution) -> tuple[list, list]:
    """The predecessors (oldest first) and successors (nearest first) of ``resolution``
    in its series, from one query over the framework's resolutions."""
    rows = (
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
    before, seen, current = [], {resolution.pk}, rows[resolution.pk]["predecessor_id"]
    while current and current in rows and current not in seen:
        seen.add(current)
        before.insert(0, rows[current])
        current = rows[current]["predecessor_id"]
    children = {}
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


def heading_block(resolution: Resolution, parsed: dict) -> dict:
    """The printed heading's lines, in the document's own language."""
    from resolutions.sessions import int_to_ordinal

    lang = parsed.get("language") or "en"
    with translation.override(lang):
        adopted = parse_date(parsed.get("adopted_on") or "") or resolution.adopted_on
        distributed = parse_date(parsed.get("distributed_on") or "") or resolution.distributed_on
        session = parsed.get("session") or resolution.session
        basis = parsed.get("basis") or {}
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
        return {
            "lang": lang,
            "distributed": _("Distr.: General %(date)s")
            % {"date": date_format(distributed, "j F Y")}
            if distributed
            else "",
            "session": _("%(ordinal)s session") % {"ordinal": int_to_ordinal(session).capitalize()}
            if session
            else "",
            "agenda": (
                _("Agenda item %(items)s") % {"items": ", ".join(parsed.get("agenda_items") or [])}
            )
            if parsed.get("agenda_items")
            else "",
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
    resolutions = list(resolutions)
    for r in resolutions:
        r.related = not in_series(r.title, framework.partner.code)
    return render(
        request,
        "web/resolutions.html",
        {
            "framework": framework,
            "page": "resolutions",
            "resolutions": resolutions,
            "may_upload": may_upload,
            "form": UploadForm(),
        },
    )


@public_read
def resolution_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    framework = framework_for(request, slug)
    resolution = get_object_or_404(Resolution, pk=pk, framework=framework)
    refuse_unless(can_view(request.user, resolution))
    parsed = resolution.parsed or {}
    activities = viewable(request.user, Activity.objects.all()).only(
        "pk", "code", "title", "framework_id"
    )
    mandates = (
        Mandate.objects.filter(resolution=resolution)
        .select_related("paragraph")
        .prefetch_related(Prefetch("activities", queryset=activities))
    )
    by_pid: dict[str, list[Mandate]] = {}
    for mandate in mandates:
        by_pid.setdefault(mandate.paragraph.pid, []).append(mandate)
    # Citations: parsed text as written -> the stored resolution it names.
    cited = parsed.get("citations") or []
    symbols = {s for s in (resolution_symbol(c) for c in cited) if s}
    stored = (
        dict(
            Resolution.objects.filter(symbol__in=symbols)
            .exclude(framework__isnull=True)
            .values_list("symbol", "pk")
        )
        if symbols
        else {}
    )
    stored_fw = dict(
        Resolution.objects.filter(pk__in=stored.values()).values_list("pk", "framework__slug")
    )
    for row in Citation.objects.filter(
        resolution=resolution, cited_resolution__isnull=False
    ).values("symbol", "cited_resolution", "cited_resolution__framework__slug"):
        if row["cited_resolution__framework__slug"]:
            stored[row["symbol"]] = row["cited_resolution"]
            stored_fw[row["cited_resolution"]] = row["cited_resolution__framework__slug"]
    links_by_pid: dict[str | None, dict[str, str]] = {}
    for c in cited:
        symbol = resolution_symbol(c)
        target = stored.get(symbol) or stored.get(c.get("symbol"))
        if target and target != resolution.pk and c.get("text"):
            url = reverse("resolution", kwargs={"slug": stored_fw[target], "pk": target})
            links_by_pid.setdefault(c.get("paragraph"), {})[c["text"]] = url

    def rows(items, lead_key):
        return [
            {
                "id": p["id"],
                "number": p.get("number"),
                "heading": p.get("heading"),
                "html": paragraph_html(p, links_by_pid.get(p["id"], {}), p.get(lead_key) or ""),
                "mandates": by_pid.get(p["id"], []),
            }
            for p in items
        ]

    before, after = lineage(resolution)
    return render(
        request,
        "web/resolution.html",
        {
            "framework": framework,
            "page": "resolutions",
            "resolution": resolution,
            "parsed": parsed,
            "heading": heading_block(resolution, parsed),
            "preamble": rows(parsed.get("preamble") or [], "phrase"),
            "operative": rows(parsed.get("operative") or [], "verb"),
            "footnotes": parsed.get("footnotes") or [],
            "before": before,
            "after": after,
            "may_review": can_edit(request.user, resolution),
            "related": not in_series(resolution.title, framework.partner.code),
            "title_html": mark_safe(
                linkify(parsed.get("title") or resolution.title, links_by_pid.get(None, {}))
            ),
        },
    )


@login_required
def resolution_upload(request: HttpRequest, slug: str) -> HttpResponse:
    """Hand an uploaded file to the bootstrap service, then open its review list; a
    refused file (unreadable, not a resolution, another partner) saves nothing and its
    one-line reason is shown."""
    framework = framework_for(request, slug)
    refuse_unless(can_create(request.user, Resolution, framework=framework))
    if request.method != "POST":
        return redirect("resolutions", slug=slug)
    form = UploadForm(request.POST, request.FILES)
    refusal = upload_refusal(request)  # the upload handler cut a file over the size limit
    if refusal or not form.is_valid():
        messages.error(request, refusal or _("Choose a file to upload."))
        return redirect("resolutions", slug=slug)
    try:
        check_document(form.cleaned_data["file"])
        result = documents_services.resolution_upload(
            framework=framework, user=request.user, file=form.cleaned_data["file"]
        )
    except (AccordError, ResolutionError) as exc:
        messages.error(request, _("The file was not imported: %(reason)s") % {"reason": exc})
        return redirect("resolutions", slug=slug)
    messages.success(request, _("The resolution was read; check the proposals below."))
    return redirect("resolution-review", slug=result.framework.slug, pk=result.resolution.pk)
