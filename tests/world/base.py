"""What every test world is made of: the ``World`` type every builder returns, the one
password of its users, and ``build_base``, the rows every world starts from (the UN and
the OIC, the un-oic framework between them, its entities, priority areas and biennium, in
the three languages of the interface), and the values a browser sends for a form. Each
writer takes ``by``, the user recorded in the history (None: no user, as for rows made by
a migration or a command)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import lxml.html
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from accord.cooperation.models import Biennium, Framework, PriorityArea
from accord.registry.models import Entity, Organization

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


def saved(obj, by):
    """``obj`` saved with ``by`` recorded as the user in its history."""
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
    return saved(un, by), saved(oic, by)


def un_oic_framework(
    un: Organization, oic: Organization, *, name: str = "UN-OIC", by=None
) -> Framework:
    """The framework "un-oic" between the two."""
    return saved(Framework(slug="un-oic", name=name, un_organization=un, partner=oic), by)


# The entities every world has: attribute name -> (organization, parent, kind, acronym,
# English, French, Arabic names); gazetteer ids "un.<acronym>" / "oic.<acronym>".
BASE_ENTITIES = {
    "secretariat": (
        "un",
        None,
        "principal_organ",
        "",
        "Secretariat",
        "Secrétariat",
        "الأمانة العامة",
    ),
    "ohchr": (
        "un",
        "secretariat",
        "office",
        "OHCHR",
        "Office of the United Nations High Commissioner for Human Rights",
        "Haut-Commissariat des Nations Unies aux droits de l'homme",
        "مفوضية الأمم المتحدة السامية لحقوق الإنسان",
    ),
    "dppa": (
        "un",
        "secretariat",
        "department",
        "DPPA",
        "Department of Political and Peacebuilding Affairs",
        "Département des affaires politiques et de la consolidation de la paix",
        "إدارة الشؤون السياسية وبناء السلام",
    ),
    "unesco": (
        "un",
        None,
        "agency",
        "UNESCO",
        "United Nations Educational, Scientific and Cultural Organization",
        "Organisation des Nations Unies pour l'éducation, la science et la culture",
        "منظمة الأمم المتحدة للتربية والعلم والثقافة",
    ),
    "iphrc": (
        "oic",
        None,
        "subsidiary_organ",
        "IPHRC",
        "Independent Permanent Human Rights Commission",
        "Commission permanente indépendante des droits de l'homme",
        "الهيئة الدائمة المستقلة لحقوق الإنسان",
    ),
    "isdb": (
        "oic",
        None,
        "specialized_institution",
        "IsDB",
        "Islamic Development Bank",
        "Banque islamique de développement",
        "البنك الإسلامي للتنمية",
    ),
}
# The priority areas every world has: attribute name -> (code, English, French, Arabic).
BASE_AREAS = {
    "peace": ("peace", "Peace and security", "Paix et sécurité", "السلام والأمن"),
    "rights": ("human-rights", "Human rights", "Droits de l'homme", "حقوق الإنسان"),
}
BASE_ROWS = ("un", "oic", "framework", "biennium", *BASE_ENTITIES, *BASE_AREAS)


def entity(
    org: Organization,
    acronym: str,
    names: tuple[str, str, str],
    kind: str,
    *,
    by=None,
    parent: Entity | None = None,
    key: str = "",
) -> Entity:
    """An entity of ``org`` named in the three languages, with the gazetteer id
    ``<org code>.<key or acronym, lower case>``."""
    en, fr, ar = names
    gazetteer = f"{org.code}.{(key or acronym).lower()}"
    row = Entity(
        organization=org,
        parent=parent,
        kind=kind,
        acronym=acronym,
        name_en=en,
        name_fr=fr,
        name_ar=ar,
        gazetteer_id=gazetteer,
    )
    return saved(row, by)


def build_base(*, year: int = 2018, by=None) -> World:
    """The part of every world: the UN and the OIC, the un-oic framework between them, the
    entities of ``BASE_ENTITIES`` and the areas of ``BASE_AREAS`` (as attributes of those
    names) and the biennium starting in ``year`` (the pages' world: this year)."""
    un, oic = un_and_oic(by=by)
    w = World(un=un, oic=oic, framework=un_oic_framework(un, oic, by=by))
    orgs = {"un": un, "oic": oic}
    for name, (org, parent, kind, acronym, *names) in BASE_ENTITIES.items():
        above = getattr(w, parent) if parent else None
        row = entity(orgs[org], acronym, tuple(names), kind, by=by, parent=above, key=name)
        setattr(w, name, row)
    for order, (name, (code, en, fr, ar)) in enumerate(BASE_AREAS.items(), start=1):
        area = PriorityArea(
            framework=w.framework, code=code, name_en=en, name_fr=fr, name_ar=ar, order=order
        )
        setattr(w, name, saved(area, by))
    w.biennium = saved(Biennium(framework=w.framework, start_year=year, end_year=year + 1), by)
    return w


def form_values(response, form_id: str) -> dict[str, list[Any]]:
    """The values a browser would send for the form ``form_id`` of a page."""
    doc = lxml.html.fromstring(response.content)
    form = doc.get_element_by_id(form_id)
    data: dict[str, list[Any]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data
