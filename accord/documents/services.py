"""Writes about stored resolutions: import one (the bootstrap) and decide its review list.

    resolution_import(source=, user=, framework=None, confirm_all=False) -> ImportResult
        parse the file (resolutions.parse), propose (bootstrap.propose), and in one
        transaction write what is confirmed (bootstrap.apply), queue the rest as
        ReviewItems, link the series and supersede older mandates (bootstrap.lineage).
    bootstrap_confirm(item=, user=, data=None)  write a review item's proposal (as
        corrected when ``data`` is given) and record the decision.
    bootstrap_reject(item=, user=)              record that the proposal is wrong.
    resolution_upload(framework=, user=, file=) the same for a file uploaded on the pages.
    bootstrap_user()                            the system user "bootstrap" of the CLI.

Nothing is written when the file is refused: parsing and proposing happen before the
transaction, and any error inside it rolls everything back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.accounts.permissions import can_create, can_edit, require
from accord.cooperation.models import Framework
from accord.core.errors import AccordError
from accord.core.services import object_update
from accord.documents.bootstrap.apply import Writer
from accord.documents.bootstrap.lineage import LineageResult, link_series
from accord.documents.bootstrap.partner import partner_from_title, partner_name
from accord.documents.bootstrap.proposals import REVIEW_THRESHOLD, Plan, Proposal
from accord.documents.bootstrap.propose import NotACooperationResolution, propose
from accord.documents.models import Resolution
from accord.documents.review import ReviewItem

BOOTSTRAP_USERNAME = "bootstrap"
# Written first so that later proposals find what they refer to (parents before children).
ORDER = (
    "organization",
    "entity",
    "priority_area",
    "agreement",
    "meeting",
    "mandate",
    "action_item",
)


class BootstrapError(AccordError):
    """The file cannot set up a framework; the message is one line."""


@dataclass
class ImportResult:
    """What a bootstrap did."""

    plan: Plan
    framework: Framework
    resolution: Resolution
    counts: dict[str, Any] = field(
        default_factory=dict
    )  # kind -> Counter(created/updated/unchanged/...)
    queued: list[ReviewItem] = field(default_factory=list)  # new review items
    confirmed: int = 0  # pending review items that --yes confirmed
    lineage: LineageResult = field(default_factory=LineageResult)


def bootstrap_user():
    """The system user that CLI bootstraps are recorded under (inactive, no password)."""
    User = get_user_model()
    user = User.objects.filter(username=BOOTSTRAP_USERNAME).first()
    if user is None:
        user = User(username=BOOTSTRAP_USERNAME, first_name="Bootstrap", is_active=False)
        user.set_unusable_password()
        user.save()
    return user


def _read(source: Any, name: str | None = None) -> tuple[Any, bytes | None, str]:
    """The parsed resolution, the source bytes (to keep) and a file name."""
    import resolutions

    if isinstance(source, (str, os.PathLike)) and Path(source).exists():
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BootstrapError(f"cannot read {path}: {exc.strerror or exc}") from exc
        name = path.name
    elif isinstance(source, bytes):
        data, name = source, name or "resolution"
    else:
        raise BootstrapError(f"no such file: {source}")
    try:
        parsed = resolutions.parse(data)
    except resolutions.ResolutionError as exc:
        raise BootstrapError(
            f"{name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from exc
    return parsed, data, name


def _serialized(parsed) -> tuple[dict, str]:
    import resolutions

    akn = ""
    try:
        akn = resolutions.to_akn(parsed)
    except (ImportError, NotImplementedError):  # the AKN writer is optional for the bootstrap
        akn = ""
    return resolutions.to_dict(parsed), akn


def _review_item(writer: Writer, proposal: Proposal) -> ReviewItem | None:
    exists = ReviewItem.all_objects.filter(
        resolution=writer.resolution, kind=proposal.kind, key=proposal.key
    ).exists()
    if exists:
        return None
    item = ReviewItem(
        framework=writer.framework,
        resolution=writer.resolution,
        kind=proposal.kind,
        key=proposal.key[:200],
        label=proposal.label[:500],
        data=proposal.data,
        confidence=proposal.confidence,
        reason=proposal.reason[:300],
        paragraph=proposal.paragraph or "",
    )
    item._history_user = writer.user
    item._change_reason = writer.reason
    item.save()
    return item


def _decide(item: ReviewItem, user, status: str, data: dict | None = None) -> ReviewItem:
    changes: dict[str, Any] = {"status": status, "decided_by": user, "decided_at": timezone.now()}
    if data is not None:
        changes["data"] = data
    return object_update(
        obj=item, user=user, expected_version=item.version, reason="review", **changes
    )


@transaction.atomic
def resolution_import(
    *,
    source: Any,
    user,
    framework: str | None = None,
    confirm_all: bool = False,
    threshold: float = REVIEW_THRESHOLD,
    check_permission: bool = False,
    source_name: str | None = None,
) -> ImportResult:
    """Bootstrap (or extend) a framework from a resolution file (see the module docstring).

    ``user`` is recorded in history (None: the system user "bootstrap", created when the
    file is accepted). ``framework`` is a framework slug; when absent, the framework of the UN and the
    partner the title names is used (created when missing). Raises ``BootstrapError``
    (nothing written) when the file is unreadable, not a resolution, or not about a
    partner organization. With ``check_permission`` (the CLI's --user), ``user`` must
    be allowed to add a resolution to the framework (an administrator, or a coordinator
    of an existing framework); PermissionDenied otherwise, nothing written.
    """
    parsed, data, name = _read(source, source_name)
    existing = (
        Framework.objects.filter(slug=framework).select_related("partner").first()
        if framework
        else None
    )
    named = partner_from_title(parsed.title)
    if existing and named and named != existing.partner.code:
        raise BootstrapError(
            f"{parsed.symbol} is about {partner_name(parsed.title)}, not the partner of the "
            f"framework {existing.slug} ({existing.partner})"
        )
    try:
        plan = propose(parsed, partner=existing.partner.code if existing else None)
    except NotACooperationResolution as exc:
        raise BootstrapError(str(exc)) from exc
    if check_permission:
        target = (
            existing
            or Framework.objects.filter(
                un_organization__code=plan.un, partner__code=plan.partner
            ).first()
        )
        require(
            can_create(user, Resolution, framework=target),
            _("%(user)s may not add a resolution to this framework.") % {"user": user},
        )
    as_dict, akn = _serialized(parsed)
    if user is None:
        user = bootstrap_user()
    writer = Writer(user=user, reason=f"bootstrap from {parsed.symbol}")
    sure = [p for p in plan.proposals if confirm_all or not p.needs_review(threshold)]
    unsure = [p for p in plan.proposals if p not in sure]
    for p in plan.of_kind("organization"):
        if p.key in (plan.un, plan.partner):
            writer.organization(p.data)
    writer.framework_for(plan, slug=framework)
    writer.store_resolution(plan, as_dict, akn, name, data)
    result = ImportResult(plan=plan, framework=writer.framework, resolution=writer.resolution)
    pending = {
        (i.kind, i.key): i
        for i in ReviewItem.objects.filter(
            resolution=writer.resolution, status=ReviewItem.Status.PENDING
        )
    }
    for proposal in sorted(sure, key=_apply_order):
        if proposal.kind == "organization" and proposal.key in (plan.un, plan.partner):
            continue  # written above
        writer.apply(proposal)
        item = pending.get((proposal.kind, proposal.key))
        if item is not None:
            _decide(item, user, ReviewItem.Status.CONFIRMED)
            result.confirmed += 1
    for proposal in unsure:
        item = _review_item(writer, proposal)
        if item is not None:
            result.queued.append(item)
    result.lineage = link_series(writer.resolution, user, writer.reason)
    result.counts = writer.counts
    return result


def _depth(gazetteer_id: str) -> int:
    """How many parents an entry has in the gazetteer (0 for an organization)."""
    from resolutions.gazetteer import load_gazetteer

    g, depth = load_gazetteer(), 0
    while gazetteer_id in g and g[gazetteer_id].parent and depth < 10:
        gazetteer_id, depth = g[gazetteer_id].parent, depth + 1
    return depth


def resolution_upload(*, framework: Framework, user, file) -> ImportResult:
    """A resolution uploaded on the framework's pages (``file``: a Django UploadedFile):
    bootstrapped into that framework as ``user`` (who must be allowed to add a
    resolution to it), the unsure proposals left for review. Raises BootstrapError
    (an AccordError: the page shows its message) and writes nothing when refused."""
    try:
        data = file.read()
    except OSError as exc:
        raise BootstrapError(f"cannot read the uploaded file: {exc}") from exc
    return resolution_import(
        source=data,
        user=user,
        framework=framework.slug,
        check_permission=True,
        source_name=Path(getattr(file, "name", "") or "resolution").name,
    )


def _apply_order(proposal: Proposal) -> tuple[int, int]:
    return ORDER.index(proposal.kind), _depth(proposal.key) if proposal.kind == "entity" else 0


def _require_reviewer(item: ReviewItem, user) -> None:
    require(
        can_edit(user, item.resolution),
        _("Only a coordinator of the framework may decide its review list."),
    )


def _writer_for(item: ReviewItem, user) -> Writer:
    writer = Writer(user=user, reason=f"review of {item.resolution.symbol}")
    writer.framework = item.framework
    writer.resolution = item.resolution
    writer.paragraphs = {p.pid: p for p in item.resolution.paragraphs.all()}
    return writer


@transaction.atomic
def bootstrap_confirm(*, item: ReviewItem, user, data: dict | None = None) -> Any:
    """Write the proposal of a pending review item, as corrected by ``data`` (the fields
    that change) when given; return the object written. Only who may edit the
    framework's resolutions (its coordinators, administrators) may decide; others get
    PermissionDenied. A correction that cannot be written raises BootstrapError and
    leaves the item pending."""
    _require_reviewer(item, user)
    if item.status != ReviewItem.Status.PENDING:
        raise BootstrapError(f"this review item is already {item.get_status_display()}")
    merged = {**item.data, **(data or {})}
    corrected = merged != item.data
    proposal = Proposal(
        item.kind, item.key, item.label, item.data, item.confidence, item.paragraph or None
    )
    try:
        with transaction.atomic():
            written = _writer_for(item, user).apply(proposal, merged)
    except (KeyError, TypeError, ValueError, ValidationError) as exc:
        raise BootstrapError(f"the corrected {item.kind} cannot be written: {exc!r}") from exc
    _decide(
        item,
        user,
        ReviewItem.Status.CORRECTED if corrected else ReviewItem.Status.CONFIRMED,
        merged if corrected else None,
    )
    return written


@transaction.atomic
def bootstrap_reject(*, item: ReviewItem, user) -> ReviewItem:
    """Record that a pending proposal is wrong; nothing else is written."""
    _require_reviewer(item, user)
    if item.status != ReviewItem.Status.PENDING:
        raise BootstrapError(f"this review item is already {item.get_status_display()}")
    return _decide(item, user, ReviewItem.Status.REJECTED)
