"""The search page, across every framework (/search/) or within one (/f/<slug>/search/)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accord.search.finder import find
from accord.search.forms import PER_PAGE, SearchForm


def _page(request: HttpRequest, framework=None) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results, pages = None, {}
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        number = data["page"] or 1
        results = find(
            data["q"],
            request.user,
            framework=framework,
            kinds=tuple(data["kind"]),
            since=data["since"],
            until=data["until"],
            limit=PER_PAGE,
            offset=(number - 1) * PER_PAGE,
        )
        pages = {
            "first": results.offset + 1,
            "last": results.offset + len(results.hits),
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if results.more else None,
        }
        if framework is not None:
            _entity_links(results, framework)
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {
        "form": form,
        "results": results,
        "pages": pages,
        "framework": framework,
        "page": "search",
    }
    return render(request, "search/search.html", context, status=status)


def _entity_links(results, framework) -> None:
    """Within a framework, an entity links to its page in that framework."""
    from django.urls import reverse

    for hit in results.hits:
        if hit.kind == "entity":
            hit.url = reverse("entity", args=[framework.slug, hit.object_id])


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_safe
def framework_search(request: HttpRequest, slug: str) -> HttpResponse:
    from accord.cooperation.selectors import framework_for

    return _page(request, framework_for(request, slug))
