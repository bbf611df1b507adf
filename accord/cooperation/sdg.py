"""The official 17 Sustainable Development Goals and 169 targets (A/RES/70/1).

Reads: ``data/sdg_goals.tsv`` (number, name) and ``data/sdg_targets.tsv`` (code, text).
Writes: ``SDGGoal`` and ``SDGTarget`` rows (``load_sdgs``), without duplicating any.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_goals() -> list[dict]:
    """``[{"number": 1, "name": "End poverty ..."}, ...]`` (17 rows)."""
    with open(DATA_DIR / "sdg_goals.tsv", encoding="utf-8", newline="") as f:
        return [
            {"number": int(r["number"]), "name": r["name"]}
            for r in csv.DictReader(f, delimiter="\t")
        ]


def read_targets() -> list[dict]:
    """``[{"code": "1.1", "goal": 1, "order": 1, "text": "..."}, ...]`` (169 rows, file order)."""
    rows: list[dict[str, Any]] = []
    with open(DATA_DIR / "sdg_targets.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            goal, _ = r["code"].split(".")
            rows.append({"code": r["code"], "goal": int(goal), "text": r["text"]})
    per_goal: dict[int, int] = {}
    for row in rows:
        per_goal[row["goal"]] = row["order"] = per_goal.get(row["goal"], 0) + 1
    return rows


def load_sdgs(goal_model, target_model) -> None:
    """Create or update the goals and targets; takes the models so migrations can call it."""
    goals = {}
    for g in read_goals():
        goals[g["number"]], _ = goal_model.objects.update_or_create(
            number=g["number"], defaults={"name": g["name"]}
        )
    for t in read_targets():
        target_model.objects.update_or_create(
            code=t["code"],
            defaults={"goal": goals[t["goal"]], "order": t["order"], "text": t["text"]},
        )
