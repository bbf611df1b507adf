"""Reads shared by several pages: the framework of a URL, the bienniums, the entities of
both organizations, and small view helpers (redirect back, htmx partial or full page)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from accord.accounts.permissions import can_view, visible_or_404
from accord.cooperation.models import Biennium, Framework
from accord.registry.models import Entity

# A resolution's stored parse and Akoma Ntoso are large: pages that only name it skip them.
HEAVY = ("parsed", "akn", "basis", "agenda_items", "warnings")


def heavy(prefix: str) -> list[str]:
    """The large columns of a resolution reached through ``prefix`` (e.g. "mandate__resolution")."""
    return [f"{prefix}__{name}" for name in HEAVY]


def framework_for(request: HttpRequest, slug: str) -> Framework:
    """The framework named in the URL, refused (403) when the user may not read it."""
    framework = get_object_or_404(
        Framework.objects.select_related("un_organization", "partner"), slug=slug
    )
    visible_or_404(can_view(request.user, framework))
    return framework


def bienniums_of(framework: Framework) -> list[Biennium]:
    """The framework's bienniums, latest first (one query)."""
    return list(Biennium.objects.filter(framework=framework).order_by("-start_year"))


def entities_of(framework: Framework):
    """Entities of the framework's two organizations, grouped by organization then name."""
    return (
        Entity.objects.filter(organization__in=[framework.un_organization_id, framework.partner_id])
        .select_related("organization")
        .order_by("organization__code", "acronym", "name_en")
    )


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` field of a form if it points into this site, else ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback
