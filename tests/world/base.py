"""What every test world is made of: the ``World`` type every builder returns, the one
password of its users, the two organizations of the UN-OIC framework (in the three
languages of the interface), the framework between them, and the values a browser sends
for a form. Each writer takes ``by``, the user recorded in the history (None: no user, as
for rows made by a migration or a command)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import lxml.html
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from accord.cooperation.models import Framework
from accord.registry.models import Organization

PASSWORD = "pw-accord-test-1"  # noqa: S105 - the password of every test user


class World(SimpleNamespace):
    """What a builder wrote: its rows as attributes (``world.framework``); the personas
    in ``users`` and the named rows in ``objects`` are attributes too (``world.bob``)."""

    def __init__(self, **values: Any) -> None:
        values.setdefault("users", {})
        values.setdefault("objects", {})
        super().__init__(**values)

    def __getattr__(self, name: str) -> Any:
        for table in ("users", "objects"):
            rows = self.__dict__.get(table, {})
            if name in rows:
                return rows[name]
        raise AttributeError(name)

    def fresh_user(self, name: str):
        """The persona re-read from the database (no cached grants)."""
        user = self.users[name]
        if not user.is_authenticated:
            return AnonymousUser()
        return get_user_model().objects.get(pk=user.pk)


def _saved(obj, by):
    obj._history_user = by
    obj.save()
    return obj


def un_and_oic(*, by=None) -> tuple[Organization, Organization]:
    """The United Nations (code "un") and the Organization of Islamic Cooperation ("oic")."""
    un = Organization(
        code="un",
        name_en="United Nations",
        name_fr="Organisation des Nations Unies",
        name_ar="الأمم المتحدة",
        acronym="UN",
        kind="universal",
    )
    oic = Organization(
        code="oic",
        name_en="Organization of Islamic Cooperation",
        name_fr="Organisation de la coopération islamique",
        name_ar="منظمة التعاون الإسلامي",
        acronym="OIC",
    )
    return _saved(un, by), _saved(oic, by)


def un_oic_framework(
    un: Organization, oic: Organization, *, name: str = "UN-OIC", by=None
) -> Framework:
    """The framework "un-oic" between the two."""
    return _saved(Framework(slug="un-oic", name=name, un_organization=un, partner=oic), by)


def form_values(response, form_id: str) -> dict[str, list[Any]]:
    """The values a browser would send for the form ``form_id`` of a page."""
    doc = lxml.html.fromstring(response.content)
    form = doc.get_element_by_id(form_id)
    data: dict[str, list[Any]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data
