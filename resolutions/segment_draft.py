"""Stage "segment" for drafts: the clean text of a draft -> its structure.

Reads the clean `Stage.text`, `Stage.footnote_bodies` and the `DraftHeading` that
`drafts.py` read on the raw first page; returns a `Segmented` like `segment.segment`:

* a draft resolution: the heading's fields, then the body as for a resolution
  (preamble, operative paragraphs, footnotes); an "Annex" after the operative part
  ends it (a draft has no closing meeting line to stop at);
* a draft decision: one sentence, "The General Assembly, taking note of ..., decides
  to ...": one unnumbered operative paragraph whose verb is the first finite verb
  ("decides", "approves"); what follows a closing colon (a programme of work) is
  kept in `annexes`;
* an amendment: its changes, each an instruction ("Replace operative paragraph 200
  with the following text:") and the text it quotes, which is not a paragraph of
  the amendment.

The starred footnotes of the first page (the sponsors note, "On behalf of ...") are
footnotes anchored to no paragraph (`paragraph: null`), never preambular paragraphs.
"""

from __future__ import annotations

import re

from resolutions.drafts import DraftHeading
from resolutions.errors import NotAResolution
from resolutions.model import Basis, Change, Footnote, OperativeParagraph, Point, Stage
from resolutions.segment import (
    ANCHOR,
    FORMULA_LINE,
    NUMBERED,
    POINT,
    Segmented,
    _anchor_footnotes,
    _clean_text,
    _plain,
    _read_body,
    body_blocks,
)

DECISION_FORMULA = re.compile(r"(?:^|\n\n|(?<=\s))The General Assembly\b,?")
DECISION_VERB = re.compile(
    r"\b(?:also |further )?(decides|approves|adopts|endorses|takes note|elects|appoints|"
    r"requests|authorizes|notes|welcomes|recommends|reaffirms|declares|confirms|defers|"
    r"invites|calls upon|expresses)\b"
)
KIND_WORDS = re.compile(r"\b(?:draft (?:resolution|decision)|amendments? to)\b", re.I)
STAR_BLOCK = re.compile(r"^\*{1,4}\s")
SET_OUT = re.compile(r":\s+(?=[A-Z])")
INSTRUCTION = re.compile(
    r"^(?:(?P<num>\d{1,2})\.\s+)?(?P<verb>Delete|Replace|Insert|Add|Amend|Reword|Rephrase|Move|"
    r"After|Before|In|At|Renumber)\b"
)


def segment_draft(stage: Stage, draft: DraftHeading) -> Segmented:
    """The structure of a draft resolution, draft decision or amendment."""
    out = Segmented(
        symbol=draft.symbol,
        session=draft.session,
        number=draft.number,
        title=draft.title,
        distributed_on=draft.distributed_on,
        agenda_items=draft.agenda_items,
        basis=Basis(kind="committee", committee=draft.committee)
        if draft.committee
        else Basis(kind="plenary"),
        documents=draft.documents,
        kind=draft.kind,
        sponsors=draft.sponsors,
        on_behalf_of=draft.on_behalf_of,
        revision=draft.revision,
    )
    if not draft.title:
        stage.warnings.append("the draft has no title between its sponsors and its text")
    if draft.kind == "draft_resolution":
        _draft_resolution(stage, out)
    elif draft.kind == "draft_decision":
        _draft_decision(stage, out, draft)
    else:
        _amendment(stage, out, draft)
    _anchor_footnotes(out, stage)
    for marker, text in draft.notes.items():
        out.footnotes.append(Footnote(marker=marker, text=text, paragraph=None))
    return out


def _draft_resolution(stage: Stage, out: Segmented) -> None:
    m = FORMULA_LINE.search(stage.text)
    if m is None:
        raise NotAResolution(
            f"{out.symbol} is a draft resolution without the formula 'The General Assembly,' "
            "before its paragraphs"
        )
    out.formula = m.group(0).strip()
    _read_body(body_blocks(stage.text[m.end() :]), out, stage.warnings)
    if not out.operative:
        raise NotAResolution(f"{out.symbol} is a draft resolution without operative paragraphs")


def _after_title(text: str, draft: DraftHeading) -> str:
    """The clean text after the draft's title (or after the sponsors sentence when the
    title is missing or cannot be found word for word)."""
    kind = KIND_WORDS.search(text)
    start = kind.end() if kind else 0
    if draft.amends and draft.amends in text[start:]:
        start = text.index(draft.amends, start) + len(draft.amends)
    words = draft.title.split()
    if words:  # the title also names the agenda item, printed before the sponsors
        m = re.compile(r"\s+".join(map(re.escape, words))).search(text, start)
        if m:
            return text[m.end() :]
    anchor = draft.amends or (draft.sponsors[-1] if draft.sponsors else "")
    at = text.find(anchor) if anchor else -1
    return text[at + len(anchor) :] if at >= 0 else text


def _draft_decision(stage: Stage, out: Segmented, draft: DraftHeading) -> None:
    body = _after_title(stage.text, draft)
    m = DECISION_FORMULA.search(body)
    if m is None:
        raise NotAResolution(
            f"{out.symbol} is a draft decision without the words 'The General Assembly'"
        )
    out.formula = "The General Assembly"
    blocks = _blocks(body[m.start() :])
    if FORMULA_LINE.fullmatch(_plain(blocks[0])):
        # laid out like a resolution: the formula, preambular paragraphs, then operative
        # paragraphs or the decision's points "(a) Endorses ..."
        out.formula = _plain(blocks[0])
        k = next((j for j, b in enumerate(blocks) if POINT.match(_plain(b))), len(blocks))
        _read_body(blocks[1:k], out, stage.warnings)
        if k < len(blocks) and not out.operative:
            _decision(out, "", blocks[k:], stage.warnings)
        if not out.operative:
            raise NotAResolution(f"{out.symbol} is a draft decision without a decision")
        return
    _decision(out, blocks[0], blocks[1:], stage.warnings)


def _decision(out: Segmented, first: str, rest: list[str], warnings: list[str]) -> None:
    """One unnumbered operative paragraph: the decision's sentence (`first`) and its points;
    what follows them (a programme of work, a list) is kept in annexes."""
    blocks = [first, *rest]
    verb = DECISION_VERB.search(_plain(first))
    cut = SET_OUT.search(first, verb.end()) if verb else None
    if cut:  # "... as set out below: Proposed programme of work ..." run into one block
        blocks[1:1] = [first[cut.end() :]]
        first = first[: cut.start()].rstrip() + ":"
    if verb is None and not (len(blocks) > 1 and POINT.match(_plain(blocks[1]))):
        warnings.append(f"no verb recognized in the decision: {_plain(first)[:50]!r}")
    points: list[Point] = []
    raw = [first]
    rest = blocks[1:]
    while rest and POINT.match(_plain(rest[0])):
        raw.append(rest.pop(0))
        block = _plain(raw[-1])
        label = POINT.match(block)
        points.append(Point(label=label.group(1), text=_clean_text(block[label.end() :])))  # type: ignore[union-attr]
    text = " ".join(raw).strip()
    out.operative.append(
        OperativeParagraph(
            id="op-1",
            number=None,
            verb=verb.group(0) if verb else "",
            text=_clean_text(text),
            points=tuple(points),
            footnotes=tuple(dict.fromkeys(ANCHOR.findall(text))),
        )
    )
    if rest:
        out.annexes.append("\n\n".join(_clean_text(b) for b in rest))
        out.annex_markers.update(ANCHOR.findall("".join(rest)))


def _blocks(body: str) -> list[str]:
    """The body's paragraphs without the starred notes of the first page ("* Any changes to
    the list of sponsors ..."), which a page without a footnote rule leaves in the text."""
    return [b for b in body_blocks(body) if not STAR_BLOCK.match(_plain(b))]


def _amendment(stage: Stage, out: Segmented, draft: DraftHeading) -> None:
    out.formula = ""
    changes: list[list] = []  # [number, instruction, [quoted blocks]]
    for block in _blocks(_after_title(stage.text, draft)):
        plain = _clean_text(block)
        if not plain:
            continue
        m = INSTRUCTION.match(plain) or (NUMBERED.match(plain) if not changes else None)
        if m or not changes:
            number = m.group(1) if m and m.groups() and m.group(1) else None
            instruction = plain[NUMBERED.match(plain).end() :] if NUMBERED.match(plain) else plain  # type: ignore[union-attr]
            changes.append([int(number) if number else None, instruction, []])
        else:
            changes[-1][2].append(plain)
    out.changes = [Change(number=n, instruction=i, text="\n\n".join(t)) for n, i, t in changes]
    if not out.changes:
        raise NotAResolution(f"{out.symbol} is an amendment without any change")
    out.amends = draft.amends
