"""The priority areas of cooperation, found from the text.

Reads the paragraphs of a parsed resolution; writes ``(names, paragraph id,
confidence)``. A resolution states how many areas there are ("the 10 priority areas")
in one paragraph and enumerates them in another ("to review and appraise the level of
cooperation in the fields of international peace and security, science and
technology, ..., arts and crafts, and the promotion of heritage"). We take each
enumeration that follows "fields of" / "areas of" / "sectors of", split it on commas,
stop at the first fragment that is a clause rather than a field ("including ...",
"encourages ..."), drop words that name a process rather than a field ("implementation
of", "protection of and assistance to", "the promotion of", "international"), and merge fragments until
the stated count is reached: first a one-word fragment with the next ("environment" +
"health and population"), then the closing "and ..." fragment with the one before it
("arts and crafts" + "heritage"). The enumeration nearest the stated count wins; when
the count cannot be matched, or none is stated, the confidence drops and the areas go
to the review list; without a stated count only a list introduced as priority areas
("the priority areas of ...") is taken.
"""

from __future__ import annotations

import re

from resolutions.sessions import ordinal_to_int

_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = re.compile(
    r"\b(\d{1,2}|" + "|".join(_WORDS) + r")\s+(?:priority|agreed|designated)?\s*"
    r"(?:areas|fields|sectors)\b",
    re.I,
)
_LIST = re.compile(
    r"\b(?:fields|areas|sectors) of (?:cooperation )?(?:in )?(?:the )?(?P<list>[^;]+)"
)
_NOT_A_FIELD = re.compile(
    r"^(?:in particular|including|inter alia|such as|as well as|in order|in this|in that|to |which |that |who |"
    r"with |through |by |notes|acknowledges|encourages|welcomes|recognizes|calls|invites|requests|stresses|"
    r"emphasizes|urges|underlines|reaffirms)\b",
    re.I,
)
_MAX_WORDS = 8
_PROCESS = re.compile(
    r"^(?:and\s+)?(?:the\s+)?(?:(?:implementation|promotion|protection|strengthening|enhancement)\s+of\s+"
    r"(?:and\s+assistance\s+to\s+)?)?(?:international\s+)?",
    re.I,
)


def stated_count(texts: list[str]) -> int | None:
    """The number of priority areas a paragraph states ("10 priority areas"), if any."""
    for text in texts:
        if "priority area" not in text and "areas of cooperation" not in text:
            continue
        m = _COUNT.search(text)
        if m:
            word = m.group(1).lower()
            return int(word) if word.isdigit() else _WORDS.get(word) or ordinal_to_int(word)
    return None


def _fragments(enumeration: str) -> list[str]:
    """Split "a, b, c, and d, and of the fact ..." into ["a", "b", "c", "and d"]; stop at
    the first fragment that is not the name of a field (a clause, a qualifier)."""
    out = []
    for part in (p.strip() for p in enumeration.split(",")):
        if not part:
            continue
        if _NOT_A_FIELD.match(part) or len(part.split()) > _MAX_WORDS:
            break
        out.append(part)
        if (
            part.startswith("and ")
            or " and " in part
            and len(out) > 2
            and out[-2].startswith("and ")
        ):
            break
    # A final element is the one that opens with "and", or that joins two with "and".
    for i, part in enumerate(out):
        if part.startswith("and "):
            return out[: i + 1]
    return out


def _clean(fragment: str) -> str:
    return _PROCESS.sub("", fragment).strip(" .")


def _merge(fragments: list[str], count: int | None) -> list[str]:
    """Merge raw fragments until there are ``count`` of them (see the module docstring)."""
    items = list(fragments)
    while count and len(items) > count:
        single = next((i for i, f in enumerate(items[:-1]) if len(f.split()) == 1), None)
        if single is not None:
            items[single : single + 2] = [f"{_clean(items[single])}, {_clean(items[single + 1])}"]
        elif items[-1].startswith("and "):
            items[-2:] = [f"{_clean(items[-2])} and {_clean(items[-1])}"]
        else:
            break
    return [_clean(f) for f in items]


def find_areas(paragraphs: list[tuple[str, str]]) -> tuple[list[str], str | None, float]:
    """(area names, paragraph id, confidence) from (paragraph id, text) pairs."""
    count = stated_count([t for _, t in paragraphs])
    best: tuple[float, list[str], str] | None = None
    for pid, text in paragraphs:
        for m in _LIST.finditer(text):
            if count is None and "priority" not in text[max(0, m.start() - 40) : m.start()]:
                continue  # without a stated count, only a list introduced as priority areas
            raw = _fragments(m.group("list"))
            if len(raw) < 3:
                continue
            names = [n for n in _merge(raw, count) if n]
            distance = abs(len(names) - count) if count else 0
            score = distance * 100 - len(names)  # nearest the stated count, then the longest
            if best is None or score < best[0]:
                best = (score, names, pid)
    if best is None:
        return [], None, 0.0
    _, names, pid = best
    confidence = 0.9 if count and len(names) == count else 0.5
    return names, pid, confidence
