"""Find a publication date in a byline, date line, file name or export field."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<num>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    # 10/18/2023 as US spreadsheets write it; 18/10/2023 is recognised by its day above 12
    re.compile(r"(?<![\d/])(?P<num>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)(?!\d)"),
    # 18.10.2023, the European way
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<num>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?!\d)"),
]


def find_date(text: str | None) -> str | None:
    """The first valid calendar date in text as YYYY-MM-DD, or None."""
    if not text:
        return None
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["num"]) if groups.get("num") else MONTHS[groups["month"].lower().rstrip(".")]
            day = int(groups["day"])
            if month > 12 >= day:
                month, day = day, month
            try:
                return date(int(groups["year"]), month, day).isoformat()
            except ValueError:
                continue
    return None
