"""resolutions.compare.align on made-up texts: each status, the word differences, and
(property) every paragraph of either side in exactly one row, in the newer text's order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resolutions.compare import align, counts, word_diff

A = "Welcomes the cooperation between the two organizations in the field of health;"
B = "Requests the Secretary-General to report at its seventy-fifth session;"
C = "Decides to include the item in the provisional agenda of its seventy-fifth session;"
D = "Notes with appreciation the convening of the general meeting in Rabat;"


def statuses(old, new):
    return [(c.status, c.old, c.new) for c in align(old, new)]


def test_the_same_text_is_unchanged_whatever_the_spacing_and_case():
    assert statuses([A, B], [A.upper(), "  " + B.replace(" ", "   ")]) == [
        ("unchanged", 0, 0),
        ("unchanged", 1, 1),
    ]


def test_a_reworded_paragraph_is_changed_with_its_words():
    later = C.replace("seventy-fifth", "seventy-seventh")
    rows = align([A, C], [A, later])
    assert [r.status for r in rows] == ["unchanged", "changed"]
    words = rows[1].words
    assert ("delete", "seventy-fifth ") in words and ("insert", "seventy-seventh ") in words
    assert "".join(t for op, t in words if op != "delete") == later
    assert "".join(t for op, t in words if op != "insert") == C


def test_new_and_dropped_paragraphs_keep_their_place():
    rows = statuses([A, B, C], [A, D, C])
    assert rows == [
        ("unchanged", 0, 0),
        ("dropped", 1, None),
        ("new", None, 1),
        ("unchanged", 2, 2),
    ]


def test_a_paragraph_moved_out_of_order_is_moved():
    rows = statuses([A, B, C, D], [B, C, D, A])
    assert ("moved", 0, 3) in rows
    assert counts(align([A, B, C, D], [B, C, D, A])) == {
        "unchanged": 3,
        "changed": 0,
        "moved": 1,
        "new": 0,
        "dropped": 0,
    }


def test_unlike_paragraphs_are_never_paired():
    assert statuses([A], [B]) == [("dropped", 0, None), ("new", None, 0)]
    assert statuses([], [A]) == [("new", None, 0)]
    assert statuses([A], []) == [("dropped", 0, None)]


def test_word_diff_of_equal_texts_is_one_run():
    assert word_diff(A, A) == (("equal", A),)


texts = st.lists(st.sampled_from([A, B, C, D, A + " Also.", "Short.", B.upper()]), max_size=8)


@given(texts, texts)
def test_every_paragraph_is_in_exactly_one_row_in_the_new_order(old, new):
    rows = align(old, new)
    assert sorted(r.old for r in rows if r.old is not None) == list(range(len(old)))
    assert [r.new for r in rows if r.new is not None] == list(range(len(new)))
    for r in rows:
        assert (r.old is None) == (r.status == "new")
        assert (r.new is None) == (r.status == "dropped")
