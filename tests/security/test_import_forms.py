"""Each imported row is checked by a Django form (``MatrixRowForm``): the errors come in
the user's language, on the right column, and bad text (control characters, bidi
overrides in codes and titles, over-long cells) is refused with nothing written."""

from __future__ import annotations

import pytest
from django.utils import translation

from accord.cooperation.models import Activity
from accord.reports.matrix import export_matrix, import_matrix
from tests.security.test_import_race import _csv_edit
from tests.world import build_world


@pytest.fixture
def matrix(db):
    return build_world(reports=True, activities=3, action_items=0)


def _problems(matrix, edits, lang="en"):
    a = matrix.activities[0]
    data = _csv_edit(export_matrix(matrix.biennium, "csv", user=matrix.admin), a.code, edits)
    with translation.override(lang):
        plan = import_matrix(data, "csv", user=matrix.admin)
        return [(p.column, str(p.message)) for p in plan.problems]


def test_the_errors_of_a_row_come_in_the_users_language(matrix):
    edits = {"Status": "finished", "Start": "31/12/2019", "UN lead": "NOPE"}
    fr = dict(_problems(matrix, edits, "fr"))
    assert "n’est pas dans la liste" in fr["Status"]
    assert "ce n’est pas une date" in fr["Start"]
    assert fr["UN lead"] == "entité inconnue « NOPE »"
    ar = dict(_problems(matrix, edits, "ar"))
    assert "ليست في القائمة" in ar["Status"]


def test_control_characters_bidi_overrides_and_long_cells_are_refused_on_their_column(matrix):
    found = dict(
        _problems(
            matrix,
            {
                "Title": "Bell\x07 and escape\x1b",
                "Code": "AB\u202eC",
                "Funding source": "x" * 301,
            },
        )
    )
    assert "control character" in found["Title"]
    assert "override" in found["Code"]
    assert "at most 300 characters" in found["Funding source"]
    assert not Activity.objects.filter(title__contains="\x07").exists()


def test_a_description_keeps_its_line_breaks_but_not_a_bell(matrix):
    assert _problems(matrix, {"Description": "Line one\nLine two\tand a tab"}) == []
    ((column, message),) = _problems(matrix, {"Description": "Ring\x07"})
    assert column == "Description" and "control character" in message
