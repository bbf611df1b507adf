"""Writes about stored resolutions: import one (the bootstrap) and decide its review list.

    resolution_import(source=, user=, framework=None, confirm_all=False) -> ImportResult
        parse the file (resolutions.parse), propose (bootstrap.propose), and in one
        transaction write what is confirmed (bootstrap.apply), queue the rest as
        ReviewItems, link the series and supersede older mandates (bootstrap.lineage).
    bootstrap_confirm(item=, user=, data=None)  write a review item's proposal (as
        corrected when ``data`` is given) and record the decision.
    bootstrap_confirm_all(resolution=, user=)   confirm every pending item as proposed,
        all or none.
    bootstrap_reject(item=, user=)              record that the proposal is wrong.
    resolution_upload(framework=, user=, file=) the same for a file uploaded on the pages
        (run by the task worker: accord.documents.tasks).
    upload_undo(upload=, user=)                 take one upload back (see accord.documents.undo).
    bootstrap_user()                            the system user "bootstrap" of the CLI.

Nothing is written when the file is refused: parsing and proposing happen before the
transaction, and any error inside it rolls everything back.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.accounts.permissions import can_create, can_delete, can_edit, is_system, require
from accord.cooperation.models import Framework
from accord.core.errors import AccordError
from accord.core.limits import LimitExceeded, run_limited
from accord.core.services import object_update
from accord.core.uploads import check_document, check_size
from accord.documents.bootstrap.apply import Writer
from accord.documents.bootstrap.existing import exists
from accord.documents.bootstrap.lineage import (
    LineageResult,
    Superseding,
    link_series,
    supersede_mandate,
)
from accord.documents.bootstrap.partner import in_series, partner_from_title, partner_name
from accord.documents.bootstrap.proposals import REVIEW_THRESHOLD, Plan, Proposal
from accord.documents.bootstrap.propose import NotACooperationResolution, propose
from accord.documents.models import Mandate, Resolution
from accord.documents.review import ReviewItem
from accord.documents.undo import take_back, upload_records
from accord.documents.uploads import Upload
from accord.notifications.events import resolution_uploaded
from accord.search.index import indexing_deferred

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
    related: bool = False  # not of the framework's series: kept as a related resolution
    upload: Upload | None = None  # the record that lets the run be undone (None: no write)


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
            reason = exc.strerror or str(exc)
            message = _("cannot read %(path)s: %(reason)s") % {"path": path, "reason": reason}
            raise BootstrapError(message) from exc
        name = path.name
    elif isinstance(source, bytes):
        data, name = source, name or "resolution"
    else:
        raise BootstrapError(_("no such file: %(path)s") % {"path": source})
    try:
        parsed = run_limited(resolutions.parse, data)  # a hostile file stops its child only
    except LimitExceeded as exc:
        raise BootstrapError(f"{name}: {exc}") from exc
    except resolutions.ResolutionError as exc:
        raise BootstrapError(
            f"{name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from exc
    if not parsed.symbol and not parsed.session:
        raise BootstrapError(
            _(
                "%(name)s: no symbol (such as A/RES/73/135 or A/80/L.10) or session was found "
                "in the text, so Accord cannot tell which resolution it is."
            )
            % {"name": name}
        )
    return parsed, data, name


def _serialized(parsed) -> tuple[dict, str]:
    import resolutions

    return resolutions.to_dict(parsed), resolutions.to_akn(parsed)


def _review_item(writer: Writer, proposal: Proposal) -> ReviewItem | None:
    """Queue ``proposal`` unless it was queued before or its row is stored already."""
    queued = ReviewItem.all_objects.filter(
        resolution=writer.resolution, kind=proposal.kind, key=proposal.key[:200]
    ).exists()
    if queued or exists(writer, proposal):
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
    item._change_reason = writer.reason  # type: ignore[attr-defined]  # (read by simple_history)
    item.save()
    return item


def _decide(item: ReviewItem, user, status: str, data: dict | None = None) -> ReviewItem:
    changes: dict[str, Any] = {"status": status, "decided_by": user, "decided_at": timezone.now()}
    if data is not None:
        changes["data"] = data
    return object_update(
        obj=item, by=user, expected_version=item.version, reason="review", **changes
    )


def _supersede_item(writer: Writer, s: Superseding) -> ReviewItem | None:
    """A superseding of an older mandate, as a proposal for the review list."""
    old = s.old
    where = f"{s.older.symbol} {old.paragraph.pid}"
    label = f"{where}: {old.verb} → " + (
        f"{s.newer.symbol} {s.new.paragraph.pid}" if s.new else s.newer.symbol
    )
    data = {
        "mandate": old.pk,
        "superseded_by": s.new.pk if s.new else None,
        "older": s.older.symbol,
        "paragraph": old.paragraph.pid,
        "verb": old.verb,
        "action": old.action[:500],
    }
    reason = "repeated by the newer resolution" if s.new else "no longer repeated by the newer text"
    confidence = round(s.score / 100 * 0.6, 2) if s.new else 0.3  # always reviewed
    key = f"{s.older.symbol}/{old.pk}"
    return _review_item(writer, Proposal("supersede", key, label, data, confidence, None, reason))


def _check_partner(parsed, existing: Framework | None) -> None:
    named = partner_from_title(parsed.title)
    if existing and named and named != existing.partner.code:
        raise BootstrapError(
            f"{parsed.symbol} is about {partner_name(parsed.title)}, not the partner of the "
            f"framework {existing.slug} ({existing.partner})"
        )


def _check_upload_right(user, plan: Plan, existing: Framework | None) -> None:
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


def _write_plan(writer: Writer, result: ImportResult, sure, unsure, user) -> None:
    plan = result.plan
    pending = {
        (i.kind, i.key): i
        for i in ReviewItem.objects.filter(
            resolution=writer.resolution, status=ReviewItem.Status.PENDING
        )
    }
    for proposal in sorted(sure, key=lambda p: _write_order(p.kind, p.key)):
        if proposal.kind == "organization" and proposal.key in (plan.un, plan.partner):
            continue  # written first
        writer.apply(proposal)
        item = pending.get((proposal.kind, proposal.key))
        if item is not None:
            _decide(item, user, ReviewItem.Status.CONFIRMED)
            result.confirmed += 1
    for proposal in unsure:
        item = _review_item(writer, proposal)
        if item is not None:
            result.queued.append(item)


def _record_upload(writer: Writer, result: ImportResult, name: str, started) -> None:
    """Keep the record that lets this run be undone, when it wrote anything."""
    wrote = any(c.get("created") or c.get("updated") for c in writer.counts.values())
    if not (wrote or result.queued or result.confirmed or result.lineage.linked):
        return
    result.upload = Upload.objects.create(
        framework=result.framework,
        resolution=result.resolution,
        uploaded_by=writer.user,
        file_name=name[:255],
        reason=writer.reason,
        created_at=started,
    )


def resolution_import(
    *,
    source: Any,
    user,
    framework: str | None = None,
    confirm_all: bool = False,
    threshold: float = REVIEW_THRESHOLD,
    source_name: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Bootstrap (or extend) a framework from a resolution file (see the module docstring).

    ``user`` must be allowed to add a resolution to the framework (an administrator, or
    a coordinator of an existing framework; ``permissions.SYSTEM`` for the command line
    without --user): PermissionDenied otherwise, nothing written. It is recorded in
    history (for ``SYSTEM``: the system user "bootstrap", created when the file is
    accepted). ``framework`` is a framework slug; when absent, the framework of the UN and the
    partner the title names is used (created when missing). Raises ``BootstrapError``
    (nothing written) when the file is unreadable, not a resolution, or not about a
    partner organization.

    A resolution of another subject uploaded into an existing framework (its title is
    not "Cooperation between the United Nations and <the partner>") is kept as a
    related resolution: its paragraphs, citations and mandates are stored, nothing
    else is proposed, and it joins no series. The older mandates a new resolution of
    the series supersedes wait in the review list (kind "supersede") unless
    ``confirm_all``.

    ``progress``, when given, is told each stage as it starts: ``"parse"``, then
    ``"store"`` (the writes, in one transaction, the search index with them). The parse
    runs outside that transaction, so that what ``progress`` records is seen meanwhile.
    """
    report = progress or (lambda key: None)
    report("parse")
    parsed, data, name = _read(source, source_name)
    report("store")
    return _import_parsed(
        parsed,
        data,
        name,
        user=user,
        framework=framework,
        confirm_all=confirm_all,
        threshold=threshold,
    )


@transaction.atomic
@indexing_deferred()
def _import_parsed(
    parsed, data, name: str, *, user, framework, confirm_all: bool, threshold: float
) -> ImportResult:
    """What ``resolution_import`` writes of a parsed resolution, all or nothing (the
    search index with it, in one pass at the end)."""
    existing, plan = _plan(parsed, framework)
    _check_upload_right(user, plan, existing)
    as_dict, akn = _serialized(parsed)
    if is_system(user):
        user = bootstrap_user()
    token, started = uuid.uuid4().hex[:10], timezone.now()
    writer = Writer(user=user, reason=f"upload {token}: bootstrap from {parsed.symbol}")
    related = not in_series(parsed.title, plan.partner)
    for p in plan.of_kind("organization"):
        if p.key in (plan.un, plan.partner):
            writer.organization(p.data)
    stored_framework = writer.framework_for(plan, slug=framework)
    resolution = writer.store_resolution(plan, as_dict, akn, name, data)
    result = ImportResult(
        plan=plan, framework=stored_framework, resolution=resolution, related=related
    )
    _write_proposals(writer, result, confirm_all, threshold)
    _record_upload(writer, result, name, started)
    if result.upload is not None:
        resolution_uploaded(
            result.resolution,
            framework=result.framework,
            actor=user,
            queued=len(result.queued),
            upload=result.upload,
        )
    return result


def _plan(parsed, framework: str | None) -> tuple[Framework | None, Plan]:
    """The framework ``framework`` names (None when absent or unknown) and the plan of
    what the resolution proposes; BootstrapError when it is about no partner."""
    existing = (
        Framework.objects.filter(slug=framework).select_related("partner").first()
        if framework
        else None
    )
    _check_partner(parsed, existing)
    try:
        plan = propose(parsed, partner=existing.partner.code if existing else None)
    except NotACooperationResolution as exc:
        raise BootstrapError(str(exc)) from exc
    return existing, plan


def _write_proposals(
    writer: Writer, result: ImportResult, confirm_all: bool, threshold: float
) -> None:
    """Write the sure proposals, queue the unsure ones for review (a related resolution
    proposes its mandates only, all sure), link the series and queue what it supersedes."""
    plan, related, user = result.plan, result.related, writer.user
    proposals = [p for p in plan.proposals if p.kind == "mandate"] if related else plan.proposals
    sure = [p for p in proposals if related or confirm_all or not p.needs_review(threshold)]
    unsure = [p for p in proposals if p not in sure]
    _write_plan(writer, result, sure, unsure, user)
    result.lineage = link_series(result.resolution, user, writer.reason, apply=confirm_all)
    for superseding in result.lineage.proposals:
        item = _supersede_item(writer, superseding)
        if item is not None:
            result.queued.append(item)
    result.counts = writer.counts


def _depth(gazetteer_id: str) -> int:
    """How many parents an entry has in the gazetteer (0 for an organization)."""
    from resolutions.gazetteer import load_gazetteer

    g, depth = load_gazetteer(), 0
    while gazetteer_id in g and depth < 10:
        parent = g[gazetteer_id].parent
        if not parent:
            break
        gazetteer_id, depth = parent, depth + 1
    return depth


def resolution_upload(
    *,
    framework: Framework | None,
    user,
    file,
    name: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """A resolution uploaded on the framework's pages (``file``: a Django UploadedFile):
    bootstrapped into that framework as ``user`` (who must be allowed to add a
    resolution to it), the unsure proposals left for review. Without ``framework`` (the
    home page's "start a framework"), the framework of the partner the title names is
    used, created when missing (an administrator's right). Raises BootstrapError
    (an AccordError: the page shows its message) and writes nothing when refused; a file
    over the limits (``core.uploads.check_document``: a zip bomb, too many PDF pages, more
    than ``ACCORD_MAX_UPLOAD_BYTES``) is refused before it is read. ``name`` is the file
    name to record (the upload's own by default). The pages call it in the task worker
    (``accord.documents.tasks.parse_resolution``) on the stored upload, ``progress``
    recording its stages (see ``resolution_import``)."""
    check_size(file)
    check_document(file)
    try:
        data = file.read(settings.ACCORD_MAX_UPLOAD_BYTES + 1)
    except OSError as exc:
        raise BootstrapError(f"cannot read the uploaded file: {exc}") from exc
    return resolution_import(
        source=data,
        user=user,
        framework=framework.slug if framework else None,
        source_name=name or Path(getattr(file, "name", "") or "resolution").name,
        progress=progress,
    )


def _write_order(kind: str, key: str) -> tuple[int, int]:
    """Parents before children, as a bootstrap writes them (``ORDER``; a kind outside it,
    the superseding of an older mandate, last)."""
    rank = ORDER.index(kind) if kind in ORDER else len(ORDER)
    return rank, _depth(key) if kind == "entity" else 0


def _require_reviewer(resolution: Resolution, user) -> None:
    require(
        can_edit(user, resolution),
        _("Only a coordinator of the framework may decide its review list."),
    )


def _review_reason(item: ReviewItem) -> str:
    """The change reason of a review decision's writes: the upload's, so that undoing
    the upload takes back what its review list confirmed too."""
    upload = Upload.objects.filter(resolution=item.resolution, undone_at__isnull=True).first()
    return f"{upload.reason} review" if upload else f"review of {item.resolution.symbol}"


def _confirm_supersede(item: ReviewItem, user, data: dict) -> Mandate:
    old = Mandate.objects.get(pk=data["mandate"])
    new = Mandate.objects.filter(pk=data.get("superseded_by") or 0).first()
    return supersede_mandate(old=old, new=new, user=user, reason=_review_reason(item))


def _writer_for(item: ReviewItem, user) -> Writer:
    writer = Writer(user=user, reason=_review_reason(item))
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
    _require_reviewer(item.resolution, user)
    return _confirm(item, user, data, lambda: _writer_for(item, user))


def _confirm(item: ReviewItem, user, data: dict | None, writer: Callable[[], Writer]) -> Any:
    """``bootstrap_confirm`` once the right is checked; ``writer`` gives the Writer of the
    item's resolution (made once for a whole review list by ``bootstrap_confirm_all``)."""
    if item.status != ReviewItem.Status.PENDING:
        raise BootstrapError(
            _("This proposal is already %(status)s.") % {"status": item.get_status_display()}
        )
    merged = {**item.data, **(data or {})}
    corrected = merged != item.data
    proposal = Proposal(
        item.kind, item.key, item.label, item.data, item.confidence, item.paragraph or None
    )
    written: Model | None
    try:
        with transaction.atomic():
            if item.kind == "supersede":
                written = _confirm_supersede(item, user, merged)
            else:
                written = writer().apply(proposal, merged)
    except (KeyError, TypeError, ValueError, ValidationError) as exc:
        raise BootstrapError(
            _("The corrected proposal cannot be written: %(error)s") % {"error": exc}
        ) from exc
    _decide(
        item,
        user,
        ReviewItem.Status.CORRECTED if corrected else ReviewItem.Status.CONFIRMED,
        merged if corrected else None,
    )
    return written


@transaction.atomic
def bootstrap_confirm_all(*, resolution: Resolution, user) -> int:
    """Confirm every pending proposal of ``resolution``'s review list as proposed, in the
    order a bootstrap writes them; return how many. All or none: a proposal that cannot
    be written raises BootstrapError naming it, and every one stays pending. Who may
    decide one may decide them all (PermissionDenied otherwise). One Writer (the
    resolution's paragraphs read once) writes them all."""
    _require_reviewer(resolution, user)
    pending = ReviewItem.objects.filter(resolution=resolution, status=ReviewItem.Status.PENDING)
    items = sorted(
        pending.select_related("resolution", "framework"),
        key=lambda i: (*_write_order(i.kind, i.key), i.pk),
    )
    writer = cache(lambda: _writer_for(items[0], user))  # made at the first write
    for item in items:
        try:
            _confirm(item, user, None, writer)
        except BootstrapError as exc:
            raise BootstrapError(
                _("“%(label)s” cannot be confirmed, so none was: %(error)s")
                % {"label": item.label or item.key, "error": exc}
            ) from exc
    return len(items)


@transaction.atomic
def bootstrap_reject(*, item: ReviewItem, user) -> ReviewItem:
    """Record that a pending proposal is wrong; nothing else is written."""
    _require_reviewer(item.resolution, user)
    if item.status != ReviewItem.Status.PENDING:
        raise BootstrapError(
            _("This proposal is already %(status)s.") % {"status": item.get_status_display()}
        )
    return _decide(item, user, ReviewItem.Status.REJECTED)


@transaction.atomic
def upload_undo(*, upload: Upload, user) -> int:
    """Undo one upload in one step: what it created (and what its review list confirmed)
    is soft-deleted, what it changed is put back as it was, through the history; returns
    how many rows were touched. Who may delete the resolution may undo its upload
    (PermissionDenied otherwise); an upload is undone once."""
    require(
        can_delete(user, upload.resolution),
        _("Only a coordinator of the framework may undo an upload."),
    )
    if upload.undone_at is not None:
        raise BootstrapError(_("This upload was undone already."))
    records = upload_records([upload.reason, f"{upload.reason} review"], upload.created_at)
    touched = take_back(records, user)
    object_update(
        obj=upload,
        by=user,
        expected_version=upload.version,
        reason="undo",
        undone_at=timezone.now(),
        undone_by=user,
    )
    return touched
