"""What changed between two texts made of paragraphs: aligned, then diffed word by word.

    align(old, new) -> tuple[Change, ...]

``old`` and ``new`` are sequences of paragraph texts (a resolution's preamble, or its
operative part). Each paragraph of either side lands in exactly one ``Change``:

- ``unchanged``: the same words (case and spacing aside);
- ``changed``: a paragraph of the other side says nearly the same thing (rapidfuzz's
  ratio of the two texts at least ``SIMILAR`` percent); ``words`` holds the
  differences word by word (difflib's opcodes over the words);
- ``moved``: as ``unchanged`` or ``changed``, but out of the order of the others (the
  pairs outside the longest run kept in order);
- ``new`` / ``dropped``: no paragraph of the other side is like it.

Pairs are made best first (the most alike pair of paragraphs that are both still
free), so a paragraph split in two or reworded keeps its closest partner. The
changes come in the order of ``new``, each dropped paragraph right after the
paragraph that preceded it in ``old``.

Pure: no Django, nothing of Accord; the pages and the Word download read its result.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

SIMILAR = 60  # percent: two paragraphs this alike are one paragraph, changed

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+\s*")
# Typographic variants that do not change the words: non-breaking and soft hyphens, the
# hyphen character, no-break spaces (drafts and final texts differ in these alone).
_FOLD = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None, "\u00a0": " ", "\u202f": " "})


@dataclass(frozen=True)
class Change:
    """One row of the comparison: ``old``/``new`` are indexes into the two sequences
    (None on the side that lacks the paragraph); ``similarity`` 0-100; ``words`` a
    tuple of (op, text) with op ``equal``, ``delete`` or ``insert``."""

    status: str
    old: int | None
    new: int | None
    similarity: float = 0.0
    words: tuple[tuple[str, str], ...] = ()


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().casefold()


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The two texts as runs of equal, deleted and inserted words."""
    a, b = _WORD.findall(old.strip()), _WORD.findall(new.strip())
    runs: list[tuple[str, str]] = []
    keys = [_norm(w) for w in a], [_norm(w) for w in b]
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":  # the newer text's spelling of the same words
            runs.append(("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("insert", "".join(b[j1:j2])))
    return tuple(runs)


def _pairs(old: Sequence[str], new: Sequence[str]) -> dict[int, tuple[int, float]]:
    """old index -> (new index, similarity), best pairs first."""
    if not old or not new:
        return {}
    a, b = [_norm(t) for t in old], [_norm(t) for t in new]
    scores = cdist(a, b, scorer=fuzz.ratio, score_cutoff=SIMILAR)
    candidates = sorted(
        ((float(scores[i][j]), i, j) for i in range(len(a)) for j in range(len(b))),
        key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]),
    )
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for score, i, j in candidates:
        if score < SIMILAR:
            break
        if i not in pairs and j not in taken:
            pairs[i] = (j, 100.0 if a[i] == b[j] else score)
            taken.add(j)
    return pairs


def _in_order(pairs: dict[int, tuple[int, float]]) -> set[int]:
    """The old indexes of the longest run of pairs whose new indexes increase."""
    olds = sorted(pairs)
    tails: list[int] = []  # new index ending the best run of each length
    tail_at: list[int] = []  # position in ``olds`` of that run's end
    back: list[int | None] = [None] * len(olds)
    for pos, i in enumerate(olds):
        j = pairs[i][0]
        k = bisect.bisect_left(tails, j)
        back[pos] = tail_at[k - 1] if k else None
        if k == len(tails):
            tails.append(j)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = j, pos
    kept: set[int] = set()
    pos_or_none: int | None = tail_at[-1] if tail_at else None
    while pos_or_none is not None:
        kept.add(olds[pos_or_none])
        pos_or_none = back[pos_or_none]
    return kept


def _change(i: int, j: int, score: float, moved: bool, old, new) -> Change:
    if score >= 100.0:
        return Change("moved" if moved else "unchanged", i, j, 100.0)
    words = word_diff(old[i], new[j])
    if all(op == "equal" for op, _text in words):  # the same words, spaced otherwise
        return Change("moved" if moved else "unchanged", i, j, 100.0)
    return Change("moved" if moved else "changed", i, j, min(round(score, 1), 99.9), words)


def align(old: Sequence[str], new: Sequence[str]) -> tuple[Change, ...]:
    """Every paragraph of ``old`` and ``new`` in one ``Change`` (see the module's text)."""
    pairs = _pairs(old, new)
    kept = _in_order(pairs)
    by_new = {j: (i, score) for i, (j, score) in pairs.items()}
    rows: list[Change] = []
    placed: set[int] = set()

    def drop_after(i: int) -> None:  # the dropped paragraphs that followed old[i]
        k = i + 1
        while k < len(old) and k not in pairs and k not in placed:
            rows.append(Change("dropped", k, None))
            placed.add(k)
            k += 1

    drop_after(-1)
    for j in range(len(new)):
        if j not in by_new:
            rows.append(Change("new", None, j))
            continue
        i, score = by_new[j]
        rows.append(_change(i, j, score, i not in kept, old, new))
        placed.add(i)
        drop_after(i)
    rows.extend(Change("dropped", i, None) for i in range(len(old)) if i not in placed)
    return tuple(rows)


def counts(changes: Sequence[Change]) -> dict[str, int]:
    """How many changes of each status (every status present, zero included)."""
    out = dict.fromkeys(("unchanged", "changed", "moved", "new", "dropped"), 0)
    for c in changes:
        out[c.status] += 1
    return out


def as_text(changes: Sequence[Change], old: Sequence[str], new: Sequence[str]) -> str:
    """The changes as plain text, one paragraph a line, ``[-deleted-]{+inserted+}``
    inside changed paragraphs (the notation of GNU wdiff)."""
    lines = []
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    for c in changes:
        if c.words:
            body = "".join(marks[op].format(text) for op, text in c.words)
        elif c.new is None:  # dropped
            body = "[-" + old[c.old or 0].strip() + "-]"
        elif c.status == "new":
            body = "{+" + new[c.new].strip() + "+}"
        else:
            body = new[c.new].strip()
        lines.append(f"{c.status:9}  {body}")
    return "\n".join(lines)
