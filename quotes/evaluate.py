"""Score quote extraction and attribution against gold JSON Lines.

This implements the metric of the project's reference scorer
(shared/tools/quote_score.py) so `quotes evaluate` prints the same figures
without that file being present: quotes match when their trimmed spans overlap
by at least half of the longer one (one-to-one, greedy by overlap); a speaker
is right when the predicted mention overlaps the gold source span, or, for
named gold sources, when the predicted name shares a normalised name token
with it.  tests/test_evaluate.py checks the two agree.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

QUOTE_CHARS = set("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u201a\u201b`\u00b4\u2032\u2033")
LEAD_STRIP = QUOTE_CHARS | set("\u2026.\u2014\u2013-")
TRAIL_STRIP = QUOTE_CHARS | set(".,;:!?\u2026\u2014\u2013-")

TITLES = set("""
mr mrs ms miss mx dr prof professor sen senator rep representative congressman congresswoman gov
governor president vice pres sec secretary gen general lt col colonel maj major capt captain sgt
adm admiral rev reverend fr father sister brother pastor rabbi judge justice chief mayor speaker
leader chairman chairwoman chair ambassador attorney sir dame lord lady king queen prince princess
pope saint st hon honorable jr sr ii iii iv esq former candidate nominee presidential democratic
republican gop d r i
""".split())
STOPWORDS = set("""
a an the and or but nor of in on at to for from by with without about as into over after before
under between among through during per via than then so also too not no yes is are was were be
been has have had do does did says said say told according added asked wrote both more most other
such own same just only some any all each every many much few several new old top senior early
late later one two three if when while where how what why there here now however meanwhile still
even yet though although because since until like unlike
""".split())
PRONOUNS = set("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves themself who whom whose which
that this these those one someone somebody anyone anybody everyone everybody no-one nobody none
some many most others other another both all each either neither few several and or
""".split())
COMMON_SOURCE_NOUNS = set("""
official officials source sources aide aides critic critics expert experts analyst analysts
supporter supporters opponent opponents resident residents voter voters poll polls report reports
document documents record records data researcher researchers witness witnesses police authorities
prosecutor prosecutors investigator investigators lawmaker lawmakers officer officers people
observer observers spokesman spokeswoman spokesperson statement study studies survey surveys
advocate advocates activist activists protester protesters protestors member members staff
staffers donor donors delegate delegates strategist strategists campaign organizers leaders
historians economists scientists doctors lawyers attorneys representatives insiders allies friends
colleagues neighbors students workers fans users commenters readers viewers respondents
participants
""".split())
ABBREVIATIONS = set("""
mr mrs ms dr sen rep reps sens gov gen lt col sgt capt maj adm st jr sr inc co corp ltd no vs v fr
rev prof pres sec dept gop u.s u.n u.k d.c a.m p.m ft mt jan feb mar apr jun jul aug sept sep oct
nov dec calif fla ill mass mich minn pa va wash wis conn ariz colo ky la md mo n.h n.j n.y n.c s.c
okla ore tenn tex e.g i.e etc al
""".split())

_PARTY_TAG = re.compile(r"[rdi]-[a-z.]+$")
_WORD = re.compile(r"[^\W_](?:[\w.'\u2019&-]*[^\W_])?")
_SENT_END_BEFORE = re.compile(r"(?:[.!?\u2026:]['\"\u201d\u2019)\]]*\s+|\n\s*|[\"\u201c\u2018(\[]\s*)$")
_BOUNDARY = re.compile(r"([.!?\u2026])['\"\u201d\u2019)\]]*\s+['\"\u201c\u2018(]*(?=[A-Z0-9])")


def read_json_lines(path: str) -> Iterator[tuple[int, object]]:
    """(line number, value) of each non-blank line of a JSON Lines file; ValueError
    naming the line that is not JSON."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: invalid JSON ({exc.msg})") from None


def load_gold(path: str) -> list[dict]:
    """The gold's articles ({id, text, quotes}); ValueError naming the line when one is malformed."""
    articles = []
    for number, article in read_json_lines(path):
        if not isinstance(article, dict) or not {"id", "text", "quotes"} <= article.keys():
            raise ValueError(f"{path}:{number}: a gold line needs 'id', 'text' and 'quotes'")
        articles.append(article)
    return articles


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip quote marks, whitespace and edge punctuation from [start, end)."""
    s, e = start, end
    while s < e and (text[s].isspace() or text[s] in LEAD_STRIP):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in TRAIL_STRIP):
        e -= 1
    return (s, e) if s < e else (start, start)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _fold(token: str) -> str:
    token = unicodedata.normalize("NFKD", token)
    token = "".join(c for c in token if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    if token.endswith("'s"):
        token = token[:-2]
    return token.strip(".'-&")


def _sentence_initial(text: str, pos: int) -> bool:
    return not text[:pos].strip() or bool(_SENT_END_BEFORE.search(text[max(0, pos - 6):pos]))


def name_tokens(text: str, pieces: list[tuple[int, int]]) -> list[str]:
    """Normalised capitalised name tokens of a gold source span."""
    out = []
    for fs, fe in pieces:
        for m in _WORD.finditer(text[fs:fe]):
            token = m.group()
            if not token[0].isupper():
                continue
            low = _fold(token)
            if not low or low in TITLES or low in STOPWORDS or low in PRONOUNS or _PARTY_TAG.match(low):
                continue
            if _sentence_initial(text, fs + m.start()) and not token.isupper():
                if low in COMMON_SOURCE_NOUNS:
                    continue
                if re.search(r"(?<![\w])" + re.escape(token.lower()) + r"(?![\w])", text):
                    continue  # a common word capitalised only because it opens the sentence
            out.append(low)
    return out


def speaker_kind(text: str, pieces: list[tuple[int, int]]) -> str:
    if name_tokens(text, pieces):
        return "name"
    words = [w for w in (_fold(m.group()) for fs, fe in pieces for m in _WORD.finditer(text[fs:fe])) if w]
    return "pronoun" if words and all(w in PRONOUNS for w in words) else "nominal"


def predicted_name_tokens(name: str | None) -> set[str]:
    tokens = (_fold(m.group()) for m in _WORD.finditer(name or ""))
    return {t for t in tokens if t and t not in TITLES and t not in STOPWORDS and t not in PRONOUNS}


def _has_sentence_boundary(segment: str) -> bool:
    if "\n" in segment:
        return True
    for m in _BOUNDARY.finditer(segment):
        if m.group(1) == ".":
            w = re.search(r"([\w.]+)$", segment[:m.start(1)])
            word = w.group(1).lower() if w else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word or "-"):
                continue
        return True
    return False


def cue_position(text: str, q_start: int, q_end: int, cue: dict | None) -> str:
    """'adjacent' when no sentence boundary separates cue and quote, else 'not_adjacent'; 'no_cue'."""
    if not cue:
        return "no_cue"
    c_start, c_end = cue["start"], cue["end"]
    if c_start < q_end and c_end > q_start:
        return "adjacent"
    if c_start >= q_end:
        segment = text[max(q_start, q_end - 1):min(len(text), c_start + 1)]
    else:
        segment = text[c_end:min(q_end, q_start + 1)]
    return "not_adjacent" if _has_sentence_boundary(segment) else "adjacent"


def match_quotes(text: str, gold: list[dict], predicted: list[dict]) -> tuple[dict[int, int], int]:
    """One-to-one matches gold index → predicted index, and the number of exact ones."""
    g_spans = [trim_span(text, q["start"], q["end"]) for q in gold]
    p_spans = [trim_span(text, q["start"], q["end"]) for q in predicted]
    candidates = []
    for gi, g in enumerate(g_spans):
        lg = g[1] - g[0]
        if lg <= 0:
            continue
        for pi, p in enumerate(p_spans):
            lp = p[1] - p[0]
            if lp <= 0:
                continue
            ov = _overlap(g, p)
            if ov > 0 and ov >= 0.5 * max(lg, lp):
                candidates.append((-ov, abs(lg - lp), gi, pi))
    candidates.sort()
    g2p: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in candidates:
        if gi not in g2p and pi not in used:
            g2p[gi] = pi
            used.add(pi)
    return g2p, sum(1 for gi, pi in g2p.items() if g_spans[gi] == p_spans[pi])


def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def system_quote(q: dict) -> dict:
    """A predicted quote in the scorer's terms: span, speaker string, speaker mention span."""
    s, e = q.get("speaker_start"), q.get("speaker_end")
    return {"start": q["start"], "end": q["end"], "speaker": q.get("speaker"),
            "speaker_span": None if s is None or e is None else (s, e)}


def _pieces(speaker: dict) -> list[tuple[int, int]]:
    return [tuple(f) for f in speaker.get("fragments") or [(speaker["start"], speaker["end"])]]


def speaker_checks(text: str, speaker: dict, predicted: dict) -> tuple[bool, bool]:
    """(mention right, name right) for one predicted quote matched to a gold quote."""
    pieces = _pieces(speaker)
    span = predicted["speaker_span"]
    mention = span is not None and span[1] > span[0] and any(_overlap(span, f) > 0 for f in pieces)
    if speaker_kind(text, pieces) == "name":
        return mention, bool(set(name_tokens(text, pieces)) & predicted_name_tokens(predicted["speaker"]))
    return mention, mention


def score(gold_articles: list[dict], system: dict[str, list[dict]]) -> dict:
    """The scorer's figures for gold articles and predicted quotes keyed by article id."""
    kinds = ("name", "pronoun", "nominal")
    cues = ("adjacent", "not_adjacent", "no_cue")
    t = Counter()
    kind_all = Counter({k: 0 for k in kinds})
    by_kind = {k: Counter(gold=0, quote_found=0, correct=0) for k in kinds}
    acc_kind = {k: Counter(matched=0, mention=0, name=0) for k in kinds}
    by_cue = {k: Counter(gold=0, quote_found=0, correct=0) for k in cues}
    for art in gold_articles:
        text, gold = art["text"], art["quotes"]
        preds = [system_quote(q) for q in system.get(art["id"], [])]
        g2p, exact = match_quotes(text, gold, preds)
        t["gold"] += len(gold)
        t["pred"] += len(preds)
        t["matched"] += len(g2p)
        t["exact"] += exact
        excluded = 0
        for gi, q in enumerate(gold):
            speaker, pi = q.get("speaker"), g2p.get(gi)
            if not speaker:
                t["e2e_excl_gold"] += 1
                excluded += pi is not None
                continue
            kind = speaker_kind(text, _pieces(speaker))
            cue = cue_position(text, q["start"], q["end"], q.get("cue"))
            kind_all[kind] += 1
            t["spk_gold"] += 1
            by_kind[kind]["gold"] += 1
            by_cue[cue]["gold"] += 1
            if pi is None:
                continue
            by_kind[kind]["quote_found"] += 1
            by_cue[cue]["quote_found"] += 1
            mention, name_ok = speaker_checks(text, speaker, preds[pi])
            t["spk_matched"] += 1
            acc_kind[kind]["matched"] += 1
            t["mention"] += mention
            t["name"] += name_ok
            acc_kind[kind]["mention"] += mention
            acc_kind[kind]["name"] += name_ok
            if mention or name_ok:
                t["correct"] += 1
                by_kind[kind]["correct"] += 1
                by_cue[cue]["correct"] += 1
        t["e2e_excl_pred"] += excluded
        t["e2e_pred"] += len(preds) - excluded
    P, R, F = _prf(t["matched"], t["pred"], t["gold"])
    eP, eR, eF = _prf(t["exact"], t["pred"], t["gold"])
    xP, xR, xF = _prf(t["correct"], t["e2e_pred"], t["spk_gold"])
    return {
        "articles": {"gold": len(gold_articles),
                     "system": sum(1 for a in gold_articles if a["id"] in system),
                     "missing_in_system": sum(1 for a in gold_articles if a["id"] not in system)},
        "quotes": {"gold": t["gold"], "predicted": t["pred"], "matched": t["matched"],
                   "precision": P, "recall": R, "f1": F, "exact_matches": t["exact"],
                   "exact_precision": eP, "exact_recall": eR, "exact_f1": eF},
        "speaker": {"gold_quotes_with_speaker": t["spk_gold"],
                    "gold_speaker_kinds": dict(kind_all),
                    "matched_with_gold_speaker": t["spk_matched"],
                    "mention_correct": t["mention"],
                    "mention_accuracy": _ratio(t["mention"], t["spk_matched"]),
                    "name_correct": t["name"],
                    "name_accuracy": _ratio(t["name"], t["spk_matched"]),
                    "either_correct": t["correct"],
                    "either_accuracy": _ratio(t["correct"], t["spk_matched"]),
                    "by_kind": {k: dict(v, mention_accuracy=_ratio(v["mention"], v["matched"]),
                                        name_accuracy=_ratio(v["name"], v["matched"]))
                                for k, v in acc_kind.items()}},
        "end_to_end": {"gold": t["spk_gold"], "predicted": t["e2e_pred"], "correct": t["correct"],
                       "precision": xP, "recall": xR, "f1": xF,
                       "excluded_gold_without_speaker": t["e2e_excl_gold"],
                       "excluded_predictions_matched_to_them": t["e2e_excl_pred"]},
        "recall_by_speaker_kind": {k: dict(v, recall=_ratio(v["correct"], v["gold"])) for k, v in by_kind.items()},
        "recall_by_cue": {k: dict(v, recall=_ratio(v["correct"], v["gold"])) for k, v in by_cue.items()},
    }


def render(res: dict, gold_path: str, system_path: str) -> str:
    """The scorer's table, line for line."""
    q, s, x, a = res["quotes"], res["speaker"], res["end_to_end"], res["articles"]
    k = s["gold_speaker_kinds"]
    out = [
        f'gold:   {gold_path}  ({a["gold"]} articles)',
        f'system: {system_path}  ({a["system"]} articles, {a["missing_in_system"]} missing)',
        "",
        "(a) quote extraction          P       R       F1     counts",
        f'    overlap >= 50%         {q["precision"]:6.1%}  {q["recall"]:6.1%}  {q["f1"]:6.1%}'
        f'   matched {q["matched"]} / pred {q["predicted"]} / gold {q["gold"]}',
        f'    exact span             {q["exact_precision"]:6.1%}  {q["exact_recall"]:6.1%}'
        f'  {q["exact_f1"]:6.1%}   exact {q["exact_matches"]}',
        "",
        f'(b) speaker attribution on {s["matched_with_gold_speaker"]} matched gold quotes with a '
        f'speaker (gold speakers: {k["name"]} name, {k["pronoun"]} pronoun, {k["nominal"]} nominal)',
        f'    mention accuracy       {s["mention_accuracy"]:6.1%}   ({s["mention_correct"]})',
        f'    name accuracy          {s["name_accuracy"]:6.1%}   ({s["name_correct"]})',
        f'    either                 {s["either_accuracy"]:6.1%}   ({s["either_correct"]})',
    ]
    for kind, v in s["by_kind"].items():
        out.append(f'      {kind:<9} matched {v["matched"]:5d}  mention {v["mention_accuracy"]:6.1%}'
                   f'  name {v["name_accuracy"]:6.1%}')
    out += [
        "",
        "(c) end-to-end (quote, speaker) P       R       F1     counts",
        f'                           {x["precision"]:6.1%}  {x["recall"]:6.1%}  {x["f1"]:6.1%}'
        f'   correct {x["correct"]} / pred {x["predicted"]} / gold {x["gold"]}',
        f'    (left out: {x["excluded_gold_without_speaker"]} gold quotes without a speaker, '
        f'{x["excluded_predictions_matched_to_them"]} predictions matched to them)',
        "    recall by gold speaker kind:",
    ]
    for kind, v in res["recall_by_speaker_kind"].items():
        out.append(f'      {kind:<13} {v["recall"]:6.1%}   ({v["correct"]}/{v["gold"]}, quote found {v["quote_found"]})')
    out.append("    recall by cue position:")
    for kind, v in res["recall_by_cue"].items():
        out.append(f'      {kind:<13} {v["recall"]:6.1%}   ({v["correct"]}/{v["gold"]}, quote found {v["quote_found"]})')
    return "\n".join(out)


CALIBRATION_BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def calibration(gold_articles: list[dict], system: dict[str, list[dict]]) -> list[dict]:
    """How often predictions are right, by their confidence.

    A prediction is right when it matches a gold quote and names its speaker
    (mention or name, as in the end-to-end figure); one matched to a gold quote
    without a speaker is left out, and one matching no gold quote is wrong.
    """
    rows = [dict(low=lo, high=hi, predicted=0, correct=0)
            for lo, hi in zip(CALIBRATION_BINS, CALIBRATION_BINS[1:])]
    for art in gold_articles:
        text, gold = art["text"], art["quotes"]
        raw = system.get(art["id"], [])
        preds = [system_quote(q) for q in raw]
        g2p, _ = match_quotes(text, gold, preds)
        p2g = {p: g for g, p in g2p.items()}
        for pi, q in enumerate(raw):
            gi = p2g.get(pi)
            if gi is not None and not gold[gi].get("speaker"):
                continue
            right = gi is not None and any(speaker_checks(text, gold[gi]["speaker"], preds[pi]))
            row = next(r for r in rows if r["low"] <= q.get("confidence", 0.0) < r["high"])
            row["predicted"] += 1
            row["correct"] += right
    for row in rows:
        row["accuracy"] = _ratio(row["correct"], row["predicted"])
    return rows


def render_calibration(rows: list[dict]) -> str:
    out = ["(d) calibration: end-to-end correct by confidence",
           "    confidence      predicted  correct  accuracy"]
    for row in rows:
        high = min(row["high"], 1.0)
        out.append(f'    [{row["low"]:.2f}, {high:.2f}{")" if row["high"] <= 1.0 else "]"}  {row["predicted"]:9d}'
                   f'  {row["correct"]:7d}  {row["accuracy"]:7.1%}')
    at_least = [r for r in rows if r["low"] >= 0.9]
    n, c = sum(r["predicted"] for r in at_least), sum(r["correct"] for r in at_least)
    out.append(f"    confidence >= 0.90: {c}/{n} correct ({_ratio(c, n):.1%})")
    return "\n".join(out)
