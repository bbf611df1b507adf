"""What changed between two stored resolutions: paragraphs, mandates, citations.

Reads the rows (Paragraph, Mandate, Citation) of both resolutions, never their stored
parse; writes nothing. The paragraphs are aligned by ``resolutions.compare.align``
(preamble and operative part apart); a mandate is carried over when the newer
resolution repeats it, by the rule the series uses to supersede mandates
(``bootstrap.lineage.best_match``: an overlapping addressee and a similar action).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.documents.bootstrap.lineage import best_match
from accord.documents.models import Citation, Mandate, Paragraph, Resolution
from resolutions.compare import Change, align, counts


@dataclass(frozen=True)
class Row:
    """One aligned pair of paragraphs (either side may be None)."""

    change: Change
    old: Paragraph | None
    new: Paragraph | None

    @property
    def status(self) -> str:
        return self.change.status


@dataclass
class Comparison:
    old: Resolution
    new: Resolution
    preamble: list[Row] = field(default_factory=list)
    operative: list[Row] = field(default_factory=list)
    carried: list[tuple[Mandate, Mandate]] = field(default_factory=list)
    new_mandates: list[Mandate] = field(default_factory=list)
    dropped_mandates: list[Mandate] = field(default_factory=list)
    citations_added: list[str] = field(default_factory=list)
    citations_dropped: list[str] = field(default_factory=list)

    def counts(self, part: str) -> dict[str, int]:
        return counts([r.change for r in getattr(self, part)])


def _rows(old: list[Paragraph], new: list[Paragraph]) -> list[Row]:
    changes = align([p.text for p in old], [p.text for p in new])
    return [
        Row(
            c,
            old[c.old] if c.old is not None else None,
            new[c.new] if c.new is not None else None,
        )
        for c in changes
    ]


def _paragraphs(resolution: Resolution) -> dict[str, list[Paragraph]]:
    parts: dict[str, list[Paragraph]] = {"preamble": [], "operative": []}
    for p in Paragraph.objects.filter(resolution=resolution).order_by("order", "pk"):
        parts.setdefault(p.kind, []).append(p)
    return parts


def _mandates(resolution: Resolution) -> list[Mandate]:
    return list(
        Mandate.objects.filter(resolution=resolution)
        .select_related("paragraph")
        .prefetch_related("addressee_entities")
        .order_by("paragraph__order", "pk")
    )


def _compare_mandates(result: Comparison) -> None:
    olds, news = _mandates(result.old), _mandates(result.new)
    repeated: set[int] = set()
    for old in olds:
        match = best_match(old, [m for m in news if m.pk not in repeated])
        if match is None:
            result.dropped_mandates.append(old)
        else:
            result.carried.append((old, match))
            repeated.add(match.pk)
    result.new_mandates = [m for m in news if m.pk not in repeated]


def _cited(resolution: Resolution) -> list[str]:
    symbols = Citation.objects.filter(resolution=resolution).values_list("symbol", flat=True)
    return list(dict.fromkeys(symbols))


def compare(old: Resolution, new: Resolution) -> Comparison:
    """The comparison of ``old`` (the earlier text) with ``new``."""
    result = Comparison(old, new)
    a, b = _paragraphs(old), _paragraphs(new)
    result.preamble = _rows(a["preamble"], b["preamble"])
    result.operative = _rows(a["operative"], b["operative"])
    _compare_mandates(result)
    old_cited, new_cited = _cited(old), _cited(new)
    result.citations_added = [s for s in new_cited if s not in old_cited]
    result.citations_dropped = [s for s in old_cited if s not in new_cited]
    return result


def in_order(a: Resolution, b: Resolution) -> tuple[Resolution, Resolution]:
    """The two resolutions, earlier first (by session, then by id): the comparison
    always reads from the older text to the newer one."""
    key = [(r.session or 0, r.pk) for r in (a, b)]
    return (a, b) if key[0] <= key[1] else (b, a)
