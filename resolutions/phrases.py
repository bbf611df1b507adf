"""The opening phrases of paragraphs: the verb of an operative paragraph, the
participle or adjective of a preambular one.

The PDF text layer has lost the italics that mark an operative verb, so the
phrase is read from the words: optional adverbs ("Also", "Further", "Strongly"),
the verb ("Welcomes", "Takes") and the complements that belong to it by
General Assembly usage ("note", "with satisfaction", "its appreciation", "upon").

>>> operative_verb("Takes note with satisfaction of the report of the Secretary-General;")
'Takes note with satisfaction'
>>> operative_verb("Also welcomes the cooperation between the United Nations")
'Also welcomes'
>>> operative_verb("Expresses its appreciation to the Secretary-General")
'Expresses its appreciation'
>>> operative_verb("Decides: (a) To include")
'Decides'
>>> operative_verb("We, the Heads of State") is None
True
>>> preamble_phrase("Taking note also of the report of the Secretary-General,")
'Taking note also'
>>> preamble_phrase("Having considered the report of the Secretary-General")
'Having considered'
>>> preamble_phrase("Deeply concerned about the situation")
'Deeply concerned'
>>> preamble_phrase("Bearing in mind that")
'Bearing in mind'
"""

from __future__ import annotations

import re

ADVERBS = frozenset(
    [
        "also",
        "further",
        "again",
        "once",
        "furthermore",
        "moreover",
        "hereby",
        "still",
        "now",
        "therefore",
        "thus",
    ]
)
AFTER_VERB = frozenset(["also", "further", "again", "furthermore"])
FEELINGS = (
    "satisfaction|appreciation|concern|deep concern|grave concern|serious concern|great concern|"
    "interest|regret|deep regret|alarm|grave alarm|gratitude|approval|profound concern"
)
NOTE = re.compile(rf"note(?: (?:also|further))?(?: with (?:{FEELINGS}))?(?=\W|$)")
WITH = re.compile(rf"with (?:{FEELINGS})(?=\W|$)")
ITS = re.compile(
    r"(?:its )?(?:(?:deep|sincere|profound|grave|serious|full|strong|continued|great|heartfelt|"
    r"utmost|firm|unwavering) )?(?:appreciation|gratitude|concern|support|condolences|"
    r"solidarity|regret|thanks|alarm|hope|commitment|sympathy|determination|readiness|"
    r"willingness|intention)(?=\W|$)"
)
UPON = re.compile(r"(?:upon|on|for)(?=\W|$)")
TRIBUTE = re.compile(r"(?:tribute|homage)(?=\W|$)")
INTO_ACCOUNT = re.compile(r"(?:into account|in mind|note(?: (?:also|further))?)(?=\W|$)")
WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*")
HAVING = re.compile(r"Having(?: (?:also|further))? [a-z]+(?: (?:also|further))?")
# Complements that belong to a verb by General Assembly usage (the words the PDF prints in
# italics with it), in either form: "Expresses the hope", "Looking forward", "Reaffirms its request"
COMPLEMENTS = {
    "takes": re.compile(r"into (?:account|consideration)(?=\W|$)"),
    "looks": re.compile(r"(?:forward|ahead)(?=\W|$)"),
    "looking": re.compile(r"(?:forward|ahead)(?=\W|$)"),
    "expresses": re.compile(r"the (?:hope|wish|view|belief)(?=\W|$)"),
    "expressing": re.compile(r"(?:the (?:hope|wish|view|belief)|" + ITS.pattern + ")"),
    "reaffirms": re.compile(r"its (?:request|call)s?(?=\W|$)"),
    "reiterates": re.compile(r"its (?:request|call)s?(?=\W|$)"),
    "remaining": re.compile(r"(?:[a-z]+ly )?(?:concerned|convinced|committed|determined|alarmed"
                            r"|deeply|seriously|gravely)(?=\W|$)"),
    "being": re.compile(r"(?:[a-z]+ly )?(?:concerned|convinced|committed|determined|alarmed"
                        r"|aware|conscious|mindful|guided|seized|deeply|seriously|gravely)(?=\W|$)"),
}  # fmt: skip
WE = re.compile(
    r"We(?! (?:the|all|are|have|were|will|shall|must|can)\b)(?: (?:also|further|again|once again|therefore|hereby|[a-z]+ly))* [a-z]+(?=\W|$)"
)
AFTER_OPERATIVE = re.compile(r"(also|further|again|once again)(?=\W)")
AFTER_PREAMBLE = re.compile(r"(also|further|again|furthermore)(?=\W)")
AFTER_COMPLEMENT = re.compile(r"(also|further)(?=\W)")


ADVERB_ASIDE = re.compile(
    r"(?:Also|Further|Furthermore|Moreover|Finally),(?: [^,]{1,40},)? ([a-z]+s)\b"
)


def operative_verb(text: str) -> str | None:
    """The opening verb phrase of an operative paragraph, or None if it opens otherwise.

    >>> operative_verb("Also, in this regard, calls upon regional organizations")
    'Also, in this regard, calls upon'
    """
    we = WE.match(text)
    if we:
        return we.group(0)  # a declaration in the first person plural: "We reaffirm"
    aside = ADVERB_ASIDE.match(text)
    if aside:
        return aside.group(0) + _complement(text, aside.group(0), aside.group(1))
    words = _words(text, 6)
    if not words:
        return None
    i = 0
    while i < len(words) - 1 and i < 3 and (words[i].lower() in ADVERBS or words[i].endswith("ly")):
        i += 1
    verb = words[i]
    if not words[0][:1].isupper() or not verb.replace("-", "").isalpha():
        return None
    if not (verb.endswith("s") and len(verb) > 3) or verb.lower().endswith(("ss", "us", "is")):
        return None
    head = " ".join(words[: i + 1])
    return head + _complement(text, head, verb.lower())


def _complement(text: str, head: str, verb: str) -> str:
    pos = text.find(head)
    rest = text[pos + len(head) :] if pos >= 0 else ""
    rest_stripped = rest.lstrip()
    lead = rest[: len(rest) - len(rest_stripped)]
    if lead and not lead.isspace():
        return ""
    after = ""
    m = AFTER_OPERATIVE.match(rest_stripped)
    if m and verb not in ("takes",):
        after = " " + m.group(1)
        rest_stripped = rest_stripped[m.end() :].lstrip()
    matchers = [COMPLEMENTS[verb]] if verb in COMPLEMENTS else []
    if verb == "takes":
        matchers.append(NOTE)
    if verb in ("expresses", "reiterates", "extends", "conveys"):
        matchers.append(ITS)
    if verb == "calls":
        matchers.append(UPON)
    if verb == "pays":
        matchers.append(TRIBUTE)
    matchers.append(WITH)
    for matcher in matchers:
        m = matcher.match(rest_stripped)
        if m:
            return after + " " + m.group(0)
    return after


def preamble_phrase(text: str) -> str:
    """The opening participle or adjective phrase of a preambular paragraph."""
    m = HAVING.match(text)
    if m:
        return m.group(0)
    words = _words(text, 5)
    if not words:
        return ""
    i = 0
    while i < len(words) - 1 and i < 2 and (words[i].endswith("ly") or words[i].lower() in ADVERBS):
        i += 1
    head = " ".join(words[: i + 1])
    pos = text.find(head)
    rest = text[pos + len(head) :].lstrip() if pos >= 0 else ""
    phrase = head
    m = AFTER_PREAMBLE.match(rest)
    if m:
        phrase += " " + m.group(1)
        rest = rest[m.end() :].lstrip()
    extra = COMPLEMENTS.get(words[i].lower())
    for matcher in (extra, INTO_ACCOUNT, WITH) if extra else (INTO_ACCOUNT, WITH):
        m = matcher.match(rest)
        if m:
            phrase += " " + m.group(0)
            rest = rest[m.end() :].lstrip()
            m2 = AFTER_COMPLEMENT.match(rest)
            if m2:
                phrase += " " + m2.group(1)
            break
    return phrase


# Verbs that open operative paragraphs in General Assembly usage; used only where a
# paragraph break must be guessed (a line after a comma-ended line, with no blank line).
COMMON_OPERATIVE_VERBS = frozenset(
    [
        "accepts",
        "acknowledges",
        "adopts",
        "affirms",
        "agrees",
        "appeals",
        "appoints",
        "appreciates",
        "approves",
        "authorizes",
        "calls",
        "commends",
        "concurs",
        "condemns",
        "confirms",
        "considers",
        "decides",
        "declares",
        "demands",
        "deplores",
        "designates",
        "determines",
        "directs",
        "elects",
        "emphasizes",
        "encourages",
        "endorses",
        "expresses",
        "invites",
        "notes",
        "proclaims",
        "reaffirms",
        "recalls",
        "recognizes",
        "recommends",
        "regrets",
        "reiterates",
        "renews",
        "requests",
        "resolves",
        "stresses",
        "supports",
        "takes",
        "transmits",
        "underlines",
        "underscores",
        "urges",
        "welcomes",
    ]
)


def opens_operative(line: str) -> bool:
    """Whether a line opens with a common operative verb: "Decides:", "Also requests".

    >>> opens_operative("Decides:"), opens_operative("States members of the Organization")
    (True, False)
    """
    words = _words(line, 3)
    i = 0
    while i < len(words) - 1 and (words[i].lower() in ADVERBS or words[i].endswith("ly")):
        i += 1
    return bool(words) and words[0][:1].isupper() and words[i].lower() in COMMON_OPERATIVE_VERBS


# Words that open preambular paragraphs; used where a paragraph break must be guessed.
COMMON_PREAMBLE_OPENERS = frozenset(
    [
        "recalling",
        "reaffirming",
        "noting",
        "having",
        "welcoming",
        "recognizing",
        "emphasizing",
        "stressing",
        "expressing",
        "acknowledging",
        "taking",
        "bearing",
        "considering",
        "reiterating",
        "underlining",
        "underscoring",
        "convinced",
        "concerned",
        "deeply",
        "mindful",
        "aware",
        "guided",
        "determined",
        "affirming",
        "commending",
        "appreciating",
        "alarmed",
        "gravely",
        "seriously",
        "conscious",
        "cognizant",
        "desirous",
        "encouraged",
        "believing",
        "highlighting",
        "observing",
        "deploring",
        "encouraging",
        "looking",
        "calling",
        "strongly",
        "condemning",
        "referring",
        "reaffirming",
    ]
)


def opens_preamble(line: str) -> bool:
    """Whether a line opens with a common preambular word: "Recalling", "Having considered".

    >>> opens_preamble("Recalling its resolution 58/284"), opens_preamble("Beijing Declaration")
    (True, False)
    """
    words = _words(line, 1)
    return bool(words) and words[0][:1].isupper() and words[0].lower() in COMMON_PREAMBLE_OPENERS


def _words(text: str, limit: int) -> list[str]:
    """The first `limit` words of the text (read in its first 120 characters)."""
    return WORD.findall(text, 0, 120)[:limit]


def preamble_opening_inside(line: str) -> int:
    """Where a common preambular opening starts inside `line` after a title run into it
    ("... for Criminal Tribunals Recalling its resolutions ..."), or -1.

    >>> preamble_opening_inside("Conditions of service Recalling its resolution 37/240,")
    22
    """
    for m in _CAPITALIZED_WORD.finditer(line, 1):
        if m.group(0).lower() in COMMON_PREAMBLE_OPENERS and line[m.start() - 2] not in ",;:.":
            return m.start()
    return -1


_CAPITALIZED_WORD = re.compile(r"(?<= )[A-Z][a-z]+")
