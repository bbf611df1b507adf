"""The matrix of a biennium as an IATI 2.03 activity file (``iati-activities``).

Reads (only what the asking user may read, through the permissions module): the
biennium's live activities with their leads, participants, funding, SDG targets and
dates. Writes nothing; ``activity_file`` returns ``(bytes, content type, file name)``.

Mapping (documented in ``docs/opendata.md``):

- ``iati-identifier``: the reporting organization's reference, the framework, the
  biennium and the activity's code (or its id), e.g.
  ``XX-ACCORD-un-oic-2018-2019-A12``.
- ``reporting-org``: ``settings.ACCORD_IATI_REPORTING_ORG`` (the publisher's registered
  IATI organization identifier), type 40 (multilateral), named after the framework's
  UN organization.
- ``participating-org``: the UN lead and the partner lead as accountable (role 2),
  the other participants as implementing (role 4), the funding entity or funding source
  as funding (role 1); names in every language the registry has.
- ``activity-status``: planned 1 (pipeline), ongoing 2 (implementation), completed 3
  (finalisation), cancelled 5, postponed 6 (suspended).
- ``activity-date``: start and end, planned (types 1 and 3) or actual (2 and 4) by
  status.
- ``tag``: SDG goals (vocabulary 2) and targets (vocabulary 3).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.conf import settings
from lxml import etree

from accord.accounts import permissions
from accord.cooperation.models import Activity, Biennium
from accord.cooperation.selectors import matrix_rows

XML_TYPE = "application/xml"
VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MULTILATERAL = "40"
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_IMPLEMENTING = "1", "2", "4"
STATUS_CODES: dict[str, str] = {
    Activity.Status.PLANNED: "1",
    Activity.Status.ONGOING: "2",
    Activity.Status.COMPLETED: "3",
    Activity.Status.CANCELLED: "5",
    Activity.Status.POSTPONED: "6",
}
LANGUAGES = ("en", "fr", "ar")


class NoActivities(LookupError):
    """An IATI file holds at least one activity; the biennium has none to publish."""


def activity_file(biennium: Biennium, user) -> tuple[bytes, str, str]:
    """The biennium's activities that ``user`` may read, as an IATI 2.03 XML file.

    Raises ``NoActivities`` when there is none (the schema needs at least one).
    """
    activities = list(_activities(biennium, user))
    if not activities:
        raise NoActivities(
            f"The biennium {biennium.label} has no activity to publish as IATI data."
        )
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    root = etree.Element("iati-activities", version=VERSION, **{"generated-datetime": now})
    for activity in activities:
        root.append(_activity(activity, biennium))
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    name = f"iati-{biennium.framework.slug}-{biennium.label}.xml"
    return body, XML_TYPE, name


def _activities(biennium: Biennium, user):
    rows = matrix_rows(biennium=biennium).select_related(
        "un_lead", "partner_lead", "funding_entity", "framework__un_organization"
    )
    return permissions.viewable(user, rows).prefetch_related("participants", "sdg_targets__goal")


def _activity(activity: Activity, biennium: Biennium) -> etree._Element:
    reporting_ref = settings.ACCORD_IATI_REPORTING_ORG
    attrs = {XML_LANG: "en"}
    if activity.updated_at:
        attrs["last-updated-datetime"] = activity.updated_at.replace(microsecond=0).isoformat()
    el = etree.Element("iati-activity", attrs)
    code = activity.code or str(activity.pk)
    ident = f"{reporting_ref}-{biennium.framework.slug}-{biennium.label}-{code}"
    etree.SubElement(el, "iati-identifier").text = ident
    reporting = etree.SubElement(el, "reporting-org", ref=reporting_ref, type=MULTILATERAL)
    _narratives(reporting, _names(biennium.framework.un_organization))
    _narratives(etree.SubElement(el, "title"), {"en": activity.title})
    description = etree.SubElement(el, "description", type="1")
    _narratives(description, {"en": activity.description or activity.title})
    for role, entity in _participants(activity):
        org = etree.SubElement(el, "participating-org", role=role, type=MULTILATERAL)
        _narratives(org, _names(entity) if not isinstance(entity, str) else {"en": entity})
    etree.SubElement(el, "activity-status", code=STATUS_CODES.get(activity.status, "2"))
    for kind, day in _dates(activity):
        etree.SubElement(el, "activity-date", type=kind, **{"iso-date": day.isoformat()})
    for vocabulary, tag_code, text in _tags(activity):
        tag = etree.SubElement(el, "tag", vocabulary=vocabulary, code=tag_code)
        _narratives(tag, {"en": text})
    return el


def _participants(activity: Activity):
    """(role, entity or plain name) pairs: the two leads, the others, the funder."""
    seen = set()
    for entity in (activity.un_lead, activity.partner_lead):
        if entity is not None:
            seen.add(entity.pk)
            yield ROLE_ACCOUNTABLE, entity
    for entity in sorted(activity.participants.all(), key=lambda e: e.name_en):
        if entity.pk not in seen:
            seen.add(entity.pk)
            yield ROLE_IMPLEMENTING, entity
    if activity.funding_entity is not None:
        yield ROLE_FUNDING, activity.funding_entity
    elif activity.funding_source:
        yield ROLE_FUNDING, activity.funding_source


def _dates(activity: Activity):
    """IATI activity-date types: 1 planned start, 2 actual start, 3 planned end,
    4 actual end. An activity without a start date starts, as planned, with its biennium
    (the schema needs at least one date)."""
    started = activity.status in (Activity.Status.ONGOING, Activity.Status.COMPLETED)
    ended = activity.status == Activity.Status.COMPLETED
    start = activity.start_on or date(activity.biennium.start_year, 1, 1)
    yield ("2" if started else "1"), start
    if activity.end_on is not None:
        yield ("4" if ended else "3"), activity.end_on


def _tags(activity: Activity):
    targets = list(activity.sdg_targets.all())  # in SDGTarget's own order (goal, order)
    goals = {t.goal.number: t.goal for t in targets}
    for number in sorted(goals):
        yield "2", str(number), goals[number].name
    for target in targets:
        yield "3", target.code, target.text


def _names(obj) -> dict[str, str]:
    return {lang: getattr(obj, f"name_{lang}", "") for lang in LANGUAGES}


def _narratives(parent: etree._Element, texts: dict[str, str]) -> None:
    for lang, text in texts.items():
        if not text:
            continue
        narrative = etree.SubElement(parent, "narrative")
        if lang != "en":
            narrative.set(XML_LANG, lang)
        narrative.text = _xml_safe(text)


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters: drop them rather than fail."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
