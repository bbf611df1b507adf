"""The command line, run as a user runs it: python -m resolutions parse FILE..."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resolutions", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert words in lines[0].lower(), lines[0]


@pytest.mark.corpus
def test_one_file_goes_to_standard_output_as_json(corpus):
    result = run_cli("parse", str(corpus / "text" / "A_RES_79_14.txt"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["symbol"] == "A/RES/79/14"
    assert [p["number"] for p in data["operative"]] == [None]


@pytest.mark.corpus
def test_several_files_need_an_output_directory(corpus):
    files = [str(corpus / "text" / n) for n in ("A_RES_79_14.txt", "A_RES_80_230.txt")]
    assert_refused(run_cli("parse", *files), "-o dir")


@pytest.mark.corpus
def test_several_files_give_one_output_each_in_the_directory(corpus, tmp_path):
    files = [
        str(corpus / "text" / n)
        for n in ("A_RES_79_14.txt", "A_RES_80_230.txt", "A_RES_78_329.txt")
    ]
    result = run_cli("parse", *files, "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["A_RES_78_329.json", "A_RES_79_14.json", "A_RES_80_230.json"]
    assert (
        json.loads((tmp_path / "A_RES_80_230.json").read_text())["meeting"]
        == "69th plenary meeting"
    )


@pytest.mark.corpus
def test_a_refused_file_among_several_is_reported_and_the_others_written(corpus, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    result = run_cli("parse", str(corpus / "text" / "A_RES_79_14.txt"), str(empty), "-o", str(out))
    assert result.returncode == 1
    assert (out / "A_RES_79_14.json").exists()
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr


def test_it_rejects_an_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_refused(run_cli("parse", str(path)), "empty")


def test_it_rejects_binary_noise(tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 64)
    assert_refused(run_cli("parse", str(path)), "binary")


NOVEL = """It was a bright cold day in April, and the clocks were striking thirteen. The
hall smelt of boiled cabbage and old rag mats.

At one end of it a coloured poster, too large for indoor display, had been tacked
to the wall. It depicted simply an enormous face, more than a metre wide.

1. He went up the stairs slowly, resting several times on the way.

2. On each landing, opposite the lift-shaft, the poster gazed from the wall.
"""


def test_it_rejects_a_novel_instead_of_a_resolution(tmp_path):
    path = tmp_path / "novel.txt"
    path.write_text(NOVEL)
    assert_refused(run_cli("parse", str(path)), "not a general assembly resolution")


def test_it_rejects_a_file_over_50_mb_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_001)
    assert_refused(run_cli("parse", str(path)), "mb")


def test_it_rejects_a_missing_file(tmp_path):
    assert_refused(run_cli("parse", str(tmp_path / "nowhere.pdf")), "nowhere.pdf")
