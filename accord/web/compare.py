"""What changed between two resolutions: side by side in the reader, or as a Word file
with the changes as tracked changes (the way delegations compare drafts)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accord.accounts.permissions import can_view, viewable
from accord.documents.compare import compare, in_order
from accord.documents.models import Resolution
from accord.web.common import HEAVY, framework_for
from accord.web.compare_docx import comparison_docx

# ?show=changes: the comparison lists only the paragraphs that are not unchanged
CHANGES = "changes"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _readable(request: HttpRequest, framework, pk: int) -> Resolution:
    """A resolution of the framework the user may read; 404 otherwise (the public is
    not told that an unpublished row exists)."""
    resolution = get_object_or_404(Resolution.objects.defer(*HEAVY), pk=pk, framework=framework)
    if not can_view(request.user, resolution):
        raise Http404(_("No such resolution."))
    return resolution


def _choices(request: HttpRequest, framework, resolution: Resolution):
    rows = viewable(request.user, Resolution.objects.filter(framework=framework))
    return rows.exclude(pk=resolution.pk).defer(*HEAVY).order_by("-session", "symbol")


@require_safe
def compare_pick(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Choose the resolution to compare with; the choice goes on to the comparison."""
    framework = framework_for(request, slug)
    resolution = _readable(request, framework, pk)
    choices = _choices(request, framework, resolution)
    other = request.GET.get("with", "")
    if other.isdigit() and choices.filter(pk=int(other)).exists():
        url = reverse("resolution-compare", args=[slug, pk, int(other)])
        return redirect(url + (f"?show={CHANGES}" if _only_changes(request) else ""))
    context = {
        "framework": framework,
        "page": "resolutions",
        "resolution": resolution,
        "choices": choices,
        "error": _("Choose a resolution of this framework.") if other else "",
    }
    return render(request, "web/compare_pick.html", context, status=400 if other else 200)


@require_safe
def compare_view(request: HttpRequest, slug: str, pk: int, other: int) -> HttpResponse:
    framework = framework_for(request, slug)
    this = _readable(request, framework, pk)
    that = _readable(request, framework, other)
    if this.pk == that.pk:
        raise Http404(_("A resolution cannot be compared with itself."))
    result = compare(*in_order(this, that))
    if request.GET.get("format") == "docx":
        name = f"{result.old.symbol}_vs_{result.new.symbol}".replace("/", "_")
        response = HttpResponse(comparison_docx(result), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
        return response
    only_changes = _only_changes(request)
    context = {
        "framework": framework,
        "page": "resolutions",
        "resolution": this,
        "result": result,
        "only_changes": only_changes,
        "parts": [
            (_("Preamble"), _shown(result.preamble, only_changes), result.counts("preamble")),
            (
                _("Operative part"),
                _shown(result.operative, only_changes),
                result.counts("operative"),
            ),
        ],
        "choices": _choices(request, framework, this),
    }
    return render(request, "web/compare.html", context)


def _only_changes(request: HttpRequest) -> bool:
    return request.GET.get("show") == CHANGES


def _shown(rows: list, only_changes: bool) -> list:
    """The rows of a part the page lists: all, or (``?show=changes``) those that are not
    unchanged, so that a long series with few edits reads on a phone."""
    return [row for row in rows if row.status != "unchanged"] if only_changes else rows
