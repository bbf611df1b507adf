"""The annotators take any text: random and mutated paragraphs raise nothing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.citations import find_citations
from resolutions.entities import find_entities
from resolutions.mandates import find_mandates
from resolutions.model import OperativeParagraph

PIECES = [
    "Requests the Secretary-General to report at its seventy-fifth session",
    "resolutions 37/4 of 22 October 1982, 38/4",
    " and ", ", ", "; ", "(OIC)", "(", ")", "“", "”", "’", "A/73/328-S/2018/592", "S/PV.", "/",
    "Official Records of the General Assembly, Supplement No. 53 (", "3369 (XXX)", "2178 (2014)",
    "General Secretariat of the Organization", "Organization of Islamic Cooperation", "UN-Women",
    "Decides to include", "calls upon", "to ", "the need", "of its eightieth session", "İ", "\n",
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=5))
def test_random_paragraphs_never_raise(paragraphs):
    pairs = [(f"op-{n}", text) for n, text in enumerate(paragraphs, start=1)]
    citations = find_citations([(None, paragraphs[0]), *pairs])
    entities = find_entities(pairs)
    ops = [
        OperativeParagraph(pid, n, text.split(" ")[0], text)
        for n, (pid, text) in enumerate(pairs, 1)
    ]
    mandates = find_mandates(ops, entities)
    ids = {pid for pid, _ in pairs}
    assert all(c.paragraph in ids | {None} for c in citations)
    assert all(
        set(e.paragraphs) <= ids and len(set(e.paragraphs)) == len(e.paragraphs) for e in entities
    )
    assert all(
        m.paragraph in ids and (m.session is None or m.year == 1945 + m.session) for m in mandates
    )
