"""The POST coverage check of the browser suite (issue 8), run when the session ends.

Every browser test's POSTs are recorded (tests/browser/conftest.py) into one folder that
this plugin makes when pytest starts (``ACCORD_TEST_POSTS``, inherited by the xdist
workers). When the session has run every file of tests/browser, the views that accept
POST (tests/browser/post_walk.py) are compared with what was posted: a view no browser
test submitted makes the session fail, named in the summary. When only part of the
browser suite ran, or when some of its tests skipped (the corpus absent) and forms are
missing, the summary says the check was not made, and why."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

BROWSER = Path(__file__).resolve().parent / "browser"
ENV = "ACCORD_TEST_POSTS"


class PostCoverage:
    def __init__(self, folder: Path):
        self.folder = folder
        self.ran: set[str] = set()
        self.skipped: set[str] = set()

    def pytest_runtest_logreport(self, report):
        path = Path(report.nodeid.split("::")[0])
        if report.when == "call" or report.skipped:
            self.ran.add(path.name)
        if report.skipped and path.parent.name == "browser":
            self.skipped.add(report.nodeid)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session):
        say = session.config.pluginmanager.get_plugin("terminalreporter")
        suite = {p.name for p in BROWSER.glob("test_*.py")}
        if not suite <= self.ran:
            if say is not None and self.ran & suite:
                say.write_line("POST coverage not checked: run the whole of tests/browser for it")
            return
        from tests.browser.post_walk import post_views

        posted: set[str] = set()
        for record in self.folder.glob("*.txt"):
            posted |= set(record.read_text().split())
        missing = sorted(post_views() - posted)
        if missing and self.skipped:
            # the forms may be those of the skipped tests (the corpus absent): not a failure
            if say is not None:
                say.write_line(
                    f"POST coverage not checked: {len(self.skipped)} browser tests skipped"
                    f" (their reasons above); not submitted: {missing}"
                )
            return
        if say is not None:
            if missing:
                say.write_line(f"FAILED POST coverage: no browser test submits {missing}", red=True)
            else:
                say.write_line(f"POST coverage: all {len(post_views())} forms were submitted")
        if missing:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_unconfigure(self, config):
        shutil.rmtree(self.folder, ignore_errors=True)


def register(config) -> None:
    """Called by tests/conftest.py in the main process (not in the xdist workers)."""
    if hasattr(config, "workerinput"):
        return
    folder = Path(tempfile.mkdtemp(prefix="accord-posts-"))
    os.environ[ENV] = str(folder)
    config.pluginmanager.register(PostCoverage(folder), "accord-post-coverage")
