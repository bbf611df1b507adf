"""The time and memory limit of a job (``core.limits.run_limited``): the work runs in a
child process; what it returns or raises comes back as it was; past the memory or the
time limit the child alone stops and the caller gets a message naming the limit; an
uploaded resolution past the limit is refused with that message and nothing is saved."""

from __future__ import annotations

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accord.accounts.management.commands.demo import DEMO_RESOLUTION
from accord.core.limits import LimitExceeded, run_limited
from accord.documents.models import Resolution

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English, whatever an earlier test left active."""
    with translation.override("en"):
        yield


def _grab(megabytes: int) -> int:
    return len(bytearray(megabytes * MB))


def _pid() -> int:
    return os.getpid()


def _refuse() -> None:
    raise ValueError("not a resolution")


def _long_resolution() -> bytes:
    """73/135 with 5,000 more operative paragraphs: more than a megabyte to parse."""
    text = DEMO_RESOLUTION.read_text()
    more = "".join(
        f"\n{n}. Requests the Secretary-General to report on item {n} of the agenda;\n"
        for n in range(30, 5030)
    )
    return (text + more).encode()


def test_the_work_runs_in_a_child_and_its_result_comes_back(settings):
    settings.ACCORD_JOB_SECONDS = 30
    assert run_limited(_pid) != os.getpid()
    assert run_limited(_grab, 10) == 10 * MB
    with pytest.raises(ValueError, match="not a resolution"):
        run_limited(_refuse)


def test_work_past_the_memory_limit_is_stopped_with_a_message(settings):
    settings.ACCORD_JOB_SECONDS = 30
    settings.ACCORD_JOB_MEMORY_BYTES = 64 * MB
    with pytest.raises(LimitExceeded, match=r"more than 64.0\sMB of memory"):
        run_limited(_grab, 512)
    assert run_limited(_grab, 8) == 8 * MB  # under the limit, the same work is done


def test_work_past_the_time_limit_is_stopped_with_a_message(settings):
    settings.ACCORD_JOB_SECONDS = 1
    start = time.monotonic()
    with pytest.raises(LimitExceeded, match="more than 1 seconds"):
        run_limited(time.sleep, 20)
    assert time.monotonic() - start < 10


def test_an_upload_that_takes_longer_than_a_job_may_is_refused(client, world, settings):
    """The upload's parse runs under the limits: past the time limit the page names it and
    nothing is saved. (The memory limit is shown above on work of a known size: what a
    parse allocates anew depends on what the process had already freed.)"""
    settings.ACCORD_JOB_SECONDS = 0.05  # far less than parsing 5,000 paragraphs takes
    client.force_login(world.coordinator)
    before = Resolution.objects.count()
    response = client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile("long.md", _long_resolution())},
    )
    page = client.get(response["Location"]).content.decode()
    assert "took more than 0.05 seconds, the limit of a job" in page
    assert Resolution.objects.count() == before
