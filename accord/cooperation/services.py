"""Writes on the cooperation data that touch several rows or models.

Each function is ``<thing>_<verb>`` with keyword-only arguments and runs in one
transaction: either everything it writes is saved (with one history record per row,
naming ``user``) or nothing is. Version checks are in ``accord.core.services``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Framework,
    Indicator,
    Meeting,
    MeetingDocument,
    PriorityArea,
    ProgressUpdate,
)
from accord.core.errors import AccordError
from accord.core.services import (
    object_create,
    object_restore,
    object_soft_delete,
    object_update,
)
from accord.notifications.events import action_item_assigned as assigned
from accord.registry.models import FocalPoint
from accord.registry.services import focal_point_create


@transaction.atomic
def activity_update(*, activity: Activity, user, expected_version: int, **changes: Any) -> Activity:
    """Change an activity's fields (many-to-many as iterables) if nobody saved it since
    ``expected_version``; raise ``StaleEdit`` naming who changed what otherwise."""
    if "biennium" in changes and changes["biennium"] is not None:
        new = changes["biennium"]
        new_framework_id = (
            new.framework_id
            if isinstance(new, Biennium)
            else Biennium.objects.get(pk=new).framework_id
        )
        if new_framework_id != activity.framework_id:
            raise AccordError(_("An activity cannot move to a biennium of another framework."))
    return object_update(obj=activity, by=user, expected_version=expected_version, **changes)


@transaction.atomic
def activity_add_progress(
    *,
    activity: Activity,
    user,
    text: str,
    date: datetime.date | None = None,
    status_after: str = "",
    expected_version: int | None = None,
) -> ProgressUpdate:
    """Record a progress update; when ``status_after`` is given, the activity takes that
    status in the same transaction (checked against ``expected_version`` when given)."""
    if not text.strip():
        raise AccordError(_("A progress update needs some text."))
    if status_after and status_after not in Activity.Status.values:
        raise AccordError(_("Unknown status: %(status)s") % {"status": status_after})
    update = object_create(
        model=ProgressUpdate,
        by=user,
        activity=activity,
        date=date or timezone.localdate(),
        text=text,
        status_after=status_after,
        author=user,
    )
    if status_after and status_after != activity.status:
        object_update(
            obj=activity,
            by=user,
            expected_version=activity.version if expected_version is None else expected_version,
            status=status_after,
            reason=_("Progress update of %(date)s") % {"date": update.date},
        )
    return update


@transaction.atomic
def action_item_close(
    *,
    item: ActionItem,
    user,
    evidence: str,
    evidence_url: str = "",
    evidence_file=None,
    closed_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> ActionItem:
    """Close an action item as done, with the evidence of closure (text required)."""
    if not evidence.strip():
        raise AccordError(_("Closing an action item needs evidence of closure."))
    if not item.is_open:
        raise AccordError(_("“%(item)s” is already closed.") % {"item": item})
    changes: dict[str, Any] = {
        "status": ActionItem.Status.DONE,
        "evidence": evidence,
        "evidence_url": evidence_url,
        "closed_on": closed_on or timezone.localdate(),
        "closed_by": user,
    }
    if evidence_file is not None:
        changes["evidence_file"] = evidence_file
    return object_update(
        obj=item,
        by=user,
        expected_version=item.version if expected_version is None else expected_version,
        **changes,
    )


@transaction.atomic
def decision_to_action_items(
    *, decision: Decision, user, items: list[dict[str, Any]] | None = None
) -> list[ActionItem]:
    """Turn a meeting's decision into action items, each with an owner and a due date.

    ``items`` is a list of ``{"title", "owner", "due_on"}`` dicts; without it, one item
    whose title is the decision's text. Items already made from this decision with the
    same title are not duplicated.
    """
    framework = decision.meeting.framework
    wanted = items or [{"title": decision.text[:500]}]
    made = []
    for spec in wanted:
        title = (spec.get("title") or "").strip()
        if not title:
            raise AccordError(_("An action item needs a title."))
        existing = ActionItem.objects.filter(decision=decision, title=title).first()
        if existing:
            made.append(existing)
            continue
        item = object_create(
            model=ActionItem,
            by=user,
            framework=framework,
            decision=decision,
            title=title,
            owner=spec.get("owner"),
            due_on=spec.get("due_on"),
        )
        assigned(item, actor=user)
        made.append(item)
    return made


@transaction.atomic
def activity_carry_over(
    *, activity: Activity, biennium: Biennium, user, code: str | None = None
) -> Activity:
    """Copy an activity into a later biennium of the same framework, linked to it by
    ``carried_over_from`` (the code must stay unique in the framework: by default the old
    code with the new biennium's start year appended)."""
    if biennium.framework_id != activity.framework_id:
        raise AccordError(_("An activity can only be carried over within its framework."))
    if biennium.start_year <= activity.biennium.start_year:
        raise AccordError(_("An activity can only be carried over to a later biennium."))
    return activity_create(
        user=user,
        reason=_("Carried over from %(code)s") % {"code": activity.code},
        biennium=biennium,
        code=code or f"{activity.code}-{biennium.start_year}",
        title=activity.title,
        description=activity.description,
        priority_area=activity.priority_area,
        un_lead=activity.un_lead,
        partner_lead=activity.partner_lead,
        status=Activity.Status.PLANNED,
        funding_source=activity.funding_source,
        funding_entity=activity.funding_entity,
        carried_over_from=activity,
        is_demo=activity.is_demo,
        participants=list(activity.participants.all()),
        mandates=list(activity.mandates.all()),
        sdg_targets=list(activity.sdg_targets.all()),
    )


@transaction.atomic
def activity_create(*, user, reason: str | None = None, **fields: Any) -> Activity:
    """Create an activity from ``fields`` (many-to-many as iterables), validated by
    ``Activity.clean()`` (framework from the biennium, priority area and leads of that
    framework's sides); one history record naming ``user``. Raises ``Invalid``."""
    biennium = fields.get("biennium")
    if isinstance(biennium, Biennium):
        fields.setdefault("framework", biennium.framework)
    return object_create(model=Activity, by=user, reason=reason, **fields)


# --- added for the web pages (meeting detail: record a decision) ---------------------
@transaction.atomic
def decision_add(
    *, meeting, user, text: str, number: str = "", kind: str = Decision.Kind.RECOMMENDATION
) -> Decision:
    """Record a recommendation or decision adopted at ``meeting`` (text required)."""
    if not text.strip():
        raise AccordError(_("A decision needs its text."))
    return object_create(
        model=Decision,
        by=user,
        meeting=meeting,
        number=number.strip(),
        kind=kind,
        text=text.strip(),
    )


# --- added for the edit pages (issue 8): create, edit, delete, restore -----------------
@transaction.atomic
def activity_soft_delete(*, activity: Activity, user, expected_version: int) -> Activity:
    """Take an activity out of the matrix; it stays in the history and can be restored."""
    return object_soft_delete(obj=activity, user=user, expected_version=expected_version)


@transaction.atomic
def activity_restore(*, activity: Activity, user) -> Activity:
    """Bring a soft-deleted activity back into its matrix."""
    if Activity.objects.filter(framework=activity.framework_id, code=activity.code).exists():
        raise AccordError(
            _("Another activity now has the code %(code)s: rename it first.")
            % {"code": activity.code}
        )
    return object_restore(obj=activity, user=user)


@transaction.atomic
def indicator_add(*, activity: Activity, user, **fields: Any) -> Indicator:
    """Add a measure (baseline, target, actual) to an activity."""
    return object_create(model=Indicator, by=user, activity=activity, **fields)


@transaction.atomic
def priority_area_create(*, framework: Framework, user, **fields: Any) -> PriorityArea:
    """Add a field of cooperation to a framework, named in English, French and Arabic."""
    return object_create(model=PriorityArea, by=user, framework=framework, **fields)


@transaction.atomic
def meeting_create(*, framework: Framework, user, **fields: Any) -> Meeting:
    """Record a meeting of the two systems (many-to-many fields as iterables)."""
    return object_create(model=Meeting, by=user, framework=framework, **fields)


@transaction.atomic
def meeting_document_add(*, meeting: Meeting, user, **fields: Any) -> MeetingDocument:
    """Attach a document (a symbol, a link or a file) to a meeting."""
    if not any(fields.get(name) for name in ("symbol", "title", "url", "file")):
        raise AccordError(_("A document needs a symbol, a title, a link or a file."))
    return object_create(model=MeetingDocument, by=user, meeting=meeting, **fields)


def action_item_due_error(item: ActionItem, due_on: datetime.date | None) -> str | None:
    """Why ``due_on`` is not a possible due date of ``item`` (``ActionItem.due_error``)."""
    return item.due_error(due_on)


@transaction.atomic
def action_item_update(
    *, item: ActionItem, user, expected_version: int, **changes: Any
) -> ActionItem:
    """Edit, reassign or move the due date of an action item (never before its meeting:
    ``ActionItem.clean``, run by ``object_update``)."""
    before = item.owner_id
    saved = object_update(obj=item, by=user, expected_version=expected_version, **changes)
    if saved.owner_id != before:
        assigned(saved, actor=user)
    return saved


@transaction.atomic
def action_item_reopen(*, item: ActionItem, user, expected_version: int) -> ActionItem:
    """Open a closed action item again; the evidence of its closure stays in the history."""
    if item.is_open:
        raise AccordError(_("“%(item)s” is not closed.") % {"item": item})
    return object_update(
        obj=item,
        by=user,
        expected_version=expected_version,
        reason=_("Reopened"),
        status=ActionItem.Status.OPEN,
        closed_on=None,
        closed_by=None,
    )


@transaction.atomic
def focal_point_for_member(*, membership, user=None) -> FocalPoint | None:
    """The registry record of a focal-point role, so that the registry's directory lists
    the person: created when the user has none for that entity yet, in the priority
    areas where the entity leads or takes part in the framework's activities."""
    person, entity = membership.user, membership.entity
    if entity is None or membership.framework_id is None:
        return None
    existing = FocalPoint.objects.filter(user=person, entity=entity).first()
    if existing is not None:
        return existing
    activities = Activity.objects.filter(framework=membership.framework_id).filter(
        Q(un_lead=entity) | Q(partner_lead=entity) | Q(participants=entity)
    )
    areas = PriorityArea.objects.filter(pk__in=activities.values("priority_area")).distinct()
    return focal_point_create(
        entity=entity,
        user=user,
        person_name=person.get_full_name() or person.get_username(),
        email=person.email,
        account=person,
        start_on=membership.start_on,
        priority_areas=list(areas),
    )


__all__ = [
    "activity_update",
    "focal_point_for_member",
    "activity_add_progress",
    "action_item_close",
    "decision_to_action_items",
    "activity_carry_over",
    "decision_add",
    "activity_create",
    "activity_soft_delete",
    "activity_restore",
    "indicator_add",
    "priority_area_create",
    "meeting_create",
    "meeting_document_add",
    "action_item_update",
    "action_item_reopen",
]
