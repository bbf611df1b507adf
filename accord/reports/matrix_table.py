"""The matrix of one biennium as a table: the columns a spreadsheet carries, the rows
of the export, and the lookups the import uses to read cells back.

Reads: Activity (with its priority area, leads, participants and SDG targets),
PriorityArea, Entity, Biennium, SDGTarget. Writes: nothing.

The same columns serve .xlsx and .csv. ``framework`` and ``version`` are hidden in the
workbook: ``version`` is the activity's version at export, so that an import can tell a
row edited in the file from a row edited in Accord since (a conflict).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from accord.accounts.permissions import viewable
from accord.cooperation.models import Activity, Biennium, Framework, PriorityArea, SDGTarget
from accord.cooperation.selectors import participants_by_activity
from accord.registry.models import Entity

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str  # the field it stands for
    header: str  # the header written in row 1
    width: int  # readable width in characters
    hidden: bool = False
    list_name: str = ""  # the drop-down list of allowed values, if any


COLUMNS: list[Column] = [
    Column("code", "Code", 14),
    Column("title", "Title", 48),
    Column("description", "Description", 60),
    Column("priority_area", "Priority area", 30, list_name="priority_areas"),
    Column("status", "Status", 13, list_name="statuses"),
    Column("un_lead", "UN lead", 20, list_name="un_entities"),
    Column("partner_lead", "Partner lead", 20, list_name="partner_entities"),
    Column("participants", "Other participants", 30),
    Column("start_on", "Start", 12),
    Column("end_on", "End", 12),
    Column("funding_source", "Funding source", 24),
    Column("sdg_targets", "SDG targets", 18),
    Column("biennium", "Biennium", 11, list_name="bienniums"),
    Column("framework", "Framework", 10, hidden=True),
    Column("version", "Version", 8, hidden=True),
]
COLUMN_BY_NAME = {c.name: c for c in COLUMNS}


def header_key(text) -> str | None:
    """The column name a header cell stands for ("UN lead", "un_lead" -> "un_lead")."""
    if text is None:
        return None
    key = str(text).strip().lower()
    for column in COLUMNS:
        if key in (column.name, column.header.lower()):
            return column.name
    return None


def entity_labels(entities) -> dict[int, str]:
    """A unique short label per entity: its acronym, or its English name when the acronym
    is missing or shared by another entity."""
    entities = list(entities)
    counts = Counter(e.acronym.strip().lower() for e in entities if e.acronym.strip())
    out = {}
    for e in entities:
        acronym = e.acronym.strip()
        out[e.pk] = acronym if acronym and counts[acronym.lower()] == 1 else e.name_en
    return out


@dataclass
class Lookups:
    """Everything an import needs to turn a cell into a value, loaded in a few queries."""

    framework: Framework
    areas: dict[str, list[PriorityArea]] = field(default_factory=dict)
    entities: dict[str, list[Entity]] = field(default_factory=dict)
    entity_label: dict[int, str] = field(default_factory=dict)
    bienniums: dict[str, Biennium] = field(default_factory=dict)
    sdg: dict[str, SDGTarget] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, framework: Framework) -> Lookups:
        found = cls(framework=framework)
        for area in PriorityArea.objects.filter(framework=framework):
            for key in {
                k.strip().lower()
                for k in (area.code, area.name_en, area.name_fr, area.name_ar)
                if k
            }:
                found.areas.setdefault(key, []).append(area)
        entities = list(Entity.objects.select_related("organization"))
        found.entity_label = entity_labels(entities)
        for e in entities:
            keys = {
                e.acronym,
                e.name_en,
                e.name_fr,
                e.name_ar,
                e.gazetteer_id,
                found.entity_label[e.pk],
            }
            for key in {k.strip().lower() for k in keys if k}:
                found.entities.setdefault(key, []).append(e)
        found.bienniums = {b.label: b for b in Biennium.objects.filter(framework=framework)}
        found.sdg = {t.code: t for t in SDGTarget.objects.all()}
        for value, label in Activity.Status.choices:
            found.statuses[value] = value
            found.statuses[str(label).lower()] = value
        return found


def area_label(area: PriorityArea | None) -> str:
    return area.name_en if area else ""


def sdg_sort_key(code: str):
    goal, _, target = code.partition(".")
    return (
        int(goal) if goal.isdigit() else 99,
        not target.isdigit(),
        int(target) if target.isdigit() else target,
    )


@dataclass
class MatrixTable:
    """The export of one biennium: header, rows (one list of cell values per activity),
    the drop-down lists, and the reference sheet of codes and names."""

    framework: Framework
    biennium: Biennium
    rows: list[list] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, code, name)

    @property
    def header(self) -> list[str]:
        return [c.header for c in COLUMNS]


_EXPORT_FIELDS = (
    "id",
    "code",
    "title",
    "description",
    "priority_area__name_en",
    "status",
    "un_lead_id",
    "partner_lead_id",
    "start_on",
    "end_on",
    "funding_source",
    "version",
)


def export_table(biennium: Biennium, *, user) -> MatrixTable:
    """Read the live activities of ``biennium`` that ``user`` may read (all of them for
    ``permissions.SYSTEM``, the command line), ordered by priority area then code, and the framework's
    reference lists; five queries whatever the size."""
    framework = biennium.framework
    entities = list(Entity.objects.select_related("organization"))
    labels = entity_labels(entities)
    activities = list(
        viewable(user, Activity.objects.filter(biennium=biennium))
        .order_by("priority_area__order", "priority_area__code", "code")
        .values_list(*_EXPORT_FIELDS)
    )
    ids = [a[0] for a in activities]
    participants = {
        aid: [labels[eid] for eid in eids] for aid, eids in participants_by_activity(ids).items()
    }
    targets = _sdg_codes(ids)
    table = MatrixTable(framework=framework, biennium=biennium)
    for activity in activities:
        values = dict(zip(_EXPORT_FIELDS, activity, strict=True))
        pk = values["id"]
        cells = {
            "code": values["code"],
            "title": values["title"],
            "description": values["description"],
            "priority_area": values["priority_area__name_en"],
            "status": values["status"],
            "un_lead": labels.get(values["un_lead_id"], ""),
            "partner_lead": labels.get(values["partner_lead_id"], ""),
            "participants": LIST_SEPARATOR.join(sorted(participants[pk], key=str.lower)),
            "start_on": values["start_on"],
            "end_on": values["end_on"],
            "funding_source": values["funding_source"],
            "sdg_targets": LIST_SEPARATOR.join(sorted(targets[pk], key=sdg_sort_key)),
            "biennium": biennium.label,
            "framework": framework.slug,
            "version": values["version"],
        }
        table.rows.append([cells[c.name] for c in COLUMNS])
    _add_references(table, entities, labels)
    return table


def _sdg_codes(ids: list[int]) -> dict[int, list[str]]:
    """The SDG target codes of each activity of ``ids``, in one query."""
    targets: dict[int, list[str]] = defaultdict(list)
    for activity_id, code in Activity.sdg_targets.through.objects.filter(
        activity_id__in=ids
    ).values_list("activity_id", "sdgtarget__code"):
        targets[activity_id].append(code)
    return targets


def _add_references(table: MatrixTable, entities: list[Entity], labels: dict[int, str]) -> None:
    """The drop-down lists and the reference sheet's rows: priority areas, statuses, each
    side's entities and the bienniums of the framework."""
    framework = table.framework
    areas = list(PriorityArea.objects.filter(framework=framework))
    un_side = sorted(
        (e for e in entities if e.organization_id == framework.un_organization_id),
        key=lambda e: labels[e.pk].lower(),
    )
    partner_side = sorted(
        (e for e in entities if e.organization_id == framework.partner_id),
        key=lambda e: labels[e.pk].lower(),
    )
    table.lists = {
        "priority_areas": [area_label(a) for a in areas],
        "statuses": list(Activity.Status.values),
        "un_entities": [labels[e.pk] for e in un_side],
        "partner_entities": [labels[e.pk] for e in partner_side],
        "bienniums": [
            b.label for b in Biennium.objects.filter(framework=framework).order_by("start_year")
        ],
    }
    table.codes = (
        [("priority area", a.code, a.name_en) for a in areas]
        + [("status", value, str(label)) for value, label in Activity.Status.choices]
        + [(f"entity ({framework.un_organization})", labels[e.pk], e.name_en) for e in un_side]
        + [(f"entity ({framework.partner})", labels[e.pk], e.name_en) for e in partner_side]
    )


def cell_text(value) -> str:
    """A cell as the text a person reads (dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
