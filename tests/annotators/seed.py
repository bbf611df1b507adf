"""A deliberately simple reading of the seed 73/135 for the annotator tests.

Blank-line blocks; `[72/74](#)` links, italics and superscript markers removed;
numbered lines become "op-N", blocks opening with a preambular phrase "pre-N",
footnote blocks "fn-N", and a block that continues a paragraph after a page
break keeps that paragraph's id. Independent of the parser's own segmenter.
"""

from __future__ import annotations

import re
from pathlib import Path

from resolutions.model import OperativeParagraph

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_PHRASE = re.compile(r"(Recalling|Welcoming|Noting|Having|Taking|Convinced|Acknowledging)\b")
_VERB = re.compile(
    r"(?:Also |Further )?(?:Takes note with satisfaction|Notes with satisfaction|Welcomes with appreciation"
    r"|Expresses its appreciation|Calls upon|[A-Z][a-z]+)"
)


def seed_paragraphs(corpus: Path) -> list[tuple[str | None, str]]:
    text = (corpus / "seed" / "A_RES_73_135.md").read_text(encoding="utf-8")
    out: list[tuple[str | None, str]] = []
    preamble = 0
    current: str | None = None
    for block in re.split(r"\n\s*\n|\n(?=\d+\. )", text):
        footnote = re.match(rf"\s*([{SUPERSCRIPTS}]+) ", block)
        block = re.sub(r"\[([^\[\]]*)\]\(#\)", r"\1", block).replace("*", "")
        block = " ".join(block.translate(str.maketrans("", "", SUPERSCRIPTS)).split())
        if not block:
            continue
        if footnote:
            marker = footnote.group(1).translate(str.maketrans(SUPERSCRIPTS, "1234567890"))
            out.append((f"fn-{marker}", block))
            continue
        numbered = re.match(r"(\d+)\. ", block)
        if numbered:
            current = f"op-{numbered.group(1)}"
            block = block[numbered.end() :]
        elif _PHRASE.match(block):
            preamble += 1
            current = f"pre-{preamble}"
        elif block.startswith("52nd plenary"):
            current = None
        out.append((current, block))
    return out


def seed_operative(corpus: Path) -> list[OperativeParagraph]:
    ops = []
    for pid, text in seed_paragraphs(corpus):
        if pid and pid.startswith("op-"):
            verb = _VERB.match(text)
            ops.append(OperativeParagraph(pid, int(pid[3:]), verb.group(0) if verb else "", text))
    return ops
