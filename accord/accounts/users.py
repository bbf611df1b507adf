"""Creating users and granting and revoking roles: what ``accord create-user``, ``accord
grant``, ``accord revoke``, ``accord demo`` and the admin call.

Reads: frameworks, organizations and entities by their slugs and codes. Writes: users,
``Membership`` rows (with history) and the users' ``is_staff`` flag, which follows the
roles: administrators use the admin, nobody else does (``permissions.can_use_admin``).
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext as _

from accord.accounts import permissions
from accord.accounts.models import Membership
from accord.core.errors import AccordError
from accord.core.services import object_create

ROLE_NAMES = {
    "administrator": Membership.Role.ADMINISTRATOR,
    "admin": Membership.Role.ADMINISTRATOR,
    "coordinator": Membership.Role.COORDINATOR,
    "focal-point": Membership.Role.FOCAL_POINT,
    "focal_point": Membership.Role.FOCAL_POINT,
    "viewer": Membership.Role.VIEWER,
}


class UnknownName(AccordError):
    """A role, framework, organization or entity named on the command line does not exist."""


def generate_password() -> str:
    """A random password of 16 URL-safe characters."""
    return secrets.token_urlsafe(12)


@transaction.atomic
def focal_point_appoint(*, entity, by, account=None, framework=None, **fields):
    """Name a person focal point of ``entity`` in the registry; with a user ``account``
    and a ``framework`` as well, give the account the focal-point role of ``entity`` in
    it (the caller asked ``permissions.can_grant_focal_role``), so that the person can
    record their progress. One transaction: both or neither."""
    from accord.registry.services import focal_point_create

    point = focal_point_create(entity=entity, user=by, account=account, **fields)
    if account is not None and framework is not None:
        grant(account, "focal_point", framework=framework, entity=entity, by=by)
    return point


def _lookup(model, label: str, value: str | None, **fields):
    if not value:
        return None
    try:
        return model.objects.get(**fields)
    except ObjectDoesNotExist:
        raise UnknownName(_("No %(label)s %(value)s.") % {"label": label, "value": value}) from None


def resolve_scope(*, framework: str | None, organization: str | None, entity: str | None):
    """The Framework, Organization and Entity named by slug, code and gazetteer id
    (or acronym): ``un-oic``, ``oic``, ``un.ohchr``."""
    from accord.cooperation.models import Framework
    from accord.registry.models import Entity, Organization

    fw = _lookup(Framework, _("framework"), framework, slug=framework)
    org = _lookup(Organization, _("organization"), organization, code=organization)
    ent = None
    if entity:
        ent = (
            Entity.objects.filter(gazetteer_id=entity).first()
            or Entity.objects.filter(acronym__iexact=entity).first()
        )
        if ent is None:
            raise UnknownName(
                _("No entity %(value)s (give its gazetteer id, e.g. un.ohchr).") % {"value": entity}
            )
    return fw, org, ent


def role_of(name: str) -> str:
    try:
        return ROLE_NAMES[name.strip().lower()]
    except KeyError:
        raise UnknownName(
            _("No role %(name)s: administrator, coordinator, focal-point or viewer.")
            % {"name": name}
        ) from None


def sync_staff(user) -> None:
    """Set ``is_staff`` from the roles, as ``permissions.can_use_admin`` decides:
    administrators use the admin, coordinators and focal points the pages."""
    permissions.forget(user)
    staff = permissions.can_use_admin(user)
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])


def _list_focal_point(membership: Membership, by) -> None:
    """A focal point's role puts the person in the registry's directory (issue 8)."""
    if membership.role == Membership.Role.FOCAL_POINT:
        from accord.cooperation.services import focal_point_for_member

        focal_point_for_member(membership=membership, user=by)


@transaction.atomic
def grant(
    user,
    role: str,
    *,
    framework=None,
    organization=None,
    entity=None,
    by=None,
    reason: str | None = None,
) -> tuple[Membership, bool]:
    """Give ``user`` a role (idempotent: the same active role is not added twice).
    Returns the membership and whether it was created; its history names ``by`` (and
    ``reason``, the change reason, e.g. "command line"). Raises ``Invalid`` (an
    ``AccordError``, field errors kept) when the role lacks what it needs (a
    coordinator's organization, a focal point's entity)."""
    role = role_of(role)
    existing = (
        Membership.objects.active()
        .filter(user=user, role=role, framework=framework, organization=organization, entity=entity)
        .first()
    )
    if existing:
        _list_focal_point(existing, by)
        return existing, False
    m = object_create(
        model=Membership,
        by=by,
        reason=reason,
        user=user,
        role=role,
        framework=framework,
        organization=organization,
        entity=entity,
    )
    _list_focal_point(m, by)
    sync_staff(user)
    return m, True


@transaction.atomic
def revoke(user, role: str, *, framework=None, organization=None, entity=None, by=None) -> int:
    """Take a role away (soft delete: the history keeps it). Returns how many were revoked;
    with no framework, organization or entity named, every membership of that role."""
    role = role_of(role)
    rows = Membership.objects.filter(user=user, role=role)
    for field, value in (
        ("framework", framework),
        ("organization", organization),
        ("entity", entity),
    ):
        if value is not None:
            rows = rows.filter(**{field: value})
    count = 0
    for m in rows:
        m.soft_delete(by)
        count += 1
    sync_staff(user)
    return count


@transaction.atomic
def create_user(
    username: str,
    *,
    password: str | None = None,
    email: str = "",
    role: str | None = None,
    framework=None,
    organization=None,
    entity=None,
    by=None,
):
    """Create ``username`` (or reuse it) with ``password`` (generated when None) and,
    when ``role`` is given, grant it. Returns (user, password, created); the password is
    None for an existing user whose password was not given."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": email})
    if created or password:
        password = password or generate_password()
        user.set_password(password)
        user.save()
    if role:
        grant(user, role, framework=framework, organization=organization, entity=entity, by=by)
    return user, (password if (created or password) else None), created
