"""Every form of the pages is submitted by the browser suite (issue 8): the URL patterns
are walked, each view that accepts POST is listed, and the test fails naming those no
browser test of this session sent a POST to (recorded by tests/browser/conftest.py).

Runs last (conftest orders it); when the session ran only part of the browser suite it
skips, saying so, since the others' POSTs were not made."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.browser.conftest import POSTED

HERE = Path(__file__).resolve().parent
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


def test_the_walk_finds_the_forms():
    """The walk itself: known forms are found, read-only pages are not."""
    found = post_views()
    assert {"activity-progress", "framework-start", "upload-undo", "login"} <= found
    assert not {"dashboard", "matrix", "registry", "opendata"} & found


def test_every_form_is_submitted_by_a_browser_test(request):
    ran = {Path(str(i.fspath)).name for i in request.session.items}
    suite = {p.name for p in HERE.glob("test_*.py")}
    if not suite <= ran:
        pytest.skip(
            "run the whole browser suite (tests/browser) for this check; this session ran "
            + ", ".join(sorted(ran & suite))
        )
    missing = sorted(post_views() - POSTED)
    assert not missing, f"no browser test submits these forms: {missing}"
