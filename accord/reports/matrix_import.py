"""Taking a spreadsheet of the matrix back: read rows, check every cell, say what would
change (a preview), and apply it all in one transaction or nothing.

Reads: the rows a reader (``matrix_xlsx.read_rows`` / ``matrix_csv.read_rows``) gives,
the framework's activities, entities, priority areas, bienniums and SDG targets, and
the permissions module (``accord.accounts.permissions``). Writes (``apply_import``
only): Activity rows and their many-to-many links, with one history record per changed
or created activity naming the user; nothing at all when any row has a problem.

Rows are matched by code within the framework: a known code updates its activity, a new
code creates one. Other users' edits are never overwritten:

- a changed row needs the Version the file was exported at; a row whose activity moved
  since, or a changed row without a version (the column deleted, the cell emptied), is a
  conflict (reported, never written);
- the apply takes the plan the user confirmed (``ImportPlan.confirmation()``, kept by the
  page with the upload): a row whose activity changed since the preview, or whose
  action or changed fields differ from it, is a conflict;
- a column missing from the file leaves its field as it is (``ImportPlan.absent``);
- ``can_edit`` is asked of each row as it is and as it will be (a focal point cannot
  hand their row to another lead).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accord.accounts.permissions import can_create, can_edit
from accord.cooperation.models import Activity, Framework
from accord.cooperation.selectors import participants_by_activity
from accord.cooperation.services import activity_create, activity_update
from accord.core.errors import AccordError, StaleEdit
from accord.reports.matrix_row import MatrixRowForm
from accord.reports.matrix_table import (
    COLUMN_BY_NAME,
    LIST_SEPARATOR,
    Lookups,
    area_label,
    cell_text,
    header_key,
)
from accord.search.index import indexing_deferred

REQUIRED_COLUMNS = ("code", "title", "priority_area")
FIELDS = (
    "title",
    "description",
    "priority_area",
    "status",
    "un_lead",
    "partner_lead",
    "participants",
    "start_on",
    "end_on",
    "funding_source",
    "sdg_targets",
    "biennium",
)


@dataclass
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("row %(row)d, column %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class FieldChange:
    field: str
    column: str
    old: str
    new: str


@dataclass
class RowPlan:
    row: int
    code: str
    action: str  # "create", "update" or "unchanged"
    changes: list[FieldChange] = field(default_factory=list)
    activity: Activity | None = None
    values: dict[str, Any] = field(default_factory=dict)
    file_version: int | None = None


@dataclass
class ImportPlan:
    framework: Framework | None
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False
    absent: list[str] = field(default_factory=list)  # headers of the columns not in the file

    @property
    def is_valid(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def confirmation(self) -> dict[str, list]:
        """What the user confirms on the preview, kept server-side with the upload: per
        row to write, ``[action, version shown, changed fields]``."""
        return {
            r.code: [
                r.action,
                r.activity.version if r.activity is not None else None,
                sorted(c.field for c in r.changes),
            ]
            for r in self.rows
            if r.action in ("create", "update")
        }

    def preview(self) -> dict[str, Any]:
        """What the preview page shows, as JSON for the job that planned the file (in the
        language of the moment), with the ``confirmation()`` the apply holds the file to."""
        return {
            "summary": self.summary(),
            "absent": list(self.absent),
            "problems": [
                {"row": p.row, "column": p.column, "message": p.message} for p in self.problems
            ],
            "rows": [
                {
                    "row": r.row,
                    "code": r.code,
                    "action": r.action,
                    "changes": [
                        {"field": c.field, "column": c.column, "old": c.old, "new": c.new}
                        for c in r.changes
                    ],
                }
                for r in self.rows
                if r.action != "unchanged"
            ],
            "valid": self.is_valid,
            "writes": self.is_valid and bool(self.count("create") or self.count("update")),
            "confirmation": self.confirmation(),
        }

    def summary(self) -> str:
        return _(
            "%(create)d to create, %(update)d to update, %(unchanged)d unchanged, "
            "%(problems)d problem(s)"
        ) % {
            "create": self.count("create"),
            "update": self.count("update"),
            "unchanged": self.count("unchanged"),
            "problems": len(self.problems),
        }


class ImportRejected(AccordError):
    """The file has problems; nothing was written. ``plan.problems`` lists them."""

    def __init__(self, plan: ImportPlan):
        super().__init__(
            _("The file was not imported: %(count)d problem(s); nothing was written.")
            % {"count": len(plan.problems)}
        )
        self.plan = plan


def _text(value) -> str:
    return cell_text(value)


def _parse_row(
    cells: dict[str, Any], lk: Lookups, row: int, problems: list[Problem], default_biennium=None
) -> dict[str, Any]:
    """Turn one row's cells into field values through ``MatrixRowForm``, appending a
    Problem (translated, on the cell's column) for each bad cell; an empty biennium cell
    takes ``default_biennium`` when given."""
    form = MatrixRowForm(cells, lookups=lk, default_biennium=default_biennium)
    form.is_valid()
    for name, messages in form.errors.items():
        column = COLUMN_BY_NAME[name].header if name in COLUMN_BY_NAME else ""
        problems.extend(Problem(row, column, str(m)) for m in messages)
    values = {name: form.cleaned_data.get(name) for name in form.fields}
    if not values["code"]:
        values["code"] = _text(cells.get("code")).strip()
    return values


def _current(activity: Activity, participants: set[int], targets: set[int]) -> dict[str, Any]:
    return {
        "title": activity.title,
        "description": activity.description,
        "priority_area": activity.priority_area,
        "status": activity.status,
        "un_lead": activity.un_lead,
        "partner_lead": activity.partner_lead,
        "participants": participants,
        "start_on": activity.start_on,
        "end_on": activity.end_on,
        "funding_source": activity.funding_source,
        "sdg_targets": targets,
        "biennium": activity.biennium,
    }


def _show(name: str, value, lk: Lookups) -> str:
    if value is None:
        return ""
    if name == "priority_area":
        return area_label(value)
    if name in ("un_lead", "partner_lead"):
        return lk.entity_label.get(value.pk, str(value))
    if name == "participants":
        return LIST_SEPARATOR.join(sorted(lk.entity_label.get(pk, str(pk)) for pk in value))
    if name == "sdg_targets":
        codes = {t.pk: t.code for t in lk.sdg.values()}
        return LIST_SEPARATOR.join(sorted(codes.get(pk, str(pk)) for pk in value))
    if name == "biennium":
        return value.label
    return cell_text(value)


def _same(a, b) -> bool:
    if hasattr(a, "pk") or hasattr(b, "pk"):
        return getattr(a, "pk", a) == getattr(b, "pk", b)
    return a == b


def _read_header(header: list, plan: ImportPlan) -> list[str | None]:
    keys = []
    for text in header:
        key = header_key(text)
        if key is None and text not in (None, ""):
            plan.problems.append(
                Problem(1, str(text), _("unknown column (see the Codes sheet for the columns)"))
            )
        keys.append(key)
    for name in REQUIRED_COLUMNS:
        if name not in keys:
            plan.problems.append(
                Problem(1, COLUMN_BY_NAME[name].header, _("this column is missing"))
            )
    plan.absent = [c.header for c in COLUMN_BY_NAME.values() if c.name not in keys]
    return keys


def _records(keys, rows) -> list[tuple[int, dict[str, Any]]]:
    records = []
    for number, cells in rows:
        values = {k: cells[i] if i < len(cells) else None for i, k in enumerate(keys) if k}
        if all(_text(x).strip() == "" for x in values.values()):
            continue  # an empty line
        records.append((number, values))
    return records


def _framework_of(records, framework, plan: ImportPlan) -> Framework | None:
    slugs = {_text(v.get("framework")).strip() for _, v in records} - {""}
    if framework is not None:
        if slugs - {framework.slug}:
            plan.problems.append(
                Problem(
                    1,
                    "Framework",
                    _("the file belongs to %(slugs)s, not %(slug)s")
                    % {"slugs": ", ".join(sorted(slugs)), "slug": framework.slug},
                )
            )
            return None
        return framework
    if len(slugs) != 1:
        plan.problems.append(
            Problem(
                1,
                "Framework",
                _("the file does not say which framework it belongs to")
                if not slugs
                else _("rows of several frameworks: %(slugs)s")
                % {"slugs": ", ".join(sorted(slugs))},
            )
        )
        return None
    found = Framework.objects.filter(slug=slugs.pop()).first()
    if found is None:
        plan.problems.append(Problem(2, "Framework", _("unknown framework")))
    return found


@dataclass
class _Existing:
    """The framework's activities as they are now, with their many-to-many links."""

    by_code: dict[str, Activity]
    links: dict[int, set[int]]
    goals: dict[int, set[int]]

    @classmethod
    def load(cls, framework: Framework) -> _Existing:
        by_code = {
            a.code: a
            for a in Activity.objects.filter(framework=framework).select_related(
                "priority_area", "un_lead", "partner_lead", "biennium"
            )
        }
        ids = [a.pk for a in by_code.values()]
        links: dict[int, set[int]] = {pk: set() for pk in ids}
        goals: dict[int, set[int]] = {pk: set() for pk in ids}
        for aid, eids in participants_by_activity(ids).items():
            links[aid] |= eids
        through = Activity.sdg_targets.through.objects.filter(activity_id__in=ids)
        for aid, tid in through.values_list("activity_id", "sdgtarget_id"):
            goals[aid].add(tid)
        return cls(by_code, links, goals)

    def now(self, activity: Activity) -> dict[str, Any]:
        return _current(activity, self.links[activity.pk], self.goals[activity.pk])


def plan_import(
    header: list,
    rows: list[tuple[int, list]],
    *,
    user,
    framework: Framework | None = None,
    biennium=None,
    confirmed: dict[str, list] | None = None,
) -> ImportPlan:
    """Check every row of a sheet (``header`` is row 1, ``rows`` are ``(row number,
    cells)``) against the database and return what an import would do; writes nothing.
    ``framework`` is needed when the file has no Framework column; ``biennium`` fills
    empty Biennium cells (e.g. the biennium of the page the file is uploaded to).
    ``confirmed`` is the ``confirmation()`` of the preview the user accepted: any row
    that would now be written otherwise is a conflict."""
    if biennium is not None and framework is None:
        framework = biennium.framework
    plan = ImportPlan(framework=framework)
    keys = _read_header(header, plan)
    if plan.problems:
        return plan
    records = _records(keys, rows)
    framework = _framework_of(records, framework, plan)
    if framework is None:
        return plan
    plan.framework = framework
    present = {k for k in keys if k}
    lk = Lookups.load(framework)
    existing = _Existing.load(framework)
    seen: dict[str, int] = {}
    for number, cells in records:
        problems: list[Problem] = []
        v = _parse_row(cells, lk, number, problems, biennium)
        code = v["code"]
        if code and code in seen:
            problems.append(
                Problem(
                    number,
                    COLUMN_BY_NAME["code"].header,
                    _("duplicated code “%(code)s” (also on row %(row)d)")
                    % {"code": code, "row": seen[code]},
                )
            )
        elif code:
            seen[code] = number
        rp = _plan_row(number, v, existing, present, lk, compare=not problems)
        if not problems:
            problems.extend(_row_refusals(rp, user, framework, confirmed))
        plan.problems.extend(problems)
        plan.rows.append(rp)
    return plan


def _plan_row(
    number: int, v: dict, existing: _Existing, present: set[str], lk, *, compare: bool
) -> RowPlan:
    """The row's action and (when ``compare``: the row is valid) its changes; a field
    whose column is absent is left as it is."""
    activity = existing.by_code.get(v["code"])
    rp = RowPlan(
        row=number,
        code=v["code"],
        action="create" if activity is None else "update",
        activity=activity,
        values=v,
        file_version=v["version"],
    )
    if not compare:
        return rp
    if activity is None:
        rp.changes = [
            FieldChange(name, COLUMN_BY_NAME[name].header, "", _show(name, v[name], lk))
            for name in FIELDS
            if v[name] not in (None, "", set())
        ]
        return rp
    now = existing.now(activity)
    for name in FIELDS:
        if name in present and not _same(now[name], v[name]):
            rp.changes.append(
                FieldChange(
                    name,
                    COLUMN_BY_NAME[name].header,
                    _show(name, now[name], lk),
                    _show(name, v[name], lk),
                )
            )
    if not rp.changes:
        rp.action = "unchanged"
    return rp


def _row_refusals(rp: RowPlan, user, framework, confirmed) -> list[Problem]:
    """Conflicts and permissions of a well-formed row (at most one problem)."""
    if rp.action == "unchanged":
        return []
    conflict = _conflict(rp, confirmed)
    if conflict:
        return [Problem(rp.row, "Version", conflict)]
    if rp.action == "update":
        if not (can_edit(user, rp.activity) and can_edit(user, _as_it_will_be(rp))):
            return [
                Problem(rp.row, "Code", _("you may not edit activity %(code)s") % {"code": rp.code})
            ]
        return []
    v = rp.values
    if not can_create(
        user,
        Activity,
        framework=framework,
        biennium=v["biennium"],
        priority_area=v["priority_area"],
        un_lead=v["un_lead"],
        partner_lead=v["partner_lead"],
    ):
        return [
            Problem(
                rp.row,
                "Code",
                _("you may not create activity %(code)s in %(slug)s")
                % {"code": rp.code, "slug": framework.slug},
            )
        ]
    return []


def _conflict(rp: RowPlan, confirmed) -> str:
    """Why writing this row could overwrite someone else's edit ("" when it cannot)."""
    activity = rp.activity
    if activity is not None and rp.file_version is None:
        return _(
            "conflict: the row of %(code)s has no Version, so Accord cannot tell your edits "
            "from edits made in Accord since the export; export again and redo the edit"
        ) % {"code": rp.code}
    if activity is not None and rp.file_version != activity.version:
        return _(
            "conflict: %(code)s was changed in Accord since this file was exported (version "
            "%(then)d, now %(now)d); export again and redo the edit"
        ) % {"code": rp.code, "then": rp.file_version, "now": activity.version}
    if confirmed is None:
        return ""
    now = [rp.action, activity.version if activity else None, sorted(c.field for c in rp.changes)]
    if confirmed.get(rp.code) != now:
        return _(
            "conflict: %(code)s was changed in Accord since the preview; "
            "upload the file again to see the changes"
        ) % {"code": rp.code}
    return ""


def _as_it_will_be(rp: RowPlan) -> Activity:
    """An unsaved copy of the row's activity with the file's leads and participants, for
    asking ``can_edit`` of the row as the import would leave it."""
    assert rp.activity is not None  # only rows that update an activity are asked
    future = copy.copy(rp.activity)
    changed = {c.field for c in rp.changes}
    for name in ("un_lead", "partner_lead"):
        if name in changed:
            setattr(future, name, rp.values[name])
    participants = rp.values["participants"] if "participants" in changed else None
    if participants is not None:
        from accord.registry.models import Entity

        future._prefetched_objects_cache = {  # type: ignore[attr-defined]
            "participants": [Entity(pk=pk) for pk in sorted(participants)]
        }
    return future


def apply_import(plan: ImportPlan, *, user) -> ImportPlan:
    """Write a valid plan in one transaction; raise ``ImportRejected`` (nothing written)
    when the plan or any write has a problem, e.g. someone saved an activity between
    the preview and the apply."""
    if not plan.is_valid:
        raise ImportRejected(plan)
    try:
        with transaction.atomic(), indexing_deferred():
            for rp in plan.rows:
                if rp.action == "update":
                    _update(rp, user)
                elif rp.action == "create":
                    assert plan.framework is not None  # a plan is made for a framework
                    _create(rp, user, plan.framework)
    except StaleEdit as exc:
        plan.problems.append(
            Problem(rp.row, "Version", _("conflict: %(reason)s") % {"reason": exc})
        )
        raise ImportRejected(plan) from exc
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            column = COLUMN_BY_NAME[name].header if name in COLUMN_BY_NAME else name
            plan.problems.extend(Problem(rp.row, column, m) for m in messages)
        raise ImportRejected(plan) from exc
    except AccordError as exc:
        plan.problems.append(Problem(rp.row, "", str(exc)))
        raise ImportRejected(plan) from exc
    plan.applied = True
    return plan


def _update(rp: RowPlan, user) -> None:
    assert rp.activity is not None  # an "update" row always has its activity
    v = rp.values
    changes = {c.field: v[c.field] for c in rp.changes}
    for name in ("participants", "sdg_targets"):
        if name in changes:
            changes[name] = sorted(changes[name])
    activity_update(
        activity=rp.activity,
        user=user,
        expected_version=rp.activity.version,
        reason="Imported from a spreadsheet",
        **changes,
    )


def _create(rp: RowPlan, user, framework: Framework) -> None:
    v = rp.values
    rp.activity = activity_create(
        user=user,
        reason="Imported from a spreadsheet",
        framework=framework,
        biennium=v["biennium"],
        code=v["code"],
        title=v["title"],
        description=v["description"],
        priority_area=v["priority_area"],
        status=v["status"],
        un_lead=v["un_lead"],
        partner_lead=v["partner_lead"],
        start_on=v["start_on"],
        end_on=v["end_on"],
        funding_source=v["funding_source"],
        participants=sorted(v["participants"]),
        sdg_targets=sorted(v["sdg_targets"]),
    )
