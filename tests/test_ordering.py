"""The order of the test files under xdist (tests/ordering.py) and the template database
built before the workers start (tests/template.py), on this session's own collection."""

from __future__ import annotations

import threading
import time

from tests import template
from tests.ordering import file_of, known_durations, needs_database, ordered


def _files(items) -> list[str]:
    return list(dict.fromkeys(file_of(item.nodeid) for item in items))


def test_the_longest_files_go_first_and_each_file_stays_whole(request):
    items = list(request.session.items)
    known = {file_of(items[0].nodeid): 1000.0}  # the first file collected, made the longest
    out = ordered(items, known)
    assert sorted(out, key=lambda i: i.nodeid) == sorted(items, key=lambda i: i.nodeid)
    assert file_of(out[0].nodeid) == file_of(items[0].nodeid)
    files = _files(out)
    assert len(files) == len({file_of(i.nodeid) for i in out})  # no file cut in two


def test_while_the_template_is_built_the_files_without_a_database_test_go_first(request):
    items = list(request.session.items)
    out = ordered(items, known_durations(), cold=True)
    waits = {file_of(i.nodeid) for i in items if needs_database(i)}
    flags = [name in waits for name in _files(out)]
    assert flags == sorted(flags)  # every file without a database test before the others
    if len(set(flags)) == 2:  # both kinds selected (the whole suite)
        assert file_of(out[0].nodeid) not in waits
    assert needs_database(request.node) is False
    assert file_of(request.node.nodeid) not in waits


def test_a_worker_waits_for_the_template_the_controller_is_building(tmp_path, monkeypatch):
    """The lock is real; the migration is replaced by a slow write of the file."""
    started, calls = threading.Event(), []

    def slow_migrate(folder, path):
        calls.append(path)
        started.set()
        time.sleep(0.5)
        path.write_bytes(b"migrated")

    monkeypatch.setattr(template, "_migrate", slow_migrate)
    thread = template.start_building(tmp_path)
    assert thread is not None and started.wait(5)
    before = time.monotonic()
    built = template.build(tmp_path)  # blocks on the lock the thread holds
    assert time.monotonic() - before > 0.3 and built.read_bytes() == b"migrated"
    assert len(calls) == 1  # migrated once, by the thread; the worker only waited
    thread.join(5)
    assert template.start_building(tmp_path) is None  # there: nothing to build
