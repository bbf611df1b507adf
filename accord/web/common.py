"""Reads shared by several pages: the framework of a URL, the bienniums, the entities of
both organizations, and small view helpers (redirect back, htmx partial or full page)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from accord.cooperation.models import Biennium, Framework

# The framework of a URL and the entities of its organizations are cooperation selectors
# (the search and the activity log use them too); the pages import them from here.
from accord.cooperation.selectors import entities_of, framework_for  # noqa: F401

# A resolution's stored parse and Akoma Ntoso are large: pages that only name it skip them.
HEAVY = ("parsed", "akn", "basis", "agenda_items", "warnings")


def heavy(prefix: str) -> list[str]:
    """The large columns of a resolution reached through ``prefix`` (e.g. "mandate__resolution")."""
    return [f"{prefix}__{name}" for name in HEAVY]


def bienniums_of(framework: Framework) -> list[Biennium]:
    """The framework's bienniums, latest first (one query)."""
    return list(Biennium.objects.filter(framework=framework).order_by("-start_year"))


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` field of a form if it points into this site, else ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback
