"""The report is read once, as of the last day of its period: what changed afterwards
(statuses, titles, leads, participants, action items, the next general meeting) does
not change a report on that period."""

from __future__ import annotations

import datetime
import io

from django.apps import apps
from docx import Document as WordDocument

from accord.cooperation.models import ActionItem, Activity, Meeting
from accord.cooperation.services import (
    action_item_update,
    activity_soft_delete,
    activity_update,
    meeting_create,
    object_update,
)
from accord.reports.render import render
from accord.reports.report_data import read_report_data
from accord.reports.sg_report import build_sg_report

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)
RECORDED = datetime.datetime(2019, 6, 1, tzinfo=datetime.UTC)


def word_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    return "\n".join(p.text for p in word.paragraphs)


def recorded_during_the_period():
    """As if the matrix had been kept in Accord at the time: every history record so far
    is dated within the period."""
    for model in apps.get_models():
        if model.__name__.startswith("Historical") and hasattr(model, "history_date"):
            model.objects.update(history_date=RECORDED)


def test_changes_after_the_period_do_not_change_its_report(world):
    recorded_during_the_period()
    before = read_report_data(world.framework, START, END)
    text_before = word_text(render(build_sg_report(world.framework, START, END, "en"), "docx"))
    assert before.status_count["completed"] > 0 and before.actions.open > 0

    for a in Activity.objects.filter(framework=world.framework):
        activity_update(
            activity=a,
            user=world.admin,
            expected_version=a.version,
            status="cancelled",
            title=f"Renamed later {a.code}",
            un_lead=world.un_entities[0],
            participants=[],
        )
    for item in ActionItem.objects.filter(framework=world.framework).open():
        action_item_update(
            item=item,
            user=world.admin,
            expected_version=item.version,
            status="done",
            closed_on=datetime.date(2021, 3, 1),
        )
    nxt = Meeting.objects.get(pk=world.meetings["next"].pk)
    object_update(obj=nxt, by=world.admin, expected_version=nxt.version, year_planned=2026)

    after = read_report_data(world.framework, START, END)
    assert after.status_count == before.status_count
    assert [a.title for a in after.activities] == [a.title for a in before.activities]
    assert after.participants == before.participants
    assert after.actions.open == before.actions.open
    assert after.next_general[0] == 2020

    text = word_text(render(build_sg_report(world.framework, START, END, "en"), "docx"))
    assert "Renamed later" not in text and "2026" not in text
    assert text == text_before
    # and today's report on a later period does see the change
    later = read_report_data(world.framework, START, datetime.date(2030, 12, 31))
    assert {a.status for a in later.activities} == {"cancelled"}


def test_a_row_deleted_after_the_period_is_still_in_its_report(world):
    recorded_during_the_period()
    first = read_report_data(world.framework, START, END).activities[0]
    gone = Activity.objects.get(pk=first.id)
    activity_soft_delete(activity=gone, user=world.admin, expected_version=gone.version)
    ids = {a.id for a in read_report_data(world.framework, START, END).activities}
    assert gone.pk in ids


def test_meetings_held_after_the_period_are_not_in_it(world):
    meeting_create(
        framework=world.framework,
        user=world.admin,
        kind="high_level",
        title="A later meeting",
        start_on=datetime.date(2021, 1, 10),
        place="Geneva",
    )
    data = read_report_data(world.framework, START, END)
    assert "A later meeting" not in {m.title for m in data.meetings}
    assert {m.title for m in data.meetings} == {
        "High-level meeting on the margins of the General Assembly",
        "Conference on mediation",
    }
