"""Run in a subprocess by ``test_memory.py``: seed a small framework, then post hostile
files to the pages of Accord, each in a process of its own, and print, as JSON, each
answer and the peak memory of the process that handled it.

    python -m tests.security.memory_child

``ACCORD_VAR_DIR`` names the folder of the SQLite database (a migrated copy: ``seed``
migrates what is left and writes a small framework with a superuser). Then each line on
standard input, ``{"case": CASE, "path": FILE, "settings": {...}}``, is one upload: the
process forks (Django set up once; the fork's peak counts from the RSS it starts with,
as a fresh process's would), the fork applies ``settings`` and posts FILE, and one line
of JSON comes back on standard output. CASE is ``matrix`` (the file is posted to the
matrix import page) or ``resolution`` (to the resolution upload; the body is streamed
from disk, never built in memory, as a browser would send it).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import traceback
import uuid
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

CHUNK = 1024 * 1024


class StreamedBody:
    """A multipart body whose file part is read from disk chunk by chunk."""

    def __init__(self, path: Path, boundary: str):
        self.path = path
        head = (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; '
            f'filename="{path.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        self.parts = [head, path, tail]
        self.length = len(head) + path.stat().st_size + len(tail)
        self._gen = self._chunks()
        self._buffer = b""

    def _chunks(self):
        for part in self.parts:
            if isinstance(part, bytes):
                yield part
                continue
            with open(part, "rb") as stream:
                while chunk := stream.read(CHUNK):
                    yield chunk

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            nxt = next(self._gen, None)
            if nxt is None:
                break
            self._buffer += nxt
        if size < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    def readline(self, size: int = -1) -> bytes:
        """Up to the next line feed, as a server's input stream reads."""
        while b"\n" not in self._buffer and (size < 0 or len(self._buffer) < size):
            nxt = next(self._gen, None)
            if nxt is None:
                break
            self._buffer += nxt
        end = self._buffer.find(b"\n") + 1 or len(self._buffer)
        if size >= 0:
            end = min(end, size)
        out, self._buffer = self._buffer[:end], self._buffer[end:]
        return out


def seed() -> None:
    from tests.world import build_world

    call_command("migrate", verbosity=0)
    build_world(reports=True, activities=2, action_items=0)
    get_user_model().objects.create_superuser("memory-admin", password="x")


def _client() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username="memory-admin"))
    return client


def post_matrix(path: Path) -> dict:
    from accord.cooperation.models import Biennium

    client = _client()
    url = reverse("matrix-import", args=[Biennium.objects.order_by("pk").first().pk])
    with open(path, "rb") as stream:
        # the upload goes to its job's page, which goes on to the preview (immediate backend)
        response = client.post(url, {"action": "preview", "file": stream}, follow=True)
    page = response.content.decode()
    return {"status": response.status_code, "page": page, "token": 'name="token"' in page}


def post_resolution(path: Path) -> dict:
    client = _client()
    boundary = uuid.uuid4().hex
    body = StreamedBody(path, boundary)
    environ = client._base_environ(
        PATH_INFO=reverse("resolution-upload", args=["un-oic"]),
        REQUEST_METHOD="POST",
        CONTENT_TYPE=f"multipart/form-data; boundary={boundary}",
        CONTENT_LENGTH=str(body.length),
        **{"wsgi.input": body},
    )
    response = client.handler(environ)
    client.cookies.update(response.cookies)
    page = client.get(response["Location"]).content.decode() if response.status_code == 302 else ""
    return {"status": response.status_code, "page": page, "token": False}


def peak_mb() -> float:
    """The peak RSS of this process (VmHWM of its address space) or of the largest child
    it forked to read a file within the job limits (``core.limits.run_limited``), whichever
    is higher. (Our own ``ru_maxrss`` is not used: Linux carries it over ``fork`` and
    ``exec``, so a child of a 360 MB pytest worker would report the worker's peak; a
    child forked here counts what it shares with this process, an upper bound.)"""
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return max(int(line.split()[1]) / 1024, children)
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, children)


def handle(request: dict) -> dict:
    """One upload, in this (forked) process, with ``request["settings"]`` applied."""
    for name, value in request.get("settings", {}).items():
        setattr(settings, name, value)
    path = Path(request["path"])
    out = post_matrix(path) if request["case"] == "matrix" else post_resolution(path)
    out["peak_mb"] = peak_mb()
    return out


def in_fork(work) -> None:
    """Fork; the child runs ``work()`` and writes its answer as a line of JSON (or its
    traceback to standard error and an error line); wait for it."""
    connections.close_all()  # the fork opens its own connection to the SQLite file
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            answer = json.dumps(work())
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        print(json.dumps({"error": f"the process ended with status {status}"}), flush=True)


def main() -> None:
    """The seed, then each request, in a fork: this process keeps the RSS of Django
    set up with its URLs loaded (what every request needs first: 1.5 s of imports,
    paid once), with nothing of a case or of the seed, for every fork to start from."""
    reverse("resolution-upload", args=["un-oic"])
    in_fork(lambda: seed() or {"seeded": True})
    for line in sys.stdin:
        if line.strip():
            in_fork(lambda line=line: handle(json.loads(line)))


if __name__ == "__main__":
    main()
