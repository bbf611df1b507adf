"""A parsed resolution in, proposals out: plain data, nothing written.

Reads a ``resolutions.Resolution`` (its title, paragraphs, entities matched to the
gazetteer, mandates) and the gazetteer; writes a ``Plan`` of ``Proposal``s:

    organization   the UN and the partner the title names (partner.partner_from_title)
    entity         every body of either side the text names, with its gazetteer id,
                   kind, names in English, French and Arabic, acronym, former names and
                   parent; bodies of third organizations go to the review list
    priority_area  the enumerated fields of cooperation (areas.find_areas)
    agreement      memoranda of understanding or of cooperation and exchanges of
                   letters, with the date of signature and the parties the paragraph names
    meeting        meetings with dates, places and hosts (meetings.find_meetings)
    mandate        the parser's mandates (requests for action) with their due session
    action_item    the reporting obligation ("requests the Secretary-General to report
                   ... at its seventy-fifth session") as a dated action item

Each proposal carries a confidence and its source paragraph; ``Proposal.needs_review``
sends the unsure ones to the review list.
"""

from __future__ import annotations

import re
from collections import Counter

from django.utils.text import slugify

from accord.documents.bootstrap.areas import find_areas
from accord.documents.bootstrap.dates import find_spans, third_tuesday_of_september
from accord.documents.bootstrap.meetings import find_meetings
from accord.documents.bootstrap.partner import UN_ID, partner_from_title, partner_name
from accord.documents.bootstrap.proposals import Plan, Proposal
from resolutions.gazetteer import load_gazetteer
from resolutions.model import OperativeParagraph, PreambularParagraph, Resolution


def _paragraphs(resolution: Resolution) -> list[PreambularParagraph | OperativeParagraph]:
    """Every paragraph of ``resolution``, preamble first."""
    return [*resolution.preamble, *resolution.operative]


class NotACooperationResolution(ValueError):
    """The title names no partner organization the gazetteer knows."""


_AGREEMENT = re.compile(
    r"\b(memorand(?:um|a) of understanding|memorand(?:um|a) of cooperation|exchange of letters|"
    r"(?:cooperation|framework|partnership) agreement)\b",
    re.I,
)
_AGREEMENT_KINDS = {"understanding": "mou", "cooperation": "moc", "letters": "letters"}
_REPORT = re.compile(r"\b(?:to report|to submit[^;]{0,80}\breport|a report|the report)\b", re.I)


def _entry_data(entry) -> dict:
    return {
        "gazetteer_id": entry.id,
        "organization": entry.organization,
        "kind": entry.kind.replace(" ", "_"),
        "names": {lang: entry.names.get(lang, "") for lang in ("en", "fr", "ar")},
        "acronym": entry.acronym or "",
        "former_names": [
            {"name": f.names["en"], "until": f.until.isoformat() if f.until else None}
            for f in entry.former_names
        ],
        "parent": entry.parent,
    }


def organizations(un: str, partner: str, third: list[str]) -> list[Proposal]:
    g = load_gazetteer()
    out = []
    for org, confidence in [(un, 1.0), (partner, 1.0), *((t, 0.5) for t in third)]:
        data = _entry_data(g[org])
        data["org_kind"] = "universal" if org == UN_ID else "regional"
        reason = (
            ""
            if confidence >= 0.7
            else "a third organization, neither the United Nations nor the partner"
        )
        out.append(Proposal("organization", org, g[org].name, data, confidence, None, reason))
    return out


def entities(resolution: Resolution, un: str, partner: str) -> tuple[list[Proposal], list[str]]:
    """Entity proposals, and the ids of third organizations they belong to."""
    g = load_gazetteer()
    out, third = [], []
    for mention in resolution.entities:
        if mention.id not in g:
            continue
        entry = g[mention.id]
        own_side = entry.organization in (un, partner)
        if not own_side and entry.organization not in third:
            third.append(entry.organization)
        if (
            entry.id == entry.organization
        ):  # the organization itself: an Organization, not an Entity
            continue
        confidence = 0.95 if own_side else 0.5
        reason = "" if own_side else "a body of a third organization"
        out.append(
            Proposal(
                "entity",
                entry.id,
                entry.name,
                _entry_data(entry),
                confidence,
                mention.paragraphs[0] if mention.paragraphs else None,
                reason,
            )
        )
    return out, third


def priority_areas(resolution: Resolution) -> list[Proposal]:
    paragraphs = [(p.id, p.text) for p in _paragraphs(resolution)]
    names, pid, confidence = find_areas(paragraphs)
    reason = (
        "" if confidence >= 0.7 else "the number of areas the text states does not match the list"
    )
    return [
        Proposal(
            "priority_area",
            slugify(name)[:40],
            name,
            {"code": slugify(name)[:40], "name_en": name, "order": n},
            confidence,
            pid,
            reason,
        )
        for n, name in enumerate(names, start=1)
    ]


def _short(g, entry_id: str) -> str:
    """ "UNOCT", "OIC General Secretariat": how an agreement's title names a party."""
    entry = g[entry_id]
    if entry.acronym:
        return entry.acronym
    org = g[entry.organization]
    return entry.name if org.name in entry.name else f"{org.acronym or org.name} {entry.name}"


def agreements(resolution: Resolution, un: str, partner: str) -> list[Proposal]:
    g = load_gazetteer()
    named: dict[str, list[str]] = {}
    for mention in resolution.entities:
        if (
            mention.id in g
            and g[mention.id].organization in (un, partner)
            and mention.id != g[mention.id].organization
        ):
            for pid in mention.paragraphs:
                named.setdefault(pid, []).append(mention.id)
    out = []
    for p in _paragraphs(resolution):
        for m in _AGREEMENT.finditer(p.text):
            span = next((s for s in find_spans(p.text) if 0 <= s.begin - m.end() <= 60), None)
            if span is None:
                continue
            word = m.group(1).lower().split()[-1]
            kind = _AGREEMENT_KINDS.get(word, "other")
            parties = named.get(p.id, [])
            parties = sorted(parties, key=lambda e: g[e].organization != un)
            sides = {g[e].organization for e in parties}
            title = f"{m.group(1)[:1].upper()}{m.group(1)[1:].lower()}"
            if parties:
                title += " between " + " and ".join(_short(g, e) for e in parties)
            renewal = bool(re.search(r"\brenew", p.text[max(0, m.start() - 40) : m.start()], re.I))
            confidence = 0.9 if sides == {un, partner} else 0.6
            data = {
                "kind": kind,
                "title": title,
                "signed_on": span.start.isoformat(),
                "parties": parties,
                "renewal": "renewed" if renewal else "",
            }
            out.append(
                Proposal(
                    "agreement",
                    f"{kind}/{span.start.isoformat()}",
                    title,
                    data,
                    confidence,
                    p.id,
                    "" if confidence >= 0.7 else "the parties on both sides are not all named",
                )
            )
    return out


def _mandate_keys(resolution: Resolution) -> list[tuple[str, int]]:
    """A key per mandate ("op-25"; "op-6/invites", "op-6/invites/2" when a paragraph asks
    several things) and its occurrence among the paragraph's mandates with the same verb."""
    per_paragraph = Counter(m.paragraph for m in resolution.mandates)
    seen: Counter = Counter()
    out = []
    for m in resolution.mandates:
        verb = m.verb.lower()
        occurrence = seen[(m.paragraph, verb)]
        seen[(m.paragraph, verb)] += 1
        key = m.paragraph if per_paragraph[m.paragraph] == 1 else f"{m.paragraph}/{slugify(verb)}"
        out.append((key + (f"/{occurrence + 1}" if occurrence else ""), occurrence))
    return out


def mandates(resolution: Resolution) -> list[Proposal]:
    out = []
    for m, (key, occurrence) in zip(resolution.mandates, _mandate_keys(resolution), strict=True):
        data = {
            "paragraph": m.paragraph,
            "verb": m.verb,
            "occurrence": occurrence,
            "addressees": list(m.addressees),
            "addressee_ids": list(m.addressee_ids),
            "action": m.action,
            "session": m.session,
            "year": m.year,
            "recurrence": m.recurrence or "",
        }
        confidence = 0.9 if m.addressee_ids or not m.addressees else 0.6
        label = f"{m.paragraph}: {m.verb} {', '.join(m.addressees)}".strip()
        out.append(
            Proposal(
                "mandate",
                key,
                label,
                data,
                confidence,
                m.paragraph,
                "" if confidence >= 0.7 else "an addressee not in the gazetteer",
            )
        )
    return out


def report_items(resolution: Resolution) -> list[Proposal]:
    """The reporting obligations: a mandate to report at a session, due when it opens."""
    out = []
    for m, (key, occurrence) in zip(resolution.mandates, _mandate_keys(resolution), strict=True):
        if not (m.year and _REPORT.search(m.action)):
            continue
        due = third_tuesday_of_september(m.year)
        who = ", ".join(m.addressees) or "the Secretary-General"
        title = f"{who}: report to the General Assembly at its session {m.session} ({m.year})"
        data = {
            "title": title,
            "mandate": {"paragraph": m.paragraph, "verb": m.verb, "occurrence": occurrence},
            "owner": m.addressee_ids[0] if m.addressee_ids else None,
            "due_on": due.isoformat(),
        }
        out.append(Proposal("action_item", f"report/{key}", title, data, 0.9, m.paragraph))
    return out


def propose(resolution: Resolution, partner: str | None = None) -> Plan:
    """Everything the resolution says exists, as proposals (see the module docstring)."""
    partner = partner or partner_from_title(resolution.title)
    if partner is None and partner_name(resolution.title):
        raise NotACooperationResolution(
            f"{resolution.symbol}: the partner its title names ({partner_name(resolution.title)}) is not in the "
            "gazetteer (resolutions/data/gazetteer.json); add its entry there"
        )
    if partner is None:
        raise NotACooperationResolution(
            f"{resolution.symbol} is not a cooperation resolution: its title ({resolution.title!r}) names no "
            'partner organization ("Cooperation between the United Nations and ...")'
        )
    found_entities, third = entities(resolution, UN_ID, partner)
    paragraphs = [(p.id, p.text) for p in _paragraphs(resolution)]
    proposals = [
        *organizations(UN_ID, partner, third),
        *found_entities,
        *priority_areas(resolution),
        *agreements(resolution, UN_ID, partner),
        *find_meetings(paragraphs),
        *mandates(resolution),
        *report_items(resolution),
    ]
    return Plan(resolution=resolution, un=UN_ID, partner=partner, proposals=tuple(proposals))
