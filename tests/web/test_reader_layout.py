"""The reader lays a paragraph out as printed: its opening words in italics, its points
as a lettered list, its footnote markers linked, cited resolutions linked, text escaped."""

from accord.documents.selectors import linkify, paragraph_html, split_points


def test_points_are_listed_apart_from_the_opening_words():
    text = (
        "Requests the Secretary-General: (a) To report on <progress>; (b) To consult the parties;"
    )
    points = [
        {"label": "a", "text": "To report on <progress>;", "points": []},
        {"label": "b", "text": "To consult the parties;", "points": []},
    ]
    html = paragraph_html(text, "Requests", points, ["3"], {})
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


def test_a_cited_symbol_is_not_linked_inside_a_longer_number():
    html = linkify("resolutions 37/4, 137/4 and 37/45", {"37/4": "/r/1/"})
    assert html.count("<a ") == 1 and "137/4 and 37/45" in html


def test_points_are_cut_from_the_text_and_nest():
    text = "Decides: (a) To meet: (i) in May; (ii) in June; (b) To report;"
    points = [
        {"label": "a", "points": [{"label": "i"}, {"label": "ii"}]},
        {"label": "b", "points": []},
    ]
    opening, parts = split_points(text, points)
    assert opening == "Decides:"
    assert parts == [
        (0, "a", "To meet:"),
        (1, "i", "in May;"),
        (1, "ii", "in June;"),
        (0, "b", "To report;"),
    ]
    html = paragraph_html(text, "Decides", points, [], {})
    assert '<ol class="points"><li><span class="label">(i)</span> in May;</li>' in html


def test_an_edit_that_removes_a_point_label_keeps_the_whole_text():
    opening, parts = split_points("Decides to meet in May;", [{"label": "a"}])
    assert opening == "Decides to meet in May;" and parts == []
