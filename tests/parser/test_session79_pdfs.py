"""Every resolution of the seventy-ninth session, from its official PDF.

All 331 parse without an exception; in at least 98% of them the operative
paragraphs are numbered 1..N without gap or repeat, and each exception says why
in its warnings.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def session79(corpus, parsed_pdf):
    paths = sorted(
        (corpus / "pdf").glob("A_RES_79_*.pdf"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1])
    )
    parsed, failures = {}, {}
    for path in paths:
        try:
            result = parsed_pdf(path)  # parse(path), kept across runs (tests/parser/conftest.py)
        except Exception as exc:  # collected, so one failure does not hide the others
            result = exc
        if isinstance(result, Exception):
            failures[path.stem] = f"{type(result).__name__}: {result}"
        else:
            parsed[path.stem] = result
    return paths, parsed, failures


def _numbered_in_order(resolution) -> bool:
    numbers = [p.number for p in resolution.operative]
    if numbers == [None]:  # a single unnumbered paragraph (79/14)
        return True
    return bool(numbers) and numbers == list(range(1, len(numbers) + 1))


def test_all_331_session_79_pdfs_parse_without_an_exception(session79):
    paths, parsed, failures = session79
    assert len(paths) == 331
    assert not failures, failures
    assert all(r.source_format == "pdf" and r.session == 79 for r in parsed.values())


def test_operative_numbering_runs_1_to_n_in_at_least_98_percent(session79):
    _, parsed, _ = session79
    irregular = [name for name, r in parsed.items() if not _numbered_in_order(r)]
    share = 1 - len(irregular) / len(parsed)
    print(f"numbering 1..N in {share:.1%}; irregular: {irregular}")
    assert share >= 0.98, irregular


def test_each_irregular_numbering_is_explained_in_warnings(session79):
    _, parsed, _ = session79
    unexplained = {
        name: [p.number for p in r.operative][:10]
        for name, r in parsed.items()
        if not _numbered_in_order(r) and not any("number" in w for w in r.warnings)
    }
    assert not unexplained, unexplained


def test_the_symbol_matches_the_file_name(session79):
    _, parsed, _ = session79
    wrong = {name: r.symbol for name, r in parsed.items() if r.symbol.replace("/", "_") != name}
    assert not wrong, wrong
