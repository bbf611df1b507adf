"""`accord demo-data` (the labelled demo matrix) and `accord demo` (bootstrap, demo data,
one user per role): what they write, that a second run writes nothing, and that the demo
users hold the roles their logins promise."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from accord.accounts import permissions as P
from accord.cooperation.models import ActionItem, Activity, Framework, PriorityArea
from accord.documents.review import ReviewItem
from accord.registry.models import Organization
from tests.world import written_once


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="class")
def demo_loaded(django_db_setup, django_db_blocker):
    """`accord demo-data` run once for the class (its first run, which the tests read),
    rolled back after it."""
    yield from written_once(django_db_blocker, lambda: run("demo_data"))


@pytest.mark.django_db
class TestDemoData:
    def test_demo_data_writes_a_labelled_matrix_across_the_ten_areas_and_both_bienniums(
        self, demo_loaded
    ):
        rows = Activity.objects.filter(framework__slug="un-oic")
        assert rows.count() == 40
        assert all(a.is_demo and a.title.startswith("[DEMO] ") for a in rows)
        current = timezone.localdate().year - timezone.localdate().year % 2
        assert set(rows.values_list("biennium__start_year", flat=True)) == {current - 2, current}
        assert PriorityArea.objects.filter(framework__slug="un-oic").count() == 10
        assert {a.priority_area.code for a in rows} == set(
            PriorityArea.objects.values_list("code", flat=True)
        )
        assert all(
            a.un_lead.organization.code == "un" and a.partner_lead.organization.code == "oic"
            for a in rows
        )
        assert all(a.indicators.exists() and a.progress_updates.exists() for a in rows)
        items = ActionItem.objects.filter(decision__meeting__kind="general")
        today = timezone.localdate()
        overdue = [i for i in items if i.status in ("open", "in_progress") and i.due_on < today]
        closed = [i for i in items if i.status == "done" and i.closed_on and i.evidence]
        assert overdue and closed

    def test_demo_data_twice_writes_nothing_the_second_time(self, demo_loaded):
        counts = (
            Activity.all_objects.count(),
            ActionItem.all_objects.count(),
            Organization.all_objects.count(),
        )
        out = run("demo_data")
        assert (
            " 0 created" in out and ", 0 already" not in out.split("activity:")[1].splitlines()[0]
        )
        assert (
            Activity.all_objects.count(),
            ActionItem.all_objects.count(),
            Organization.all_objects.count(),
        ) == counts

    def test_bootstrap_after_demo_data_merges_into_the_same_framework_and_areas(self, demo_loaded):
        run("bootstrap", "accord/documents/demo/A_RES_73_135.md", "--yes")
        assert PriorityArea.objects.filter(framework__slug="un-oic").count() == 10
        assert Organization.objects.filter(code__in=["un", "oic"]).count() == 2
        assert Activity.objects.count() == 40


@pytest.mark.django_db
def test_demo_creates_a_user_per_role_who_holds_it_and_runs_twice():
    out = run("demo")
    # it bootstraps the founding resolution with --yes: nothing waits for review
    framework = Framework.objects.get(slug="un-oic")
    assert framework.resolutions.get().symbol == "A/RES/73/135"
    assert not ReviewItem.objects.filter(status=ReviewItem.Status.PENDING).exists()
    run("demo")
    User = get_user_model()
    for name in (
        "admin",
        "un-coordinator",
        "oic-coordinator",
        "ohchr-focal",
        "iphrc-focal",
        "viewer",
    ):
        assert name in out
        assert User.objects.get(username=name).check_password("accord-demo")
    yy = str(timezone.localdate().year - timezone.localdate().year % 2 - 2)[2:]
    ohchr_row = Activity.objects.get(code=f"DEMO-{yy}-HR-01")  # OHCHR with the IPHRC
    other_row = Activity.objects.get(code=f"DEMO-{yy}-PS-01")  # DPPA with the General Secretariat
    assert P.can_edit(User.objects.get(username="ohchr-focal"), ohchr_row)
    assert not P.can_edit(User.objects.get(username="ohchr-focal"), other_row)
    assert P.can_edit(User.objects.get(username="iphrc-focal"), ohchr_row)
    assert P.can_edit(User.objects.get(username="oic-coordinator"), other_row)
    viewer = User.objects.get(username="viewer")
    assert P.can_view(viewer, other_row) and not P.can_edit(viewer, other_row)
    assert User.objects.get(username="admin").is_staff
    assert not User.objects.get(username="oic-coordinator").is_staff and not viewer.is_staff
    assert P.is_administrator(User.objects.get(username="admin"))


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2026-12-02", "2031-01-01", "2040-02-29"])
def test_the_demo_follows_the_day_it_is_loaded(day):
    """Whatever the day: the current biennium holds it, the last general meeting was a
    year ago and the next is a year ahead, items are overdue since last month and due next
    week, an agreement expires within 90 days, and no item is due before its meeting."""
    import datetime

    from accord.cooperation.demo import demo_data_load
    from accord.cooperation.models import Biennium, Meeting
    from accord.registry.models import Agreement

    today = datetime.date.fromisoformat(day)
    demo_data_load(today=today)
    current = Biennium.objects.order_by("-start_year").first()
    assert current.start_year <= today.year <= current.end_year
    starts = sorted(Meeting.objects.values_list("start_on", flat=True))
    assert [d.year for d in starts] == [today.year - 1, today.year + 1]
    items = ActionItem.objects.exclude(status="done")
    assert any(-35 <= (i.due_on - today).days < 0 for i in items)  # overdue since last month
    assert any(0 < (i.due_on - today).days <= 7 for i in items)  # due next week
    assert all(i.due_on >= i.decision.meeting.start_on for i in ActionItem.objects.all())
    assert any(
        0 <= (a.expires_on - today).days <= 90 for a in Agreement.objects.exclude(expires_on=None)
    )
    late = Activity.objects.filter(biennium=current, status="ongoing", end_on__lt=today)
    assert late.exists()
    assert all(a.start_on <= a.end_on for a in Activity.objects.all())
