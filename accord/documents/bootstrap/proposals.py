"""What a bootstrap proposes: plain data, no database.

Reads nothing; defines ``Proposal`` (one thing to write: an organization, an entity, a
priority area, an agreement, a meeting, a mandate, an action item) and ``Plan`` (all
the proposals drawn from one resolution, with the partner organization the title
names). Values are JSON types (dates as ISO strings) so that a proposal can wait in the
review list (``ReviewItem.data``) exactly as it was proposed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Proposals below this confidence go to the review list unless --yes confirms them all.
REVIEW_THRESHOLD = 0.7

KINDS = (
    "organization",
    "entity",
    "priority_area",
    "agreement",
    "meeting",
    "mandate",
    "action_item",
)


@dataclass(frozen=True)
class Proposal:
    """One thing the resolution says exists, with how sure the reading is.

    >>> p = Proposal("meeting", "general/2018-07-03", "General meeting, Rabat", {}, 0.9, "pre-12")
    >>> p.needs_review()
    False
    """

    kind: str  # one of KINDS
    key: str  # natural key within the framework: "un.ohchr", "mou/2018-09-25", "op-25"
    label: str  # what a coordinator reads in the review list
    data: dict[str, Any]  # JSON types only
    confidence: float  # 0..1
    paragraph: str | None = None  # "pre-12", "op-25"
    reason: str = ""  # why the parser is unsure, when it is

    def needs_review(self, threshold: float = REVIEW_THRESHOLD) -> bool:
        return self.confidence < threshold


@dataclass(frozen=True)
class Plan:
    """Everything a bootstrap would write for one resolution."""

    resolution: Any  # resolutions.model.Resolution
    un: str  # gazetteer id of the UN: "un"
    partner: str  # gazetteer id of the partner organization: "oic"
    proposals: tuple[Proposal, ...] = field(default_factory=tuple)

    def of_kind(self, kind: str) -> list[Proposal]:
        return [p for p in self.proposals if p.kind == kind]

    @property
    def framework_slug(self) -> str:
        """``"un-oic"``."""
        return f"{self.un}-{self.partner}"
