"""Who may do what: THE one permissions module of Accord.

Every page, the admin, the CLI, the API and the reports ask this module; nothing
re-derives "may this user edit this activity" inline.

Reads: the user's active ``Membership`` rows (one query per user object, cached on it as
``user._accord_grants``), the ids of the entities of the organizations a user coordinates
(one more query, only for coordinators), and the object asked about (its foreign-key ids;
a focal point's check of an activity's participants is the one extra query). Writes
nothing.

Roles (see docs/permissions.md for the table role x kind of write):

- **administrator** (a Membership with role administrator, or a superuser): everything.
- **coordinator** of organization X in framework F (X is F's UN side or its partner):
  reads everything of F; edits
  * F's priority areas, bienniums, meetings (and their documents and decisions), action
    items (and closes them), agreements, resolutions (their paragraphs, mandates and
    citations: the bootstrap review list);
  * F's activities whose lead on X's side is an entity of X, or is not set yet (so
    either side may start a row and the other completes it), with their indicators and
    progress updates; creates activities in F (a lead given on X's side must be X's);
  * the entities of X, their former names and their focal points.
  Not: organizations, frameworks, SDG reference data, memberships (administrators only).
- **focal point** of entity E in framework F: reads everything of F; edits F's
  activities where E is the UN lead, the partner lead or a participant, adds and edits
  (and deletes) their indicators and progress updates, edits and closes F's action items
  owned by E. Creates no activity and no action item; deletes neither. Nothing else.
- **viewer** of F: reads everything of F, writes nothing.
- **the public** (anonymous, or signed in without an active membership): reads the
  reference data (organizations, entities and former names, frameworks, priority areas,
  bienniums, SDGs), the resolutions with their paragraphs, mandates and citations (the
  General Assembly publishes them), and what is published: activities, meetings and
  agreements with ``is_published``, and what hangs on them (indicators and progress
  updates of a published activity; documents, decisions and the decisions' action items
  of a published meeting). Writes nothing. Focal point records (people and e-mail
  addresses) are read by members only.

Memberships are active between their start and end dates (inclusive, open when empty),
for active users. A model this module does not know is for administrators only.

The functions:

    can_view(user, obj) / can_edit(user, obj) / can_delete(user, obj) -> bool
    can_create(user, model, *, framework, organization=None, entity=None, parent=None, **fields)
    can_close(user, action_item) -> bool
    viewable(user, queryset) / editable(user, queryset) -> queryset (one SQL query, no per-row checks)
    require(allowed) -> None, raises PermissionDenied when ``allowed`` is false
    public_read(view) -> view: a read-only page open to the public (GET only)
    can_report(user, framework) -> bool (reports and the working spreadsheet)
    can_report_all_frameworks(user, frameworks) -> bool (the combined report of them all)
    SYSTEM: the command line's actor without --user (every right; history names nobody)
    can_create_some(user, model) -> bool ("add" buttons)
    can_use_admin(user) -> bool (administrators only)
    can_use_second_factor(user) -> bool (administrators and coordinators)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accord.core.actors import SYSTEM, is_system  # noqa: F401  (SYSTEM: the CLI's actor)

ALL = "all"  # a coordinator edits every row of the kind in their frameworks
SIDE = "side"  # a coordinator edits the activity rows of their side (see the docstring)
ORG = "org"  # a coordinator edits rows of their organization's entities
NONE = "none"  # administrators only

_QS = TypeVar("_QS", bound=QuerySet)  # viewable/editable keep the queryset's own class


@dataclass(frozen=True)
class Kind:
    """How one model relates to frameworks, publication and roles.

    ``framework``: lookup from the model to its framework ("framework",
    "activity__framework", "pk" for Framework itself) or None (no framework).
    ``published``: lookups that make a row public (any of them true), or ``PUBLIC`` for
    reference data that everyone reads, or () for rows only members read.
    ``coordinator``: ALL, SIDE, ORG (with ``org``: lookup to the entity's organization)
    or NONE. ``activity``: lookup from the model to the activity ("" for Activity itself)
    for the SIDE and focal point rules. ``focal``: what a focal point may do: "activity"
    (edit rows of their activities), "child" (create/edit/delete rows of their
    activities), "owner" (action items they own) or None. ``parent``: the field holding the
    parent for ``can_create(..., parent=...)``.
    """

    framework: str | None
    published: tuple[str, ...] | str = ()
    coordinator: str = NONE
    org: str = ""
    activity: str | None = None
    focal: str | None = None
    parent: str | None = None


PUBLIC = "public"

KINDS: dict[str, Kind] = {
    "registry.organization": Kind(None, PUBLIC),
    "registry.entity": Kind(None, PUBLIC, ORG, org="organization"),
    "registry.entityformername": Kind(
        None, PUBLIC, ORG, org="entity__organization", parent="entity"
    ),
    "registry.focalpoint": Kind(None, (), ORG, org="entity__organization", parent="entity"),
    "registry.agreement": Kind("framework", ("is_published",), ALL),
    "cooperation.framework": Kind("pk", PUBLIC),
    "cooperation.priorityarea": Kind("framework", PUBLIC, ALL),
    "cooperation.biennium": Kind("framework", PUBLIC, ALL),
    "cooperation.sdggoal": Kind(None, PUBLIC),
    "cooperation.sdgtarget": Kind(None, PUBLIC),
    "cooperation.activity": Kind(
        "framework", ("is_published",), SIDE, activity="", focal="activity"
    ),
    "cooperation.indicator": Kind(
        "activity__framework",
        ("activity__is_published",),
        SIDE,
        activity="activity",
        focal="child",
        parent="activity",
    ),
    "cooperation.progressupdate": Kind(
        "activity__framework",
        ("activity__is_published",),
        SIDE,
        activity="activity",
        focal="child",
        parent="activity",
    ),
    "cooperation.meeting": Kind("framework", ("is_published",), ALL),
    "cooperation.meetingdocument": Kind(
        "meeting__framework", ("meeting__is_published",), ALL, parent="meeting"
    ),
    "cooperation.decision": Kind(
        "meeting__framework", ("meeting__is_published",), ALL, parent="meeting"
    ),
    "cooperation.actionitem": Kind(
        "framework", ("decision__meeting__is_published",), ALL, focal="owner"
    ),
    # Resolutions of the General Assembly are public documents: so are their parts.
    "documents.resolution": Kind("framework", PUBLIC, ALL),
    "documents.paragraph": Kind("resolution__framework", PUBLIC, ALL, parent="resolution"),
    "documents.mandate": Kind("resolution__framework", PUBLIC, ALL, parent="resolution"),
    "documents.citation": Kind("resolution__framework", PUBLIC, ALL, parent="resolution"),
    # The bootstrap's review list: the framework's coordinators decide; members read it.
    "documents.reviewitem": Kind("framework", (), ALL, parent="resolution"),
}


def kind_of(model) -> Kind | None:
    """The Kind of a model class or instance, or None for a model only administrators touch."""
    return KINDS.get(model._meta.label_lower)


# --- the user's grants, loaded once per user object ---------------------------------


@dataclass
class Grants:
    """What a user's active memberships give, in ids (no model instances kept)."""

    is_admin: bool = False
    is_member: bool = False
    frameworks: set[int] = field(default_factory=set)  # reads everything of these
    coordinated: set[int] = field(default_factory=set)  # frameworks with a coordinator role
    coordinator_sides: list[tuple[int, int, str]] = field(
        default_factory=list
    )  # (framework, org, lead field)
    organizations: set[int] = field(default_factory=set)  # coordinated organizations
    focal: list[tuple[int, int]] = field(default_factory=list)  # (framework, entity)
    _entity_orgs: dict[int, int] | None = None  # entity id -> organization id, for coordinated orgs

    def entity_org(self, entity_id: int | None) -> int | None:
        """The organization of ``entity_id`` if it is one the user coordinates, else None."""
        if entity_id is None or not self.organizations:
            return None
        if self._entity_orgs is None:
            from accord.registry.models import Entity

            self._entity_orgs = dict(
                Entity.all_objects.filter(organization_id__in=self.organizations).values_list(
                    "id", "organization_id"
                )
            )
        return self._entity_orgs.get(entity_id)


def grants(user) -> Grants:
    """The user's grants, computed from active memberships once and cached on ``user``."""
    if is_system(user):
        return Grants(is_admin=True, is_member=True)
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Grants()
    cached = getattr(user, "_accord_grants", None)
    if cached is not None:
        return cached
    from accord.accounts.models import Membership

    g = Grants(is_admin=bool(user.is_superuser))
    rows = Membership.objects.active().filter(user_id=user.pk).select_related("framework")
    for m in rows:
        g.is_member = True
        if m.role == Membership.Role.ADMINISTRATOR:
            g.is_admin = True
            continue
        if m.framework_id is None:
            continue
        g.frameworks.add(m.framework_id)
        if m.role == Membership.Role.COORDINATOR and m.organization_id:
            side = (
                "un_lead" if m.organization_id == m.framework.un_organization_id else "partner_lead"
            )
            g.coordinated.add(m.framework_id)
            g.organizations.add(m.organization_id)
            g.coordinator_sides.append((m.framework_id, m.organization_id, side))
        elif m.role == Membership.Role.FOCAL_POINT and m.entity_id:
            g.focal.append((m.framework_id, m.entity_id))
    user._accord_grants = g
    return g


def grants_key(user) -> tuple:
    """What decides what ``user`` may read and change, as a hashable value: two users with
    the same key see the same rows (``viewable``) and may edit the same (``editable``), so
    a page piece computed for one may be shown to the other (accord/web/cache.py)."""
    g = grants(user)
    if g.is_admin:
        return ("admin",)
    return (
        g.is_member,
        tuple(sorted(g.frameworks)),
        tuple(sorted(g.coordinator_sides)),
        tuple(sorted(g.focal)),
    )


def forget(user) -> None:
    """Drop the cached grants (after changing the user's memberships)."""
    if user is not None and hasattr(user, "_accord_grants"):
        del user._accord_grants


# --- reading values from instances ----------------------------------------------------


def _value(obj, path: str):
    """Follow ``a__b__c`` from ``obj``; a final foreign key gives its id (no query)."""
    if path == "pk":
        return obj.pk
    parts = path.split("__")
    for part in parts[:-1]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    last = parts[-1]
    try:
        f = obj._meta.get_field(last)
    except Exception:  # noqa: BLE001 - a property, not a field
        return getattr(obj, last, None)
    if f.is_relation and f.many_to_one:
        return getattr(obj, f.attname)
    return getattr(obj, last, None)


def _framework_id(obj, kind: Kind) -> int | None:
    return _value(obj, kind.framework) if kind.framework else None


def _is_published(obj, kind: Kind) -> bool:
    if kind.published == PUBLIC:
        return True
    return any(bool(_value(obj, path)) for path in kind.published)


def _activity(obj, kind: Kind):
    if kind.activity is None:  # (a kind without an activity rule)
        return None
    return obj if kind.activity == "" else getattr(obj, kind.activity, None)


def _coordinator_edits_activity(g: Grants, activity) -> bool:
    for fw, org, side in g.coordinator_sides:
        if activity.framework_id != fw:
            continue
        lead = getattr(activity, f"{side}_id")
        if lead is None or g.entity_org(lead) == org:
            return True
    return False


def _focal_edits_activity(g: Grants, activity) -> bool:
    mine = {e for fw, e in g.focal if fw == activity.framework_id}
    if not mine:
        return False
    if activity.un_lead_id in mine or activity.partner_lead_id in mine:
        return True
    if activity.pk is None:
        return False
    cache = getattr(activity, "_prefetched_objects_cache", {})
    if "participants" in cache:
        return any(p.pk in mine for p in cache["participants"])
    return activity.participants.filter(pk__in=mine).exists()


# --- the questions --------------------------------------------------------------------


def is_administrator(user) -> bool:
    return grants(user).is_admin


def can_see_report_job(user, job) -> bool:
    """The one who asked for a report job sees it, and so does any administrator (by
    membership, not only the superuser)."""
    return job.requested_by_id == getattr(user, "pk", None) or is_administrator(user)


def can_see_upload_job(user, job) -> bool:
    """An upload read in the task worker (a resolution's parse, a matrix file's plan): the
    same rule as a report job."""
    return can_see_report_job(user, job)


def can_apply_upload_job(user, job) -> bool:
    """Only who uploaded a matrix file may apply what its job planned (the preview they
    saw), not an administrator who opens the job."""
    return job.requested_by_id is not None and job.requested_by_id == getattr(user, "pk", None)


def can_use_admin(user) -> bool:
    """The Django admin is for administrators only; coordinators and focal points do
    their work in the pages."""
    return grants(user).is_admin


def can_use_second_factor(user) -> bool:
    """Who may enrol an authenticator (TOTP): administrators and coordinators."""
    g = grants(user)
    return g.is_admin or bool(g.coordinated)


def can_view(user, obj) -> bool:
    """May ``user`` read ``obj``."""
    g = grants(user)
    if g.is_admin:
        return True
    label = obj._meta.label_lower
    if label == "accounts.membership":
        return obj.user_id == getattr(user, "pk", None)
    if obj._meta.model is type(user) or label == "auth.user":
        return obj.pk == getattr(user, "pk", None)
    kind = kind_of(obj)
    if kind is None:
        return False
    if _is_published(obj, kind):
        return True
    if kind.framework is None:
        return g.is_member  # focal point records: members only
    return _framework_id(obj, kind) in g.frameworks


def can_edit(user, obj) -> bool:
    """May ``user`` change ``obj`` (an existing row)."""
    g = grants(user)
    if g.is_admin:
        return True
    kind = kind_of(obj)
    if kind is None:
        return False
    return _coordinator_edits(g, obj, kind) or _focal_edits(g, obj, kind)


def _coordinator_edits(g: Grants, obj, kind: Kind) -> bool:
    if not g.coordinated:
        return False
    if kind.coordinator == ALL:
        return _framework_id(obj, kind) in g.coordinated
    if kind.coordinator == ORG:
        return _value(obj, kind.org) in g.organizations
    if kind.coordinator == SIDE:
        activity = _activity(obj, kind)
        return activity is not None and _coordinator_edits_activity(g, activity)
    return False


def _focal_edits(g: Grants, obj, kind: Kind) -> bool:
    if not g.focal or kind.focal is None:
        return False
    if kind.focal == "owner":
        return any(fw == obj.framework_id and e == obj.owner_id for fw, e in g.focal)
    activity = _activity(obj, kind)
    return activity is not None and _focal_edits_activity(g, activity)


def can_delete(user, obj) -> bool:
    """May ``user`` (soft-)delete ``obj``: as edit, except that a focal point deletes only
    the indicators and progress updates of their activities."""
    g = grants(user)
    if g.is_admin:
        return True
    kind = kind_of(obj)
    if kind is None:
        return False
    if _coordinator_edits(g, obj, kind):
        return True
    return kind.focal == "child" and _focal_edits(g, obj, kind)


def can_close(user, action_item) -> bool:
    """May ``user`` close ``action_item`` (set it done with evidence)."""
    return can_edit(user, action_item)


def can_create(
    user, model, *, framework, organization=None, entity=None, parent=None, **fields: Any
) -> bool:
    """May ``user`` create a ``model`` row in ``framework`` (an instance or id, or None for
    rows without a framework).

    ``organization``: the side (or, for an entity, its organization); ``entity``: the
    entity the row is for (a lead of a new activity, the entity of a new focal point, the
    owner of a new action item). ``parent``: the row a child hangs on (the activity of an
    indicator or progress update, the meeting of a decision, the resolution of a
    paragraph, the entity of a former name or focal point); without it, a non-administrator
    may not create a child row (pass it). ``fields`` may name ``un_lead``/``partner_lead``
    of a new activity (instances or ids); other names are ignored.
    """
    g = grants(user)
    if g.is_admin:
        return True
    kind = kind_of(model)
    if kind is None:
        return False
    fw = getattr(framework, "pk", framework)
    if (
        parent is None
        and kind.parent == "entity"
        and entity is not None
        and not isinstance(entity, int)
    ):
        parent = entity
    if kind.parent:
        if parent is None:
            return False
        if kind.coordinator == ORG or kind.focal == "child":
            return can_edit(user, parent)
        parent_kind = kind_of(parent)
        return parent_kind is not None and _coordinator_edits(g, parent, parent_kind)
    if kind.coordinator == ORG:
        org = getattr(organization, "pk", organization)
        if org is None and entity is not None:
            org = entity.organization_id if hasattr(entity, "organization_id") else None
        return org is not None and org in g.organizations
    if kind.coordinator == ALL:
        return fw in g.coordinated
    if kind.coordinator == SIDE:  # a new activity
        org = getattr(organization, "pk", organization)
        leads = {"un_lead": fields.get("un_lead"), "partner_lead": fields.get("partner_lead")}
        for f, o, side in g.coordinator_sides:
            if f != fw or (org is not None and org != o):
                continue
            lead = getattr(leads[side], "pk", leads[side])
            if lead is None and entity is not None:
                ent = getattr(entity, "pk", entity)
                lead = ent if g.entity_org(ent) is not None else None
                if lead is None:
                    continue  # the entity named is not of this side
            if lead is None or g.entity_org(lead) == o:
                return True
        return False
    return False


def can_grant_focal_role(user, framework, entity) -> bool:
    """May ``user`` give a user account the focal-point role of ``entity`` in
    ``framework`` (what linking an account to a new focal point record does): an
    administrator, or a coordinator of ``framework`` on the entity's side."""
    g = grants(user)
    if g.is_admin:
        return True
    fw = getattr(framework, "pk", framework)
    org = getattr(entity, "organization_id", None)
    return any(f == fw and o == org for f, o, _side in g.coordinator_sides)


def can_create_some(user, model) -> bool:
    """Could ``user`` create a ``model`` row anywhere: shows or hides "add" buttons (the
    admin's has_add_permission); the row itself is then asked with ``can_create``."""
    g = grants(user)
    if g.is_admin:
        return True
    kind = kind_of(model)
    if kind is None:
        return False
    return (bool(g.coordinated) and kind.coordinator != NONE) or (
        bool(g.focal) and kind.focal == "child"
    )


def can_see_people(user) -> bool:
    """May ``user`` see who made a change by name? Members and administrators; the
    public sees the person's entity or organization, never a username."""
    return grants(user).is_member


def require(allowed: bool, message: str | None = None) -> None:
    """Raise PermissionDenied (HTTP 403) unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def visible_or_404(allowed: bool) -> None:
    """Raise Http404 when the reader may not see a row: a 403 would tell the public
    (or a non-member) that an unpublished row exists."""
    if not allowed:
        raise Http404(_("There is no such page, or it is not public."))


def public_read(view):
    """Mark a read-only page as open to the public: anyone may GET it, and it shows
    only what ``viewable()`` lets the visitor read (for an anonymous visitor: what is
    published). Any other method needs a sign-in; the writes live in other views."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") and not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login  # needs the app registry

            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.public_read = True  # type: ignore[attr-defined]
    return wrapper


def can_report(user, framework) -> bool:
    """May ``user`` generate the reports and the working spreadsheet of ``framework``
    (which show unpublished rows): its administrators and members."""
    g = grants(user)
    return g.is_admin or getattr(framework, "pk", framework) in g.frameworks


def can_report_all_frameworks(user, frameworks) -> bool:
    """May ``user`` generate the combined report of ``frameworks`` (every framework there
    is), which reads their unpublished rows: administrators, and members of each."""
    g = grants(user)
    if g.is_admin:
        return True
    ids = {getattr(f, "pk", f) for f in frameworks}
    return bool(ids) and ids <= g.frameworks


# --- querysets ------------------------------------------------------------------------


def _fw_lookup(kind: Kind) -> str:
    return "pk__in" if kind.framework == "pk" else f"{kind.framework}__in"


def _published_q(kind: Kind) -> Q | None:
    if kind.published == PUBLIC:
        return Q()
    q = None
    for path in kind.published:
        part = Q(**{path: True})
        q = part if q is None else q | part
    return q


def viewable(user, queryset: _QS) -> _QS:
    """The rows of ``queryset`` that ``user`` may read (one query, filtered in SQL)."""
    g = grants(user)
    if g.is_admin:
        return queryset
    model = queryset.model
    label = model._meta.label_lower
    if label == "accounts.membership":
        return queryset.filter(user_id=getattr(user, "pk", None))
    if label == "auth.user" or (user is not None and model is type(user)):
        return queryset.filter(pk=getattr(user, "pk", None))
    kind = kind_of(model)
    if kind is None:
        return queryset.none()
    pub = _published_q(kind)
    if pub is not None and not pub:  # public reference data
        return queryset
    if kind.framework is None:
        return queryset if g.is_member else queryset.none()
    q = Q(**{_fw_lookup(kind): g.frameworks}) if g.frameworks else None
    if pub is not None:
        q = pub if q is None else q | pub
    return queryset.filter(q) if q is not None else queryset.none()


def _activity_prefix(kind: Kind) -> str:
    return "" if kind.activity == "" else f"{kind.activity}__"


def _focal_activity_q(model, kind: Kind, fw: int, entity: int) -> Q:
    """The rows of ``model`` (an activity, or a row hanging on one) of focal point
    ``entity``'s activities in ``fw``."""
    activity = model if kind.activity == "" else model._meta.get_field(kind.activity).related_model
    p = _activity_prefix(kind)
    through = activity.participants.through.objects.filter(entity_id=entity).values("activity_id")
    id_lookup = "pk__in" if p == "" else f"{kind.activity}_id__in"
    return Q(**{f"{p}framework": fw}) & (
        Q(**{f"{p}un_lead": entity}) | Q(**{f"{p}partner_lead": entity}) | Q(**{id_lookup: through})
    )


def editable(user, queryset: _QS, *, deleting: bool = False) -> _QS:
    """The rows of ``queryset`` that ``user`` may change (or delete, with ``deleting``),
    in one query."""
    g = grants(user)
    if g.is_admin:
        return queryset
    kind = kind_of(queryset.model)
    if kind is None:
        return queryset.none()
    q: Q | None = None

    def add(part: Q) -> None:
        nonlocal q
        q = part if q is None else q | part

    if g.coordinated:
        if kind.coordinator == ALL:
            add(Q(**{_fw_lookup(kind): g.coordinated}))
        elif kind.coordinator == ORG:
            add(Q(**{f"{kind.org}__in": g.organizations}))
        elif kind.coordinator == SIDE:
            p = _activity_prefix(kind)
            for fw, org, side in g.coordinator_sides:
                add(
                    Q(**{f"{p}framework": fw})
                    & (Q(**{f"{p}{side}__organization": org}) | Q(**{f"{p}{side}__isnull": True}))
                )
    if g.focal and kind.focal and not (deleting and kind.focal != "child"):
        for fw, entity in g.focal:
            if kind.focal == "owner":
                add(Q(framework=fw, owner=entity))
            else:
                add(_focal_activity_q(queryset.model, kind, fw, entity))
    return queryset.filter(q) if q is not None else queryset.none()


# --- contributions to the Secretary-General's report ----------------------------------


def can_open_call(user, framework) -> bool:
    """A call for contributions is opened by an administrator or a coordinator of the
    framework."""
    g = grants(user)
    return g.is_admin or framework.pk in g.coordinated


def can_see_contributions(user, call) -> bool:
    """The members of the call's framework see who has submitted and read the texts."""
    g = grants(user)
    return g.is_admin or call.framework_id in g.frameworks


def can_write_contribution(user, contribution) -> bool:
    """The focal point of the contribution's entity in the call's framework writes and
    submits it until it is accepted; the coordinators (and administrators) may too."""
    if contribution.status == "accepted":
        return can_accept_contribution(user, contribution)
    g = grants(user)
    fw = contribution.call.framework_id
    return g.is_admin or fw in g.coordinated or (fw, contribution.entity_id) in g.focal


def can_accept_contribution(user, contribution) -> bool:
    """A coordinator of the framework (or an administrator) accepts and edits it."""
    g = grants(user)
    return g.is_admin or contribution.call.framework_id in g.coordinated


# --- who is told (notifications) ------------------------------------------------------


@dataclass
class Audience:
    """Who holds a role in some frameworks, in user ids (read by the notifications)."""

    focal: dict[tuple[int | None, int], set[int]] = field(default_factory=dict)  # (fw, entity)
    coordinators: dict[int | None, set[int]] = field(default_factory=dict)  # fw -> both sides
    members: dict[int | None, set[int]] = field(default_factory=dict)  # fw -> every role

    def focal_points(self, framework_id: int | None, entity_ids) -> set[int]:
        """The focal points of these entities in the framework."""
        out: set[int] = set()
        for entity in entity_ids:
            out |= self.focal.get((framework_id, entity), set())
        return out

    def coordinators_of(self, framework_id: int | None) -> set[int]:
        return set(self.coordinators.get(framework_id, set()))

    def members_of(self, framework_id: int | None) -> set[int]:
        return set(self.members.get(framework_id, set()))


def audience(framework_ids, on=None) -> Audience:
    """The active focal points, coordinators and members of ``framework_ids`` (active
    users, memberships in force ``on``): one query whatever the number of frameworks."""
    from accord.accounts.models import Membership

    a = Audience()
    rows = (
        Membership.objects.active(on)
        .filter(framework_id__in=list(framework_ids), user__is_active=True)
        .values_list("user_id", "role", "framework_id", "entity_id")
    )
    for user_id, role, fw, entity in rows:
        a.members.setdefault(fw, set()).add(user_id)
        if role == Membership.Role.COORDINATOR:
            a.coordinators.setdefault(fw, set()).add(user_id)
        elif role == Membership.Role.FOCAL_POINT and entity:
            a.focal.setdefault((fw, entity), set()).add(user_id)
    return a


def can_see_activity_log(user, framework) -> bool:
    """The framework's activity log (who changed what) is for its members and the
    administrators; the public never sees it."""
    g = grants(user)
    return g.is_admin or getattr(framework, "pk", framework) in g.frameworks
