"""The parser's stages, in order. Each one says what it reads and writes.

    read      source (path, bytes, str)   -> Stage.raw, Stage.text, Stage.source_format
    clean     Stage.text                   -> Stage.text (clean), Stage.footnote_bodies
    segment   Stage.text, footnote bodies  -> Segmented (heading, paragraphs, footnotes)
    annotate  Segmented                    -> citations, entities, mandates
    build     Segmented + annotations      -> Resolution (frozen), with Stage.warnings

A draft (symbol A/80/L.10, A/C.3/80/L.25/Rev.1) has its first page read by drafts.py
before clean (kind, sponsors, title) and its body segmented by segment_draft.py.

`run(source)` runs them all; `parse_text(text)` starts after `read` (for text
already in memory, as the benchmarks do).
"""

from __future__ import annotations

import os

from resolutions.clean import clean
from resolutions.drafts import read_draft_heading
from resolutions.errors import EmptyDocument, NotAResolution
from resolutions.model import Footnote, Resolution, Stage
from resolutions.segment import Segmented, segment
from resolutions.segment_draft import segment_draft

MAX_TEXT_CHARS = 5_000_000


def read(source: bytes | str | os.PathLike) -> Stage:
    """Read a path, bytes or text into a Stage (`raw`, `text`, `source_format`)."""
    from resolutions.read import read_document

    return read_document(source)


def annotate(seg: Segmented) -> tuple[tuple, tuple, tuple]:
    """Read the paragraphs of `seg` (and, for citations, the heading and the footnotes);
    return (citations, entities, mandates)."""
    from resolutions.citations import find_citations
    from resolutions.entities import find_entities
    from resolutions.mandates import find_mandates

    paragraphs = [(p.id, p.text) for p in seg.preamble] + [(p.id, p.text) for p in seg.operative]
    heading = " ".join(x for x in (seg.title, *seg.documents) if x)
    citations = find_citations([(None, heading), *_with_footnotes(paragraphs, seg.footnotes)])
    entities = find_entities(paragraphs)
    mandates = find_mandates(seg.operative, entities)
    return tuple(citations), tuple(entities), tuple(mandates)


def _with_footnotes(
    paragraphs: list[tuple[str, str]], footnotes: list[Footnote]
) -> list[tuple[str | None, str]]:
    """Each paragraph followed by the texts of the footnotes that hang from it, credited to
    the paragraph: Official Records, S/PV and S/PRST citations sit in footnotes. Footnotes
    anchored to no paragraph (or only cited in an annex) come last, credited to none."""
    hanging: dict[str | None, list[str]] = {}
    for f in footnotes:
        if f.text:
            hanging.setdefault(f.paragraph, []).append(f.text)
    out: list[tuple[str | None, str]] = []
    for pid, text in paragraphs:
        out.append((pid, text))
        out.extend((pid, note) for note in hanging.pop(pid, ()))
    out.extend((None, note) for note in hanging.pop(None, ()))
    return out


def build(seg: Segmented, stage: Stage, annotations: tuple[tuple, tuple, tuple]) -> Resolution:
    """Read the segmented parts, the annotations and `stage.warnings`; write a Resolution."""
    citations, entities, mandates = annotations
    return Resolution(
        symbol=seg.symbol,
        session=seg.session,
        number=seg.number,
        title=seg.title,
        adopted_on=seg.adopted_on,
        distributed_on=seg.distributed_on,
        agenda_items=seg.agenda_items,
        basis=seg.basis,
        documents=seg.documents,
        meeting=seg.meeting,
        preamble=tuple(seg.preamble),
        operative=tuple(seg.operative),
        footnotes=tuple(seg.footnotes),
        citations=citations,
        entities=entities,
        mandates=mandates,
        warnings=tuple(dict.fromkeys(stage.warnings)),
        source_format=stage.source_format,
        formula=seg.formula,
        annexes=tuple(seg.annexes),
        kind=seg.kind,
        sponsors=seg.sponsors,
        on_behalf_of=seg.on_behalf_of,
        revision=seg.revision,
        amends=seg.amends,
        changes=tuple(seg.changes),
    )


def run_stage(stage: Stage) -> Resolution:
    """clean -> segment -> annotate -> build, on a Stage that `read` (or a caller) filled."""
    if not stage.text.strip():
        raise EmptyDocument("the document has no text")
    if len(stage.text) > MAX_TEXT_CHARS:
        raise NotAResolution(
            f"the text has {len(stage.text):,} characters; a resolution has far fewer"
        )
    draft = read_draft_heading(stage.text)  # None for an adopted resolution
    clean(stage)
    seg = segment(stage) if draft is None else segment_draft(stage, draft)
    return build(seg, stage, annotate(seg))


def run(source: bytes | str | os.PathLike) -> Resolution:
    """All stages, from a path, bytes or text to a Resolution."""
    return run_stage(read(source))


def parse_text(text: str, source_format: str = "text") -> Resolution:
    """Parse text already in memory ("text" for a PDF text layer, or "markdown")."""
    return run_stage(Stage(raw=b"", text=text, source_format=source_format))
