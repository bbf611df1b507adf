"""Back-office pages for organizations, entities, focal points and agreements."""

from __future__ import annotations

from django.contrib import admin

from accord.accounts.admin_base import AccordAdmin, AccordInline
from accord.registry.models import Agreement, Entity, EntityFormerName, FocalPoint, Organization


class EntityFormerNameInline(AccordInline):
    model = EntityFormerName
    fields = ["name", "from_date", "until"]


class FocalPointInline(AccordInline):
    model = FocalPoint
    fields = ["person_name", "title", "email", "start_on", "end_on"]


@admin.register(Organization)
class OrganizationAdmin(AccordAdmin):
    list_display = ["code", "acronym", "name_en", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "acronym", "name_en", "name_fr", "name_ar"]


@admin.register(Entity)
class EntityAdmin(AccordAdmin):
    list_display = ["acronym", "name_en", "organization", "kind", "parent", "gazetteer_id"]
    list_filter = ["organization", "kind"]
    search_fields = [
        "acronym",
        "name_en",
        "name_fr",
        "name_ar",
        "gazetteer_id",
        "former_names__name",
    ]
    autocomplete_fields = ["parent"]
    list_select_related = ["organization", "parent"]
    inlines = [EntityFormerNameInline, FocalPointInline]


@admin.register(EntityFormerName)
class EntityFormerNameAdmin(AccordAdmin):
    list_display = ["name", "entity", "from_date", "until"]
    search_fields = ["name", "entity__name_en", "entity__acronym"]
    autocomplete_fields = ["entity"]
    list_select_related = ["entity"]


@admin.register(FocalPoint)
class FocalPointAdmin(AccordAdmin):
    list_display = ["person_name", "entity", "title", "email", "start_on", "end_on"]
    list_filter = ["entity__organization", "priority_areas"]
    search_fields = ["person_name", "email", "title", "entity__name_en", "entity__acronym"]
    autocomplete_fields = ["entity"]
    raw_id_fields = ["user"]
    filter_horizontal = ["priority_areas"]
    list_select_related = ["entity"]


@admin.register(Agreement)
class AgreementAdmin(AccordAdmin):
    list_display = [
        "title",
        "kind",
        "status",
        "signed_on",
        "in_force_from",
        "expires_on",
        "framework",
    ]
    list_filter = ["kind", "status", "framework"]
    search_fields = ["title", "notes", "parties__name_en", "parties__acronym"]
    autocomplete_fields = ["parties"]
    raw_id_fields = ["source_paragraph"]
    date_hierarchy = "signed_on"
    list_select_related = ["framework"]
