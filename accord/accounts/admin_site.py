"""The Django admin's site: for administrators only, as ``permissions.can_use_admin``
decides. Anyone else who is signed in (a coordinator, a focal point) and opens the admin
is sent to the pages, where their work is done, with a word saying so.

Reads: the user's grants through the permissions module. Writes nothing.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from accord.accounts import permissions


class AccordAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        return request.user.is_active and permissions.can_use_admin(request.user)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            messages.info(
                request,
                _("The administration pages are for administrators; your work is done here."),
            )
            return redirect("home")
        return super().login(request, extra_context)


class AdminConfig(DjangoAdminConfig):
    """``django.contrib.admin`` with Accord's site as the default ``admin.site``."""

    default_site = "accord.accounts.admin_site.AccordAdminSite"
