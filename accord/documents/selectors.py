"""What the resolution reader shows, read from the rows: one source of truth.

Reads: the resolution's ``Paragraph`` rows (their text, number, opening phrase or verb),
its ``Mandate`` rows (with the activities serving them, from a queryset the caller gives
so that it applies who may see them) and its ``Citation`` rows (the resolution each one
names, so the link is built here, once). An edit of a paragraph's text (through
``core.services.object_update``) shows in the reader.

The parser's record (``Resolution.parsed``) is read only for print layout that has no
row: where the lettered points of a paragraph begin (their labels; their text is cut
from the row's text), section headings, footnote markers and bodies, the opening formula
and the document's language. Writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from accord.documents.models import Citation, Mandate, Paragraph, Resolution


@dataclass
class ReaderParagraph:
    id: str
    number: int | None
    heading: str | None
    html: SafeString
    mandates: list = field(default_factory=list)


@dataclass
class ReaderDocument:
    preamble: list[ReaderParagraph]
    operative: list[ReaderParagraph]
    footnotes: list[dict]
    title_html: SafeString
    formula: str
    short_number: str
    language: str


def linkify(text: str, links: dict[str, str]) -> str:
    """``text`` escaped, with each occurrence of a key of ``links`` made a link to its
    value (longest keys first, no overlaps; a key is not matched inside a longer number:
    "37/4" does not link in "137/4" nor "37/45")."""
    if not links:
        return escape(text)
    keys = sorted(links, key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<!\d){re.escape(k)}(?!\d)" for k in keys))
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(
            format_html(
                '<a class="citation" href="{}">{}</a>', links[match.group(0)], match.group(0)
            )
        )
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _flat_labels(points: list[dict], depth: int = 0) -> list[tuple[int, str]]:
    out = []
    for p in points:
        out.append((depth, p.get("label", "")))
        out.extend(_flat_labels(p.get("points") or [], depth + 1))
    return out


def split_points(text: str, points: list[dict]) -> tuple[str, list[tuple[int, str, str]]]:
    """The row's ``text`` cut at its lettered points ("(a) ", "(i) "), whose labels the
    parser's layout gives: (opening words, [(depth, label, point text)]). When a label is
    no longer in the text (it was edited away), the whole text is the opening."""
    labels = _flat_labels(points)
    starts, cursor = [], 0
    for _depth, label in labels:
        at = text.find(f"({label}) ", cursor)
        if not label or at < 0:
            return text, []
        starts.append(at)
        cursor = at + len(label) + 3
    if not starts:
        return text, []
    parts = []
    for i, ((depth, label), at) in enumerate(zip(labels, starts, strict=True)):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        parts.append((depth, label, text[at + len(label) + 3 : end].strip()))
    return text[: starts[0]].rstrip(), parts


def _points_html(parts: list[tuple[int, str, str]], links: dict[str, str], depth: int = 0) -> str:
    """Nested ``<ol>`` lists of the points at ``depth`` and below."""
    items, i = [], 0
    while i < len(parts):
        _d, label, text = parts[i]
        j = i + 1
        while j < len(parts) and parts[j][0] > depth:
            j += 1
        inner = _points_html(parts[i + 1 : j], links, depth + 1) if j > i + 1 else ""
        items.append(
            format_html(
                '<li><span class="label">({})</span> {}{}</li>',
                label,
                mark_safe(linkify(text, links)),
                mark_safe(inner),
            )
        )
        i = j
    return f'<ol class="points">{"".join(items)}</ol>' if items else ""


def paragraph_html(
    text: str, lead: str, points: list[dict], footnotes: list[str], links: dict[str, str]
) -> SafeString:
    """One paragraph: the opening phrase or verb in italics, citations linked, points as
    a list, footnote markers linking to the footnotes."""
    opening, parts = split_points(text, points)
    body = linkify(opening, links)
    if lead and opening.startswith(lead):
        body = format_html("<em>{}</em>", lead) + linkify(opening[len(lead) :], links)
    notes = "".join(
        format_html('<sup><a href="#fn-{0}" id="fnref-{0}">{0}</a></sup>', m) for m in footnotes
    )
    return mark_safe(body + notes + _points_html(parts, links))


def _stored_symbol(kind: str, symbol: str) -> str:
    """The stored symbol of a cited General Assembly resolution ("37/4" -> "A/RES/37/4")."""
    if kind == "ga-resolution" and re.fullmatch(r"\d+/\d+", symbol):
        return f"A/RES/{symbol}"
    return symbol


def citation_links(resolution: Resolution) -> dict[str | None, dict[str, str]]:
    """Per paragraph id (None: the title), the cited symbol as written -> the reader URL
    of the stored resolution it names, from the Citation rows: the resolution a citation
    points at, or else the stored one of that symbol (two queries)."""
    rows = list(
        Citation.objects.filter(resolution=resolution).values(
            "paragraph__pid", "kind", "symbol", "cited_resolution"
        )
    )
    symbols = {_stored_symbol(r["kind"], r["symbol"]) for r in rows}
    targets = {
        t["pk"]: t
        for t in Resolution.objects.filter(framework__isnull=False)
        .filter(
            Q(pk__in=[r["cited_resolution"] for r in rows if r["cited_resolution"]])
            | Q(symbol__in=symbols)
        )
        .values("pk", "symbol", "framework__slug")
    }
    by_symbol = {t["symbol"]: pk for pk, t in targets.items()}
    out: dict[str | None, dict[str, str]] = {}
    for row in rows:
        pk = row["cited_resolution"] or by_symbol.get(_stored_symbol(row["kind"], row["symbol"]))
        if pk in targets and pk != resolution.pk:
            url = reverse("resolution", kwargs={"slug": targets[pk]["framework__slug"], "pk": pk})
            out.setdefault(row["paragraph__pid"], {})[row["symbol"]] = url
    return out


def _layout(parsed: dict) -> dict[str, dict]:
    """The parser's print layout of each paragraph, by paragraph id."""
    return {p["id"]: p for p in (*parsed.get("preamble", []), *parsed.get("operative", []))}


def reader_document(resolution: Resolution, activities: QuerySet) -> ReaderDocument:
    """Everything the reader template needs, from the rows (see the module docstring)."""
    parsed = resolution.parsed or {}
    layout = _layout(parsed)
    links = citation_links(resolution)
    by_paragraph: dict[int, list[Mandate]] = {}
    mandates = Mandate.objects.filter(resolution=resolution).prefetch_related(
        Prefetch("activities", queryset=activities)
    )
    for mandate in mandates:
        by_paragraph.setdefault(mandate.paragraph_id, []).append(mandate)
    preamble: list[ReaderParagraph] = []
    operative: list[ReaderParagraph] = []
    for p in Paragraph.objects.filter(resolution=resolution).order_by("order", "id"):
        shape = layout.get(p.pid, {})
        row = ReaderParagraph(
            id=p.pid,
            number=p.number if p.kind == Paragraph.Kind.OPERATIVE else None,
            heading=shape.get("heading"),
            html=paragraph_html(
                p.text,
                p.phrase_or_verb,
                shape.get("points") or [],
                shape.get("footnotes") or [],
                links.get(p.pid, {}),
            ),
            mandates=by_paragraph.get(p.pk, []),
        )
        (operative if p.kind == Paragraph.Kind.OPERATIVE else preamble).append(row)
    return ReaderDocument(
        preamble=preamble,
        operative=operative,
        footnotes=parsed.get("footnotes") or [],
        title_html=mark_safe(linkify(resolution.title, links.get(None, {}))),
        formula=parsed.get("formula") or "",
        short_number=parsed.get("short_number") or "",
        language=parsed.get("language") or "en",
    )


def stored_already(resolution: Resolution, items) -> set[int]:
    """The ids of the pending review ``items`` whose row is stored by now (recorded by
    hand, or by another upload, after they were queued): the same natural keys the
    bootstrap matches on (``bootstrap.existing.exists``). Reads the framework's rows once."""
    from accord.documents.bootstrap.apply import Writer
    from accord.documents.bootstrap.existing import exists
    from accord.documents.bootstrap.proposals import Proposal

    pending = [i for i in items if i.status == "pending" and i.kind != "supersede"]
    if not pending:
        return set()
    writer = Writer(user=None, reason="")
    writer.framework = resolution.framework
    writer.resolution = resolution
    writer.paragraphs = {p.pid: p for p in Paragraph.objects.filter(resolution=resolution)}
    return {
        i.pk
        for i in pending
        if exists(writer, Proposal(i.kind, i.key, i.label, i.data, i.confidence, i.paragraph))
    }
