"""Every form of the pages is submitted by the browser suite (issue 8). The check itself
runs when the session ends (tests/post_coverage.py): the browser tests' POSTs are recorded
by every xdist worker into one folder, and when the whole browser suite ran, the session
fails naming each view that accepts POST and was never posted to. This file tests the
walk that finds those views."""

from __future__ import annotations

from tests.browser.post_walk import post_views


def test_the_walk_finds_the_forms():
    """The walk itself: known forms are found, read-only pages are not."""
    found = post_views()
    assert {"activity-progress", "framework-start", "upload-undo", "login"} <= found
    assert not {"dashboard", "matrix", "registry", "opendata"} & found
