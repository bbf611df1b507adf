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


def _finish(tmp_path, skipped: bool):
    """The check at the end of a session where every browser file ran and every form but
    upload-undo was posted, with or without a skipped browser test."""
    from types import SimpleNamespace

    import pytest

    from tests.post_coverage import BROWSER, PostCoverage

    check = PostCoverage(tmp_path)
    for path in BROWSER.glob("test_*.py"):
        nodeid = f"tests/browser/{path.name}::test_x"
        check.pytest_runtest_logreport(SimpleNamespace(nodeid=nodeid, when="call", skipped=False))
    if skipped:
        nodeid = "tests/browser/test_review_undo.py::test_upload_then_undo_from_the_pages"
        check.pytest_runtest_logreport(SimpleNamespace(nodeid=nodeid, when="setup", skipped=True))
    (tmp_path / "gw0.txt").write_text(" ".join(post_views() - {"upload-undo"}))
    lines: list[str] = []
    say = SimpleNamespace(write_line=lambda line, **kw: lines.append(line))
    manager = SimpleNamespace(get_plugin=lambda name: say)
    session = SimpleNamespace(config=SimpleNamespace(pluginmanager=manager), exitstatus=0)
    check.pytest_sessionfinish(session)
    return session.exitstatus, lines, pytest.ExitCode.TESTS_FAILED


def test_a_form_nobody_submitted_fails_the_session(tmp_path):
    status, lines, failed = _finish(tmp_path, skipped=False)
    assert status == failed and "no browser test submits ['upload-undo']" in lines[0]


def test_with_browser_tests_skipped_the_check_is_not_made_and_says_why(tmp_path):
    status, lines, _failed = _finish(tmp_path, skipped=True)
    assert status == 0 and lines[0].startswith("POST coverage not checked: 1 browser tests")
