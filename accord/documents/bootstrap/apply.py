"""Write confirmed proposals, idempotently.

Reads a ``Plan`` (propose.py) and the database; writes organizations, the framework,
the resolution with its paragraphs and citations, entities (with former names),
priority areas, agreements, meetings, mandates and action items, each save leaving a
history record that names the user. ``Writer.apply(proposal)`` is the one entry for a
proposal, used by the bootstrap and by a coordinator confirming a review item.

Idempotent by natural keys: gazetteer ids (organizations, entities), the symbol
(resolutions), pid (paragraphs), (framework, code) for priority areas, (framework,
kind, signed_on) for agreements, (framework, kind, start_on) or (framework, kind,
year_planned) for meetings, (resolution, paragraph) for mandates, (framework, mandate)
for action items. An existing row is never overwritten: only its empty fields are
filled (and many-to-many links added), so a coordinator's corrections survive a second
bootstrap, and a second run on the same file writes nothing at all. Soft-deleted rows
stay deleted.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any, TypeVar, cast

from django.db import models
from django.db.models.fields.files import FieldFile
from simple_history.utils import bulk_create_with_history

from accord.cooperation.models import ActionItem, Framework, Meeting, PriorityArea
from accord.core.models import AccordModel
from accord.core.services import object_create, object_update
from accord.core.signals import rows_bulk_created
from accord.documents.bootstrap.proposals import Plan, Proposal
from accord.documents.models import Citation, Mandate, Paragraph, Resolution
from accord.registry.models import Agreement, Entity, EntityFormerName, Organization

_M = TypeVar("_M", bound=AccordModel)


def _blank(value: Any) -> bool:
    if isinstance(value, FieldFile):
        return not value.name
    return value is None or value == "" or value == [] or value == {}


def _current(obj: models.Model, name: str) -> Any:
    """The stored value of a field (the id for a foreign key: no query)."""
    return getattr(obj, cast(models.Field, obj._meta.get_field(name)).attname)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class Writer:
    """Writes proposals for one framework and one resolution, as one user.

    ``counts`` records what happened: ``counts["entity"]["created"]`` and so on
    ("created", "updated" when empty fields were filled, "unchanged", "deleted" when
    the row was soft-deleted and left alone).
    """

    def __init__(self, *, user, reason: str):
        self.user = user
        self.reason = reason
        self.counts: dict[str, Counter] = {}
        self.framework: Framework | None = None
        self.resolution: Resolution | None = None
        self.paragraphs: dict[str, Paragraph] = {}
        self._entities: dict[str | None, Entity] | None = None  # by gazetteer id, loaded once
        self._unlinked: list[Entity] | None = None  # entities without a gazetteer id
        self._organizations: dict[str, Organization] = {}
        self._cache: dict[tuple, list[Any]] = {}  # rows of a framework or resolution, loaded once

    def _rows(self, model: type[_M], **owner: Any) -> list[_M]:
        """The stored rows of ``model`` that belong to ``owner`` (framework= or resolution=),
        soft-deleted ones included, read once per writer."""
        key = (model, *sorted((k, v.pk) for k, v in owner.items()))
        if key not in self._cache:
            self._cache[key] = list(model.all_objects.filter(**owner).order_by("id"))
        return self._cache[key]

    def _keep(self, rows: list[_M], obj: _M) -> _M:
        """Put the latest copy of ``obj`` in the cached ``rows``."""
        if obj is not None:
            for i, row in enumerate(rows):
                if row.pk == obj.pk:
                    rows[i] = obj
                    break
            else:
                rows.append(obj)
        return obj

    def _count(self, kind: str, outcome: str) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def _add(self, kind: str, **outcomes: int) -> None:
        self.counts[kind] = self.counts.get(kind, Counter()) + Counter(outcomes)

    def upsert(
        self,
        kind: str,
        model: type[_M],
        lookup: dict[str, Any],
        values: dict[str, Any],
        m2m: dict[str, list] | None = None,
        obj: _M | None = None,
        create: bool = False,
    ) -> _M:
        """Create the row ``lookup`` names, or fill the empty fields of the existing one
        (``obj`` when the caller found it; ``create``: the caller knows there is none)."""
        if obj is None and not create:
            obj = model.all_objects.filter(**lookup).first()
        if obj is None:
            links = {k: v for k, v in (m2m or {}).items() if v}
            obj = object_create(
                model=model, by=self.user, reason=self.reason, **{**lookup, **values, **links}
            )
            self._count(kind, "created")
            return obj
        if obj.deleted_at is not None:
            self._count(kind, "deleted")
            return obj
        changes = {k: v for k, v in values.items() if _blank(_current(obj, k)) and not _blank(v)}
        for name, targets in (m2m or {}).items():
            current = set(getattr(obj, name).all())
            if set(targets) - current:
                changes[name] = list(current | set(targets))
        if changes:
            obj = object_update(
                obj=obj, by=self.user, expected_version=obj.version, reason=self.reason, **changes
            )
        self._count(kind, "updated" if changes else "unchanged")
        return obj

    # -- the framework and the resolution ----------------------------------------

    def organization(self, data: dict) -> Organization:
        org = self.upsert(
            "organization",
            Organization,
            {"code": data["gazetteer_id"]},
            {
                "name_en": data["names"]["en"],
                "name_fr": data["names"]["fr"],
                "name_ar": data["names"]["ar"],
                "acronym": data["acronym"],
                "kind": data.get("org_kind", "regional"),
            },
        )
        self._organizations[org.code] = org
        return org

    def _organization(self, code: str | None) -> Organization | None:
        if not code:
            return None
        if code not in self._organizations:
            found = Organization.all_objects.filter(code=code).first()
            if found is None:
                return None
            self._organizations[code] = found
        return self._organizations[code]

    def framework_for(self, plan: Plan, slug: str | None = None) -> Framework:
        un = Organization.all_objects.get(code=plan.un)
        partner = Organization.all_objects.get(code=plan.partner)
        if slug:  # the framework named, created with that slug when missing
            existing = Framework.all_objects.filter(slug=slug).first()
        else:  # the first framework of the UN and this partner
            existing = (
                Framework.all_objects.filter(un_organization=un, partner=partner)
                .order_by("id")
                .first()
            )
        name = f"{un.acronym or un.name_en}-{partner.acronym or partner.name_en}"
        self.framework = self.upsert(
            "framework",
            Framework,
            {"slug": slug or plan.framework_slug},
            {"name": name, "un_organization": un, "partner": partner},
            obj=existing,
        )
        return self.framework

    def store_resolution(
        self, plan: Plan, parsed: dict, akn: str, source_name: str, source_bytes: bytes | None
    ) -> Resolution:
        r = plan.resolution
        values = {
            "framework": self.framework,
            "session": r.session,
            "number": r.number,
            "title": r.title,
            "adopted_on": r.adopted_on,
            "distributed_on": r.distributed_on,
            "agenda_items": list(r.agenda_items),
            "basis": parsed.get("basis") or {},
            "meeting": r.meeting or "",
            "source_format": r.source_format,
            "parsed": parsed,
            "akn": akn,
            "warnings": list(r.warnings),
        }
        existing = Resolution.all_objects.filter(symbol=r.symbol).first()
        if existing is None and source_bytes is not None:
            from django.core.files.base import ContentFile

            values["source_file"] = ContentFile(source_bytes, name=source_name)
        self.resolution = self.upsert(
            "resolution", Resolution, {"symbol": r.symbol}, values, obj=existing
        )
        self._paragraphs(plan)
        self._citations(plan)
        return self.resolution

    def _paragraphs(self, plan: Plan) -> None:
        have = set(
            Paragraph.all_objects.filter(resolution=self.resolution).values_list("pid", flat=True)
        )
        rows = []
        for order, p in enumerate((*plan.resolution.preamble, *plan.resolution.operative), start=1):
            if p.id in have:
                continue
            operative = p.id.startswith("op-")
            rows.append(
                Paragraph(
                    resolution=self.resolution,
                    pid=p.id,
                    order=order,
                    text=p.text,
                    kind=Paragraph.Kind.OPERATIVE if operative else Paragraph.Kind.PREAMBLE,
                    number=getattr(p, "number", None) if operative else order,
                    phrase_or_verb=(p.verb if operative else p.phrase)[:200],
                )
            )
        if rows:
            bulk_create_with_history(
                rows, Paragraph, default_user=self.user, default_change_reason=self.reason
            )
        self._add("paragraph", created=len(rows), unchanged=len(have))
        self.paragraphs = {
            p.pid: p for p in Paragraph.all_objects.filter(resolution=self.resolution)
        }
        if rows:
            created = [self.paragraphs[r.pid] for r in rows if r.pid in self.paragraphs]
            rows_bulk_created.send(sender=Paragraph, rows=created)

    def _citations(self, plan: Plan) -> None:
        have = set(
            Citation.all_objects.filter(resolution=self.resolution).values_list(
                "paragraph__pid", "symbol"
            )
        )
        known = dict(Resolution.all_objects.values_list("symbol", "pk"))
        rows = []
        for c in plan.resolution.citations:
            if (c.paragraph, c.symbol) in have:
                continue
            have.add((c.paragraph, c.symbol))
            full = (
                f"A/RES/{c.symbol}"
                if c.kind == "ga-resolution" and not c.symbol.startswith("A/")
                else c.symbol
            )
            rows.append(
                Citation(
                    resolution=self.resolution,
                    paragraph=self.paragraphs.get(c.paragraph or ""),
                    kind=c.kind,
                    symbol=c.symbol[:100],
                    cited_on=c.date,
                    cited_resolution_id=known.get(full),
                )
            )
        if rows:
            bulk_create_with_history(
                rows, Citation, default_user=self.user, default_change_reason=self.reason
            )
        self._add(
            "citation", created=len(rows), unchanged=len(plan.resolution.citations) - len(rows)
        )
        # Citations stored earlier that name this resolution now point at it.
        short = f"{plan.resolution.session}/{plan.resolution.number}"
        for c in Citation.objects.filter(
            kind="ga-resolution", symbol=short, cited_resolution__isnull=True
        ):
            object_update(
                obj=c,
                by=self.user,
                expected_version=c.version,
                reason=self.reason,
                cited_resolution=self.resolution,
            )

    # -- proposals ------------------------------------------------------------------

    def apply(self, proposal: Proposal, data: dict | None = None) -> models.Model | None:
        """Write one proposal (with ``data`` when a coordinator corrected it)."""
        return getattr(self, f"_apply_{proposal.kind}")(proposal, data or proposal.data)

    def _apply_organization(self, proposal: Proposal, data: dict) -> Organization:
        return self.organization(data)

    def _stored_entity(self, gazetteer_id: str) -> Entity | None:
        """The stored entity with this gazetteer id, soft-deleted or not (read once)."""
        if self._entities is None:
            self._entities = {
                e.gazetteer_id: e for e in Entity.all_objects.filter(gazetteer_id__isnull=False)
            }
        return self._entities.get(gazetteer_id)

    def unlinked_entity(self, organization_code: str | None, data: dict) -> Entity | None:
        """An entity entered by hand (no gazetteer id) of the same organization with the
        proposal's acronym or English name: the same body, to link rather than duplicate."""
        if self._unlinked is None:
            self._unlinked = list(
                Entity.all_objects.filter(gazetteer_id__isnull=True).select_related("organization")
            )
        names = {(data.get("acronym") or "").casefold(), (data["names"]["en"] or "").casefold()}
        names.discard("")
        return next(
            (
                e
                for e in self._unlinked
                if e.organization.code == organization_code
                and {e.acronym.casefold(), e.name_en.casefold()} & names
            ),
            None,
        )

    def _entity(self, gazetteer_id: str | None) -> Entity | None:
        """The live entity with this gazetteer id, to refer to."""
        found = self._stored_entity(gazetteer_id) if gazetteer_id else None
        return found if found is not None and found.deleted_at is None else None

    def _apply_entity(self, proposal: Proposal, data: dict) -> Entity:
        org = self._organization(data["organization"]) or self.organization(
            _organization_stub(data["organization"])
        )
        gid = data["gazetteer_id"]
        stored = self._stored_entity(gid) or self.unlinked_entity(data["organization"], data)
        entity = self.upsert(
            "entity",
            Entity,
            {"gazetteer_id": gid},
            {
                "gazetteer_id": gid,
                "organization": org,
                "kind": data["kind"] if data["kind"] in Entity.Kind.values else Entity.Kind.OTHER,
                "name_en": data["names"]["en"],
                "name_fr": data["names"]["fr"],
                "name_ar": data["names"]["ar"],
                "acronym": data["acronym"],
                "parent": self._entity(data.get("parent")),
            },
            obj=stored,
            create=stored is None,
        )
        assert self._entities is not None  # (loaded by _stored_entity above)
        self._entities[gid] = entity
        if self._unlinked and stored in self._unlinked:
            self._unlinked.remove(stored)
        for former in data.get("former_names", []):
            self.upsert(
                "former_name",
                EntityFormerName,
                {"entity": entity, "name": former["name"]},
                {"until": _date(former["until"])},
            )
        # Entities stored earlier without their parent (it was not named then) get it now.
        for child in list(self._entities.values()):
            if (
                child.parent_id is None
                and child.deleted_at is None
                and _gazetteer_parent(child.gazetteer_id) == gid
            ):
                self._entities[child.gazetteer_id] = self.upsert(
                    "entity", Entity, {}, {"parent": entity}, obj=child
                )
        return entity

    def _apply_priority_area(self, proposal: Proposal, data: dict) -> PriorityArea:
        rows = self._rows(PriorityArea, framework=self.framework)
        found = next((a for a in rows if a.code == data["code"]), None)
        return self._keep(
            rows,
            self.upsert(
                "priority_area",
                PriorityArea,
                {"framework": self.framework, "code": data["code"]},
                {"name_en": data["name_en"], "order": data["order"]},
                obj=found,
                create=found is None,
            ),
        )

    def _apply_agreement(self, proposal: Proposal, data: dict) -> Agreement:
        parties = [e for e in (self._entity(i) for i in data["parties"]) if e]
        signed = _date(data["signed_on"])
        rows = self._rows(Agreement, framework=self.framework)
        found = next((a for a in rows if a.kind == data["kind"] and a.signed_on == signed), None)
        return self._keep(
            rows,
            self.upsert(
                "agreement",
                Agreement,
                {
                    "framework": self.framework,
                    "kind": data["kind"],
                    "signed_on": signed,
                },
                {
                    "title": data["title"][:500],
                    "renewal": data.get("renewal", ""),
                    "source_paragraph": self.paragraphs.get(proposal.paragraph or ""),
                },
                m2m={"parties": parties},
                obj=found,
                create=found is None,
            ),
        )

    def _apply_meeting(self, proposal: Proposal, data: dict) -> Meeting:
        start = _date(data["start_on"])
        values = {
            "title": data["title"][:500],
            "end_on": _date(data["end_on"]),
            "place": data["place"][:200],
            "source_paragraph": self.paragraphs.get(proposal.paragraph or ""),
            "host_organization": self._organization(data.get("host_organization")),
        }
        base = {"framework": self.framework, "kind": data["kind"]}
        rows = self._rows(Meeting, framework=self.framework)
        same_kind = [m for m in rows if m.kind == data["kind"]]
        if start is None:
            found = next(
                (
                    m
                    for m in same_kind
                    if m.start_on is None and m.year_planned == data["year_planned"]
                ),
                None,
            )
            return self._keep(
                rows,
                self.upsert(
                    "meeting",
                    Meeting,
                    {**base, "start_on": None, "year_planned": data["year_planned"]},
                    values,
                    obj=found,
                    create=found is None,
                ),
            )
        found = next((m for m in same_kind if m.start_on == start), None)
        if found is None:  # the planned meeting of that year now has its dates
            found = next(
                (m for m in same_kind if m.start_on is None and m.year_planned == start.year), None
            )
        return self._keep(
            rows,
            self.upsert(
                "meeting",
                Meeting,
                {**base, "start_on": start},
                {**values, "start_on": start},
                obj=found,
                create=found is None,
            ),
        )

    def _mandate(self, paragraph: Paragraph, verb: str, occurrence: int) -> Mandate | None:
        """The ``occurrence``-th stored mandate with ``verb`` in ``paragraph`` (natural key)."""
        rows = self._rows(Mandate, resolution=self.resolution)
        same = [
            m
            for m in rows
            if m.paragraph_id == paragraph.pk and m.verb.lower() == verb[:100].lower()
        ]
        return same[occurrence] if len(same) > occurrence else None

    def _apply_mandate(self, proposal: Proposal, data: dict) -> Mandate | None:
        paragraph = self.paragraphs.get(data["paragraph"])
        if paragraph is None:
            self._count("mandate", "no paragraph")
            return None
        entities = [e for e in (self._entity(i) for i in data["addressee_ids"]) if e]
        existing = self._mandate(paragraph, data["verb"], data.get("occurrence", 0))
        return self._keep(
            self._rows(Mandate, resolution=self.resolution),
            self.upsert(
                "mandate",
                Mandate,
                {"resolution": self.resolution, "paragraph": paragraph},
                {
                    "verb": data["verb"][:100],
                    "addressees": data["addressees"],
                    "action": data["action"],
                    "due_session": data["session"],
                    "due_year": data["year"],
                    "recurrence": data["recurrence"][:100],
                },
                m2m={"addressee_entities": entities},
                obj=existing,
                create=existing is None,
            ),
        )

    def _apply_action_item(self, proposal: Proposal, data: dict) -> ActionItem | None:
        ref = data["mandate"]
        paragraph = self.paragraphs.get(ref["paragraph"])
        mandate = self._mandate(paragraph, ref["verb"], ref["occurrence"]) if paragraph else None
        if mandate is None or mandate.deleted_at is not None:
            self._count("action_item", "no mandate")
            return None
        return self.upsert(
            "action_item",
            ActionItem,
            {"framework": self.framework, "mandate": mandate},
            {
                "title": data["title"][:500],
                "owner": self._entity(data.get("owner")),
                "due_on": _date(data["due_on"]),
            },
        )


def _gazetteer_parent(gazetteer_id: str | None) -> str | None:
    from resolutions.gazetteer import load_gazetteer

    g = load_gazetteer()
    return g[gazetteer_id].parent if gazetteer_id is not None and gazetteer_id in g else None


def _organization_stub(code: str) -> dict:
    from accord.documents.bootstrap.propose import _entry_data
    from resolutions.gazetteer import load_gazetteer

    data = _entry_data(load_gazetteer()[code])
    data["org_kind"] = "universal" if code == "un" else "regional"
    return data
