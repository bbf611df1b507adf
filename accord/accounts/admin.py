"""Back-office page for roles (memberships): administrators grant and revoke them here
as with ``accord grant`` / ``accord revoke``; other users see only their own."""

from __future__ import annotations

from django.contrib import admin

from accord.accounts.admin_base import AccordAdmin
from accord.accounts.models import Membership
from accord.accounts.users import sync_staff


@admin.register(Membership)
class MembershipAdmin(AccordAdmin):
    list_display = ["user", "role", "framework", "organization", "entity", "start_on", "end_on"]
    list_filter = ["role", "framework", "organization"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "entity__acronym",
        "entity__name_en",
    ]
    raw_id_fields = ["user", "entity"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_staff(obj.user)
