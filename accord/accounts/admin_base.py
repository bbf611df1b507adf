"""The base of every Accord admin page: history (simple_history), soft delete, the
version check, and the one permissions module (accord.accounts.permissions).

Reads: the request's user and the rows the permissions module lets them see (soft-deleted
ones included, behind the "Deleted" filter). Writes only through the services
(``object_create``/``object_update``, so ``full_clean()`` and the model's ``clean()``):
a change form must carry the version it was opened on, and is refused when the row
moved on since (the message names who changed what); a refused save is a form error,
nothing written; who wrote or closed a row is set from the request's user
(``authorship``), never from the form; deleting is soft (rows and inline rows); the
history page's "Revert" restores through ``history_restore_to`` (a new history record,
a new version), never by writing an old version back.

It lives in ``accounts`` (not ``core``) because it asks the permissions module:
``accord.core`` imports no app (the import-linter contract).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from accord.accounts import permissions
from accord.core.errors import AccordError, add_form_errors
from accord.core.services import (
    MANAGED_FIELDS,
    history_restore_to,
    object_create,
    object_restore,
    object_soft_delete,
    object_update,
    stale_edit,
)


def is_soft_deletable(model) -> bool:
    return hasattr(model, "all_objects") and hasattr(model, "deleted_at")


class DeletedFilter(admin.SimpleListFilter):
    """Live rows by default; deleted rows, or all, on request."""

    title = gettext_lazy("deleted")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("yes", _("Deleted")), ("all", _("All"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Live"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "all":
            return queryset
        return queryset.filter(deleted_at__isnull=True)


class VersionedForm(forms.ModelForm):
    """Carries the version the user saw; refuses the save when the row moved on since.

    A change form without ``expected_version`` is refused (a POST that leaves it out
    must not skip the check). ``refusal``: what the service refused on the first
    attempt (see ``AccordAdmin.changeform_view``), shown as the form's errors."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    refusal: Exception | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and hasattr(self.instance, "version"):
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.refusal is not None:
            add_form_errors(self, self.refusal)
            return data
        if self.instance.pk is None or not hasattr(self.instance, "version"):
            return data
        expected = data.get("expected_version")
        if expected is None:
            raise ValidationError(
                _("The form did not say which version you edited; reload the page and try again.")
            )
        current = (
            type(self.instance)
            .all_objects.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current != expected:
            raise ValidationError(str(stale_edit(self.instance, expected)))
        return data


def _resolve(obj, path: str | None):
    """Follow ``a__b__c`` from ``obj``; None when a link is missing."""
    if not path:
        return None
    for part in path.split("__"):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def may_create(user, obj) -> bool:
    """Ask the permissions module whether ``user`` may create ``obj`` (unsaved)."""
    kind = permissions.kind_of(obj)
    if kind is None:
        return permissions.is_administrator(user)
    framework = None
    if kind.framework and kind.framework != "pk":
        framework = _resolve(obj, kind.framework)
        if framework is None and hasattr(obj, "biennium_id") and obj.biennium_id:
            framework = obj.biennium.framework  # a new activity takes its biennium's framework
    parent = _resolve(obj, kind.parent) if kind.parent else None
    entity = getattr(obj, "entity", None) or getattr(obj, "owner", None)
    organization = getattr(obj, "organization", None)
    extra = {f: getattr(obj, f, None) for f in ("un_lead", "partner_lead")}
    return permissions.can_create(
        user,
        type(obj),
        framework=framework,
        organization=organization,
        entity=entity,
        parent=parent,
        **extra,
    )


class Refused(Exception):
    """A service refused the admin's save (raised inside the admin's transaction, so
    everything is rolled back; ``changeform_view`` then shows the form again)."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def _writable(field) -> bool:
    return (
        field.concrete
        and not field.primary_key
        and not field.generated
        and field.name not in MANAGED_FIELDS
    )


def row_values(obj, form, change: bool) -> dict:
    """What the admin asks the service to write: on a change, the fields whose value
    differs from the stored row (and the many-to-many fields the form changed); on a
    creation, every field (and the form's many-to-many fields)."""
    model = type(obj)
    stored = model.all_objects.filter(pk=obj.pk).values().first() if change else None
    values = {}
    for field in model._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if _writable(field) and (stored is None or stored.get(field.attname) != value):
            values[field.attname] = value
    data = getattr(form, "cleaned_data", {})
    for field in model._meta.many_to_many:
        if field.name in data and (not change or field.name in form.changed_data):
            values[field.name] = data[field.name]
    return values


def service_save(user, obj, values: dict, *, change: bool, expected_version) -> None:
    """Create or update ``obj`` through the services (``full_clean``, the model's
    ``clean()``, the version claim, one history record naming ``user``); ``obj`` then
    holds the saved row. Raises ``Refused`` with the service's error."""
    try:
        if change:
            saved = object_update(obj=obj, by=user, expected_version=expected_version, **values)
        else:
            saved = object_create(model=type(obj), by=user, **values)
    except AccordError as error:
        raise Refused(error) from error
    obj.__dict__.update(saved.__dict__)


class PermissionsMixin:
    """Admin permission hooks answered by accord.accounts.permissions: the admin is for
    those ``can_use_admin`` lets in, and then each row as ``can_view``/``can_edit``/
    ``can_delete`` say (creation: ``can_create``, checked on save)."""

    def has_module_permission(self, request):
        return permissions.can_use_admin(request.user)

    def has_view_permission(self, request, obj=None):
        allowed = permissions.can_use_admin(request.user)
        return allowed and (obj is None or permissions.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = permissions.can_use_admin(request.user)
        return allowed and (obj is None or permissions.can_edit(request.user, obj))

    def has_add_permission(self, request, *args):
        return permissions.can_use_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = permissions.can_use_admin(request.user)
        return allowed and (obj is None or permissions.can_delete(request.user, obj))


class AccordAdmin(PermissionsMixin, SimpleHistoryAdmin):
    """Base admin: soft delete, version check, history with safe revert, permissions."""

    form = VersionedForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    save_on_top = False
    list_per_page = 50

    def get_queryset(self, request):
        model = self.model
        qs = model.all_objects.all() if is_soft_deletable(model) else model._default_manager.all()
        ordering = self.get_ordering(request)
        if ordering:
            qs = qs.order_by(*ordering)
        return permissions.viewable(request.user, qs)

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if is_soft_deletable(self.model):
            filters.append(DeletedFilter)
        return filters

    def get_readonly_fields(self, request, obj=None):
        extra = (
            ["version", "created_at", "updated_at", "deleted_at", "deleted_by"]
            if is_soft_deletable(self.model)
            else []
        )
        readonly = [*super().get_readonly_fields(request, obj), *self.authorship_fields]
        return [*readonly, *(f for f in extra if obj is not None)]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_soft_deletable(self.model):
            actions.pop("restore_selected", None)
        return actions

    actions = ["restore_selected"]

    @admin.action(description=gettext_lazy("Restore selected deleted rows"))
    def restore_selected(self, request, queryset):
        done = 0
        for obj in queryset.filter(deleted_at__isnull=False):
            if permissions.can_edit(request.user, obj):
                object_restore(obj=obj, user=request.user)
                done += 1
        self.message_user(request, _("%(n)d row(s) restored.") % {"n": done}, messages.SUCCESS)

    # Fields a write sets from the request's user (say, who wrote a progress update),
    # never from the form: read-only here, filled by ``authorship``.
    authorship_fields: tuple[str, ...] = ()

    def authorship(self, request, obj, change: bool) -> dict:
        """The ``authorship_fields`` values of this write (none by default)."""
        return {}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "_accord_refusal", None)
        if refusal is not None and issubclass(form, VersionedForm):
            form = type(form.__name__, (form,), {"refusal": refusal})
        return form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A save the service refuses (a value its rules forbid, a version that moved on
        between the form's check and the write) is shown on the form, nothing saved."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            request._accord_refusal = refused.error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Through the services: ``object_create``/``object_update`` validate the row as
        it will be (``full_clean``, so the model's ``clean()``) and claim the version the
        form carried; the permissions module is asked of the row as it will be saved (a
        coordinator may not move a row, say to another framework, out of their reach)."""
        for name, value in self.authorship(request, obj, change).items():
            setattr(obj, name, value)
        if not is_soft_deletable(type(obj)):  # reference data: administrators only
            permissions.require(permissions.is_administrator(request.user))
            obj.save()
            return
        allowed = permissions.can_edit if change else may_create
        permissions.require(allowed(request.user, obj))
        data = getattr(form, "cleaned_data", {})
        service_save(
            request.user,
            obj,
            row_values(obj, form, change),
            change=change,
            expected_version=data.get("expected_version"),
        )

    def save_related(self, request, form, formsets, change):
        """The many-to-many fields were written by the service (``save_model``)."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        """Inline rows go through the services too; deleting one is soft."""
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if is_soft_deletable(type(obj)):
                object_soft_delete(obj=obj, user=request.user)
            else:
                obj.delete()
        inline = next(
            (i for i in self.get_inline_instances(request) if i.model is formset.model), None
        )
        for obj in instances:
            creating = obj.pk is None
            if inline is not None:
                for name, value in inline.authorship(request, obj, not creating).items():
                    setattr(obj, name, value)
            allowed = may_create if creating else permissions.can_edit
            permissions.require(allowed(request.user, obj))
            if not is_soft_deletable(type(obj)):
                obj.save()
                continue
            version = None if creating else obj.version
            service_save(
                request.user,
                obj,
                row_values(obj, None, not creating),
                change=not creating,
                expected_version=version,
            )
        formset.save_m2m()

    def get_deleted_objects(self, objs, request):
        """Deleting is soft: nothing else is deleted with the rows, so list only them."""
        objs = list(objs)
        denied = {
            str(self.model._meta.verbose_name)
            for o in objs
            if not permissions.can_delete(request.user, o)
        }
        return (
            [str(o) for o in objs],
            {str(self.model._meta.verbose_name_plural): len(objs)},
            denied,
            [],
        )

    def delete_model(self, request, obj):
        if is_soft_deletable(type(obj)):
            object_soft_delete(obj=obj, user=request.user)
        else:
            permissions.require(permissions.is_administrator(request.user))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                permissions.require(permissions.can_delete(request.user, obj))
                if obj.deleted_at is None:
                    object_soft_delete(obj=obj, user=request.user)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """GET shows the old state (simple_history's page); POST restores it through
        ``history_restore_to`` instead of saving the old row (and its old version) back."""
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        history_model = self.model.history.model
        record = get_object_or_404(
            history_model, **{self.model._meta.pk.attname: object_id, "history_id": version_id}
        )
        current = self.get_queryset(request).filter(pk=object_id).first()
        if current is None or not permissions.can_edit(request.user, current):
            raise PermissionDenied
        try:
            history_restore_to(record=record, user=request.user)
        except AccordError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(obj)s” was restored to the state of %(when)s.")
                % {"obj": current, "when": record.history_date},
                messages.SUCCESS,
            )
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[object_id])
        )


class AccordInline(admin.TabularInline):
    """An inline whose rows are edited, added and (softly) deleted as their parent is."""

    extra = 0
    show_change_link = True
    authorship_fields: tuple[str, ...] = ()

    def authorship(self, request, obj, change: bool) -> dict:
        """As ``AccordAdmin.authorship``, for the inline's rows."""
        return {}

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.authorship_fields]

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request)  # the default manager hides deleted rows

    def has_view_permission(self, request, obj=None):
        return obj is None or permissions.can_view(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or permissions.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return obj is None or permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or permissions.can_edit(request.user, obj)


class JobAdmin(PermissionsMixin, admin.ModelAdmin):
    """A job of the task worker (a report, an upload's parse or plan), read only: the
    worker writes jobs, nobody edits them. Who may list, open and delete them is the
    permissions module's answer (administrators: jobs are no framework's rows); deleting
    one removes its stored file too."""

    list_display = ["__str__", "kind", "status", "shown_progress", "requested_by", "created_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["requested_by"]
    search_fields = ["requested_by__username", "error"]
    date_hierarchy = "created_at"

    @admin.display(description=gettext_lazy("progress"), ordering="progress")
    def shown_progress(self, obj) -> str:
        return f"{obj.percent} %"

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        permissions.require(permissions.can_delete(request.user, obj))
        if obj.file:
            obj.file.delete(save=False)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
