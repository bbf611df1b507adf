"""A small but complete UN-OIC framework for the report tests and the bench: two
organizations, entities on both sides, priority areas, two bienniums, activities with
participants, SDG targets and progress, meetings (two general meetings, a high-level
meeting), recommendations with action items, agreements, and the resolution whose
paragraph requests the report, with its mandate.

``build_reports(activities=..., action_items=...)`` (``build_world(reports=True, ...)``)
writes all of it on the base of every world (tests/world/base.py ``build_base``, its
biennium 2018-2019), through ``save()`` so that each row has its history (or
``bulk_create`` with ``bulk=True`` for the bench), and returns a ``World`` with the base's
attributes (``un`` and ``oic`` the organizations, ``ohchr`` ..., ``peace``, ``rights``,
``biennium``) and what it adds: ``next_biennium``, ``areas`` (all five), ``un_entities``
and ``oic_entities`` (the entities of each side, in the order activities go round them),
``unicef`` ... ``sesric``, ``activities``, ``meetings``, ``resolution``, ``mandate``,
``admin``.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Meeting,
    MeetingDocument,
    PriorityArea,
    ProgressUpdate,
    SDGTarget,
)
from accord.documents.models import Mandate, Paragraph, Resolution
from accord.registry.models import Agreement
from tests.world.base import BASE_ENTITIES, World, build_base, entity, saved

# The entities the reports' world adds to the base (tests/world/base.py BASE_ENTITIES):
# (attribute, organization, acronym, English, French, Arabic names, kind).
EXTRA_ENTITIES = [
    (
        "unicef",
        "un",
        "UNICEF",
        "United Nations Children's Fund",
        "Fonds des Nations Unies pour l'enfance",
        "منظمة الأمم المتحدة للطفولة",
        "fund",
    ),
    (
        "undp",
        "un",
        "UNDP",
        "United Nations Development Programme",
        "Programme des Nations Unies pour le développement",
        "برنامج الأمم المتحدة الإنمائي",
        "programme",
    ),
    (
        "who",
        "un",
        "WHO",
        "World Health Organization",
        "Organisation mondiale de la Santé",
        "منظمة الصحة العالمية",
        "agency",
    ),
    (
        "isesco",
        "oic",
        "ISESCO",
        "Islamic Educational, Scientific and Cultural Organization",
        "Organisation islamique pour l'éducation, les sciences et la culture",
        "منظمة العالم الإسلامي للتربية والعلوم والثقافة",
        "specialized_institution",
    ),
    (
        "sesric",
        "oic",
        "SESRIC",
        "Statistical, Economic and Social Research and Training Centre for Islamic Countries",
        "Centre de recherches statistiques, économiques et sociales et de formation pour les pays islamiques",
        "مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية",
        "subsidiary_organ",
    ),
]
# The order the activities' leads and participants go round (by attribute name).
UN_ENTITIES = ("dppa", "ohchr", "unesco", "unicef", "undp", "who")
OIC_ENTITIES = ("iphrc", "isesco", "isdb", "sesric")
# The areas the reports' world adds to the base's ``peace`` and ``rights``.
AREAS = [
    ("education", "Education and culture", "Éducation et culture", "التعليم والثقافة"),
    ("development", "Sustainable development", "Développement durable", "التنمية المستدامة"),
    ("health", "Health", "Santé", "الصحة"),
]
# The reports' world's meetings: (key, host organization, fields), in the order written.
MEETINGS = [
    (
        "istanbul",
        "oic",
        {
            "kind": "general",
            "title": "General meeting of Istanbul",
            "start_on": datetime.date(2016, 5, 20),
            "end_on": datetime.date(2016, 5, 22),
            "place": "Istanbul",
        },
    ),
    (
        "rabat",
        "oic",
        {
            "kind": "general",
            "title": "General meeting of Rabat",
            "start_on": datetime.date(2018, 7, 3),
            "end_on": datetime.date(2018, 7, 5),
            "place": "Rabat",
        },
    ),
    (
        "high",
        "un",
        {
            "kind": "high_level",
            "title": "High-level meeting on the margins of the General Assembly",
            "start_on": datetime.date(2019, 9, 26),
            "end_on": datetime.date(2019, 9, 26),
            "place": "New York",
        },
    ),
    (
        "mediation",
        None,
        {
            "kind": "conference",
            "title": "Conference on mediation",
            "start_on": datetime.date(2018, 11, 29),
            "end_on": datetime.date(2018, 11, 29),
            "place": "Istanbul",
        },
    ),
    ("next", "un", {"kind": "general", "title": "General meeting of 2020", "year_planned": 2020}),
]
STATUSES = ["planned", "ongoing", "ongoing", "completed", "completed", "postponed"]


def build_reports(*, activities: int = 12, action_items: int = 8, bulk: bool = False) -> World:
    admin = get_user_model().objects.create_user(
        "report-admin", is_superuser=True, is_staff=True, first_name="Rita", last_name="Admin"
    )
    world = build_base(year=2018, by=admin)
    fw, un, oic = world.framework, world.un, world.oic
    orgs = {"un": un, "oic": oic}
    for name, org, acronym, en, fr, ar, kind in EXTRA_ENTITIES:
        setattr(world, name, entity(orgs[org], acronym, (en, fr, ar), kind, by=admin))
    un_e = [getattr(world, name) for name in UN_ENTITIES]
    oic_e = [getattr(world, name) for name in OIC_ENTITIES]
    areas = [world.peace, world.rights] + [
        saved(
            PriorityArea(framework=fw, code=c, name_en=en, name_fr=fr, name_ar=ar, order=i), admin
        )
        for i, (c, en, fr, ar) in enumerate(AREAS, start=3)
    ]
    b2 = saved(Biennium(framework=fw, start_year=2020, end_year=2021), admin)
    world.next_biennium, world.areas, world.admin = b2, areas, admin
    world.un_entities, world.oic_entities = un_e, oic_e
    world.meetings = {}
    _resolution(world)
    world.activities = _write_activities(world, _new_activities(world, activities), bulk)
    _meetings(world)
    _action_items(world, action_items, bulk)
    _agreements(world)
    return world


def _resolution(world: World) -> None:
    """The founding resolution (73/135) and its paragraph requesting the report."""
    fw, admin = world.framework, world.admin
    res = saved(
        Resolution(
            framework=fw,
            symbol="A/RES/73/135",
            session=73,
            number="135",
            title="Cooperation between the United Nations and the Organization of Islamic Cooperation",
            adopted_on=datetime.date(2018, 12, 13),
            agenda_items=["128 (o)"],
        ),
        admin,
    )
    para = saved(
        Paragraph(
            resolution=res,
            pid="op-25",
            kind="operative",
            number=25,
            order=40,
            phrase_or_verb="Requests",
            text="Requests the Secretary-General to submit to the General Assembly at its "
            "seventy-fifth session a report on the state of cooperation between the United "
            "Nations and the Organization of Islamic Cooperation.",
        ),
        admin,
    )
    world.resolution = res
    world.mandate = saved(
        Mandate(
            resolution=res,
            paragraph=para,
            verb="requests",
            addressees=["Secretary-General"],
            due_session=75,
            due_year=2020,
            action="submit a report on the state of cooperation",
        ),
        admin,
    )


def _new_activities(world: World, n: int) -> list[Activity]:
    """``n`` activities (not saved) going round the areas, leads and statuses."""
    fw, b1, areas = world.framework, world.biennium, world.areas
    un_e, oic_e = world.un_entities, world.oic_entities
    made = []
    for i in range(n):
        area = areas[i % len(areas)]
        start = datetime.date(2018, 1, 15) + datetime.timedelta(days=(i * 37) % 900)
        made.append(
            Activity(
                framework=fw,
                biennium=b1,
                code=f"{area.code[:2].upper()}-{i + 1:04d}",
                title=f"Joint workshop {i + 1} on {area.name_en.lower()}",
                description=f"Two days of work between experts of both organizations, round {i + 1}.",
                priority_area=area,
                un_lead=un_e[i % len(un_e)],
                partner_lead=oic_e[i % len(oic_e)],
                start_on=start,
                end_on=start + datetime.timedelta(days=30 + i % 200),
                status=STATUSES[i % len(STATUSES)],
                funding_source="Islamic Development Bank" if i % 4 == 0 else "",
            )
        )
    return made


def _write_activities(world: World, made: list[Activity], bulk: bool) -> list[Activity]:
    """Write the activities with a participant, an SDG target and a progress update each."""
    b1, admin, un_e = world.biennium, world.admin, world.un_entities
    targets = list(SDGTarget.objects.order_by("id")[:60])
    if bulk:
        Activity.objects.bulk_create(made, batch_size=500)
        made = list(Activity.objects.filter(biennium=b1).order_by("id"))
        through = Activity.participants.through
        through.objects.bulk_create(
            [
                through(activity_id=a.pk, entity_id=un_e[(i + 2) % len(un_e)].pk)
                for i, a in enumerate(made)
            ],
            batch_size=500,
        )
        sdg = Activity.sdg_targets.through
        if targets:
            sdg.objects.bulk_create(
                [
                    sdg(activity_id=a.pk, sdgtarget_id=targets[i % len(targets)].pk)
                    for i, a in enumerate(made)
                ],
                batch_size=500,
            )
        ProgressUpdate.objects.bulk_create(
            [
                ProgressUpdate(
                    activity=a,
                    date=datetime.date(2019, 1 + i % 12, 10),
                    text=f"Progress note on {a.code}.",
                    status_after=a.status,
                )
                for i, a in enumerate(made)
            ],
            batch_size=500,
        )
    else:
        for i, a in enumerate(made):
            saved(a, admin)
            a.participants.set([un_e[(i + 2) % len(un_e)]])
            if targets:
                a.sdg_targets.set([targets[i % len(targets)]])
            saved(
                ProgressUpdate(
                    activity=a,
                    date=datetime.date(2019, 1 + i % 12, 10),
                    text=f"Progress note on {a.code}.",
                    status_after=a.status,
                    author=admin,
                ),
                admin,
            )
    return made


def _meetings(world: World) -> None:
    """Five meetings (two general ones before, one planned) and a meeting document."""
    host = {"un": world.un, "oic": world.oic, None: None}
    world.meetings = {
        key: saved(
            Meeting(framework=world.framework, host_organization=host[org], **fields),
            world.admin,
        )
        for key, org, fields in MEETINGS
    }
    document = MeetingDocument(
        meeting=world.meetings["rabat"],
        symbol="A/73/TBD",
        title="Report of the general meeting of Rabat",
    )
    saved(document, world.admin)


def _action_items(world: World, n: int, bulk: bool) -> None:
    """Five recommendations of each past general meeting and ``n`` action items."""
    fw, admin = world.framework, world.admin
    un_e, oic_e = world.un_entities, world.oic_entities
    istanbul, rabat = world.meetings["istanbul"], world.meetings["rabat"]
    decisions = [
        saved(
            Decision(
                meeting=m,
                number=str(n),
                kind="recommendation",
                text=f"The meeting recommends that both secretariats pursue cooperation point {n}.",
            ),
            admin,
        )
        for m in (istanbul, rabat)
        for n in range(1, 6)
    ]
    items = []
    for i in range(n):
        d = decisions[i % len(decisions)]
        status = ["open", "in_progress", "done", "done", "cancelled"][i % 5]
        items.append(
            ActionItem(
                framework=fw,
                decision=d,
                title=f"Follow-up {i + 1} of recommendation {d.number}",
                owner=(un_e + oic_e)[i % (len(un_e) + len(oic_e))],
                due_on=datetime.date(2019, 1 + i % 12, 15),
                status=status,
                closed_on=datetime.date(2019, 1 + i % 12, 20) if status == "done" else None,
                evidence="Report shared with both secretariats." if status == "done" else "",
                created_at=datetime.datetime(2018, 9 + i % 4, 5, tzinfo=datetime.UTC),
            )
        )
    if bulk:
        ActionItem.objects.bulk_create(items, batch_size=500)
    else:
        for item in items:
            saved(item, admin)


def _agreements(world: World) -> None:
    """Three agreements in force between a UN and an OIC entity."""
    fw, admin = world.framework, world.admin
    un_e, oic_e = world.un_entities, world.oic_entities
    for title, kind, signed, parties in (
        (
            "Memorandum of understanding between OHCHR and IPHRC",
            "mou",
            datetime.date(2018, 9, 25),
            (un_e[1], oic_e[0]),
        ),
        (
            "Memorandum of understanding between UNESCO and ISESCO",
            "mou",
            datetime.date(2017, 9, 22),
            (un_e[2], oic_e[1]),
        ),
        (
            "Exchange of letters between UNDP and IsDB",
            "letters",
            datetime.date(2019, 1, 24),
            (un_e[4], oic_e[2]),
        ),
    ):
        agreement = saved(
            Agreement(
                framework=fw,
                title=title,
                kind=kind,
                signed_on=signed,
                in_force_from=signed,
                status="in_force",
            ),
            admin,
        )
        agreement.parties.set(parties)


def un_entity_rows() -> list[tuple[str, str, str, str, str]]:
    """The UN entities of the reports' world, in ``UN_ENTITIES`` order, as (acronym,
    English, French, Arabic, kind) (bench/report_combined.py writes them without a world)."""
    rows = {name: (acr, en, fr, ar, kind) for name, _, acr, en, fr, ar, kind in EXTRA_ENTITIES}
    for name, (_, _, kind, acr, en, fr, ar) in BASE_ENTITIES.items():
        rows[name] = (acr, en, fr, ar, kind)
    return [rows[name] for name in UN_ENTITIES]
