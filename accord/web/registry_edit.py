"""Creating and editing the registry of a framework in the pages (issue 8): agreements
and their lifecycle, focal points (add, end, priority areas, user account), priority
areas named in three languages, and renaming an entity (its former name is kept).

Writes through ``accord.registry.services`` and ``accord.cooperation.services`` only;
the permissions module decides who may do what.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import (
    can_create,
    can_edit,
    can_grant_focal_role,
    can_view,
    require,
    visible_or_404,
)
from accord.accounts.users import focal_point_appoint
from accord.cooperation.models import PriorityArea
from accord.cooperation.services import priority_area_create
from accord.core.errors import AccordError
from accord.core.services import object_update
from accord.registry import services
from accord.registry.models import Agreement, Entity, FocalPoint
from accord.web.common import framework_for
from accord.web.edit import edit_page, save_form
from accord.web.edit_forms import (
    AgreementForm,
    FocalPointEndForm,
    FocalPointForm,
    PriorityAreaForm,
    RenameForm,
)


def entity_of(request, framework, pk) -> Entity:
    """An entity of one of the framework's two organizations (404 otherwise)."""
    entity = get_object_or_404(
        Entity.objects.select_related("organization"),
        pk=pk,
        organization__in=[framework.un_organization_id, framework.partner_id],
    )
    visible_or_404(can_view(request.user, entity))
    return entity


def _registry(slug, anchor):
    return lambda _obj: reverse("registry", args=[slug]) + anchor


@login_required
def agreement_form(request, slug, pk=None):
    """A new agreement (without ``pk``) or the edit of one, with its lifecycle dates."""
    framework = framework_for(request, slug)
    agreement = None
    if pk is None:
        require(can_create(request.user, Agreement, framework=framework))
    else:
        agreement = get_object_or_404(Agreement, pk=pk, framework=framework)
        require(can_edit(request.user, agreement))
    form = AgreementForm(
        request.POST or None,
        instance=agreement and Agreement.objects.get(pk=pk),
        framework=framework,
    )
    response = conflict = None
    if request.method == "POST":

        def save():
            if agreement is None:
                return services.agreement_create(
                    framework=framework, user=request.user, **form.changes()
                )
            return services.agreement_update(
                agreement=agreement,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            )

        response, conflict = save_form(
            request,
            form,
            save,
            done=_("The agreement was saved."),
            then=_registry(slug, "#h-agreements"),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("New agreement") if agreement is None else _("Edit the agreement"),
        back=reverse("registry", args=[slug]) + "#h-agreements",
        conflict=conflict,
        page="registry",
    )


@login_required
def focal_point_new(request, slug):
    framework = framework_for(request, slug)
    form = FocalPointForm(
        request.POST or None, framework=framework, initial={"entity": request.GET.get("entity")}
    )
    response = None
    if request.method == "POST" and form.is_valid():
        entity = form.cleaned_data["entity"]
        require(can_create(request.user, FocalPoint, framework=None, parent=entity))
        data = {k: v for k, v in form.changes().items() if k not in ("entity", "user")}
        data["account"] = form.cleaned_data["user"]
        if data["account"] is not None:
            require(
                can_grant_focal_role(request.user, framework, entity),
                _("You may not give this account a focal point's role."),
            )
            data["framework"] = framework
        response, _conflict = save_form(
            request,
            form,
            lambda: focal_point_appoint(entity=entity, by=request.user, **data),
            done=_("The focal point was added."),
            then=lambda fp: reverse("entity", args=[slug, fp.entity_id]),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("New focal point"),
        back=reverse("registry", args=[slug]) + "#h-focal",
        page="registry",
    )


@require_POST
@login_required
def focal_point_end(request, slug, pk):
    framework = framework_for(request, slug)
    point = get_object_or_404(
        FocalPoint,
        pk=pk,
        entity__organization__in=[framework.un_organization_id, framework.partner_id],
    )
    require(can_edit(request.user, point))
    form = FocalPointEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the last day of the focal point."))
        return redirect("entity", slug=slug, pk=point.entity_id)
    try:
        services.focal_point_end(
            focal_point=point,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            on=form.cleaned_data["end_on"],
        )
    except AccordError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(name)s is no longer a focal point.") % {"name": point.person_name}
        )
    return redirect("entity", slug=slug, pk=point.entity_id)


@login_required
def priority_area_form(request, slug, pk=None):
    framework = framework_for(request, slug)
    area = None
    if pk is None:
        require(can_create(request.user, PriorityArea, framework=framework))
    else:
        area = get_object_or_404(PriorityArea, pk=pk, framework=framework)
        require(can_edit(request.user, area))
    form = PriorityAreaForm(request.POST or None, instance=area and PriorityArea.objects.get(pk=pk))
    response = conflict = None
    if request.method == "POST":

        def save():
            if area is None:
                return priority_area_create(
                    framework=framework, user=request.user, **form.changes()
                )
            return object_update(
                obj=area,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            )

        response, conflict = save_form(
            request,
            form,
            save,
            done=_("The priority area was saved."),
            then=_registry(slug, "#h-focal"),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("New priority area") if area is None else _("Edit the priority area"),
        back=reverse("registry", args=[slug]) + "#h-focal",
        conflict=conflict,
        page="registry",
    )


@login_required
def entity_rename(request, slug, pk):
    """A new name from a date; the old one is kept as a former name."""
    framework = framework_for(request, slug)
    entity = entity_of(request, framework, pk)
    require(can_edit(request.user, entity))
    initial = {
        "name_en": entity.name_en,
        "name_fr": entity.name_fr,
        "name_ar": entity.name_ar,
        "acronym": entity.acronym,
        "on": timezone.localdate(),
        "version": entity.version,
    }
    form = RenameForm(request.POST or None, initial=initial, label_suffix="")
    response = conflict = None
    if request.method == "POST":
        response, conflict = save_form(
            request,
            form,
            lambda: services.entity_rename(
                entity=entity,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **{k: v for k, v in form.cleaned_data.items() if k != "version"},
            ),
            done=_("The entity was renamed; its former name is kept."),
            then=lambda e: reverse("entity", args=[slug, pk]),
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("Rename %(name)s") % {"name": entity.name},
        back=reverse("entity", args=[slug, pk]),
        conflict=conflict,
        page="registry",
    )
