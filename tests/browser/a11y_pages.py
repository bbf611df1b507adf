"""Every page of Accord, found from the URL patterns, with the address to open it in the
scenario of tests/world and the person who opens it: read by the axe-core test of every
page (tests/browser/axe_walk.py) and the screenshots of the new pages.

A URL pattern is either a page here, answers POST only (its form is on another page,
found by ``post_only``), or is listed in ``NOT_PAGES`` with the reason. The test fails
when a pattern is in none of them, so a new page cannot be forgotten."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from django.urls import URLPattern, URLResolver, get_resolver

from tests.browser.post_walk import _closure_methods

# Who opens the page: a coordinator of the framework (sees every button and form), the
# viewer (refused a write: the 403 page) or the public (None).
COORDINATOR, VIEWER, PUBLIC = "coordinator", "viewer", None

NOT_PAGES = {
    "admin": "Django's admin is for administrators (tested in tests/web)",
    "set_language": "redirects back to the page the switcher is on",
    "logout": "answers POST only (the header's Sign out button)",
    "healthz": "plain text for the load balancer",
    "matrix-export": "an .xlsx or .csv file",
    "report-job": "a job's progress page needs a queued report: axe runs on it in tests/browser/test_upload_jobs.py",
    "upload-job": "an upload's progress page needs a queued upload (axe-checked in tests/browser/test_upload_jobs.py)",
    "opendata-iati": "an XML file",
    "opendata-matrix": "a file (.csv, .xlsx, .json)",
    "opendata-registry": "a file (.csv, .xlsx, .json)",
    "opendata-resolution": "a file (Akoma Ntoso or JSON)",
    "notification-open": "redirects to the page of what the notification is about",
    "user-calendar": "an iCalendar file",
    "meeting-document": "a meeting document's file, downloaded (tests/web/test_storage.py)",
    "framework-calendar": "an iCalendar file",
    "meeting-calendar": "an iCalendar file",
    "resolution-upload": "GET redirects to the list of resolutions, where the upload form is",
    "otp-verify": "redirects unless a second factor is set up (tests/web/test_otp*.py)",
    "api-v1": "the REST API's JSON answers (tests/api) and its docs, Swagger UI's own page for developers (served from local static files, tests/api)",
}


def url_patterns(resolver=None, namespace: str = ""):
    """(name, callback) of every named pattern, admin's included."""
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from url_patterns(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p.callback


def post_only(callback) -> bool:
    """A view wrapped in require_POST (405 to a GET: its form is on another page)."""
    func = callback
    while func is not None:
        methods = _closure_methods(func)
        if methods:
            return methods == {"POST"}
        func = getattr(func, "__wrapped__", None)
    return False


def _f(w, rest: str = "") -> str:
    return f"/f/{w.framework.slug}/{rest}"


# name of the page -> (URL pattern it shows, who opens it, its address in the scenario)
Page = tuple[str, str | None, Callable[[SimpleNamespace], str]]
PAGES: dict[str, Page] = {
    "landing": ("home", PUBLIC, lambda w: "/"),
    "my-work": ("home", COORDINATOR, lambda w: "/"),
    "sign-in": ("login", PUBLIC, lambda w: "/accounts/login/"),
    "password": ("password_change", COORDINATOR, lambda w: "/accounts/password/"),
    "password-done": ("password_change_done", COORDINATOR, lambda w: "/accounts/password/done/"),
    "password-reset": ("password_reset", PUBLIC, lambda w: "/accounts/password/reset/"),
    "password-reset-sent": (
        "password_reset_done",
        PUBLIC,
        lambda w: "/accounts/password/reset/sent/",
    ),
    "password-reset-confirm": ("password_reset_confirm", PUBLIC, lambda w: w.reset_url),
    "password-reset-done": (
        "password_reset_complete",
        PUBLIC,
        lambda w: "/accounts/password/reset/done/",
    ),
    "second-factor": ("otp-setup", COORDINATOR, lambda w: "/accounts/second-factor/"),
    "matrix-import": (
        "matrix-import",
        COORDINATOR,
        lambda w: f"/reports/matrix/{w.biennium.pk}/import/",
    ),
    "report": ("report-sg", COORDINATOR, lambda w: f"/reports/sg/{w.framework.slug}/"),
    "review-pack": ("review-pack", COORDINATOR, lambda w: f"/reports/review-pack/{w.meeting.pk}/"),
    "opendata": ("opendata", PUBLIC, lambda w: "/reports/opendata/"),
    "contribution-call": (
        "contribution-call",
        COORDINATOR,
        lambda w: f"/reports/calls/{w.call.pk}/",
    ),
    "contribution": (
        "contribution",
        COORDINATOR,
        lambda w: f"/reports/contributions/{w.contribution.pk}/",
    ),
    "search": ("search", COORDINATOR, lambda w: "/search/?q=human+rights"),
    "api-tokens": ("api-tokens", COORDINATOR, lambda w: "/accounts/tokens/"),
    "framework-search": ("framework-search", PUBLIC, lambda w: _f(w, "search/?q=workshop")),
    "notifications": ("notifications", COORDINATOR, lambda w: "/notifications/"),
    "notification-preferences": (
        "notification-preferences",
        COORDINATOR,
        lambda w: "/notifications/preferences/",
    ),
    "unsubscribe": ("notification-unsubscribe", PUBLIC, lambda w: w.unsubscribe_url),
    "activity-log": ("activity-log", COORDINATOR, lambda w: _f(w, "activity-log/")),
    "dashboard": ("dashboard", COORDINATOR, lambda w: _f(w)),
    "public-dashboard": ("dashboard", PUBLIC, lambda w: _f(w)),
    "matrix": ("matrix", COORDINATOR, lambda w: _f(w, "matrix/")),  # a late row's flag too
    "refused-filter": ("matrix", COORDINATOR, lambda w: _f(w, "matrix/?status=sleeping")),
    "activity": ("activity", COORDINATOR, lambda w: _f(w, f"activities/{w.activities[0].pk}/")),
    "meetings": ("meetings", COORDINATOR, lambda w: _f(w, "meetings/")),
    "meeting": ("meeting", COORDINATOR, lambda w: _f(w, f"meetings/{w.meeting.pk}/")),
    "action-items": ("action-items", COORDINATOR, lambda w: _f(w, "action-items/")),
    "registry": ("registry", COORDINATOR, lambda w: _f(w, "registry/")),
    "resolutions": ("resolutions", COORDINATOR, lambda w: _f(w, "resolutions/")),
    "resolution": ("resolution", COORDINATOR, lambda w: _f(w, f"resolutions/{w.resolution.pk}/")),
    "compare-pick": (
        "resolution-compare-pick",
        COORDINATOR,
        lambda w: _f(w, f"resolutions/{w.later.pk}/compare/"),
    ),
    "compare": (
        "resolution-compare",
        COORDINATOR,
        lambda w: _f(w, f"resolutions/{w.later.pk}/compare/{w.resolution.pk}/"),
    ),
    "review": (
        "resolution-review",
        COORDINATOR,
        lambda w: _f(w, f"resolutions/{w.reviewed.pk}/review/"),
    ),
    "activity-new": ("activity-new", COORDINATOR, lambda w: _f(w, "activities/new/")),
    "activities-deleted": (
        "activities-deleted",
        COORDINATOR,
        lambda w: _f(w, "activities/deleted/"),
    ),
    "activity-edit": (
        "activity-edit",
        COORDINATOR,
        lambda w: _f(w, f"activities/{w.activities[0].pk}/edit/"),
    ),
    "meeting-new": ("meeting-new", COORDINATOR, lambda w: _f(w, "meetings/new/")),
    "meeting-edit": (
        "meeting-edit",
        COORDINATOR,
        lambda w: _f(w, f"meetings/{w.meeting.pk}/edit/"),
    ),
    "decision-edit": (
        "decision-edit",
        COORDINATOR,
        lambda w: _f(w, f"meetings/{w.meeting.pk}/decisions/{w.decision.pk}/edit/"),
    ),
    "action-item-edit": (
        "action-item-edit",
        COORDINATOR,
        lambda w: _f(w, f"action-items/{w.items[0].pk}/edit/"),
    ),
    "agreement-new": ("agreement-new", COORDINATOR, lambda w: _f(w, "agreements/new/")),
    "agreement-edit": (
        "agreement-edit",
        COORDINATOR,
        lambda w: _f(w, f"agreements/{w.agreement.pk}/edit/"),
    ),
    "focal-point-new": ("focal-point-new", COORDINATOR, lambda w: _f(w, "focal-points/new/")),
    "priority-area-new": ("priority-area-new", COORDINATOR, lambda w: _f(w, "priority-areas/new/")),
    "priority-area-edit": (
        "priority-area-edit",
        COORDINATOR,
        lambda w: _f(w, f"priority-areas/{w.peace.pk}/edit/"),
    ),
    "entity": ("entity", COORDINATOR, lambda w: _f(w, f"entities/{w.ohchr.pk}/")),
    "entity-rename": (
        "entity-rename",
        COORDINATOR,
        lambda w: _f(w, f"entities/{w.ohchr.pk}/rename/"),
    ),
    "biennium-new": ("biennium-new", COORDINATOR, lambda w: _f(w, "bienniums/new/")),
    # The error pages, in the site's layout: a write the viewer may not make, a row that
    # does not exist.
    "403": ("activity-new", VIEWER, lambda w: _f(w, "activities/new/")),
    "404": ("meeting", PUBLIC, lambda w: _f(w, "meetings/999999/")),
}
STATUS = {"403": 403, "404": 404, "refused-filter": 400}


def unlisted_patterns() -> list[str]:
    """The URL patterns that are neither a page above, POST only, nor in NOT_PAGES."""
    shown = {pattern for pattern, _who, _url in PAGES.values()}
    return sorted(
        {
            name
            for name, callback in url_patterns()
            if name not in shown and name.split(":")[0] not in NOT_PAGES and not post_only(callback)
        }
    )


# Only the rules that can report a serious or critical violation: in axe-core 4.x every
# rule has an impact of its own (``impact`` in its metadata), which its results always take
# (axe.utils.finalizeRuleResult), so a rule of minor or moderate impact can never report
# what serious_violations looks for. A rule without an impact is kept; rules that axe-core
# turns off by default stay off. The page keeps only what a failure names (id, impact, the
# first three elements): axe-core's whole result, every rule's metadata, through Playwright
# cost about a second of the test process per part of the walk.
AXE_RUN = """axe.run(document, {
  resultTypes: ['violations'],
  runOnly: {type: 'rule', values: axe._audit.rules
    .filter(rule => rule.enabled && !['minor', 'moderate'].includes(rule.impact))
    .map(rule => rule.id)},
}).then(results => results.violations
  .filter(v => ['serious', 'critical'].includes(v.impact))
  .map(v => ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target)})))"""


def serious_violations(axe, page, label: str) -> list[str]:
    """What axe-core finds serious or critical on the page, one line each. axe-core (the
    package's local axe.min.js, 570 kB) is injected once per page load, not at every run
    (the axe walk's contexts have it as an init script, run by the browser in each page):
    a second run at another width reuses it. The rules that can only report minor or
    moderate violations are not run (AXE_RUN)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    return [f"{label}: {v['id']} ({v['impact']}) {v['targets']}" for v in page.evaluate(AXE_RUN)]


# The elements that stick out of the screen, outside any box that scrolls on its own.
CULPRITS = """() => {
  const w = window.innerWidth, out = [];
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible' && p !== document.body
        && p !== document.documentElement) return true; } return false; };
  for (const e of document.querySelectorAll('body *:not(.skip-link)')) {
    const r = e.getBoundingClientRect();
    if ((r.right > w + 1 || r.left < -1) && !scrolls(e)) {
      out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
               (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
    }
  }
  return out.slice(0, 4);
}"""


def wider_than_screen(page, label: str) -> list[str]:
    """One line when the page is wider than its viewport (the document scrolls sideways),
    naming the first elements that stick out; nothing when it fits."""
    extra = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    if extra <= 1:
        return []
    return [f"{label}: wider than the screen by {extra} px: {page.evaluate(CULPRITS)}"]


def furnish(w: SimpleNamespace) -> SimpleNamespace:
    """Add to the scenario what some pages need: a late activity (its flag in the matrix),
    the founding resolution uploaded again
    (its proposals in the review list), a later resolution to compare with, a call for
    contributions, notifications, a password-reset and an unsubscribe link. Uploads go
    to settings.MEDIA_ROOT: point it at a temporary folder first."""
    import datetime

    from django.contrib.auth.tokens import default_token_generator
    from django.core.management import call_command
    from django.utils import timezone
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from accord.documents.services import resolution_import
    from accord.notifications.mail import unsubscribe_token
    from accord.reports.contributions import open_call
    from tests.world import DEMO

    make_late(w)
    w.reviewed = resolution_import(source=DEMO, user=w.admin, framework=w.framework.slug).resolution
    w.later = _later_resolution(w.resolution)
    today = timezone.localdate()
    w.call = open_call(
        framework=w.framework,
        start=datetime.date(today.year, 1, 1),
        end=datetime.date(today.year + 1, 12, 31),
        due_on=today + datetime.timedelta(days=20),
        by=w.coordinator,
    )
    w.contribution = w.call.contributions.order_by("pk").first()
    call_command("remind")
    uid = urlsafe_base64_encode(force_bytes(w.focal.pk))
    w.reset_url = f"/accounts/password/reset/{uid}/{default_token_generator.make_token(w.focal)}/"
    w.unsubscribe_url = f"/notifications/unsubscribe/{unsubscribe_token(w.focal.pk, ['overdue'])}/"
    return w


def _later_resolution(res):
    """A copy of the founding resolution as the next one of the series, one paragraph
    reworded, so that the comparison has something to show."""
    from accord.documents.models import Paragraph, Resolution

    later = Resolution.objects.get(pk=res.pk)
    later.pk = None
    later.symbol, later.session = "A/RES/75/16", 75
    later.save()
    rows = []
    for p in res.paragraphs.order_by("order"):
        p.pk, p.resolution = None, later
        if p.kind == "operative" and p.number == 1:
            p.text = p.text.replace("Takes note", "Welcomes")
        rows.append(p)
    Paragraph.objects.bulk_create(rows)
    return later


def make_late(w: SimpleNamespace):
    """The first activity made late: ongoing and ended ten days ago (the matrix flags it)."""
    import datetime

    from django.utils import timezone

    from accord.core.services import object_update

    a = w.activities[0]
    a.refresh_from_db()
    object_update(
        obj=a,
        by=w.admin,
        expected_version=a.version,
        status="ongoing",
        end_on=timezone.localdate() - datetime.timedelta(days=10),
    )
    return a
