"""The official Sustainable Development Goals and targets are loaded with exact codes."""

from __future__ import annotations

import pytest

from accord.cooperation.models import SDGGoal, SDGTarget
from accord.cooperation.sdg import read_targets

pytestmark = pytest.mark.django_db

# Targets per goal in the 2030 Agenda (A/RES/70/1): numbered, then lettered.
EXPECTED = {
    1: (5, "ab"),
    2: (5, "abc"),
    3: (9, "abcd"),
    4: (7, "abc"),
    5: (6, "abc"),
    6: (6, "ab"),
    7: (3, "ab"),
    8: (10, "ab"),
    9: (5, "abc"),
    10: (7, "abc"),
    11: (7, "abc"),
    12: (8, "abc"),
    13: (3, "ab"),
    14: (7, "abc"),
    15: (9, "abc"),
    16: (10, "ab"),
    17: (19, ""),
}


def test_there_are_17_goals_and_169_targets():
    assert SDGGoal.objects.count() == 17
    assert SDGTarget.objects.count() == 169


def test_each_goal_has_exactly_its_official_target_codes():
    for number, (numbered, lettered) in EXPECTED.items():
        expected = [f"{number}.{i}" for i in range(1, numbered + 1)] + [
            f"{number}.{c}" for c in lettered
        ]
        got = list(
            SDGTarget.objects.filter(goal__number=number)
            .order_by("order")
            .values_list("code", flat=True)
        )
        assert got == expected, number


def test_the_data_file_has_a_text_for_every_target():
    rows = read_targets()
    assert len({r["code"] for r in rows}) == 169
    assert all(len(r["text"]) > 20 for r in rows)
    assert SDGTarget.objects.get(code="17.19").text.startswith(
        "By 2030, build on existing initiatives"
    )
