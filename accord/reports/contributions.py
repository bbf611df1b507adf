"""Calls for contributions to the Secretary-General's report, and the contributions.

The only writer of ``ContributionCall`` and ``Contribution`` (through
``core.services.object_create`` / ``object_update``, so every change leaves a history
record naming who made it). Every write asks ``accounts.permissions`` first.

- ``open_call``: a coordinator opens a call for a framework and period; each UN entity
  that leads or takes part in activities of the period (as of its last day) gets a draft
  contribution, pre-filled with its activities and the progress its focal points wrote,
  and its focal points are told (``notifications.events``; ``accord remind`` tells them
  again when the call is due within 7 days, ``reports.reminders``).
- ``save_contribution``: the entity's focal point (or a coordinator) edits the text and,
  with ``submit``, submits it.
- ``accept_contribution``: a coordinator accepts it (optionally editing the text).
The report reads the accepted texts itself (``report_data``).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accord.accounts import permissions
from accord.core.services import object_create, object_update
from accord.notifications import events
from accord.reports.models import Contribution, ContributionCall
from accord.reports.report_data import ReportData, read_report_data


def prefill(data: ReportData, entity_id: int) -> str:
    """The starting text of an entity's contribution: one paragraph per activity it led
    or took part in, with the progress written during the period."""
    paragraphs = []
    for a in data.un_entities().get(entity_id, []):
        notes = " ".join(u.text.strip() for u in data.progress.get(a.id, []) if u.text.strip())
        paragraphs.append(f"{a.title}. {notes}".strip())
    return "\n\n".join(paragraphs)


@transaction.atomic
def open_call(
    *, framework, start: datetime.date, end: datetime.date, due_on: datetime.date, by
) -> ContributionCall:
    permissions.require(
        permissions.can_open_call(by, framework),
        _("Only a coordinator of the framework opens a call for contributions."),
    )
    call = object_create(
        model=ContributionCall,
        by=by,
        framework=framework,
        start=start,
        end=end,
        due_on=due_on,
        opened_by=by,
    )
    data = read_report_data(framework, start, end)
    asked = [
        object_create(
            model=Contribution,
            by=by,
            call=call,
            entity_id=entity_id,
            text=prefill(data, entity_id),
        )
        for entity_id in data.un_entities()
    ]
    events.contributions_requested(call, asked, actor=by)
    return call


def save_contribution(
    *, contribution: Contribution, by, expected_version: int, text: str, submit: bool = False
) -> Contribution:
    permissions.require(
        permissions.can_write_contribution(by, contribution),
        _("Only the entity's focal point or a coordinator edits this contribution."),
    )
    changes: dict = {"text": text}
    if submit and contribution.status == Contribution.Status.DRAFT:
        changes["status"] = Contribution.Status.SUBMITTED
    return object_update(obj=contribution, by=by, expected_version=expected_version, **changes)


def accept_contribution(
    *, contribution: Contribution, by, expected_version: int, text: str | None = None
) -> Contribution:
    permissions.require(
        permissions.can_accept_contribution(by, contribution),
        _("Only a coordinator of the framework accepts a contribution."),
    )
    changes: dict = {"status": Contribution.Status.ACCEPTED}
    if text is not None:
        changes["text"] = text
    return object_update(obj=contribution, by=by, expected_version=expected_version, **changes)
