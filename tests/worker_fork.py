"""Runs of `accord worker --batch` for the tests, each a process forked from one that has
already set Django up and imported what the jobs use: a worker started afresh spends
about 2-3 s of CPU on the interpreter, Django's setup and those imports before its first
job, which the seven runs of the suite paid each time. A run here is the same command
(``accord.cli.main``, the console script's function) in the same settings, in a new
process that opens its own database connection and ends when the queue is empty; the
parent never connects. ``tests/web/test_worker_jobs.py`` still starts the console
script itself once.

The parent reads one JSON line per run from its standard input (the run's media folder
and the file for its output), forks, and answers with the run's exit status.

    python -m tests.worker_fork     # with DATABASE_URL and ACCORD_TASKS_BACKEND=database
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import subprocess
import sys
import traceback
from pathlib import Path

# What the jobs import when they run (the tasks, the report renderers, the spreadsheet
# reader, the URL configuration their links are reversed in): imported once, before the
# forks. A module left out is imported by the run that needs it, only later.
PRELOAD = (
    "accord.accounts.management.commands.worker",
    "accord.documents.tasks",
    "accord.reports.tasks",
    "accord.reports.matrix_jobs",
    "accord.reports.matrix_xlsx",
    "accord.notifications.tasks",
    "accord.reports.charts",
    "accord.reports.render_pdf",
    "accord.urls",
)
WORKER = ["worker", "--batch", "--no-startup-delay", "--no-reload", "--skip-checks"]


def serve() -> None:
    """The parent: set up, then one forked run per line of standard input."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    django.setup()
    for name in PRELOAD:
        importlib.import_module(name)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _run(request)  # never returns
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": os.waitstatus_to_exitcode(status)}), flush=True)


def _run(request: dict) -> None:
    """The child: the run's output to its file, the media folder set, the command run."""
    code = 1
    try:
        with open(request["output"], "wb") as output:
            os.dup2(output.fileno(), 1)
            os.dup2(output.fileno(), 2)
        from django.test.utils import override_settings

        from accord.cli import main

        with override_settings(MEDIA_ROOT=Path(request["media_root"])):
            main(WORKER)
        code = 0
    except SystemExit as stop:  # as the interpreter reads it: None is success
        code = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class Forker:
    """The parent process for one database, started at the first run, ended with the
    test process."""

    def __init__(self, database_url: str):
        env = {**os.environ, "DATABASE_URL": database_url, "ACCORD_TASKS_BACKEND": "database"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.worker_fork"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        atexit.register(self.close)

    def run(self, media_root: Path, output: Path) -> int:
        request = {"media_root": str(media_root), "output": str(output)}
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, f"the worker's parent process ended ({self.process.poll()})"
        return json.loads(answer)["status"]

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin
            self.process.stdin.close()
            self.process.wait(timeout=30)


_FORKERS: dict[str, Forker] = {}


def forked_run(database_url: str, media_root: Path, output: Path) -> int:
    """One run of the worker on the database at ``database_url``; its exit status, its
    output written to ``output``."""
    forker = _FORKERS.get(database_url)
    if forker is None or forker.process.poll() is not None:
        forker = _FORKERS[database_url] = Forker(database_url)
    return forker.run(media_root, output)


if __name__ == "__main__":
    serve()
