"""The views of the pages that accept POST, found by walking the URL patterns: read by
the POST coverage check (tests/post_coverage.py) and its own test."""

from __future__ import annotations

import inspect

from django.urls import URLPattern, URLResolver, get_resolver

# Django's own admin is for administrators and is tested in tests/web, not here.
NOT_PAGES = ("admin",)


def _patterns(resolver, namespace=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _patterns(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p.callback


def _closure_methods(func) -> set[str]:
    for cell in getattr(func, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:
            continue
        strings = isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value)
        if strings and {"GET", "POST"} & set(value):
            return set(value)
    return set()


def accepts_post(callback) -> bool:
    """A view accepts POST when a class-based view defines post, a require_http_methods
    wrapper lets POST through, or the function's source reads request.POST/method."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    func = callback
    while func is not None:
        methods = _closure_methods(func)
        if methods:
            return "POST" in methods
        func = getattr(func, "__wrapped__", None)
    try:
        source = inspect.getsource(inspect.unwrap(callback))
    except (OSError, TypeError):
        return False
    return "request.POST" in source or 'request.method == "POST"' in source


def post_views() -> set[str]:
    return {
        name
        for name, callback in _patterns(get_resolver())
        if not name.startswith(NOT_PAGES) and accepts_post(callback)
    }
