"""Score canonical speakers, kinds, roles and organisations against a hand-made gold.

The reference scorer (evaluate.py) asks only whether the parser picked the
right speaker *mention*; users browse by *entity* ("everything Amir-Abdollahian
said", "all Pentagon spokespeople").  This scorer asks what they see: is the
quote's speaker the right canonical name ("Donald Trump" for a quote attributed
to "he"), of the right kind, with the role and organisation the article gives?

The gold (eval/polnear-dev-speakers.jsonl, see eval/README.md) stores only
article ids, quote offsets and short facts; the article texts come from the
corpus file, so the gold carries no licensed text.  Quotes are matched with the
main scorer's rule (quotes.evaluate.match_quotes: trimmed spans overlapping by
half the longer one, one-to-one), so "found" means the same thing in both.

Comparison rules (all documented in eval/README.md):
  * names: case, accents, punctuation, hyphens and apostrophes inside a word,
    leading honorifics and titles (`Mr.`, `Sen.`, `former President`), suffixes
    (`Jr.`), party tags (`(D-Mass.)`, `R-Ky.`), a leading `the` and middle
    initials are folded.  A gold anonymous source is right when the parser
    calls the speaker anonymous (descriptions are free text); a gold `unknown`
    is right when the parser names nobody.
  * roles: case, accents, punctuation, articles, prepositions and possessive
    `'s` are folded, title abbreviations expanded (`Sen.` = senator), and the
    words of the gold and predicted organisations removed from both sides, so
    `Pentagon press secretary` + Pentagon = `press secretary` + Pentagon and
    `leader of Kataib Hezbollah` = `leader` when the organisation is Kataib
    Hezbollah.  `exact` needs what is left to be equal; `containment` also
    accepts one side's words as a contiguous run of the other's.
  * organisations: case, accents, punctuation, articles and possessive `'s`
    folded; `exact` and `containment` as for roles.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from quotes.evaluate import match_quotes, read_json_lines

KINDS = ("person", "organization", "anonymous", "unknown")

# Words before a name that are titles, not part of it.
NAME_TITLES = set("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sen senator sens rep reps
representative congressman congresswoman gov governor gen general lt lieutenant col colonel maj major
capt captain adm admiral sgt sergeant cmdr commander president vice pres secretary sec judge justice
mayor chairman chairwoman chair speaker ambassador former retired the
""".split())
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "esq"}
ABBREVIATIONS = {
    "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
    "gov": "governor", "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major",
    "capt": "captain", "adm": "admiral", "sgt": "sergeant", "cmdr": "commander", "rev": "reverend",
    "sec": "secretary", "pres": "president", "prof": "professor", "dr": "doctor", "atty": "attorney",
    "supt": "superintendent", "dir": "director", "asst": "assistant",
}
ROLE_FILLERS = {"a", "an", "the", "of", "for", "at", "to", "in", "on", "with", "s"}
ORG_FILLERS = {"a", "an", "the", "s"}

_PARENS = re.compile(r"\([^)]*\)")
_PARTY_TAG = re.compile(r"^[rdi]-[a-z.]+$", re.I)
_INWORD = re.compile(r"(?<=\w)[-'\u2019.](?=\w)")
_NONWORD = re.compile(r"[^\w]+")


def _fold(text: str) -> str:
    """Lower case without accents, curly apostrophes made straight, possessive `'s` split off."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    return re.sub(r"'s\b", " s", text)


def _words(text: str) -> list[str]:
    return [w for w in _NONWORD.split(text.replace("_", " ")) if w]


def name_key(name: str | None) -> tuple[str, ...]:
    """A speaker name in comparable form: `Sen. Elizabeth Warren (D-Mass.)` → (elizabeth, warren)."""
    if not name:
        return ()
    text = _PARENS.sub(" ", _fold(name))
    tokens = [t for t in text.split() if not _PARTY_TAG.match(t.strip(",."))]
    words = _words(_INWORD.sub("", " ".join(tokens)))
    while len(words) > 1 and words[0] in NAME_TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    if len(words) > 2:  # middle initials: `Donald J. Trump` is `Donald Trump`
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(words)


def role_key(role: str | None, organizations: tuple[str | None, ...] = ()) -> tuple[str, ...]:
    """A role in comparable form, without the words of the organisations it is compared under."""
    if not role:
        return ()
    drop = {w for o in organizations for w in org_key(o)}
    words = [ABBREVIATIONS.get(w, w) for w in _words(_fold(role).replace("-", " "))]
    return tuple(w for w in words if w not in ROLE_FILLERS and w not in drop)


def org_key(org: str | None) -> tuple[str, ...]:
    """An organisation in comparable form: `the Pentagon's` → (pentagon,)."""
    if not org:
        return ()
    return tuple(w for w in _words(_INWORD.sub("", _fold(org))) if w not in ORG_FILLERS)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def contained(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Either key a contiguous run of the other (both non-empty)."""
    if not a or not b:
        return False
    return _contains(a, b) if len(a) >= len(b) else _contains(b, a)


def speaker_right(gold: dict, predicted: dict) -> bool:
    """Whether a matched quote's predicted speaker is the gold canonical speaker."""
    kind = gold["kind"]
    if kind == "anonymous":
        return predicted.get("speaker_kind") == "anonymous"
    if kind == "unknown":
        return not predicted.get("speaker") or predicted.get("speaker_kind") == "unknown"
    return bool(name_key(gold["speaker"])) and name_key(gold["speaker"]) == name_key(predicted.get("speaker"))


def role_checks(gold: dict, predicted: dict) -> tuple[bool, bool]:
    """(exact, containment) agreement of the predicted role with a gold role."""
    orgs = (gold.get("organization"), predicted.get("organization"))
    g, p = role_key(gold["role"], orgs), role_key(predicted.get("role"), orgs)
    if not g:  # the role was only the organisation's words: the role phrase must be there too
        g, p = role_key(gold["role"]), role_key(predicted.get("role"))
    return (bool(p) and g == p), (bool(p) and (g == p or contained(g, p)))


def org_checks(gold: dict, predicted: dict) -> tuple[bool, bool]:
    """(exact, containment) agreement of the predicted organisation with the gold one (None = none)."""
    g, p = org_key(gold.get("organization")), org_key(predicted.get("organization"))
    if not g:
        return not p, not p
    return g == p, g == p or contained(g, p)


def _label(value: str | None) -> str:
    return value if value else "(none)"


def score_speakers(gold_articles: list[dict], texts: dict[str, str], system: dict[str, list[dict]]) -> dict:
    """Figures for gold articles ({id, quotes}), their texts and predicted quotes keyed by article id."""
    t = Counter()
    kind_pairs: Counter = Counter()
    speaker_confusions: Counter = Counter()
    role_confusions: Counter = Counter()
    missing = [a["id"] for a in gold_articles if a["id"] not in texts]
    details = []
    for art in gold_articles:
        if art["id"] not in texts:
            continue
        text, gold = texts[art["id"]], art["quotes"]
        preds = system.get(art["id"], [])
        g2p, _ = match_quotes(text, gold, preds)
        for gi, g in enumerate(gold):
            t["gold"] += 1
            has_role = bool(g.get("role"))
            t["gold_with_role"] += has_role
            p = preds[g2p[gi]] if gi in g2p else None
            row = {"id": art["id"], "start": g["start"], "end": g["end"], "gold": g, "predicted": p}
            details.append(row)
            if p is None:
                continue
            t["found"] += 1
            ok = speaker_right(g, p)
            t["speaker"] += ok
            row["speaker_right"] = ok
            kind_pairs[(g["kind"], p.get("speaker_kind") or "unknown")] += 1
            t["kind"] += g["kind"] == (p.get("speaker_kind") or "unknown")
            if not ok:
                shown = p.get("speaker") if g["kind"] not in ("anonymous", "unknown") else \
                    f'{_label(p.get("speaker"))} [{p.get("speaker_kind") or "unknown"}]'
                speaker_confusions[(g["speaker"], _label(shown))] += 1
            if has_role:
                t["found_with_role"] += 1
                exact, loose = role_checks(g, p)
                org_exact, org_loose = org_checks(g, p)
                t["role_exact"] += exact
                t["role_contained"] += loose
                t["org_exact"] += org_exact
                t["org_contained"] += org_loose
                t["role_and_org"] += exact and org_exact
                t["speaker_and_role"] += ok and exact
                if not exact:
                    role_confusions[(g["role"], _label(p.get("role")))] += 1
            else:
                t["found_without_role"] += 1
                t["no_role_right"] += not p.get("role")
    ratio = lambda a, b: a / b if b else 0.0  # noqa: E731
    return {
        "articles": len(gold_articles) - len(missing), "articles_without_text": missing,
        "gold_quotes": t["gold"], "found": t["found"], "found_rate": ratio(t["found"], t["gold"]),
        "speaker": {"correct": t["speaker"], "of_gold": ratio(t["speaker"], t["gold"]),
                    "of_found": ratio(t["speaker"], t["found"])},
        "kind": {"correct": t["kind"], "of_found": ratio(t["kind"], t["found"]),
                 "pairs": {f"{g}->{p}": n for (g, p), n in sorted(kind_pairs.items(), key=lambda x: -x[1])}},
        "role": {"gold_with_role": t["gold_with_role"], "found_with_role": t["found_with_role"],
                 "exact": t["role_exact"], "exact_of_gold": ratio(t["role_exact"], t["gold_with_role"]),
                 "exact_of_found": ratio(t["role_exact"], t["found_with_role"]),
                 "contained": t["role_contained"],
                 "contained_of_found": ratio(t["role_contained"], t["found_with_role"]),
                 "speaker_and_role_of_gold": ratio(t["speaker_and_role"], t["gold_with_role"])},
        "organization": {"exact": t["org_exact"], "exact_of_found": ratio(t["org_exact"], t["found_with_role"]),
                         "contained": t["org_contained"],
                         "contained_of_found": ratio(t["org_contained"], t["found_with_role"]),
                         "role_and_org_of_found": ratio(t["role_and_org"], t["found_with_role"])},
        "no_role": {"found_without_gold_role": t["found_without_role"], "none_predicted": t["no_role_right"],
                    "rate": ratio(t["no_role_right"], t["found_without_role"])},
        "speaker_confusions": [[g, p, n] for (g, p), n in speaker_confusions.most_common()],
        "role_confusions": [[g, p, n] for (g, p), n in role_confusions.most_common()],
        "details": details,
    }


def render_speakers(res: dict, gold_path: str, top: int = 10) -> str:
    """The figures as a short table, with the most frequent confusions."""
    s, k, r, o, n = res["speaker"], res["kind"], res["role"], res["organization"], res["no_role"]
    out = [
        f'speaker gold: {gold_path}  ({res["articles"]} articles, {res["gold_quotes"]} quotes)',
        f'quotes found             {res["found_rate"]:6.1%}   ({res["found"]}/{res["gold_quotes"]})',
        f'canonical speaker        {s["of_gold"]:6.1%} of gold   {s["of_found"]:6.1%} of found'
        f'   ({s["correct"]})',
        f'speaker kind             {k["of_found"]:6.1%} of found   ({k["correct"]})',
        f'role (gold has one: {r["gold_with_role"]}, found {r["found_with_role"]})',
        f'  exact                  {r["exact_of_found"]:6.1%} of found   {r["exact_of_gold"]:6.1%} of gold'
        f'   ({r["exact"]})',
        f'  with containment       {r["contained_of_found"]:6.1%} of found   ({r["contained"]})',
        f'  speaker and role right {r["speaker_and_role_of_gold"]:6.1%} of gold quotes with a role',
        'organization (same quotes)',
        f'  exact                  {o["exact_of_found"]:6.1%} of found   ({o["exact"]})',
        f'  with containment       {o["contained_of_found"]:6.1%} of found   ({o["contained"]})',
        f'  role and organization  {o["role_and_org_of_found"]:6.1%} of found',
        f'no role where gold has none {n["rate"]:6.1%}   ({n["none_predicted"]}/{n["found_without_gold_role"]})',
    ]
    if res["articles_without_text"]:
        out.append(f'articles missing from --texts: {len(res["articles_without_text"])}')
    out.append("kind (gold->predicted): " + ", ".join(f"{pair} {c}" for pair, c in k["pairs"].items()))
    for title, rows in (("speaker confusions (gold -> predicted)", res["speaker_confusions"]),
                        ("role confusions (gold -> predicted)", res["role_confusions"])):
        out.append(f"{title}:")
        out += [f"  {c:3d}  {g} -> {p}" for g, p, c in rows[:top]] or ["  none"]
    return "\n".join(out)


def load_speaker_gold(path: str) -> list[dict]:
    """The gold's article records; ValueError naming the line when one is malformed."""
    articles = []
    for number, record in read_json_lines(path):
        if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("quotes"), list):
            raise ValueError(f"{path}:{number}: a gold line needs 'id' and a 'quotes' list")
        for q in record["quotes"]:
            if not {"start", "end", "speaker", "kind"} <= q.keys() or q["kind"] not in KINDS:
                raise ValueError(f"{path}:{number}: each quote needs start, end, speaker and a kind in {KINDS}")
        articles.append(record)
    return articles


def load_texts(path: str, ids: set[str]) -> dict[str, str]:
    """Texts of the wanted article ids from a JSON Lines corpus with 'id' and 'text'."""
    return {record["id"]: record["text"] for _, record in read_json_lines(path) if record.get("id") in ids}
