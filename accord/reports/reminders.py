"""What ``accord remind`` finds due in the reports app: contributions to the report whose
call is due within 7 days and that the entity has not submitted yet, told once per due
date to the entity's focal points. Registered with ``notifications.reminders`` when the
app loads (``ReportsConfig.ready``)."""

from __future__ import annotations

import datetime

from accord.accounts.permissions import Audience
from accord.notifications.events import contribution_params
from accord.notifications.models import Kind
from accord.notifications.reminders import DUE_SOON_DAYS
from accord.notifications.services import notify
from accord.reports.models import Contribution


def contributions_due(people: Audience, on: datetime.date) -> None:
    soon = on + datetime.timedelta(days=DUE_SOON_DAYS)
    rows = (
        Contribution.objects.filter(status=Contribution.Status.DRAFT)
        .filter(call__due_on__gte=on, call__due_on__lte=soon, call__deleted_at__isnull=True)
        .select_related("call", "entity")
    )
    for c in rows:
        fw = c.call.framework_id
        notify(
            Kind.CONTRIBUTION_DUE,
            c,
            people.focal_points(fw, [c.entity_id]),
            framework=fw,
            key=f"contribution_due:{c.pk}:{c.call.due_on}",
            params=contribution_params(c, c.call),
        )
