"""Golden files: the expected JSON of corpus documents of different shapes.

Each golden file `tests/golden/A_RES_xx_yy.json` holds the structure the parser
gives for `../shared/corpus/text/A_RES_xx_yy.txt` (the input is read from the
corpus, never copied here). The annotations (citations, entities, mandates)
are left out: their modules have their own tests, and every change to them
would otherwise rewrite these files.

Regenerate after a deliberate change, then read the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/parser/test_golden.py
    git diff tests/golden
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resolutions import parse, to_dict

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
ANNOTATIONS = ("citations", "entities", "mandates")
DOCUMENTS = {
    "A_RES_72_74": "UN-OIC 2017, a transcribed text layer",
    "A_RES_75_16": "UN-OIC 2020",
    "A_RES_77_18": "UN-OIC 2022",
    "A_RES_79_9": "UN-OIC 2024, heading without its number",
    "A_RES_79_14": "a single unnumbered operative paragraph",
    "A_RES_78_329": "tiny: 'Decides:' with points (a) and (b), no number",
    "A_RES_80_230": "tiny, on the report of the Fifth Committee, footnotes after the conclusions",
    "A_RES_79_1": "huge: adopts the Pact for the Future, kept as an annex",
    "A_RES_80_110": "huge: 362 paragraphs in sections I to XVI, 172 footnotes",
    "A_RES_78_245": "budget-related: sections I to V, pattern of conferences",
    "A_RES_78_252": "budget: parts and sections as headings, a staffing-table annex",
    "A_RES_80_2": "scale of assessments, Fifth Committee report",
    "A_RES_80_3": "adopts a political declaration printed as an annex",
    "A_RES_78_220": "Third Committee report, country situation",
    "A_RES_79_284": "UN-Council of Europe, 17 footnotes, symbols like CM/Rec(2024)1",
}


def expected_structure(resolution) -> dict:
    data = to_dict(resolution)
    for key in ANNOTATIONS:
        data.pop(key)
    return data


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_parser_gives_the_reviewed_structure(corpus, name):
    got = expected_structure(parse(corpus / "text" / f"{name}.txt"))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1 and review it"
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_there_are_golden_files_for_at_least_twelve_shapes():
    assert len(DOCUMENTS) >= 12
