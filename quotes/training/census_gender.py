"""First names and their gender from the 1990 US Census name lists.

GUM's coreference chains and news honorifics (news_gender.py) give a few hundred
first names; a pronoun whose candidates' first names are unknown (`Dianne Feinstein`,
`Madeleine Kunin`) then goes to a farther person whose gender is known.  The Census
Bureau's "Frequently Occurring First Names" (1990, public domain, as redistributed
in the MIT-licensed `names` package; see data/census-1990/README.md) give about
4,800 more.  A name counts for a gender when that gender's frequency is at least
nine times the other's; names that are also ordinary words (`Will`, `May`) are left
out, as they are for the news table.
"""

from __future__ import annotations

from pathlib import Path

CENSUS = Path(__file__).parent / "data" / "census-1990"
DOMINANCE = 9.0  # one gender's frequency over the other's


def _frequencies(sex: str) -> dict[str, float]:
    """First name (capitalised) → percentage of that sex's population bearing it."""
    out = {}
    with open(CENSUS / f"dist.{sex}.first", encoding="ascii") as fh:
        for line in fh:
            name, percent = line.split()[:2]
            out[name.capitalize()] = float(percent)
    return out


def census_gender(ordinary: set[str]) -> dict[str, str]:
    male, female = _frequencies("male"), _frequencies("female")
    table = {}
    for name in sorted(set(male) | set(female)):
        if name.lower() in ordinary:
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= DOMINANCE * f:
            table[name] = "m"
        elif f >= DOMINANCE * m:
            table[name] = "f"
    return table
