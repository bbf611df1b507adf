"""An entity's label is written by one renderer: the matrix rows (``rows.entity_html``)
and every template (``{% entity %}``) show the same HTML, escaped the same way."""

from __future__ import annotations

from types import SimpleNamespace

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from accord.registry.models import Entity
from accord.web.rows import entity_html

TAG = Template("{% load accord_web %}{% entity e %}")


def _entity() -> Entity:
    return Entity(
        pk=41, name_en='Office of "Legal" Affairs & <Treaties>', name_fr="Bureau", acronym="O&LA"
    )


def test_the_tag_and_the_matrix_rows_write_the_same_linked_label():
    entity, framework = _entity(), SimpleNamespace(slug="un-oic")
    url = reverse("entity", kwargs={"slug": "un-oic", "pk": 41})
    with translation.override("en"):
        tag = TAG.render(Context({"e": entity, "framework": framework}))
        row = entity_html(entity, link=url.removesuffix("41/"))
    assert tag == row
    assert tag == (
        f'<a href="{url}"><abbr title="Office of &quot;Legal&quot; Affairs &amp; '
        '&lt;Treaties&gt;">O&amp;LA</abbr></a>'
    )


def test_without_a_framework_the_label_is_not_linked_and_in_the_active_language():
    with translation.override("fr"):
        tag = TAG.render(Context({"e": _entity()}))
    assert tag == '<abbr title="Bureau">O&amp;LA</abbr>'
    assert TAG.render(Context({"e": None})) == ""
