"""A time and memory limit around one piece of work on a hostile input (docs/files.md).

``run_limited(func, *args)`` runs ``func(*args)`` in a child process forked for it, with
its address space capped at what the process already maps plus
``ACCORD_JOB_MEMORY_BYTES``, and waits at most ``ACCORD_JOB_SECONDS``: a file that would
take the server's memory or a worker's time stops that child only, and the caller gets a
``LimitExceeded`` whose message names the limit. What ``func`` returns (or raises) comes
back through a pipe, pickled. Used for parsing an uploaded resolution (the parser is a
library without Django: nothing of the database is touched in the child).

Reads: /proc/self/status (the current address space). Writes: nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import traceback
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from accord.core.errors import AccordError


class LimitExceeded(AccordError):
    """The work needed more memory or time than a job may have; nothing was kept."""


def _mapped_bytes() -> int:
    """The address space this process maps now (VmSize), or 0 where /proc is absent."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(conn, func: Callable, args: tuple, budget: int) -> None:
    if budget:
        cap = _mapped_bytes() + budget
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        outcome: tuple[str, Any] = ("ok", func(*args))
    except MemoryError:
        outcome = ("memory", None)
    except Exception as exc:  # handed to the parent, which raises it as it was
        outcome = ("error", exc)
    try:
        conn.send(outcome)
    except Exception:  # an exception that does not pickle: its text is enough
        conn.send(("error", RuntimeError(traceback.format_exc(limit=1))))
    finally:
        conn.close()
        os._exit(0)  # no atexit, no connection closing: those are the parent's


def _memory_refusal(budget: int) -> LimitExceeded:
    return LimitExceeded(
        _("Reading the file needed more than %(limit)s of memory, the limit of a job.")
        % {"limit": filesizeformat(budget)}
    )


def run_limited(func: Callable, *args: Any) -> Any:
    """``func(*args)`` within the job limits; its result, or its exception re-raised,
    or ``LimitExceeded``. ``ACCORD_JOB_SECONDS`` 0 runs it in this process, unlimited."""
    seconds = settings.ACCORD_JOB_SECONDS
    budget = settings.ACCORD_JOB_MEMORY_BYTES
    if not seconds:
        return func(*args)
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_child, args=(send, func, args, budget), daemon=True
    )
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise LimitExceeded(
                _("Reading the file took more than %(seconds)s seconds, the limit of a job.")
                % {"seconds": seconds}
            )
        try:
            kind, value = receive.recv()
        except EOFError:  # the child died without a word: killed for its memory
            raise _memory_refusal(budget) from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "memory":
        raise _memory_refusal(budget)
    if kind == "error":
        raise value
    return value
