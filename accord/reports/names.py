"""Names in the report's language: entities, organizations and priority areas from their
``name_fr`` / ``name_ar`` fields (else the gazetteer's official name for a body it knows),
places from ``PLACES``; and the list of the names that have no translation, which the
report page shows the coordinator before generating. Reads only; writes nothing.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from resolutions.gazetteer import load_gazetteer

# Places where the two systems usually meet, as the UN's French and Arabic documents
# write them. A place not listed is kept as written, and listed as untranslated.
PLACES = {
    "Abu Dhabi": ("Abou Dhabi", "أبو ظبي"),
    "Addis Ababa": ("Addis-Abeba", "أديس أبابا"),
    "Algiers": ("Alger", "الجزائر العاصمة"),
    "Amman": ("Amman", "عمّان"),
    "Ankara": ("Ankara", "أنقرة"),
    "Astana": ("Astana", "أستانا"),
    "Baku": ("Bakou", "باكو"),
    "Bangkok": ("Bangkok", "بانكوك"),
    "Beirut": ("Beyrouth", "بيروت"),
    "Brussels": ("Bruxelles", "بروكسل"),
    "Cairo": ("Le Caire", "القاهرة"),
    "Dakar": ("Dakar", "داكار"),
    "Doha": ("Doha", "الدوحة"),
    "Dubai": ("Doubaï", "دبي"),
    "Geneva": ("Genève", "جنيف"),
    "Islamabad": ("Islamabad", "إسلام آباد"),
    "Istanbul": ("Istanbul", "إسطنبول"),
    "Jakarta": ("Jakarta", "جاكرتا"),
    "Jeddah": ("Djedda", "جدة"),
    "Kampala": ("Kampala", "كمبالا"),
    "Kuala Lumpur": ("Kuala Lumpur", "كوالالمبور"),
    "Kuwait City": ("Koweït", "مدينة الكويت"),
    "Nairobi": ("Nairobi", "نيروبي"),
    "New York": ("New York", "نيويورك"),
    "Niamey": ("Niamey", "نيامي"),
    "Paris": ("Paris", "باريس"),
    "Rabat": ("Rabat", "الرباط"),
    "Riyadh": ("Riyad", "الرياض"),
    "Rome": ("Rome", "روما"),
    "Tashkent": ("Tachkent", "طشقند"),
    "Tunis": ("Tunis", "تونس العاصمة"),
    "Vienna": ("Vienne", "فيينا"),
}


def place(text: str, lang: str) -> str:
    if lang == "en" or text not in PLACES:
        return text
    return PLACES[text][0 if lang == "fr" else 1]


def _gazetteer_name(gazetteer_id: str, lang: str) -> str:
    if not gazetteer_id:
        return ""
    gazetteer = load_gazetteer()
    return gazetteer[gazetteer_id].names.get(lang, "") if gazetteer_id in gazetteer else ""


def name(row, lang: str) -> str:
    """An entity's, organization's or priority area's name in ``lang``: its own field,
    else the gazetteer's, else the English name."""
    own = getattr(row, f"name_{lang}", "")
    if own or lang == "en":
        return own or row.name_en
    return _gazetteer_name(getattr(row, "gazetteer_id", ""), lang) or row.name_en


# French articles before an organization's name: elided before a vowel or a mute h
# ("l'Union africaine", "l'Organisation ..."), else in the gender of the name's first
# word, its head noun ("la Ligue des États arabes", "le Conseil de l'Europe").
FR_MUTE_H = ("habitat", "homme", "hôpital", "humanitaire", "hydrographique", "héritage")
FR_FEMININE_HEADS = {
    "académie",
    "agence",
    "alliance",
    "assemblée",
    "autorité",
    "banque",
    "commission",
    "communauté",
    "conférence",
    "cour",
    "fédération",
    "force",
    "ligue",
    "mission",
    "organisation",
    "union",
}
_VOWELS = "aeiouyàâäéèêëîïôöùûü"


def with_article(text: str, lang: str) -> str:
    """``text`` (an organization's name in ``lang``) as it follows "et" or "par" in a
    French sentence, with its article; other languages unchanged (English writes "the"
    in the sentence, Arabic names carry their own article)."""
    if lang != "fr" or not text:
        return text
    head = re.split(r"[\s'’-]", text, maxsplit=1)[0].lower()
    if head[0] in _VOWELS or head.startswith(FR_MUTE_H):
        return f"l'{text}"
    return f"{'la' if head in FR_FEMININE_HEADS else 'le'} {text}"


def the(row, lang: str) -> str:
    """An organization's name in ``lang`` after an article (``with_article``)."""
    return with_article(name(row, lang), lang)


def untranslated(data, lang: str) -> list[tuple[str, str]]:
    """(what, English name) for each name the report on ``data`` would write in English
    in a French or Arabic report: priority areas, the partner, entities, places."""
    if lang == "en":
        return []
    rows: list[tuple[str, Any]] = [(_("Priority area"), a) for a in data.areas]
    rows.append((_("Organization"), data.framework.partner))
    used = {e for a in data.activities for e in (a.un_lead_id, a.partner_lead_id) if e}
    used |= {e for ids in data.participants.values() for e in ids}
    rows += [(_("Entity"), data.entities[e]) for e in sorted(used) if e in data.entities]
    out = [(what, row.name_en) for what, row in rows if name(row, lang) == row.name_en]
    places = {m.place for m in data.meetings + data.general_held if m.place}
    out += [(_("Place"), p) for p in sorted(places) if place(p, lang) == p and p not in PLACES]
    return out


def names_to_translate(framework, start, end) -> dict[str, list[tuple[str, str]]]:
    """For the report page: per language (French, Arabic), the names the report on
    ``framework`` for ``start``..``end`` would leave in English."""
    from accord.reports.report_data import read_report_data

    data = read_report_data(framework, start, end)
    return {lang: untranslated(data, lang) for lang in ("fr", "ar")}
