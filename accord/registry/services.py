"""Writes on the registry that touch several rows.

Each function is ``<thing>_<verb>`` with keyword-only arguments, runs in one transaction
and leaves history records naming ``user``.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.core.errors import AccordError, Invalid
from accord.core.services import object_create, object_update
from accord.registry.models import Agreement, Entity, EntityFormerName, FocalPoint


@transaction.atomic
def entity_rename(
    *,
    entity: Entity,
    user,
    expected_version: int,
    name_en: str,
    name_fr: str | None = None,
    name_ar: str | None = None,
    acronym: str | None = None,
    on: datetime.date | None = None,
) -> Entity:
    """Give an entity a new name from ``on`` (default today) and keep the old English name
    as a former name used until the day before; the entity keeps its identity (e.g. the
    Organization of the Islamic Conference became the Organization of Islamic Cooperation
    on 28 June 2011)."""
    name_en = name_en.strip()
    if not name_en:
        raise AccordError(_("A new name is needed."))
    if name_en == entity.name_en:
        raise AccordError(_("“%(name)s” is already the name of this entity.") % {"name": name_en})
    on = on or timezone.localdate()
    previous = EntityFormerName.objects.filter(entity=entity).order_by("-until").first()
    former = EntityFormerName(
        entity=entity,
        name=entity.name_en,
        from_date=previous.until + datetime.timedelta(days=1)
        if previous and previous.until
        else None,
        until=on - datetime.timedelta(days=1),
    )
    former._history_user = user
    former.save()
    changes = {"name_en": name_en}
    if name_fr is not None:
        changes["name_fr"] = name_fr
    if name_ar is not None:
        changes["name_ar"] = name_ar
    if acronym is not None:
        changes["acronym"] = acronym
    return object_update(
        obj=entity,
        by=user,
        expected_version=expected_version,
        reason=_("Renamed from %(old)s") % {"old": former.name},
        **changes,
    )


# --- added for the edit pages (issue 8): agreements and focal points -------------------
# What each step of an agreement's lifecycle needs to be recorded (lazy messages: a
# module-level gettext would freeze them in the language active at import).
LIFECYCLE_DATES: dict[str | None, tuple[str, Promise]] = {
    Agreement.Status.SIGNED: (
        "signed_on",
        gettext_lazy("A signed agreement needs its signature date."),
    ),
    Agreement.Status.IN_FORCE: (
        "in_force_from",
        gettext_lazy("An agreement in force needs the date it entered into force."),
    ),
    Agreement.Status.EXPIRED: (
        "expires_on",
        gettext_lazy("An expired agreement needs its expiry date."),
    ),
    Agreement.Status.RENEWED: (
        "renewed_on",
        gettext_lazy("A renewed agreement needs its renewal date."),
    ),
}


def agreement_lifecycle_errors(fields: dict) -> dict[str, str]:
    """The dates missing for the agreement's status, and dates in the wrong order."""
    errors = {}
    needed = LIFECYCLE_DATES.get(fields.get("status"))
    if needed and not fields.get(needed[0]):
        errors[needed[0]] = str(needed[1])
    signed, expires = fields.get("signed_on"), fields.get("expires_on")
    if signed and expires and expires < signed:
        errors["expires_on"] = _("The expiry date comes before the signature.")
    return errors


@transaction.atomic
def agreement_create(*, framework, user, **fields) -> Agreement:
    """Record an agreement of ``framework`` (``parties`` as an iterable of entities)."""
    errors = agreement_lifecycle_errors(fields)
    if errors:
        raise Invalid(errors)
    fields["parties"] = list(fields.get("parties", []))
    return object_create(model=Agreement, by=user, framework=framework, **fields)


@transaction.atomic
def agreement_update(*, agreement: Agreement, user, expected_version: int, **changes) -> Agreement:
    """Edit an agreement or move it along its lifecycle (draft, signed, in force,
    expired, renewed, terminated), each step with the date it needs."""
    current = {f.name: getattr(agreement, f.name) for f in Agreement._meta.concrete_fields}
    errors = agreement_lifecycle_errors({**current, **changes})
    if errors:
        raise Invalid(errors)
    return object_update(obj=agreement, by=user, expected_version=expected_version, **changes)


@transaction.atomic
def focal_point_create(*, entity: Entity, user, account=None, **fields) -> FocalPoint:
    """Name a person focal point of ``entity`` (``priority_areas`` as an iterable),
    linked to the user ``account`` when they have one (``accounts.users.
    focal_point_appoint`` also gives that account the focal-point role in a framework)."""
    return object_create(model=FocalPoint, by=user, entity=entity, user=account, **fields)


@transaction.atomic
def focal_point_end(
    *, focal_point: FocalPoint, user, expected_version: int, on: datetime.date | None = None
) -> FocalPoint:
    """End a focal point's term (default today); the record stays in the history."""
    on = on or timezone.localdate()
    if focal_point.start_on and on < focal_point.start_on:
        raise AccordError(_("The end comes before the start."))
    return object_update(obj=focal_point, by=user, expected_version=expected_version, end_on=on)
