"""The stylesheet uses CSS logical properties only, so Arabic needs no mirrored copy."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / "accord" / "static" / "accord" / "accord.css"
PHYSICAL = re.compile(
    r"(?<![\w-])(left|right|top|bottom|(margin|padding|border)-(left|right|top|bottom)(-\w+)?|"
    r"width|height|min-width|max-width|min-height|max-height)\s*:"
    r"|text-align\s*:\s*(left|right)|float\s*:\s*(left|right)|clear\s*:\s*(left|right)"
)


def test_the_stylesheet_has_no_physical_property():
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    found = [m.group(0) for m in PHYSICAL.finditer(text)]
    assert not found, f"physical properties in accord.css: {found}"


def test_the_checker_catches_a_physical_property():
    assert PHYSICAL.search("a { margin-left: 1rem; }")
    assert PHYSICAL.search("a { text-align: right; }")
    assert not PHYSICAL.search("a { margin-inline-start: 1rem; inset-inline-end: 0; }")
