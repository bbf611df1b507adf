"""The reader lays a paragraph out as printed: its opening words in italics, its points
as a lettered list, its footnote markers linked, cited resolutions linked, text escaped."""

from accord.web.reader import linkify, paragraph_html, resolution_symbol


def test_points_are_listed_apart_from_the_opening_words():
    p = {
        "id": "op-5",
        "verb": "Requests",
        "footnotes": ["3"],
        "text": "Requests the Secretary-General: (a) To report on <progress>; (b) To consult the parties;",
        "points": [
            {"label": "a", "text": "To report on <progress>;", "points": []},
            {"label": "b", "text": "To consult the parties;", "points": []},
        ],
    }
    html = paragraph_html(p, {}, "Requests")
    assert html.startswith("<em>Requests</em> the Secretary-General:")
    assert (
        '<ol class="points"><li><span class="label">(a)</span> To report on &lt;progress&gt;;</li>'
        in html
    )
    assert (
        html.count("To consult the parties") == 1
    )  # the point is not repeated in the opening words
    assert '<a href="#fn-3" id="fnref-3">3</a>' in html


def test_a_citation_becomes_a_link_and_the_rest_stays_escaped():
    html = linkify(
        "Recalling its resolution 73/135 of 13 December 2018 & <b>",
        {"73/135 of 13 December 2018": "/r/1/"},
    )
    assert '<a class="citation" href="/r/1/">73/135 of 13 December 2018</a>' in html
    assert "&amp; &lt;b&gt;" in html


def test_only_general_assembly_resolutions_map_to_a_stored_symbol():
    assert resolution_symbol({"kind": "ga-resolution", "symbol": "73/135"}) == "A/RES/73/135"
    assert resolution_symbol({"kind": "ga-resolution", "symbol": "3369 (XXX)"}) == "3369 (XXX)"
    assert resolution_symbol({"kind": "document", "symbol": "A/73/L.45"}) == "A/73/L.45"
