"""A series of resolutions: predecessor and successor, and mandates superseded.

Reads the framework's stored resolutions and their mandates; writes
``Resolution.predecessor`` (each resolution of a framework follows the one of the
latest earlier session) and, for each pair (older, newer), the older mandates' status
and ``superseded_by``.

When the Assembly adopts the next resolution of a series, the older resolution's
mandates that are still open (not started, in progress) are superseded: the new text
either repeats them (a mandate of the new resolution with an overlapping addressee and
a similar action: rapidfuzz's token-set ratio of the two actions, with session
ordinals taken out, at least ``MATCH`` percent) and then ``superseded_by`` points at the
repeated mandate, or no longer repeats them and then ``superseded_by`` stays empty.
Mandates already implemented or no longer applicable keep their status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from accord.core.services import object_update
from accord.documents.bootstrap.partner import in_series
from accord.documents.models import Mandate, Resolution

MATCH = 80  # percent: token-set ratio of two actions that say the same thing
_OPEN = Mandate.OPEN_STATUSES
_SESSION = re.compile(r"\b(?:[a-z]+-)?[a-z]+(?:th|st|nd|rd) session\b|\bsession \d+\b", re.I)


@dataclass
class LineageResult:
    linked: list[tuple[str, str]] = field(
        default_factory=list
    )  # (predecessor, successor) symbols changed
    repeated: int = 0  # older mandates superseded by a matching newer one
    dropped: int = 0  # older mandates the newer text no longer repeats
    proposals: list = field(default_factory=list)  # Superseding, to review


def _comparable(action: str) -> str:
    return _SESSION.sub("", action or "").lower()


def best_match(old: Mandate, candidates: list[Mandate]) -> Mandate | None:
    """The newer mandate that repeats ``old`` (same addressee, similar action), or None."""
    old_who = set(old.addressees or [])
    old_ids = {e.pk for e in old.addressee_entities.all()}
    best, best_score = None, 0.0
    for new in candidates:
        new_ids = {e.pk for e in new.addressee_entities.all()}
        same_who = (
            (old_ids & new_ids)
            or (old_who & set(new.addressees or []))
            or (not old_who and not new.addressees)
        )
        if not same_who:
            continue
        score = fuzz.token_set_ratio(_comparable(old.action), _comparable(new.action))
        if old.verb and new.verb and old.verb.split()[-1].lower() == new.verb.split()[-1].lower():
            score += 1  # prefer the same request among equals
        if score > best_score:
            best, best_score = new, score
    return best if best_score >= MATCH else None


@dataclass(frozen=True)
class Superseding:
    """A proposal: the open ``old`` mandate is superseded by ``new`` (None: the newer
    text no longer repeats it); ``score`` is how alike the two actions read (0-100)."""

    older: Resolution
    newer: Resolution
    old: Mandate
    new: Mandate | None
    score: float


def supersede_candidates(older: Resolution, newer: Resolution) -> list[Superseding]:
    """The open mandates of ``older`` that ``newer`` supersedes (see the module docstring),
    each with the newer mandate that repeats it; nothing is written."""
    candidates = list(
        Mandate.objects.filter(resolution=newer).prefetch_related("addressee_entities")
    )
    olds = Mandate.objects.filter(resolution=older).prefetch_related("addressee_entities")
    out = []
    for old in olds:
        if old.status not in (*_OPEN, Mandate.Status.SUPERSEDED):
            continue
        match = best_match(old, candidates)
        if old.status == Mandate.Status.SUPERSEDED and old.superseded_by_id == (
            match.pk if match else None
        ):
            continue
        score = (
            fuzz.token_set_ratio(_comparable(old.action), _comparable(match.action)) if match else 0
        )
        out.append(Superseding(older, newer, old, match, score))
    return out


def supersede_mandate(*, old: Mandate, new: Mandate | None, user, reason: str) -> Mandate:
    """Mark ``old`` superseded by ``new`` and close its open action items as no longer
    applicable (their reporting obligation passed to the newer resolution)."""
    from accord.cooperation.models import ActionItem

    old = object_update(
        obj=old,
        by=user,
        expected_version=old.version,
        reason=reason,
        status=Mandate.Status.SUPERSEDED,
        superseded_by=new,
    )
    for item in ActionItem.objects.filter(
        mandate=old, status__in=(ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS)
    ):
        object_update(
            obj=item,
            by=user,
            expected_version=item.version,
            reason=reason,
            status=ActionItem.Status.NO_LONGER_APPLICABLE,
        )
    return old


def supersede(
    older: Resolution, newer: Resolution, user, reason: str, result: LineageResult
) -> None:
    """Mark the open mandates of ``older`` superseded at once (``accord bootstrap --yes``)."""
    for s in supersede_candidates(older, newer):
        supersede_mandate(old=s.old, new=s.new, user=user, reason=reason)
        if s.new:
            result.repeated += 1
        else:
            result.dropped += 1


def series(framework) -> list[Resolution]:
    """The framework's resolutions of its series ("Cooperation between the United Nations
    and <the partner>"), oldest session first; related resolutions are left out."""
    rows = Resolution.objects.filter(framework=framework, session__isnull=False).order_by(
        "session", "id"
    )
    return [r for r in rows if in_series(r.title, framework.partner.code)]


def link_series(resolution: Resolution, user, reason: str, apply: bool = True) -> LineageResult:
    """Order the framework's series by session; link each resolution to the one before it.
    For every pair the new ``resolution`` belongs to, the older mandates it supersedes
    are marked at once (``apply``) or returned as proposals (``result.proposals``)."""
    result = LineageResult()
    if resolution.framework_id is None or resolution.session is None:
        return result
    chain = series(resolution.framework)
    if resolution.pk not in {r.pk for r in chain}:
        return result  # a related resolution: never in the series, supersedes nothing
    for older, newer in zip(chain, chain[1:], strict=False):
        if newer.predecessor_id != older.pk:
            newer = object_update(
                obj=newer,
                by=user,
                expected_version=newer.version,
                reason=reason,
                predecessor=older,
            )
            result.linked.append((older.symbol, newer.symbol))
        if resolution.pk in (older.pk, newer.pk):
            if apply:
                supersede(older, newer, user, reason, result)
            else:
                result.proposals.extend(supersede_candidates(older, newer))
    return result
