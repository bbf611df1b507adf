"""Back-office pages for frameworks, the matrix, meetings and follow-up."""

from __future__ import annotations

from django.contrib import admin

from accord.accounts.admin_base import AccordAdmin, AccordInline
from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Framework,
    Indicator,
    Meeting,
    MeetingDocument,
    PriorityArea,
    ProgressUpdate,
    SDGGoal,
    SDGTarget,
)


def progress_authorship(request, change: bool) -> dict:
    """The author of a progress update is the one who writes it (never chosen in a form)."""
    return {} if change else {"author": request.user}


class PriorityAreaInline(AccordInline):
    model = PriorityArea
    fields = ["code", "order", "name_en", "name_fr", "name_ar"]


class BienniumInline(AccordInline):
    model = Biennium
    fields = ["start_year", "end_year"]


class IndicatorInline(AccordInline):
    model = Indicator
    fields = ["name", "unit", "baseline", "target", "actual"]


class ProgressUpdateInline(AccordInline):
    model = ProgressUpdate
    fields = ["date", "text", "status_after", "author"]
    authorship_fields = ("author",)

    def authorship(self, request, obj, change: bool) -> dict:
        return progress_authorship(request, change)


class DecisionInline(AccordInline):
    model = Decision
    fields = ["number", "kind", "text"]


class MeetingDocumentInline(AccordInline):
    model = MeetingDocument
    fields = ["symbol", "title", "url", "file"]


class SDGTargetInline(admin.TabularInline):
    model = SDGTarget
    fields = ["code", "text"]
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(AccordAdmin):
    list_display = ["slug", "name", "un_organization", "partner"]
    search_fields = ["slug", "name"]
    inlines = [PriorityAreaInline, BienniumInline]


@admin.register(PriorityArea)
class PriorityAreaAdmin(AccordAdmin):
    list_display = ["code", "name_en", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["code", "name_en", "name_fr", "name_ar"]


@admin.register(Biennium)
class BienniumAdmin(AccordAdmin):
    list_display = ["__str__", "framework", "start_year", "end_year"]
    list_filter = ["framework"]
    search_fields = ["start_year", "end_year"]


@admin.register(SDGGoal)
class SDGGoalAdmin(AccordAdmin):
    list_display = ["number", "name"]
    search_fields = ["name", "number"]
    inlines = [SDGTargetInline]


@admin.register(SDGTarget)
class SDGTargetAdmin(AccordAdmin):
    list_display = ["code", "goal", "text"]
    list_filter = ["goal"]
    search_fields = ["code", "text"]


@admin.register(Activity)
class ActivityAdmin(AccordAdmin):
    list_display = [
        "code",
        "title",
        "biennium",
        "priority_area",
        "un_lead",
        "partner_lead",
        "status",
        "is_demo",
    ]
    list_filter = ["framework", "biennium", "status", "priority_area", "is_demo"]
    search_fields = [
        "code",
        "title",
        "description",
        "un_lead__acronym",
        "un_lead__name_en",
        "partner_lead__acronym",
        "partner_lead__name_en",
    ]
    autocomplete_fields = [
        "un_lead",
        "partner_lead",
        "participants",
        "funding_entity",
        "mandates",
        "sdg_targets",
    ]
    raw_id_fields = ["carried_over_from"]
    list_select_related = ["biennium", "priority_area", "un_lead", "partner_lead"]
    inlines = [IndicatorInline, ProgressUpdateInline]


@admin.register(Indicator)
class IndicatorAdmin(AccordAdmin):
    list_display = ["name", "activity", "unit", "baseline", "target", "actual"]
    search_fields = ["name", "activity__code", "activity__title"]
    raw_id_fields = ["activity"]
    list_select_related = ["activity"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(AccordAdmin):
    list_display = ["activity", "date", "status_after", "author"]
    list_filter = ["status_after", "activity__biennium"]
    search_fields = ["text", "activity__code", "activity__title"]
    raw_id_fields = ["activity"]
    date_hierarchy = "date"
    list_select_related = ["activity", "author"]
    authorship_fields = ("author",)

    def authorship(self, request, obj, change: bool) -> dict:
        return progress_authorship(request, change)


@admin.register(Meeting)
class MeetingAdmin(AccordAdmin):
    list_display = ["title", "kind", "start_on", "end_on", "year_planned", "place", "framework"]
    list_filter = ["framework", "kind", "year_planned"]
    search_fields = ["title", "place", "notes"]
    autocomplete_fields = ["host", "participants"]
    raw_id_fields = ["source_paragraph"]
    date_hierarchy = "start_on"
    inlines = [DecisionInline, MeetingDocumentInline]


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(AccordAdmin):
    list_display = ["symbol", "title", "meeting"]
    search_fields = ["symbol", "title", "meeting__title"]
    raw_id_fields = ["meeting"]


@admin.register(Decision)
class DecisionAdmin(AccordAdmin):
    list_display = ["__str__", "kind", "meeting"]
    list_filter = ["kind", "meeting__framework"]
    search_fields = ["number", "text", "meeting__title"]
    raw_id_fields = ["meeting"]


@admin.register(ActionItem)
class ActionItemAdmin(AccordAdmin):
    list_display = ["title", "owner", "due_on", "status", "closed_on", "framework"]
    list_filter = ["framework", "status"]
    search_fields = ["title", "evidence", "owner__acronym", "owner__name_en"]
    autocomplete_fields = ["owner"]
    raw_id_fields = ["decision", "mandate"]
    date_hierarchy = "due_on"
    list_select_related = ["owner", "framework"]
    authorship_fields = ("closed_by",)

    def authorship(self, request, obj, change: bool) -> dict:
        """Who closed an item is the one who closes it; reopening it clears that."""
        was_open = not change or ActionItem.all_objects.get(pk=obj.pk).is_open
        if was_open and not obj.is_open:
            return {"closed_by": request.user}
        if obj.is_open and not was_open:
            return {"closed_by": None}
        return {}
