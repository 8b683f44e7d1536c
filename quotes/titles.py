"""The words titles and roles are made of, shared by names.py, roles.py and the speaker entities.

General English only: no list names a particular person, organisation or
outlet.  Three uses:
  - the name recogniser cuts a title off the person name after it
    (`Spokeswoman Haley Morris`, `German Chancellor Angela Merkel`);
  - roles.py reads a role phrase (`former Wisconsin Gov.`, `talk radio host`,
    `Republican presidential nominee`) into a role and the organisation it
    belongs to;
  - name_forms.py strips such words off a name to get its canonical form.
"""

from __future__ import annotations

from functools import lru_cache

# Nouns that name a position a person holds; a phrase must have one to be a role.
ROLE_HEADS = frozenset("""
minister secretary president spokesman spokeswoman spokesperson spokespeople leader director chief
commander general ambassador senator representative governor mayor chairman chair chairwoman
chairperson ceo cfo coo founder co-founder cofounder official officer head deputy adviser advisor aide analyst
professor judge justice attorney prosecutor editor correspondent reporter king queen prince princess
envoy coordinator manager executive member lawmaker congressman congresswoman councilman councilwoman
councillor alderman assemblyman assemblywoman legislator delegate candidate nominee contender front-runner
frontrunner strategist pollster consultant lobbyist economist researcher expert colonel captain lieutenant
sergeant admiral marshal premier chancellor speaker whip treasurer comptroller auditor
president-elect mp minister-designate emir sheikh cleric imam rabbi pastor bishop cardinal pope ayatollah
commissioner inspector superintendent sheriff chief-of-staff counsel lawyer scientist doctor physician
activist organizer organiser campaigner owner partner fellow scholar historian author writer
columnist commentator host co-host anchor producer publisher coach player striker chairman-elect
administrator administration vice-president vice-chair vice-chairman secretary-general secretary-treasurer
dean provost principal trustee regent director-general surgeon diplomat committeeman committeewoman
teacher nurse farmer engineer accountant banker businessman businesswoman entrepreneur investor
firefighter soldier pilot detective agent coordinator negotiator journalist photographer filmmaker
actor actress singer comedian novelist poet playwright artist musician sociologist psychologist
political-scientist demographer statistician pundit blogger architect associate
""".split())
# Words that modify a role head inside a title (`Foreign Minister`, `Crown Prince`, `Minority Leader`).
ROLE_MODIFIERS = frozenset("""
foreign press senior deputy vice prime defense defence interior finance chief executive assistant acting
former top national security communications state general principal associate managing political
military supreme interim first second junior lead special crown majority minority ranking presiding
attorney lieutenant retired outgoing incoming then founding honorary emeritus adjunct visiting incumbent
presidential vice-presidential gubernatorial congressional legislative parliamentary shadow
""".split())
# A minister's portfolio (`Home Secretary`, `Minister of Education`): part of the title, not an
# organisation, when a title word follows it (`Home Depot CEO` is a company's).
PORTFOLIOS = frozenset("""
home health education justice environment energy transport transportation trade culture agriculture
commerce treasury housing immigration labor economy veterans homeland affairs
""".split())
# Abbreviated titles, written out in roles (`Sen.` → Senator, `Lt. Gen.` → Lieutenant General).
ABBREVIATED_TITLES = {
    "sen": "Senator", "sens": "Senator", "rep": "Representative", "reps": "Representative",
    "gov": "Governor", "govs": "Governor", "lt": "Lieutenant", "gen": "General", "col": "Colonel",
    "maj": "Major", "capt": "Captain", "sgt": "Sergeant", "cpl": "Corporal", "adm": "Admiral",
    "cmdr": "Commander", "rev": "Reverend", "atty": "Attorney", "supt": "Superintendent",
    "amb": "Ambassador", "sec": "Secretary", "pres": "President", "prof": "Professor", "insp": "Inspector",
    "gens": "General", "cdr": "Commander", "asst": "Assistant", "dep": "Deputy",
}
# Words before a name that address rather than describe: no role of their own; the gender they
# give, where they give one.
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "sir": "m", "dame": "f",
              "lord": "m", "lady": "f", "madam": "f", "mister": "m", "madame": "f", "mme": "f", "mlle": "f",
              "monsieur": "m", "messrs": None}
# Adjectives that judge or date a person rather than name a position; dropped from roles.
EVALUATIVE = frozenset("""
longtime long-time conservative liberal progressive moderate prominent influential outspoken
controversial well-known popular embattled beleaguered respected renowned famed famous noted
self-described self-proclaimed so-called billionaire millionaire fiery firebrand close closest trusted
""".split())
# Capitalised adjectives that describe a person's faith or origin, not whom they work for.
DESCRIPTIVE = frozenset("""
muslim christian jewish catholic protestant evangelical mormon hindu buddhist sikh black white latino
latina hispanic asian arab african indigenous native gay lesbian
""".split())
# Party-family adjectives: written in a role phrase they name the party (`Republican
# presidential nominee` → `presidential nominee` of the Republican Party).
PARTY_ADJECTIVES = {
    "republican": "Republican Party", "democratic": "Democratic Party", "democrat": "Democratic Party",
    "libertarian": "Libertarian Party", "labour": "Labour Party", "conservative": "Conservative Party",
    "socialist": "Socialist Party", "communist": "Communist Party", "green": "Green Party",
}
# Members of a party as a body (`Democrats`, `House Republicans`): a group, never a he or she.
PARTY_PLURALS = frozenset({"republicans", "democrats", "libertarians", "conservatives", "socialists",
                           "communists", "tories", "greens", "liberals"})
# A demonym in a role phrase names the country the role belongs to (`Italian Prime Minister`).
DEMONYMS = {
    "american": "United States", "british": "Britain", "french": "France", "german": "Germany",
    "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal", "russian": "Russia",
    "chinese": "China", "japanese": "Japan", "iranian": "Iran", "iraqi": "Iraq", "israeli": "Israel",
    "palestinian": "Palestine", "syrian": "Syria", "turkish": "Turkey", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "mexican": "Mexico", "canadian": "Canada", "australian": "Australia",
    "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan", "ukrainian": "Ukraine",
    "polish": "Poland", "dutch": "Netherlands", "greek": "Greece", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "irish": "Ireland",
    "scottish": "Scotland", "welsh": "Wales", "brazilian": "Brazil", "argentine": "Argentina",
    "venezuelan": "Venezuela", "colombian": "Colombia", "cuban": "Cuba", "lebanese": "Lebanon",
    "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates", "yemeni": "Yemen",
    "libyan": "Libya", "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia",
    "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria", "hungarian": "Hungary",
    "czech": "Czech Republic", "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "croatian": "Croatia", "filipino": "Philippines", "indonesian": "Indonesia", "malaysian": "Malaysia",
    "thai": "Thailand", "vietnamese": "Vietnam", "korean": "Korea", "taiwanese": "Taiwan",
    "kuwaiti": "Kuwait", "bahraini": "Bahrain", "omani": "Oman", "algerian": "Algeria",
    "moroccan": "Morocco", "tunisian": "Tunisia", "sudanese": "Sudan", "somali": "Somalia",
    "chilean": "Chile", "peruvian": "Peru", "bolivian": "Bolivia", "ecuadorian": "Ecuador",
    "haitian": "Haiti", "jamaican": "Jamaica", "icelandic": "Iceland", "estonian": "Estonia",
    "latvian": "Latvia", "lithuanian": "Lithuania", "georgian": "Georgia", "armenian": "Armenia",
    "azerbaijani": "Azerbaijan", "belarusian": "Belarus", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan",
    "afghani": "Afghanistan", "bangladeshi": "Bangladesh", "nepali": "Nepal", "sri lankan": "Sri Lanka",
    "european": "European Union",
}
# US states as party tags abbreviate them (`(D-Mass.)`, `(I-Vt.)`), AP style and postal.
STATE_ABBREVIATIONS = {
    "ala": "Alabama", "al": "Alabama", "alaska": "Alaska", "ak": "Alaska", "ariz": "Arizona", "az": "Arizona",
    "ark": "Arkansas", "ar": "Arkansas", "calif": "California", "ca": "California", "colo": "Colorado",
    "co": "Colorado", "conn": "Connecticut", "ct": "Connecticut", "del": "Delaware", "de": "Delaware",
    "fla": "Florida", "fl": "Florida", "ga": "Georgia", "hawaii": "Hawaii", "hi": "Hawaii", "idaho": "Idaho",
    "id": "Idaho", "ill": "Illinois", "il": "Illinois", "ind": "Indiana", "in": "Indiana", "iowa": "Iowa",
    "ia": "Iowa", "kan": "Kansas", "kans": "Kansas", "ks": "Kansas", "ky": "Kentucky", "la": "Louisiana",
    "maine": "Maine", "me": "Maine", "md": "Maryland", "mass": "Massachusetts", "ma": "Massachusetts",
    "mich": "Michigan", "mi": "Michigan", "minn": "Minnesota", "mn": "Minnesota", "miss": "Mississippi",
    "ms": "Mississippi", "mo": "Missouri", "mont": "Montana", "mt": "Montana", "neb": "Nebraska",
    "ne": "Nebraska", "nev": "Nevada", "nv": "Nevada", "n.h": "New Hampshire", "nh": "New Hampshire",
    "n.j": "New Jersey", "nj": "New Jersey", "n.m": "New Mexico", "nm": "New Mexico", "n.y": "New York",
    "ny": "New York", "n.c": "North Carolina", "nc": "North Carolina", "n.d": "North Dakota",
    "nd": "North Dakota", "ohio": "Ohio", "oh": "Ohio", "okla": "Oklahoma", "ok": "Oklahoma", "ore": "Oregon",
    "or": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "ri": "Rhode Island", "s.c": "South Carolina",
    "sc": "South Carolina", "s.d": "South Dakota", "sd": "South Dakota", "tenn": "Tennessee", "tn": "Tennessee",
    "texas": "Texas", "tex": "Texas", "tx": "Texas", "utah": "Utah", "ut": "Utah", "vt": "Vermont",
    "va": "Virginia", "wash": "Washington", "wa": "Washington", "w.va": "West Virginia", "wv": "West Virginia",
    "wis": "Wisconsin", "wi": "Wisconsin", "wyo": "Wyoming", "wy": "Wyoming",
}
# Gender a role noun gives its holder (`spokeswoman`), for pronouns.
ROLE_GENDER = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "congressman": "m",
               "congresswoman": "f", "councilman": "m", "councilwoman": "f", "assemblyman": "m",
               "assemblywoman": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
               "businessman": "m", "businesswoman": "f", "alderman": "m", "wife": "f", "husband": "m",
               "mother": "f", "father": "m", "daughter": "f", "son": "m", "sister": "f", "brother": "m"}


@lru_cache(maxsize=1 << 14)
def bare(word: str) -> str:
    """A word as the tables list it: lower case, no closing period (`Sen.` → `sen`)."""
    return word.lower().rstrip(".").replace("’", "'")


def expand(word: str) -> str:
    """An abbreviated title written out (`Sen.` → `Senator`, `Lt.` → `Lieutenant`); else the word."""
    return ABBREVIATED_TITLES.get(bare(word), word) if word.endswith(".") else word


def is_title_word(word: str) -> bool:
    """A word that can stand in a title before a name: a role noun, its modifier or an abbreviation."""
    low = bare(word)
    return (low in ROLE_HEADS or low in ROLE_MODIFIERS or low in PORTFOLIOS
            or (word.endswith(".") and low in ABBREVIATED_TITLES))


def party_word(word: str) -> str:
    """`democrat` and `democratic` as one party word."""
    return "democratic" if word == "democrat" else word


def placed(word: str) -> bool:
    """A capitalised word with a lower-case hyphenated tail (`Austin-based`, `Texas-born`):
    where someone is from, not whom they work for nor part of their name."""
    head, _, tail = word.partition("-")
    return bool(tail) and head[:1].isupper() and tail[:1].islower()


def is_role_head(word: str) -> bool:
    """Whether a word names a position: a role noun (or a part of a hyphenated one:
    `co-host`, `playwright-in-residence`) or an abbreviated title."""
    low = bare(word)
    if word.endswith(".") and low in ABBREVIATED_TITLES:
        return True
    return low in ROLE_HEADS or ("-" in low and any(part in ROLE_HEADS for part in low.split("-")))


# Dates are never speakers.  April, May, June, August and Jan are left out: they are names too
# (`Theresa May said`).
CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march july september october
november december feb sept oct nov dec
""".split())
