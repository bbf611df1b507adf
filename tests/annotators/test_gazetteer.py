"""The gazetteer file is well-formed and holds the bodies the domain names."""

import json

import pytest

from resolutions.gazetteer import DATA, KINDS, GazetteerError, check, load_gazetteer, read_gazetteer

RAW = json.loads(DATA.read_text(encoding="utf-8"))["entries"]

# Every body named in /work/shared/docs/domain.md, by the id it must have.
DOMAIN_BODIES = {
    "un.sg": "Secretary-General",
    "un.secretariat": "Secretariat",
    "un.sc": "Security Council",
    "un.hrc": "Human Rights Council",
    "un.oct": "Office of Counter-Terrorism",
    "un.cted": "Counter-Terrorism Committee Executive Directorate",
    "un.ocha": "Office for the Coordination of Humanitarian Affairs",
    "un.ohchr": "Office of the United Nations High Commissioner for Human Rights",
    "un.unwomen": "United Nations Entity for Gender Equality and the Empowerment of Women",
    "un.unossc": "United Nations Office for South-South Cooperation",
    "un.unesco": "United Nations Educational, Scientific and Cultural Organization",
    "un.who": "World Health Organization",
    "un.unfpa": "United Nations Population Fund",
    "un.unicef": "United Nations Children's Fund",
    "un.unaoc": "United Nations Alliance of Civilizations",
    "oic.gs": "General Secretariat",
    "oic.summit": "Islamic Summit Conference",
    "oic.cfm": "Council of Foreign Ministers",
    "oic.iphrc": "Independent Permanent Commission on Human Rights",
    "oic.isdb": "Islamic Development Bank",
    "oic.sawt": "Sawt Al-Hikma",
    "oic.cdpu": "Centre for Dialogue, Peace and Understanding",
    "oic.family": "Department of Family Affairs",
    "oic.awc": "Advisory Women Council",
    "osce": "Organization for Security and Co-operation in Europe",
    "kaiciid": "King Abdullah Bin Abdulaziz International Centre for Interreligious and Intercultural Dialogue",
}

# The partners of the session-79 "Cooperation between the United Nations and ..." resolutions.
SESSION_79_PARTNERS = [
    "oic", "csto", "guam", "las", "sela", "opcw", "cei", "interpol", "ctbto", "cplp", "coe",
    "asean", "gcc", "cis", "au", "eco", "oif", "sco",
]  # fmt: skip


def test_ids_are_unique():
    ids = [r["id"] for r in RAW]
    assert len(ids) == len(set(ids))


def test_every_entry_has_a_known_organization_kind_and_parent():
    ids = {r["id"] for r in RAW}
    roots = {r["id"] for r in RAW if r["kind"] == "organization"}
    for r in RAW:
        assert r["organization"] in roots, r["id"]
        assert r["id"] == r["organization"] or r["id"].startswith(r["organization"] + "."), r["id"]
        assert r["kind"] in KINDS, r["id"]
        assert r["names"]["en"], r["id"]
        assert set(r["names"]) <= {"en", "fr", "ar"}, r["id"]
        if "parent" in r:
            assert r["parent"] in ids and r["parent"] != r["id"], r["id"]


def test_parents_lead_to_the_organization_without_cycles():
    by_id = {r["id"]: r for r in RAW}
    for r in RAW:
        seen = set()
        node = r
        while "parent" in node:
            assert node["id"] not in seen, f"cycle through {r['id']}"
            seen.add(node["id"])
            node = by_id[node["parent"]]
            assert node["organization"] == r["organization"], r["id"]


def test_the_checker_finds_nothing_wrong_in_the_shipped_file():
    assert check({"entries": RAW}) == []


def test_the_checker_names_each_problem():
    broken = [
        {
            "id": "un",
            "organization": "un",
            "kind": "organization",
            "names": {"en": "United Nations"},
        },
        {
            "id": "un.x",
            "organization": "un",
            "kind": "bureau",
            "names": {"en": "X"},
            "parent": "un.y",
        },
        {"id": "un.x", "organization": "zz", "kind": "office", "names": {}},
    ]
    problems = " | ".join(check({"entries": broken}))
    assert "unknown kind 'bureau'" in problems
    assert "parent 'un.y' does not exist" in problems
    assert "un.x: duplicate id" in problems
    assert "organization 'zz'" in problems
    assert "no English name" in problems


def test_a_broken_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "gazetteer.json"
    path.write_text(
        '{"entries": [{"id": "x", "organization": "x", "kind": "club", "names": {"en": "X"}}]}'
    )
    with pytest.raises(GazetteerError, match="unknown kind 'club'"):
        read_gazetteer(path)
    path.write_text("{not json")
    with pytest.raises(GazetteerError, match="cannot read"):
        read_gazetteer(path)


def test_every_body_of_the_domain_is_there():
    g = load_gazetteer()
    for entry_id, name in DOMAIN_BODIES.items():
        e = g[entry_id]
        assert name in {e.name, *e.aliases, *e.context_aliases}, entry_id


def test_every_session_79_partner_is_an_organization():
    g = load_gazetteer()
    for org in SESSION_79_PARTNERS:
        assert g[org].kind == "organization", org


def test_the_oic_keeps_its_former_name_with_the_date():
    former = load_gazetteer()["oic"].former_names
    assert former[0].names["en"] == "Organization of the Islamic Conference"
    assert str(former[0].until) == "2011-06-28"


def test_the_oic_side_has_its_organs_institutions_and_standing_committees():
    g = load_gazetteer()
    oic = [e for e in g.entries if e.organization == "oic"]
    kinds = {e.kind for e in oic}
    assert {"principal organ", "subsidiary organ", "specialized institution", "affiliated institution",
            "standing committee"} <= kinds  # fmt: skip
    acronyms = {a for e in oic for a in e.acronyms}
    assert {"COMCEC", "COMSTECH", "COMIAC", "SESRIC", "IUT", "ICDT", "ICESCO", "IPHRC"} <= acronyms
