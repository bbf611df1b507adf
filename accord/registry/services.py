"""Writes on the registry that touch several rows.

Each function is ``<thing>_<verb>`` with keyword-only arguments, runs in one transaction
and leaves history records naming ``user``.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.core.errors import AccordError
from accord.core.services import object_update
from accord.registry.models import Entity, EntityFormerName


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
        user=user,
        expected_version=expected_version,
        reason=_("Renamed from %(old)s") % {"old": former.name},
        **changes,
    )
