"""Load the trained artifacts that ship in this folder (see README.md here).

Everything is read from the package itself, never from NLTK's data path, so
parsing works where `nltk.download()` cannot.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

MODELS = Path(__file__).resolve().parent


def load_json(name: str):
    """A shipped JSON artifact, gzipped or not."""
    path = MODELS / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


_FLAGS = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII)


def _stdlib(pattern) -> re.Pattern:
    """One of Punkt's fixed patterns compiled by `re`.  NLTK 3.10 runs every pattern
    through the `regex` engine under a timeout (nltk.redos), a guard meant for patterns
    callers supply; on Punkt's own ones it only costs a tenth of our parsing time."""
    return re.compile(pattern.pattern, int(pattern.flags) & _FLAGS)


class _Token(PunktToken):
    __slots__ = ()
    _RE_ELLIPSIS = _stdlib(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _stdlib(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _stdlib(PunktToken._RE_INITIAL)
    _RE_ALPHA = _stdlib(PunktToken._RE_ALPHA)
    _RE_NON_PUNCT = re.compile(r"[^\W\d]")

    @property
    def is_non_punct(self):
        return self._RE_NON_PUNCT.search(self.type)


class _LanguageVars(PunktLanguageVars):
    __slots__ = ()
    re_boundary_realignment = _stdlib(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self):
        pattern = super()._word_tokenizer_re()
        if not isinstance(pattern, re.Pattern):
            pattern = self._re_word_tokenizer = _stdlib(pattern)
        return pattern

    def period_context_re(self):
        pattern = super().period_context_re()
        if not isinstance(pattern, re.Pattern):
            pattern = self._re_period_context = _stdlib(pattern)
        return pattern


class FastPunkt(PunktSentenceTokenizer):
    """NLTK's Punkt, deciding the plain cases itself.

    Punkt annotates every candidate boundary with its full token machinery.  A `!`
    or `?`, or a period after an ordinary word that is no abbreviation and forms no
    collocation with the next word, is a break whatever the annotation says, so
    those skip it; everything else (abbreviations, initials, numbers, ellipses)
    goes to Punkt unchanged.  tests/test_sentences.py checks the two agree.
    """

    _CONTEXT = re.compile(r"(?P<word>\S*?)(?P<punct>[.!?]+)(?P<close>[\"'”’)\]]*)\s+(?P<next>\S+)$")

    def text_contains_sentbreak(self, text: str) -> bool:
        m = self._CONTEXT.match(text)
        if m:
            word, punct = m.group("word"), m.group("punct")
            if punct in ("!", "?"):
                return True
            if (punct == "." and len(word) > 1 and word.isalpha()
                    and word.lower() not in self._params.abbrev_types
                    and (word.lower(), m.group("next").lower()) not in self._params.collocations):
                return True
        return super().text_contains_sentbreak(text)


@cache
def punkt() -> PunktSentenceTokenizer:
    data = load_json("punkt.json.gz")
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho_context"])
    return FastPunkt(params, lang_vars=_LanguageVars(), token_cls=_Token)
