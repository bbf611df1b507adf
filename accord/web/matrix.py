"""The matrix of a biennium: filters, sort, grouping, pages of rows, and the rows' inline
edit controls for the rows the user may edit.

Reads: the biennium's activities through ``matrix_rows`` (one query per page, plus a
count), priority areas and entities for the filters, and the editable ids of the page
(one query). Writes nothing (the inline forms post to ``activities.py``).
"""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accord.accounts.permissions import can_create, editable, public_read, viewable
from accord.cooperation.models import Activity, PriorityArea
from accord.cooperation.selectors import matrix_rows
from accord.web.cache import CSRF_MARK, digest, generation, pages
from accord.web.common import bienniums_of, entities_of, framework_for
from accord.web.forms import MatrixFilterForm
from accord.web.rows import render_row, row_context

PAGE_SIZE = 50
ROW_TIMEOUT = 600  # seconds a rendered row is kept (its key changes with what it shows)
# Put in a kept row where each page's return address goes (and CSRF_MARK its CSRF field).
NEXT_MARK = "\x00next\x00"
# The columns a matrix row shows (loading whole rows of four tables costs more than the SQL).
NAMES = ("name_en", "name_fr", "name_ar")
ROW_FIELDS = (
    "code",
    "title",
    "updated_at",
    "status",
    "version",
    "is_demo",
    "framework_id",
    "biennium_id",
    *(f"priority_area__{f}" for f in ("code", "order", *NAMES)),
    *(f"{lead}__{f}" for lead in ("un_lead", "partner_lead") for f in ("acronym", *NAMES)),
)


def reports_url(name: str, biennium) -> str | None:
    """A page of the reports app about ``biennium`` (export, import), when it exists."""
    try:
        return reverse(name, kwargs={"pk": biennium.pk})
    except NoReverseMatch:
        return None


def editable_ids(user, rows) -> set[int]:
    """Which of ``rows`` the user may edit, in one query."""
    ids = [row.pk for row in rows]
    return (
        set(editable(user, Activity.objects.filter(pk__in=ids)).values_list("pk", flat=True))
        if ids
        else set()
    )


def late_ids(rows) -> set[int]:
    """Which of ``rows`` are late today (``Activity.objects.late``), in one query."""
    ids = [row.pk for row in rows]
    if not ids:
        return set()
    late = Activity.objects.late(timezone.localdate()).filter(pk__in=ids)
    return set(late.values_list("pk", flat=True))


def filtered_rows(user, biennium, filters: dict):
    """The biennium's activities ``user`` may read, filtered and ordered as ``filters``
    (the filter form's cleaned data) say; grouped by area, they are ordered by area."""
    order = filters.get("order") or "priority_area"
    if filters.get("group") and order.lstrip("-") != "priority_area":
        order = "priority_area"
    return viewable(
        user,
        matrix_rows(
            biennium=biennium,
            priority_area=filters.get("area"),
            entity=filters.get("entity"),
            status=filters.get("status") or None,
            text=filters.get("q"),
            order=order,
        ),
    ).only(*ROW_FIELDS)


def _row_key(a, ctx: dict, *, editable: bool, show_area: bool, late: bool) -> str:
    """The cache key of one rendered row: everything the row shows (the activity's version
    and last save, its last progress note, the names of its area and leads through their
    tokens in ``ctx``) and what the reader may do with it."""
    parts = (
        a.pk,
        a.version,
        a.updated_at.isoformat(),
        a.last_progress_date,
        a.last_progress_text,
        ctx["lang"],
        ctx["names"],
        editable,
        show_area,
        late,
    )
    return f"accord:row:{digest(parts)}"


def rendered_rows(activities: list, ctx: dict, can_edit_ids: set[int], late: set[int], group: bool):
    """Give each activity its ``row_html``: from the cache when the same row was rendered
    before (with this page's CSRF token and return address put back in), else rendered
    with ``render_row`` and kept."""
    generic = {**ctx, "csrf": CSRF_MARK, "next_field": NEXT_MARK}
    keys = {
        a.pk: _row_key(
            a, ctx, editable=a.pk in can_edit_ids, show_area=not group, late=a.pk in late
        )
        for a in activities
    }
    found = pages().get_many(keys.values())
    fresh = {}
    for a in activities:
        html = found.get(keys[a.pk])
        if html is None:
            row = render_row(
                a, generic, editable=a.pk in can_edit_ids, show_area=not group, late=a.pk in late
            )
            html = fresh[keys[a.pk]] = str(row)
        a.row_html = mark_safe(
            html.replace(CSRF_MARK, ctx["csrf"]).replace(NEXT_MARK, ctx["next_field"])
        )
    if fresh:
        pages().set_many(fresh, ROW_TIMEOUT)


def rendered_page(request: HttpRequest, framework, rows, group: bool):
    """The requested page of ``rows``, each activity given its rendered ``row_html``;
    returns the page, its activities and the ids the user may edit."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    activities = list(page.object_list)
    can_edit_ids = editable_ids(request.user, activities)
    late = late_ids(activities)
    ctx = row_context(request, framework, request.get_full_path())
    ctx["names"] = generation(("cooperation.priorityarea", "registry.entity"))
    rendered_rows(activities, ctx, can_edit_ids, late, group)
    return page, activities, can_edit_ids


def filters_key(request: HttpRequest, framework, refused: bool) -> str:
    """What the filter form's HTML depends on: the query, the language, and the areas,
    entities and bienniums it offers (their tokens); the template caches it under this."""
    labels = ("cooperation.priorityarea", "registry.entity", "registry.organization")
    tokens = generation((*labels, "cooperation.biennium"))
    parts = (framework.pk, request.GET.urlencode(), refused, get_language(), tokens)
    return digest(parts)


@public_read
def matrix(request: HttpRequest, slug: str) -> HttpResponse:
    framework = framework_for(request, slug)
    bienniums = bienniums_of(framework)
    if not bienniums:
        from accord.web.biennium_edit import matrix_empty

        return matrix_empty(request, framework)
    areas = list(PriorityArea.objects.filter(framework=framework))
    form = MatrixFilterForm(
        request.GET or None,
        areas=areas,
        entities=entities_of(framework),
        bienniums=bienniums,
        initial={"biennium": bienniums[0].label},
    )
    refused = form.is_bound and not form.is_valid()
    filters = {} if refused else (form.cleaned_data if form.is_bound else {})
    wanted = filters.get("biennium")
    biennium = next((b for b in bienniums if b.label == wanted), bienniums[0])
    group = bool(filters.get("group"))
    rows = filtered_rows(request.user, biennium, filters)
    if refused:  # nothing is shown for a filter that names nothing
        rows = rows.none()
        messages.error(request, _("A filter names nothing here; correct it to see the matrix."))
    page, activities, can_edit_ids = rendered_page(request, framework, rows, group)
    groups = (
        [(area, list(items)) for area, items in groupby(activities, key=lambda a: a.priority_area)]
        if group
        else [(None, activities)]
    )
    context = {
        "framework": framework,
        "page": "matrix",
        "biennium": biennium,
        "bienniums": bienniums,
        "form": form,
        "groups": groups,
        "page_obj": page,
        "can_edit_ids": can_edit_ids,
        "filters_key": filters_key(request, framework, refused),
        "export_url": reports_url("matrix-export", biennium),
        "import_url": reports_url("matrix-import", biennium)
        if can_create(request.user, Activity, framework=framework)
        else None,
    }
    return render(request, "web/matrix.html", context, status=400 if refused else 200)
