"""The labelled demo matrix of the UN-OIC framework (``accord demo-data``).

Reads: the framework ``un-oic`` if bootstrap made it, the parser's gazetteer (names of
the entities it needs) and the SDG targets. Writes (idempotent: every row is found by a
stable key before it is created, so a second run adds nothing): when the framework does
not exist yet, the minimum it needs, keyed as ``accord bootstrap`` keys it (organizations
by code "un"/"oic", the framework by slug, the 10 priority areas of 73/135 by the slug of
their names, entities by gazetteer id) so that bootstrap later merges into it; then the
bienniums 2018-2019 and 2020-2021, 40 activities (codes ``DEMO-...``, titles
``[DEMO] ...``, ``is_demo=True``) with leads on both sides, indicators, progress updates,
and a general meeting with decisions and action items (some overdue, some closed with
evidence).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Framework,
    Indicator,
    Meeting,
    PriorityArea,
    ProgressUpdate,
    SDGTarget,
)
from accord.core.services import object_create
from accord.registry.models import Agreement, Entity, Organization
from accord.search.index import indexing_deferred

FRAMEWORK_SLUG = "un-oic"
PREFIX = "[DEMO] "

# The 10 priority areas of 73/135, as the resolution lists the fields reviewed at Rabat.
AREAS = [
    "peace and security",
    "science and technology",
    "trade and development",
    "the Sustainable Development Goals",
    "refugees",
    "human rights",
    "human resource development",
    "food security and agriculture",
    "environment, health and population",
    "arts and crafts and heritage",
]

# Per area: four rows (two for 2018-2019, two for 2020-2021): title, UN lead, OIC lead,
# SDG targets, and for the second biennium whether it carries over the row above it.
MATRIX = {
    1: [
        (
            "Joint workshop on mediation and preventive diplomacy",
            "un.dppa",
            "oic.gs",
            ["16.1", "16.a"],
        ),
        ("Capacity-building on preventing violent extremism", "un.oct", "oic.sawt", ["16.a"]),
        ("Training of mediators from OIC member States", "un.dppa", "oic.cdpu", ["16.1"]),
        ("Regional dialogue on counter-terrorism strategies", "un.oct", "oic.gs", ["16.a"]),
    ],
    2: [
        ("Science, technology and innovation policy reviews", "un.unesco", "oic.comstech", ["9.5"]),
        ("Digital skills for young women", "un.itu", "oic.icyf", ["5.b", "4.4"]),
        ("Open science platform for universities", "un.unesco", "oic.iut", ["9.5", "17.6"]),
        ("Broadband in the least developed member States", "un.itu", "oic.isdb", ["9.c"]),
    ],
    3: [
        ("Trade facilitation workshop", "un.unctad", "oic.icdt", ["17.11"]),
        ("Export readiness of small enterprises", "un.itc", "oic.iccia", ["8.3"]),
        (
            "Trade policy review for least developed member States",
            "un.unctad",
            "oic.sesric",
            ["17.11"],
        ),
        ("E-commerce readiness assessments", "un.itc", "oic.icdt", ["17.11", "8.3"]),
    ],
    4: [
        ("Voluntary national review training", "un.desa", "oic.sesric", ["17.18"]),
        ("Dialogue on financing the SDGs", "un.undp", "oic.isdb", ["17.3"]),
        ("SDG data and statistics capacity", "un.desa", "oic.sesric", ["17.18", "17.19"]),
        ("Islamic finance for the SDGs", "un.undp", "oic.isdb", ["17.3"]),
    ],
    5: [
        ("Joint study on the protection of refugees", "un.unhcr", "oic.gs", ["10.7"]),
        ("Humanitarian coordination training", "un.ocha", "oic.humanitarian", ["1.5"]),
        ("Zakat funds for refugees and displaced people", "un.unhcr", "oic.isdb", ["10.7", "1.3"]),
        ("Joint needs assessment in the Sahel", "un.ocha", "oic.humanitarian", ["1.5"]),
    ],
    6: [
        ("Workshop on human rights mechanisms for the IPHRC", "un.ohchr", "oic.iphrc", ["16.10"]),
        ("Combating intolerance: Istanbul Process meeting", "un.ohchr", "oic.gs", ["16.b"]),
        ("Expert seminar on the rights of women", "un.unwomen", "oic.iphrc", ["5.1"]),
        ("Round table on the rights of the child", "un.unicef", "oic.iphrc", ["16.2"]),
    ],
    7: [
        ("Diplomatic training programme", "un.unitar", "oic.gs", ["4.4"]),
        ("Exchange on vocational education", "un.ilo", "oic.sesric", ["4.3", "8.6"]),
        ("Skills for youth employment", "un.ilo", "oic.icyf", ["8.6"]),
        ("Training of official statisticians", "un.unitar", "oic.sesric", ["17.18"]),
    ],
    8: [
        ("Study of food security reserves", "un.fao", "oic.iofs", ["2.1"]),
        ("Support to smallholder farmers", "un.ifad", "oic.isdb", ["2.3"]),
        ("Desertification and food security", "un.fao", "oic.iofs", ["2.4", "15.3"]),
        ("School feeding programme", "un.wfp", "oic.isdb", ["2.1"]),
    ],
    9: [
        ("Polio eradication in OIC member States", "un.who", "oic.isdb", ["3.3"]),
        ("Maternal health campaign", "un.unfpa", "oic.family", ["3.1"]),
        ("Coordination of the COVID-19 response", "un.who", "oic.gs", ["3.3", "3.d"]),
        ("Climate adaptation in arid regions", "un.unep", "oic.isdb", ["13.1"]),
    ],
    10: [
        ("Safeguarding cultural heritage in conflict zones", "un.unesco", "oic.icesco", ["11.4"]),
        ("Market access for handicrafts", "un.untourism", "oic.ircica", ["8.9"]),
        ("Youth forum on the dialogue among civilizations", "un.unaoc", "oic.icesco", ["4.7"]),
        ("Inventory of intangible heritage", "un.unesco", "oic.ircica", ["11.4"]),
    ],
}
AREA_CODES = {
    1: "PS",
    2: "ST",
    3: "TD",
    4: "SDG",
    5: "REF",
    6: "HR",
    7: "HRD",
    8: "FSA",
    9: "EHP",
    10: "ACH",
}
# The UN entity of a human-rights participant: OHCHR joins the women's and children's rows.
PARTICIPANTS = {(6, 2): ["un.ohchr"], (6, 3): ["un.ohchr", "oic.family"], (9, 1): ["un.unicef"]}
CARRIED = {(1, 3), (4, 2), (8, 2), (9, 3)}  # (area, row) of 2020-2021 carrying over row-2 above it
FIRST_STATUS = ["completed", "completed", "completed", "postponed", "cancelled"]
SECOND_STATUS = ["ongoing", "ongoing", "planned", "ongoing", "completed"]

# Decisions of last year's general meeting and their action items: (title, owner, due in
# days from today, status): overdue since last month, due next week, closed months ago.
DECISIONS = [
    (
        "1",
        "Hold a joint review of the matrix of activities every six months.",
        [
            ("Circulate the updated matrix to all focal points", "oic.gs", -200, "done"),
            ("Convene the mid-term review of the matrix", "un.dppa", -30, "open"),
        ],
    ),
    (
        "2",
        "Strengthen cooperation on human rights and on the rights of women.",
        [
            (
                "Organize a workshop on human rights mechanisms",
                "un.ohchr",
                7,
                "in_progress",
            ),
            ("Share the IPHRC thematic studies with OHCHR", "oic.iphrc", -120, "done"),
        ],
    ),
    (
        "3",
        "Seek joint funding for the activities on food security.",
        [
            ("Prepare a joint funding proposal", "oic.isdb", -40, "open"),
            ("Map the food security reserves of member States", "un.fao", 180, "open"),
        ],
    ),
    (
        "4",
        "Prepare the contribution to the next report of the Secretary-General.",
        [
            (
                "Send the contributions of both systems to the report",
                "un.dppa",
                -90,
                "done",
            ),
            ("Update the list of focal points", "oic.gs", 21, "open"),
        ],
    ),
]


# Agreements: (title, kind, parties, signed so many years ago, expires in days from today).
AGREEMENTS = [
    (
        "Cooperation agreement between the United Nations and the OIC",
        Agreement.Kind.OTHER,
        ["un.dppa", "oic.gs"],
        10,
        None,
    ),
    (
        "Memorandum of understanding between OHCHR and the IPHRC",
        Agreement.Kind.MOU,
        ["un.ohchr", "oic.iphrc"],
        3,
        60,
    ),
    (
        "Memorandum of understanding between FAO and the IOFS",
        Agreement.Kind.MOU,
        ["un.fao", "oic.iofs"],
        4,
        400,
    ),
]


@dataclass(frozen=True)
class Calendar:
    """The demo's dates, counted from ``today``: the current biennium starts on the last
    even year (2026-2027 in 2026 and 2027), the previous one two years before; the
    general meeting was held a year ago and the next one is a year from now."""

    today: datetime.date

    @property
    def current_start(self) -> int:
        return self.today.year - self.today.year % 2

    def years_ago(self, years: int) -> datetime.date:
        return datetime.date(self.today.year - years, self.today.month, min(self.today.day, 28))

    def days(self, n: int) -> datetime.date:
        return self.today + datetime.timedelta(days=n)


@dataclass
class Tally:
    """How many rows of each kind were created and found already there."""

    created: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, created: bool) -> None:
        table = self.created if created else self.found
        table[kind] = table.get(kind, 0) + 1

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.found))
        return [
            f"  {k}: {self.created.get(k, 0)} created, {self.found.get(k, 0)} already there"
            for k in kinds
        ]


def _get_or_create(
    tally: Tally, kind: str, model, lookup: dict, defaults: dict, m2m: dict | None = None
):
    obj = model.all_objects.filter(**lookup).first() if hasattr(model, "all_objects") else None
    if obj is not None:
        tally.add(kind, False)
        return obj
    # through the service: validated (full_clean, the model's clean()), with its history
    obj = object_create(model=model, by=None, **lookup, **defaults, **(m2m or {}))
    tally.add(kind, True)
    return obj


def _organization(tally: Tally, code: str, kind: str) -> Organization:
    from resolutions.gazetteer import load_gazetteer

    e = load_gazetteer()[code]
    return _get_or_create(
        tally,
        "organization",
        Organization,
        {"code": code},
        {
            "name_en": e.names.get("en", code),
            "name_fr": e.names.get("fr", ""),
            "name_ar": e.names.get("ar", ""),
            "acronym": e.acronyms[0] if e.acronyms else code.upper(),
            "kind": kind,
        },
    )


def _entity(tally: Tally, gid: str, orgs: dict[str, Organization]) -> Entity:
    from resolutions.gazetteer import load_gazetteer

    e = load_gazetteer()[gid]
    kinds = {k for k, _label in Entity.Kind.choices}
    kind = e.kind.replace(" ", "_")
    return _get_or_create(
        tally,
        "entity",
        Entity,
        {"gazetteer_id": gid},
        {
            "organization": orgs[e.organization],
            "kind": kind if kind in kinds else Entity.Kind.OTHER,
            "name_en": e.names.get("en", gid),
            "name_fr": e.names.get("fr", ""),
            "name_ar": e.names.get("ar", ""),
            "acronym": e.acronyms[0] if e.acronyms else "",
        },
    )


def framework_minimum(tally: Tally) -> Framework:
    """The framework un-oic with its two organizations and 10 priority areas: found, or
    created keyed as bootstrap keys them."""
    un = _organization(tally, "un", Organization.Kind.UNIVERSAL)
    oic = _organization(tally, "oic", Organization.Kind.REGIONAL)
    fw = Framework.all_objects.filter(slug=FRAMEWORK_SLUG).first()
    if fw is None:
        fw = Framework.all_objects.filter(un_organization=un, partner=oic).order_by("id").first()
    if fw is None:
        fw = _get_or_create(
            tally,
            "framework",
            Framework,
            {"slug": FRAMEWORK_SLUG},
            {"name": "UN-OIC", "un_organization": un, "partner": oic},
        )
    else:
        tally.add("framework", False)
    for order, name in enumerate(AREAS, start=1):
        _get_or_create(
            tally,
            "priority area",
            PriorityArea,
            {"framework": fw, "code": slugify(name)[:40]},
            {"name_en": name, "order": order},
        )
    return fw


@transaction.atomic
@indexing_deferred()
def demo_data_load(today: datetime.date | None = None) -> Tally:
    """Write the demo matrix (see the module docstring), dated from ``today`` (the local
    date by default); returns what was created."""
    when = Calendar(today or timezone.localdate())
    tally = Tally()
    fw = framework_minimum(tally)
    orgs = {"un": fw.un_organization, "oic": fw.partner}
    gids = {g for rows in MATRIX.values() for _t, u, p, _s in rows for g in (u, p)}
    gids |= {g for extra in PARTICIPANTS.values() for g in extra}
    gids |= {owner for _n, _t, items in DECISIONS for _title, owner, _d, _s in items}
    gids |= {g for _t, _k, parties, _s, _e in AGREEMENTS for g in parties}
    entities = {gid: _entity(tally, gid, orgs) for gid in sorted(gids)}
    bienniums = [
        _get_or_create(
            tally, "biennium", Biennium, {"framework": fw, "start_year": y, "end_year": y + 1}, {}
        )
        for y in (when.current_start - 2, when.current_start)
    ]
    _matrix(tally, fw, bienniums, entities, when)
    _meetings(tally, fw, entities, when)
    _agreements(tally, fw, entities, when)
    return tally


def _activity_dates(year: int, serial: int, status: str, when: Calendar):
    """Start and end of a demo row of the biennium starting in ``year``: an ongoing row of
    the current biennium ends, now and then, last month (so it shows as late)."""
    start = datetime.date(year, 1 + serial % 6, 1)
    end = datetime.date(year + 1, 6 + serial % 6, 30)
    if year == when.current_start and status == "ongoing" and serial % 3 == 0:
        end = when.days(-20 - serial)
        start = min(start, end - datetime.timedelta(days=90))
    return start, end


def _matrix(tally: Tally, fw, bienniums, entities, when: Calendar) -> None:
    areas = {pa.code: pa for pa in PriorityArea.all_objects.filter(framework=fw)}
    targets = {t.code: t for t in SDGTarget.objects.all()}
    serial = 0
    for n, rows in MATRIX.items():
        area = areas[slugify(AREAS[n - 1])[:40]]
        previous: dict[int, Activity] = {}
        for row, (title, un_gid, oic_gid, sdgs) in enumerate(rows):
            serial += 1
            second = row >= 2
            biennium = bienniums[1 if second else 0]
            status = (SECOND_STATUS if second else FIRST_STATUS)[serial % 5]
            year = biennium.start_year
            start, end = _activity_dates(year, serial, status, when)
            code = f"DEMO-{str(year)[2:]}-{AREA_CODES[n]}-{row % 2 + 1:02d}"
            activity = _get_or_create(
                tally,
                "activity",
                Activity,
                {"framework": fw, "code": code},
                {
                    "biennium": biennium,
                    "title": PREFIX + title,
                    "priority_area": area,
                    "description": PREFIX
                    + f"Demo row of the {biennium.label} matrix ({AREAS[n - 1]}); not real data.",
                    "un_lead": entities[un_gid],
                    "partner_lead": entities[oic_gid],
                    "status": status,
                    "start_on": start,
                    "end_on": end,
                    "funding_source": "Islamic Development Bank" if oic_gid == "oic.isdb" else "",
                    "funding_entity": entities["oic.isdb"] if oic_gid == "oic.isdb" else None,
                    "carried_over_from": previous.get(row - 2) if (n, row) in CARRIED else None,
                    "is_demo": True,
                    "is_published": status == "completed",
                },
                m2m={
                    "participants": [entities[g] for g in PARTICIPANTS.get((n, row), [])],
                    "sdg_targets": [targets[c] for c in sdgs if c in targets],
                },
            )
            previous[row] = activity
            _indicators(tally, activity, serial, second)
            _progress(tally, activity, year, second, when)


def _indicators(tally: Tally, activity: Activity, serial: int, second: bool) -> None:
    target = Decimal(10 + serial % 4 * 10)
    actual = target if activity.status == "completed" else (target / 2 if second else Decimal(0))
    _get_or_create(
        tally,
        "indicator",
        Indicator,
        {"activity": activity, "name": "People trained"},
        {"unit": "people", "baseline": Decimal(0), "target": target, "actual": actual},
    )
    if serial % 3 == 0:
        _get_or_create(
            tally,
            "indicator",
            Indicator,
            {"activity": activity, "name": "Joint publications"},
            {
                "unit": "documents",
                "baseline": Decimal(0),
                "target": Decimal(2),
                "actual": Decimal(1) if second else Decimal(2),
            },
        )


def _progress(tally: Tally, activity: Activity, year: int, second: bool, when: Calendar) -> None:
    # the current biennium's note is a few weeks old whatever the day; the previous
    # biennium's notes are in its two years
    first = when.days(-10 - activity.pk % 50) if second else datetime.date(year, 6, 15)
    notes = [(first, PREFIX + "Concept note agreed by both leads.", "ongoing")]
    if not second:
        notes.append(
            (
                datetime.date(year + 1, 9, 30),
                PREFIX + "Report of the activity shared with the focal points.",
                activity.status,
            )
        )
    for date, text, status in notes:
        _get_or_create(
            tally,
            "progress update",
            ProgressUpdate,
            {"activity": activity, "text": text},
            {"date": date, "status_after": status},
        )


def _meetings(tally: Tally, fw: Framework, entities: dict[str, Entity], when: Calendar) -> None:
    """Last year's general meeting, with decisions and action items, and next year's."""
    previous, current = (f"{y}-{y + 1}" for y in (when.current_start - 2, when.current_start))
    title = (
        PREFIX + "General meeting of the United Nations and OIC systems (review of the %s matrix)"
    )
    held = when.years_ago(1)
    meeting = _get_or_create(
        tally,
        "meeting",
        Meeting,
        {"framework": fw, "title": title % previous},
        {
            "kind": Meeting.Kind.GENERAL,
            "start_on": held,
            "end_on": held + datetime.timedelta(days=2),
            "place": "Geneva (virtual)",
            "host_organization": fw.un_organization,
            "is_published": True,
            "notes": PREFIX + "A demo meeting: its decisions and action items are not real.",
        },
    )
    planned = when.years_ago(-1)
    _get_or_create(
        tally,
        "meeting",
        Meeting,
        {"framework": fw, "title": title % current},
        {
            "kind": Meeting.Kind.GENERAL,
            "start_on": planned,
            "end_on": planned + datetime.timedelta(days=2),
            "year_planned": planned.year,
            "place": "Jeddah",
            "host_organization": fw.partner,
            "is_published": True,
            "notes": PREFIX + "The next demo meeting, planned.",
        },
    )
    for number, text, items in DECISIONS:
        decision = _get_or_create(
            tally,
            "decision",
            Decision,
            {"meeting": meeting, "number": number},
            {"kind": Decision.Kind.RECOMMENDATION, "text": PREFIX + text},
        )
        for title_, owner, due_in, status in items:
            _action_item(tally, fw, decision, entities[owner], title_, when.days(due_in), status)


def _action_item(tally, fw, decision, owner, title: str, due_on, status: str) -> None:
    done = status == "done"
    _get_or_create(
        tally,
        "action item",
        ActionItem,
        {"framework": fw, "decision": decision, "title": PREFIX + title},
        {
            "owner": owner,
            "due_on": due_on,
            "status": status,
            "closed_on": due_on - datetime.timedelta(days=10) if done else None,
            "evidence": PREFIX + "Done: see the letter sent to both secretariats." if done else "",
            "evidence_url": "https://example.org/accord-demo/evidence" if done else "",
        },
    )


def _agreements(tally: Tally, fw: Framework, entities: dict[str, Entity], when: Calendar) -> None:
    """The demo agreements: one open-ended, one expiring within 90 days, one later."""
    for title, kind, parties, signed_years_ago, expires_in in AGREEMENTS:
        signed = when.years_ago(signed_years_ago)
        _get_or_create(
            tally,
            "agreement",
            Agreement,
            {"framework": fw, "title": PREFIX + title},
            {
                "kind": kind,
                "signed_on": signed,
                "in_force_from": signed,
                "expires_on": when.days(expires_in) if expires_in is not None else None,
                "status": Agreement.Status.IN_FORCE,
                "is_published": True,
                "notes": PREFIX + "A demo agreement: not real.",
            },
            m2m={"parties": [entities[g] for g in parties]},
        )
