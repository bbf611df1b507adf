"""What is indexed: for each model that search finds, how one row becomes an entry
(framework, title, reference, text, date, address). One table, read by the indexer
(accord.search.index) and by ``accord reindex``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.urls import reverse


@dataclass(frozen=True)
class Doc:
    framework_id: int | None
    title: str
    body: str
    url: str
    ref: str = ""
    on: datetime.date | None = None


@dataclass(frozen=True)
class Source:
    kind: str
    label: str  # the model, "app.Model"
    related: tuple[str, ...]  # select_related for reindexing in bulk
    build: Any  # row -> Doc | None
    # Large columns of the related rows that ``build`` never reads: a resolution's parse
    # and Akoma Ntoso, which select_related would otherwise load (and json-decode) once
    # for each of its paragraphs and mandates.
    deferred: tuple[str, ...] = ()

    def rows(self, manager):
        """``manager``'s rows with what ``build`` reads joined in, nothing more."""
        return manager.select_related(*self.related).defer(*self.deferred)

    @property
    def model(self):
        return apps.get_model(self.label)


RESOLUTION_LARGE_COLUMNS = ("resolution__parsed", "resolution__akn")


def _paragraph(p) -> Doc | None:
    r = p.resolution
    if r.framework_id is None:
        return None
    url = reverse("resolution", args=[r.framework.slug, r.pk]) + f"#{p.pid}"
    ref = str(p.number) if p.number else p.pid
    return Doc(r.framework_id, r.symbol, p.text, url, ref, r.adopted_on)


def _mandate(m) -> Doc | None:
    r, p = m.resolution, m.paragraph
    if r.framework_id is None:
        return None
    url = reverse("resolution", args=[r.framework.slug, r.pk]) + f"#{p.pid}"
    body = " ".join([m.verb, m.action, *(m.addressees or [])])
    return Doc(r.framework_id, r.symbol, body, url, str(p.number or p.pid), r.adopted_on)


def _activity(a) -> Doc:
    url = reverse("activity", args=[a.framework.slug, a.pk])
    return Doc(
        a.framework_id, a.title, f"{a.description} {a.funding_source}", url, a.code, a.start_on
    )


def _progress(u) -> Doc:
    a = u.activity
    url = reverse("activity", args=[a.framework.slug, a.pk]) + f"#progress-{u.pk}"
    return Doc(a.framework_id, a.title, u.text, url, a.code, u.date)


def _meeting(m) -> Doc:
    url = reverse("meeting", args=[m.framework.slug, m.pk])
    return Doc(m.framework_id, m.title, f"{m.place} {m.notes}", url, "", m.start_on)


def _decision(d) -> Doc:
    m = d.meeting
    url = reverse("meeting", args=[m.framework.slug, m.pk]) + f"#decision-{d.pk}"
    return Doc(m.framework_id, m.title, d.text, url, d.number, m.start_on)


def _action_item(i) -> Doc:
    if i.decision_id:  # the meeting page shows the decision's items to whoever reads it
        m = i.decision.meeting
        url = reverse("meeting", args=[i.framework.slug, m.pk]) + f"#decision-{i.decision_id}"
    else:
        url = reverse("action-items", args=[i.framework.slug]) + f"#item-{i.pk}"
    return Doc(i.framework_id, i.title, i.evidence, url, "", i.due_on)


def _agreement(g) -> Doc:
    url = reverse("registry", args=[g.framework.slug]) + f"#agreement-{g.pk}"
    return Doc(g.framework_id, g.title, g.get_kind_display(), url, "", g.signed_on)


def _entity(e) -> Doc | None:
    """An entity's page is in the first framework (by slug) of its organization on the
    UN side, else on the partner side: both read in one query."""
    from accord.cooperation.models import Framework

    org = e.organization_id
    sides = Framework.objects.filter(Q(un_organization=org) | Q(partner=org))
    found = list(sides.values_list("un_organization_id", "slug"))
    if not found:
        return None
    slug = min(found, key=lambda row: (row[0] != org, row[1]))[1]
    former = [f.name for f in e.former_names.all()]
    body = " ".join([e.name_fr, e.name_ar, *former])
    return Doc(None, e.name_en, body, reverse("entity", args=[slug, e.pk]), e.acronym)


SOURCES = (
    Source(
        "paragraph",
        "documents.Paragraph",
        ("resolution__framework",),
        _paragraph,
        RESOLUTION_LARGE_COLUMNS,
    ),
    Source(
        "mandate",
        "documents.Mandate",
        ("resolution__framework", "paragraph"),
        _mandate,
        RESOLUTION_LARGE_COLUMNS,
    ),
    Source("activity", "cooperation.Activity", ("framework",), _activity),
    Source("progress", "cooperation.ProgressUpdate", ("activity__framework",), _progress),
    Source("meeting", "cooperation.Meeting", ("framework",), _meeting),
    Source("decision", "cooperation.Decision", ("meeting__framework",), _decision),
    Source(
        "actionitem", "cooperation.ActionItem", ("framework", "decision__meeting"), _action_item
    ),
    Source("agreement", "registry.Agreement", ("framework",), _agreement),
    Source("entity", "registry.Entity", ("organization",), _entity),
)
BY_KIND = {s.kind: s for s in SOURCES}
BY_LABEL = {s.label.lower(): s for s in SOURCES}
