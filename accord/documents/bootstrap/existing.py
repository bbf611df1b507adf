"""Is a proposal's row already stored? Then the review list does not ask about it.

Reads the rows a ``Writer`` has cached for its framework and resolution (through the
same natural keys ``apply.py`` matches on; soft-deleted rows count, since a deleted row
stays deleted); writes nothing.
"""

from __future__ import annotations

from accord.cooperation.models import ActionItem, Meeting, PriorityArea
from accord.documents.bootstrap.apply import Writer, _date
from accord.documents.bootstrap.proposals import Proposal
from accord.registry.models import Agreement, Organization


def _meeting(writer: Writer, data: dict) -> bool:
    rows = writer._rows(Meeting, framework=writer.framework)
    start = _date(data.get("start_on"))
    if start is None:
        return any(
            m.kind == data.get("kind")
            and m.start_on is None
            and m.year_planned == data.get("year_planned")
            for m in rows
        )
    return any(m.kind == data.get("kind") and m.start_on == start for m in rows)


def _mandate(writer: Writer, data: dict):
    paragraph = writer.paragraphs.get(data.get("paragraph") or "")
    if paragraph is None:
        return None
    return writer._mandate(paragraph, data.get("verb") or "", data.get("occurrence", 0))


def exists(writer: Writer, proposal: Proposal) -> bool:
    """True when the row ``proposal`` would write is stored already."""
    data, kind = proposal.data, proposal.kind
    if kind == "organization":
        return Organization.all_objects.filter(code=proposal.key).exists()
    if kind == "entity":
        stored = writer._stored_entity(data.get("gazetteer_id") or proposal.key)
        return stored is not None or (
            "names" in data and writer.unlinked_entity(data.get("organization"), data) is not None
        )
    if kind == "priority_area":
        rows = writer._rows(PriorityArea, framework=writer.framework)
        return any(a.code == data.get("code") for a in rows)
    if kind == "agreement":
        agreements = writer._rows(Agreement, framework=writer.framework)
        signed = _date(data.get("signed_on"))
        return any(a.kind == data.get("kind") and a.signed_on == signed for a in agreements)
    if kind == "meeting":
        return _meeting(writer, data)
    if kind == "mandate":
        return _mandate(writer, data) is not None
    if kind == "action_item":
        mandate = _mandate(writer, data.get("mandate") or {})
        return (
            mandate is not None
            and ActionItem.all_objects.filter(framework=writer.framework, mandate=mandate).exists()
        )
    return False
