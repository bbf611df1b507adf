"""Open data: the matrix of a biennium and the registry as CSV and JSON, and each
resolution as Akoma Ntoso XML and JSON.

Reads (only what the asking user may read, through ``access.viewable``): Activity with
its leads, participants, SDG targets and last progress; Organization, Entity and
Agreement; Resolution with its paragraphs and mandates. Writes nothing; every function
returns ``(bytes, content type, file name)``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

from django.core.serializers.json import DjangoJSONEncoder

from accord.accounts.permissions import viewable
from accord.cooperation.models import Activity, Biennium
from accord.cooperation.selectors import matrix_rows, participants_by_activity
from accord.core.text import spreadsheet_text
from accord.documents.models import Resolution
from accord.registry.models import Agreement, Entity, Organization

CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json"
XML_TYPE = "application/akn+xml"
FORMATS = ("csv", "json")


class NoData(LookupError):
    """The thing asked for has no data in that form (e.g. a resolution without AKN)."""


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value):
    if isinstance(value, list):
        value = "; ".join(value)
    return spreadsheet_text(value) if isinstance(value, str) else value


def _json(data) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode("utf-8")


def matrix_records(biennium: Biennium, user) -> list[dict]:
    rows = list(viewable(user, matrix_rows(biennium=biennium)))
    ids = [a.pk for a in rows]
    participants = participants_by_activity(ids, value="entity__acronym")
    targets = defaultdict(list)
    for aid, code in Activity.sdg_targets.through.objects.filter(activity_id__in=ids).values_list(
        "activity_id", "sdgtarget__code"
    ):
        targets[aid].append(code)
    return [
        {
            "code": a.code,
            "title": a.title,
            "description": a.description,
            "priority_area": a.priority_area.code,
            "status": a.status,
            "un_lead": str(a.un_lead or ""),
            "partner_lead": str(a.partner_lead or ""),
            "participants": sorted(participants[a.pk]),
            "start_on": a.start_on,
            "end_on": a.end_on,
            "sdg_targets": sorted(targets[a.pk]),
            "funding_source": a.funding_source,
            # annotations of matrix_rows, not fields of the model
            "last_progress_date": a.last_progress_date,  # type: ignore[attr-defined]
            "last_progress": a.last_progress_text or "",  # type: ignore[attr-defined]
            "biennium": biennium.label,
            "framework": biennium.framework.slug,
            "is_demo": a.is_demo,
        }
        for a in rows
    ]


def matrix(biennium: Biennium, fmt: str, user) -> tuple[bytes, str, str]:
    records = matrix_records(biennium, user)
    name = f"matrix-{biennium.framework.slug}-{biennium.label}.{fmt}"
    if fmt == "csv":
        return _csv(records), CSV_TYPE, name
    return (
        _json(
            {
                "framework": biennium.framework.slug,
                "biennium": biennium.label,
                "activities": records,
            }
        ),
        JSON_TYPE,
        name,
    )


def registry(fmt: str, user) -> tuple[bytes, str, str]:
    """The organizations, their entities and the agreements; CSV gives the entities."""
    entities = [
        {
            "organization": e.organization.code,
            "acronym": e.acronym,
            "name_en": e.name_en,
            "name_fr": e.name_fr,
            "name_ar": e.name_ar,
            "kind": e.kind,
            "parent": str(e.parent or ""),
            "gazetteer_id": e.gazetteer_id or "",
        }
        for e in viewable(user, Entity.objects.select_related("organization", "parent"))
    ]
    if fmt == "csv":
        return _csv(entities), CSV_TYPE, "registry-entities.csv"
    agreements = [
        {
            "title": a.title,
            "kind": a.kind,
            "framework": a.framework.slug if a.framework is not None else None,
            "parties": [str(e) for e in a.parties.all()],
            "signed_on": a.signed_on,
            "in_force_from": a.in_force_from,
            "expires_on": a.expires_on,
            "status": a.status,
        }
        for a in viewable(
            user, Agreement.objects.select_related("framework").prefetch_related("parties")
        )
    ]
    organizations = [
        {
            "code": o.code,
            "acronym": o.acronym,
            "name_en": o.name_en,
            "name_fr": o.name_fr,
            "name_ar": o.name_ar,
            "kind": o.kind,
        }
        for o in viewable(user, Organization.objects.all())
    ]
    return (
        _json({"organizations": organizations, "entities": entities, "agreements": agreements}),
        JSON_TYPE,
        "registry.json",
    )


def resolution(res: Resolution, fmt: str) -> tuple[bytes, str, str]:
    """A resolution as AKN XML (the stored ``akn``, else made from its source file by the
    parser) or JSON (the stored parse, with paragraphs and mandates)."""
    stem = res.symbol.replace("/", "_")
    if fmt == "akn":
        xml = res.akn
        if not xml and res.source_file:
            import resolutions

            with res.source_file.open("rb") as handle:
                xml = resolutions.to_akn(resolutions.parse(handle.read()))
        if not xml:
            raise NoData(
                f"{res.symbol} has no Akoma Ntoso text stored and no source file to make it from."
            )
        return xml.encode("utf-8"), XML_TYPE, f"{stem}.akn.xml"
    data = {
        "symbol": res.symbol,
        "session": res.session,
        "title": res.title,
        "adopted_on": res.adopted_on,
        "agenda_items": res.agenda_items,
        "paragraphs": [
            {"pid": p.pid, "kind": p.kind, "number": p.number, "text": p.text}
            for p in res.paragraphs.order_by("order")
        ],
        "mandates": [
            {
                "paragraph": m.paragraph.pid,
                "verb": m.verb,
                "addressees": m.addressees,
                "action": m.action,
                "due_session": m.due_session,
                "due_year": m.due_year,
                "status": m.status,
            }
            for m in res.mandates.select_related("paragraph")
        ],
        "parsed": res.parsed or None,
    }
    return _json(data), JSON_TYPE, f"{stem}.json"
