"""Lines that belong to the page around an article, not to the article.

Shared by the plain-text reader (which sees whole copied pages) and the HTML
reader (whose extracted body can still begin with the headline and byline and
end with a footer).
"""

from __future__ import annotations

import re

AUTHOR_BOX = re.compile(r"^\s*About (?:the author[:\s]*)?(?P<name>(?:[A-Z][\w.'’-]*\s?){2,4})\s*$")
BYLINE = re.compile(r"^\s*by\b:?(?P<name>[^|\n]*)(?P<rest>.*)$", re.IGNORECASE)
FOOTER_STARTS = re.compile(
    r"^\s*(?:About (?:the author|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})$"
    r"|Our Books\b|Related (?i:articles|posts|stories|coverage|content)\b|Read (?:more|next)\s*:?$"
    r"|Share this(?: article)?:?$|Leave a (?:Reply|Comment)\b|\d* ?Comments?$|Tags?:|Filed under\b"
    r"|Subscribe to\b|Sign up for\b|Copyright\b|©|All rights reserved\b|More from\b|You may also like\b"
    r"|More on this (?:story|topic)\b|Get (?:the|our) .{0,40}newsletter\b)",
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
