"""Writes that every data model shares: an optimistic-locked update, soft delete and
restore, and undo of a recorded change.

Reads: the object's row and its simple_history records. Writes: the row (through
``save()``, so each write leaves exactly one history record naming the user) and, for
many-to-many fields that the model's history tracks, the link table.

The version check is one ``UPDATE ... SET version = version + 1 WHERE pk = ... AND
version = expected``: of two concurrent writers that saw the same version, the database
lets exactly one through; the other gets ``StaleEdit`` naming who changed what.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accord.core.actors import recorded_user
from accord.core.errors import AccordError, Invalid, StaleEdit
from accord.core.history import copy_links

# Fields the services manage themselves; callers may not pass them as changes.
# Any model: the services read and return the caller's own type (an Activity in, an
# Activity out). The rows are AccordModels (version, history, soft delete), which the
# stubs cannot see through simple_history and the dynamic managers: hence Any inside.
M = TypeVar("M", bound=models.Model)

MANAGED_FIELDS = {"id", "version", "created_at", "updated_at", "deleted_at", "deleted_by"}


def user_label(user) -> str:
    """The name shown for a user in messages: full name, else username, else "someone"."""
    if recorded_user(user) is None:
        return _("someone (no user recorded)")
    return user.get_full_name() or user.get_username()


def changes_since(obj: Any, version: int) -> list[dict[str, Any]]:
    """What happened to ``obj`` after ``version``: one dict per history record,
    ``{"version", "user", "when", "fields"}`` in order, ``fields`` naming the changed
    fields (``"deleted"``/``"restored"`` for soft delete and restore)."""
    records = (
        obj.history.filter(version__gt=version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    out = []
    for record in records:
        prev = record.prev_record
        if prev is None:
            fields = [_("created")]
        else:
            fields = [
                str(type(obj)._meta.get_field(f).verbose_name)
                for f in record.diff_against(prev).changed_fields
            ]
            if prev.deleted_at is None and record.deleted_at is not None:
                fields.append(_("deleted"))
            elif prev.deleted_at is not None and record.deleted_at is None:
                fields.append(_("restored"))
        out.append(
            {
                "version": record.version,
                "user": record.history_user,
                "when": record.history_date,
                "fields": fields,
            }
        )
    return out


def stale_edit(obj: models.Model, expected_version: int) -> StaleEdit:
    """Build the error for an edit made on ``expected_version`` of an object that moved on."""
    model: Any = type(obj)
    current = model.all_objects.filter(pk=obj.pk).values_list("version", flat=True).first()
    if current is None:
        return StaleEdit(
            _("%(model)s “%(obj)s” no longer exists; nothing was saved.")
            % {"model": model._meta.verbose_name, "obj": obj},
            obj=obj,
            expected_version=expected_version,
        )
    changes = changes_since(obj, expected_version)
    parts = [
        _("%(who)s on %(when)s (%(what)s)")
        % {
            "who": user_label(c["user"]),
            "when": date_format(timezone.localtime(c["when"]), "DATETIME_FORMAT"),
            "what": ", ".join(c["fields"]) or _("no visible field"),
        }
        for c in changes
    ]
    message = _(
        "%(model)s “%(obj)s” was changed since you opened it (you saw version %(seen)s, "
        "it is now version %(now)s) by %(changes)s. Your changes were not saved: reload it "
        "and apply them again."
    ) % {
        "model": str(model._meta.verbose_name).capitalize(),
        "obj": obj,
        "seen": expected_version,
        "now": current,
        "changes": "; ".join(parts) or _("someone"),
    }
    return StaleEdit(
        message,
        obj=obj,
        expected_version=expected_version,
        current_version=current,
        changes=changes,
    )


def _claim_version(obj: M, expected_version: int) -> M:
    """Increment the version if it is still ``expected_version`` and return the fresh row
    (locked for the rest of the transaction); raise ``StaleEdit`` otherwise."""
    model: Any = type(obj)
    claimed = model.all_objects.filter(pk=obj.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise stale_edit(obj, expected_version)
    fresh = model.all_objects.get(pk=obj.pk)
    _keep_related(obj, fresh)
    return fresh


def _keep_related(obj: Any, fresh: Any) -> None:
    """Give ``fresh`` the related rows ``obj`` had already loaded (a page's
    select_related) where both point to the same row, so that the model's ``clean()``
    does not read them again."""
    for field in fresh._meta.concrete_fields:
        if (
            field.is_relation
            and field.is_cached(obj)
            and getattr(obj, field.attname) == getattr(fresh, field.attname)
        ):
            field.set_cached_value(fresh, field.get_cached_value(obj))


def _split_changes(model: type[models.Model], changes: dict[str, Any]):
    plain, m2m = {}, {}
    for name, value in changes.items():
        if name in MANAGED_FIELDS:
            raise AccordError(
                _("%(field)s is managed by Accord and cannot be changed directly.")
                % {"field": name}
            )
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist as exc:
            raise AccordError(
                _("%(model)s has no field %(field)s.")
                % {"model": model._meta.verbose_name, "field": name}
            ) from exc
        if field.many_to_many:
            m2m[name] = value
        elif field.concrete and not field.auto_created and not field.generated:
            plain[name if name == field.attname else field.name] = value  # "x_id" stays a pk
        else:
            raise AccordError(_("%(field)s cannot be changed here.") % {"field": name})
    return plain, m2m


def _snapshot_m2m(obj: Any) -> None:
    """Copy the current many-to-many links of ``obj`` into its latest history record."""
    record = obj.history.order_by("-history_date", "-history_id").first()
    for field in getattr(record, "_history_m2m_fields", []):
        rows_manager = getattr(record, field.name)
        rows_manager.all().delete()
        copy_links(record, field, rows_manager.model, obj)


def _save_with_history(
    obj: Any, user, reason: str | None, m2m: dict[str, Any] | None = None
) -> None:
    """Save ``obj`` (and set its many-to-many fields) leaving one history record. The
    building block of the services below: it neither validates nor checks a version, so
    code outside this module calls ``object_create``/``object_update`` instead."""
    obj._history_user = recorded_user(user)
    if reason:
        obj._change_reason = reason
    creating = obj.pk is None
    if creating:
        obj.save()
    if m2m:
        obj.skip_history_when_saving = True
        try:
            for name, value in m2m.items():
                getattr(obj, name).set(value)
        finally:
            del obj.skip_history_when_saving
    if not creating:
        obj.save()
    elif m2m:
        _snapshot_m2m(obj)


def validated(obj: models.Model, exclude: list[str] | None = None) -> None:
    """Run ``full_clean`` (the fields, the model's ``clean()``, the unique checks);
    raise ``Invalid`` with its field errors when a rule refuses."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise Invalid(exc) from exc


@transaction.atomic
def object_create(*, model: type[M], by, reason: str | None = None, **fields: Any) -> M:
    """Create a ``model`` row from ``fields`` (field name -> value, many-to-many as an
    iterable), validated by ``full_clean()`` (the model's ``clean()`` included), leaving
    one history record naming ``by`` (the user who writes; not ``user``, which is a field
    name of some models). Raises ``Invalid`` (nothing saved)."""
    plain, m2m = _split_changes(model, fields)
    obj = model(**plain)
    validated(obj)
    _save_with_history(obj, by, reason, m2m)
    return obj


@transaction.atomic
def object_update(
    *, obj: M, by, expected_version: int, reason: str | None = None, **changes: Any
) -> M:
    """Apply ``changes`` (field name -> value, many-to-many as an iterable) if the object is
    still at ``expected_version``; return the saved object with its new version.

    Raises ``StaleEdit`` (nothing saved) when someone else saved in between, and
    ``Invalid`` (a ``ValidationError`` too; nothing saved) on invalid values.
    """
    plain, m2m = _split_changes(type(obj), changes)
    fresh = _claim_version(obj, expected_version)
    for name, value in plain.items():
        setattr(fresh, name, value)
    exclude = [f.name for f in fresh._meta.concrete_fields if f.name not in plain]
    validated(fresh, exclude=exclude)
    _save_with_history(fresh, by, reason, m2m)
    return fresh


def _version(obj: Any) -> int:
    return obj.version


@transaction.atomic
def object_soft_delete(*, obj: M, user, expected_version: int | None = None) -> M:
    """Soft-delete ``obj`` (checked against ``expected_version`` when given)."""
    fresh: Any = _claim_version(
        obj, _version(obj) if expected_version is None else expected_version
    )
    fresh.version -= 1  # soft_delete() increments it again
    fresh.soft_delete(user)
    return fresh


@transaction.atomic
def object_restore(*, obj: M, user) -> M:
    """Bring back a soft-deleted ``obj``."""
    fresh: Any = _claim_version(obj, _version(obj))
    fresh.version -= 1  # restore() increments it again
    fresh.restore(user)
    return fresh


def _tracked_m2m(record) -> list[str]:
    return [f.name for f in getattr(record, "_history_m2m_fields", [])]


def _restore_state(record, state, user, label: str) -> models.Model:
    """Put the object of ``record`` in the state of the history record ``state``."""
    model = record.instance_type
    current = model.all_objects.filter(pk=getattr(record, model._meta.pk.attname)).first()
    if current is None:  # hard-deleted: bring the row back as it was
        current = state.instance
        current.version = 0
        current.save(force_insert=True)
    fresh = _claim_version(current, current.version)
    for field in model._meta.concrete_fields:
        if (
            field.name in {"version", "created_at", "updated_at"}
            or field.primary_key
            or field.generated
        ):
            continue
        setattr(fresh, field.attname, getattr(state, field.attname))
    m2m = {}
    for name in _tracked_m2m(state):
        target_attr = model._meta.get_field(name).m2m_reverse_field_name()
        m2m[name] = [getattr(row, f"{target_attr}_id") for row in getattr(state, name).all()]
    _save_with_history(fresh, user, label, m2m)
    return fresh


@transaction.atomic
def history_restore_to(*, record, user) -> models.Model:
    """Put the object back in the state a history record shows (every tracked field,
    soft-delete state and tracked many-to-many links). What the admin's "Revert" does.
    Leaves a new history record, with a higher version."""
    return _restore_state(
        record, record, user, _("Restored to change #%(id)s") % {"id": record.history_id}
    )


@transaction.atomic
def history_revert(*, record, user) -> models.Model:
    """Undo the change a history record stands for: put the object back in the state it
    had before that record (every tracked field, soft-delete state and tracked
    many-to-many links included). Undoing a creation soft-deletes the object. Works on
    soft-deleted rows too. Leaves a new history record, so an undo can itself be undone.
    """
    prev = record.prev_record
    if prev is None:
        model = record.instance_type
        current = model.all_objects.filter(pk=getattr(record, model._meta.pk.attname)).first()
        if current is None or current.deleted_at is not None:
            raise AccordError(
                _("Nothing to undo: %(obj)s is already deleted.") % {"obj": record.instance}
            )
        return object_soft_delete(obj=current, user=user)
    return _restore_state(
        record, prev, user, _("Undo of change #%(id)s") % {"id": record.history_id}
    )
