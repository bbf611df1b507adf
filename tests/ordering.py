"""The order of the test files under xdist: the longest first. With --dist loadfile each
file goes whole to the first free worker; in xdist's own order (most tests first) the long
browser files, one test each, came last, and one worker ran the 17-second cycle while the
other had ended. Longest first, the short files fill the end and the workers end together
(longest processing time first, the classic rule for two machines).

How long a file takes is in tests/durations.json, seconds per file, written by
``pytest -n 2 --dist loadfile --store-durations`` (``make durations``): a file the list
does not know counts PER_TEST seconds a test. Only the order changes, never which tests
run; within a file the tests keep their order, and a run without xdist keeps pytest's
(and pytest-django's) order. Two tests with one node id are refused (xdist would run one).
While the migrated template is being built (a fresh clone: tests/template.py), the files
that need no database go first, longest first too, so that no worker waits on it idle."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests import template

DURATIONS = Path(__file__).with_name("durations.json")
PER_TEST = 0.05  # seconds, what most unit tests of Accord take


def pytest_addoption(parser):
    parser.addoption(
        "--store-durations",
        action="store_true",
        help="write the seconds each test file took to tests/durations.json (the order of "
        "the files under xdist, tests/ordering.py)",
    )


def pytest_configure(config):
    """xdist's own reordering of the files (by number of tests) would undo this order."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
    if config.getoption("store_durations") and not hasattr(config, "workerinput"):
        config.pluginmanager.register(DurationRecorder(), "accord-durations")


def file_of(nodeid: str) -> str:
    """The test file of a node id ("tests/x/test_y.py::test_z[1]" -> "tests/x/test_y.py")."""
    return nodeid.split("::", 1)[0]


def known_durations() -> dict[str, float]:
    try:
        return json.loads(DURATIONS.read_text())
    except (OSError, ValueError):
        return {}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """In an xdist worker (whose collection the scheduler follows), the files longest
    first; the tests of a file stay together, in their order. Refuses a collection where
    two tests share a node id: xdist keys its queue by node id and would run one of them
    (pytest 9.2.0 did that to schemathesis's tests, one per API operation)."""
    twice = sorted(nodeid for nodeid, n in Counter(i.nodeid for i in items).items() if n > 1)
    if twice:
        raise pytest.UsageError(f"tests collected twice under one node id: {twice[:5]}")
    if not hasattr(config, "workerinput"):
        return
    items[:] = ordered(items, known_durations(), cold=config.workerinput.get(template.COLD, False))


def ordered(items: list, known: dict[str, float], *, cold: bool = False) -> list:
    """``items`` by file, the longest files first (seconds from ``known``); with ``cold``
    (the template database being migrated: tests/template.py), the files with no test
    that needs the database before all the others."""
    counts = Counter(file_of(item.nodeid) for item in items)
    cost = {name: known.get(name, PER_TEST * count) for name, count in counts.items()}
    waits = {file_of(item.nodeid) for item in items if cold and needs_database(item)}
    return sorted(
        items,
        key=lambda item: (
            file_of(item.nodeid) in waits,
            -cost[file_of(item.nodeid)],
            file_of(item.nodeid),
        ),
    )


# db, transactional_db and the module worlds ask django_db_setup; live_server asks for
# transactional_db only when it runs
DATABASE_FIXTURES = {"django_db_setup", "live_server"}


def needs_database(item: pytest.Item) -> bool:
    """Whether the test opens the test database (marked, or asking a fixture that does):
    the one rule for tests/conftest.py's mark and the order of a cold run."""
    names = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(names & DATABASE_FIXTURES)


class DurationRecorder:
    """Adds up, on the xdist controller, the seconds of every phase of every test of each
    file, and writes them over the entries of the files that ran when the run ends."""

    def __init__(self):
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def pytest_runtest_logreport(self, report):
        self.seconds[file_of(report.nodeid)] += report.duration

    def pytest_sessionfinish(self, session):
        durations = {**known_durations(), **self.seconds}
        rounded = {
            name: round(seconds, 1)
            for name, seconds in sorted(durations.items())
            if (session.config.rootpath / name).exists()  # a file since removed is dropped
        }
        DURATIONS.write_text(json.dumps(rounded, indent=1) + "\n")
