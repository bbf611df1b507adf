"""The dashboard of a framework and the home page that leads to it.

Reads: mandates, activities (counts), action items, meetings, agreements and the
history tables of activities, action items and meetings. Writes the rendered content to
Django's cache (accord/web/cache.py), where it is found again until a write of one of
those models. Costs a fixed number of queries whatever the size of the framework.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from accord.accounts.permissions import grants_key, public_read, viewable
from accord.cooperation.models import ActionItem, Activity, Framework, Meeting, PriorityArea
from accord.cooperation.palette import STATUS_COLOURS
from accord.documents.models import Mandate
from accord.registry.models import Agreement
from accord.web.cache import cached
from accord.web.charts import stacked_bars
from accord.web.common import bienniums_of, framework_for, heavy

EXPIRY_DAYS = 90  # agreements expiring within this many days are flagged


def next_report_due(framework: Framework):
    """The earliest pending mandate of the framework that asks the Secretary-General for
    a report (paragraph 25 of 73/135), or None."""
    pending = (
        Mandate.objects.pending()
        .filter(resolution__framework=framework)
        .filter(Q(due_year__isnull=False) | Q(due_session__isnull=False))
        .select_related("resolution", "paragraph")
        .defer(*heavy("resolution"))
        .order_by("due_year", "due_session")[:50]
    )
    for mandate in pending:
        addressees = " ".join(str(a) for a in (mandate.addressees or []))
        if "Secretary-General" in addressees and "report" in (mandate.action or "").lower():
            return mandate
    return None


def latest_changes(user, framework: Framework, limit: int = 10) -> list:
    """The last changes to the framework's activities, action items and meetings that
    ``user`` may read (a deleted row's changes are not shown): two queries per kind."""
    records = []
    for model in (Activity, ActionItem, Meeting):
        history = list(
            model.history.filter(framework=framework)
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        )
        readable = (
            set(
                viewable(user, model.objects.filter(pk__in={r.id for r in history})).values_list(
                    "pk", flat=True
                )
            )
            if history
            else set()
        )
        for record in history:
            if record.id not in readable:
                continue
            records.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "type": record.history_type,
                    "kind": model._meta.verbose_name,
                    "label": str(record.title if hasattr(record, "title") else record),
                    "model": model._meta.model_name,
                    "pk": record.id,
                }
            )
    records.sort(key=lambda r: r["when"], reverse=True)
    return records[:limit]


def reports_page(name: str, **kwargs) -> str | None:
    """A page of the reports app (e.g. the Secretary-General's report), when it exists."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def mandates_by_status(framework: Framework) -> list[tuple]:
    """``(status label, count)`` of the framework's mandates, for every status."""
    mandate_counts = dict(
        Mandate.objects.filter(resolution__framework=framework)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [(label, mandate_counts.get(value, 0)) for value, label in Mandate.Status.choices]


def activities_by_area(user, areas: list[PriorityArea], biennium, statuses) -> tuple[dict, list]:
    """The chart and the table of the biennium's activities ``user`` may read, by
    priority area and status."""
    counts: dict[int, dict[str, int]] = {a.pk: {} for a in areas}
    if biennium:
        for area_id, status, n in (
            viewable(user, Activity.objects.filter(biennium=biennium))
            .values_list("priority_area", "status")
            .annotate(n=Count("id"))
            .order_by()
        ):
            counts.setdefault(area_id, {})[status] = n
    chart = stacked_bars([(a.name, counts.get(a.pk, {})) for a in areas], statuses)
    table = [
        {
            "area": a,
            "counts": [counts.get(a.pk, {}).get(v, 0) for v, _ in statuses],
            "total": sum(counts.get(a.pk, {}).values()),
        }
        for a in areas
    ]
    return chart, table


def follow_up(user, framework: Framework, today) -> dict[str, list]:
    """What needs attention, as ``user`` may read it: overdue action items, the next
    meetings, expiring agreements, late activities."""
    items = viewable(user, ActionItem.objects.filter(framework=framework)).select_related("owner")
    overdue = list(items.overdue(today).order_by("due_on")[:10])
    meetings = list(
        viewable(user, Meeting.objects.filter(framework=framework))
        .filter(Q(start_on__gte=today) | Q(start_on__isnull=True, year_planned__gte=today.year))
        .select_related("host", "host_organization")
        .order_by("start_on", "year_planned")[:5]
    )
    expiring = list(
        viewable(user, Agreement.objects.filter(framework=framework))
        .expiring(today, days=EXPIRY_DAYS)
        .order_by("expires_on")
    )
    late = list(
        viewable(user, Activity.objects.filter(framework=framework))
        .late(today)
        .select_related("biennium")
        .order_by("end_on")[:10]
    )
    return {"overdue": overdue, "meetings": meetings, "expiring": expiring, "late": late}


# What the dashboard shows is read from these models; a write of any of them (anywhere)
# replaces its token in accord/web/cache.py, so the kept dashboard is never stale
# (tests/web/test_cache_reads.py fails naming a table it reads that is not here).
READS = (
    "cooperation.activity",
    "cooperation.actionitem",
    "cooperation.biennium",
    "cooperation.decision",
    "cooperation.meeting",
    "cooperation.priorityarea",
    "documents.mandate",
    "documents.paragraph",
    "documents.resolution",
    "registry.agreement",
    "registry.entity",
    "registry.organization",
    "accounts.membership",
    "auth.user",
)


def dashboard_body(request: HttpRequest, framework: Framework, biennium, today) -> str:
    """The dashboard's content (counts, chart, lists), rendered."""
    areas = list(PriorityArea.objects.filter(framework=framework))
    statuses = [(value, str(label)) for value, label in Activity.Status.choices]
    chart, table = activities_by_area(request.user, areas, biennium, statuses)
    context = {
        "framework": framework,
        "biennium": biennium,
        "mandates_by_status": mandates_by_status(framework),
        "chart": chart,
        "table": table,
        "statuses": [(v, label, STATUS_COLOURS[v]) for v, label in statuses],
        **follow_up(request.user, framework, today),
        "report_due": next_report_due(framework),
        "changes": latest_changes(request.user, framework),
        "today": today,
        "report_url": reports_page("report-sg", framework=framework.slug),
    }
    return render_to_string("web/dashboard_body.html", context, request)


@public_read
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The dashboard, kept in the cache per framework, reader's grants, language, time
    zone and day until a write of what it shows."""
    framework = framework_for(request, slug)
    today = timezone.localdate()
    bienniums = bienniums_of(framework)
    biennium = bienniums[0] if bienniums else None
    vary = (
        framework.pk,
        framework.version,
        getattr(biennium, "pk", None),
        grants_key(request.user),
        timezone.get_current_timezone_name(),
        today,
    )
    body = cached(
        "dashboard", READS, vary, lambda: dashboard_body(request, framework, biennium, today)
    )
    context = {"framework": framework, "biennium": biennium, "body": mark_safe(body)}
    return render(request, "web/dashboard.html", context)
