"""A draft compared with the resolution adopted from it (the corpus's session-80 drafts),
through the library and its command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

import resolutions
from resolutions.compare import align, counts


def pair(corpus, draft, adopted):
    paths = corpus / "drafts" / f"{draft}.pdf", corpus / "pdf" / f"{adopted}.pdf"
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path} is absent from the corpus")
    return paths


def test_typographic_hyphens_and_spaces_are_not_changes():
    draft = "Welcomes the work of the Pan African Tsetse Campaign (AU-PATTEC), 2024;"
    final = "Welcomes the work of the Pan African Tsetse Campaign (AU\u2011PATTEC),\u00a02024;"
    assert [c.status for c in align([draft], [final])] == ["unchanged"]


@pytest.mark.corpus
@pytest.mark.parametrize(
    "draft, adopted, preamble, operative",
    [("A_80_L.7", "A_RES_80_7", 4, 5), ("A_C.3_80_L.25", "A_RES_80_200", 27, 12)],
)
def test_a_draft_adopted_without_change_compares_unchanged(
    corpus, draft, adopted, preamble, operative
):
    old_path, new_path = pair(corpus, draft, adopted)
    old, new = resolutions.parse(old_path), resolutions.parse(new_path)
    for part, n in (("preamble", preamble), ("operative", operative)):
        changes = align([p.text for p in getattr(old, part)], [p.text for p in getattr(new, part)])
        assert counts(changes)["unchanged"] == n == len(changes), part


@pytest.mark.corpus
def test_the_command_line_prints_the_comparison(corpus):
    old_path, new_path = pair(corpus, "A_80_L.7", "A_RES_80_7")
    out = subprocess.run(
        [sys.executable, "-m", "resolutions", "compare", str(old_path), str(new_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "# operative: 5 unchanged, 0 changed, 0 moved, 0 new, 0 dropped" in out
    assert out.count("\nunchanged  ") == 9  # nine paragraphs, one line each


def test_the_command_line_refuses_a_missing_file_in_one_line(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "resolutions", "compare", str(tmp_path / "a.pdf"), "b.pdf"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "a.pdf" in run.stderr
