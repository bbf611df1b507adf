"""Calls for contributions: the coordinator opens one, each UN entity of the period gets
a draft pre-filled with its activities and progress, its focal point writes and submits
it, the coordinator accepts it, and the report's section on that entity is the accepted
text; the entities that sent none get sentences drafted by Accord, marked by a Word
comment."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from docx import Document as WordDocument

from accord.accounts.models import Membership
from accord.reports.contributions import accept_contribution, open_call, save_contribution
from accord.reports.models import Contribution
from accord.reports.render import render
from accord.reports.report_data import read_report_data
from accord.reports.sg_report import build_sg_report

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)
DUE = datetime.date(2020, 6, 30)
TEXT = (
    "On 12 March 2019, OHCHR and IPHRC held a workshop on the rights of the child in Jeddah.\n\n"
    "OHCHR trained twenty staff of the Commission in Geneva in November 2019."
)


def person(username, role, world, **where):
    user = get_user_model().objects.create_user(username)
    Membership.objects.create(user=user, role=role, framework=world.framework, **where)
    return user


@pytest.fixture
def people(world):
    un = world.framework.un_organization
    return {
        "coordinator": person("coord", "coordinator", world, organization=un),
        "ohchr": person("ohchr-fp", "focal_point", world, entity=world.un_entities[1]),
        "unicef": person("unicef-fp", "focal_point", world, entity=world.un_entities[3]),
    }


def test_a_call_gives_each_un_entity_of_the_period_a_prefilled_draft(world, people):
    call = open_call(
        framework=world.framework, start=START, end=END, due_on=DUE, by=people["coordinator"]
    )
    data = read_report_data(world.framework, START, END)
    assert {c.entity_id for c in call.contributions.all()} == set(data.un_entities())
    ohchr = call.contributions.get(entity=world.un_entities[1])
    assert ohchr.status == "draft"
    first = data.un_entities()[world.un_entities[1].pk][0]
    assert first.title in ohchr.text and "Progress note on" in ohchr.text
    with pytest.raises(PermissionDenied):
        open_call(framework=world.framework, start=START, end=END, due_on=DUE, by=people["ohchr"])


def test_the_focal_point_submits_the_coordinator_accepts_and_the_report_uses_it(world, people):
    call = open_call(
        framework=world.framework, start=START, end=END, due_on=DUE, by=people["coordinator"]
    )
    ohchr = call.contributions.get(entity=world.un_entities[1])
    with pytest.raises(PermissionDenied):  # another entity's focal point
        save_contribution(
            contribution=ohchr, by=people["unicef"], expected_version=ohchr.version, text="x"
        )
    ohchr = save_contribution(
        contribution=ohchr,
        by=people["ohchr"],
        expected_version=ohchr.version,
        text=TEXT,
        submit=True,
    )
    assert ohchr.status == "submitted"
    with pytest.raises(PermissionDenied):
        accept_contribution(contribution=ohchr, by=people["ohchr"], expected_version=ohchr.version)
    ohchr = accept_contribution(
        contribution=ohchr, by=people["coordinator"], expected_version=ohchr.version
    )
    assert ohchr.status == "accepted" and ohchr.history.count() == 3
    with pytest.raises(PermissionDenied):  # accepted: the focal point no longer edits it
        save_contribution(
            contribution=ohchr, by=people["ohchr"], expected_version=ohchr.version, text="later"
        )

    word = WordDocument(
        io.BytesIO(render(build_sg_report(world.framework, START, END, "en"), "docx"))
    )
    paragraphs = [p.text for p in word.paragraphs]
    heading = next(i for i, t in enumerate(paragraphs) if t.endswith("(OHCHR)"))
    assert paragraphs[heading + 1] == TEXT.split("\n\n")[0]
    assert paragraphs[heading + 2] == TEXT.split("\n\n")[1]
    comments = [c.text for c in word.comments]
    others = Contribution.objects.filter(call=call).exclude(entity=world.un_entities[1]).count()
    assert len(comments) == others > 0
    assert all("Drafted by Accord" in c for c in comments)
    assert not any("OHCHR" in c for c in comments)
