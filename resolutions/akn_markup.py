r"""XML markup written as text, exactly as lxml serializes the same tree.

Reads strings; writes strings. akn.py writes a whole Akoma Ntoso document with
these in one pass instead of building an lxml tree (thousands of elements, half
the parser's time). Every character of text goes through chars() and every
attribute value through attr(): what XML 1.0 cannot hold is dropped (control
characters, lone surrogates, U+FFFE/U+FFFF), then & < > (and " in attributes,
CR, and in attributes tab and LF) are escaped as lxml escapes them, so the output
is well-formed whatever the input and byte-identical to lxml's.

>>> el("p", "Fish & chips <i>", class_="x")
'<p class="x">Fish &amp; chips &lt;i&gt;</p>'
>>> block("preamble", 2, ["<p/>", el("p", "a")])
'<preamble>\n      <p/>\n      <p>a</p>\n    </preamble>'
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ATTR_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')


def _xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


def chars(text: str) -> str:
    """Character data as lxml writes it: XML-unsafe characters dropped, & < > and CR escaped."""
    if _TEXT_SPECIAL.search(text) is None:
        return text
    return (
        _xml_safe(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def _attr(value: str) -> str:
    """An attribute value as lxml writes it (between double quotes)."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return (
        _xml_safe(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )


def attrs(attributes: dict[str, str | None]) -> str:
    """' name="value"' for each attribute that is not None, in order ("class_" is "class")."""
    out = ""
    for name, value in attributes.items():
        if value is not None:
            out += f' {name.rstrip("_")}="{_attr(value)}"'
    return out


def el(tag: str, text: str | None = None, **attributes: str | None) -> str:
    """An element holding only text: <tag a="v">text</tag>, <tag a="v"/> when text is None."""
    if text is None:
        return f"<{tag}{attrs(attributes)}/>"
    return f"<{tag}{attrs(attributes)}>{chars(text)}</{tag}>"


def mixed(tag: str, content: str, **attributes: str | None) -> str:
    """An element holding markup already written (empty: self-closed, as lxml writes it)."""
    if not content:
        return f"<{tag}{attrs(attributes)}/>"
    return f"<{tag}{attrs(attributes)}>{content}</{tag}>"


def block(tag: str, level: int, children: list[str], **attributes: str | None) -> str:
    """A structural element at depth `level`: each child on its own indented line."""
    if not children:
        return f"<{tag}{attrs(attributes)}/>"
    inner = "\n" + "  " * (level + 1)
    return f"<{tag}{attrs(attributes)}>{inner}{inner.join(children)}\n{'  ' * level}</{tag}>"
