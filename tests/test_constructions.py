"""Golden cases for each construction the parser must handle, negatives included.

The articles are short and written for these tests; each case names the
quote (by its first words), the speaker, and what else must hold.
"""

import pytest

from quotes.pipeline import extract_quotes
from parsed import quote_starting


def check_offsets(text, quotes):
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


CASES = [
    pytest.param(
        "Defense Secretary Maria Lopez visited the base on Tuesday.\n\n"
        "“We will not be intimidated by these attacks,” she said.",
        "We will not be intimidated", "Maria Lopez", "person", "she",
        id="pronoun-after-quote"),
    pytest.param(
        "John Kirby spoke at the Pentagon on Friday.\n\n"
        "“The strikes were proportionate and lawful,” said Kirby.",
        "The strikes were proportionate", "John Kirby", "person", "Kirby",
        id="inverted-cue-surname"),
    pytest.param(
        "The health minister, Amara Okafor, addressed parliament.\n\n"
        "Okafor told reporters: “The vaccine supply will double by March.”",
        "The vaccine supply will double", "Amara Okafor", "person", "Okafor",
        id="colon-lead-in-told-reporters"),
    pytest.param(
        "Talks continued late into the night. According to Daniel Mbeki, “the sides are close to a deal.”",
        "the sides are close to a deal", "Daniel Mbeki", "person", "Daniel Mbeki",
        id="according-to"),
    pytest.param(
        "“We categorically reject these allegations,” the World Health Organization said in a statement.",
        "We categorically reject", "World Health Organization", "organization", "World Health Organization",
        id="said-in-a-statement"),
    pytest.param(
        "Protests spread to three more cities overnight.\n\n"
        "“Our members will stay on the streets until the law is withdrawn,” a statement by the "
        "National Teachers Union said.",
        "Our members will stay", "National Teachers Union", "organization",
        "a statement by the National Teachers Union",
        id="statement-by-org"),
    pytest.param(
        "The ceasefire held for a second day. “People are tired of war,” a source close to the "
        "negotiations said.",
        "People are tired of war", "anonymous source", "anonymous", "a source close to the negotiations",
        id="anonymous-source"),
    pytest.param(
        "Senator Paul Reyes criticised the budget. “It is a reckless plan,” Reyes said. "
        "“It will leave our children with the bill.”",
        "It will leave our children", "Paul Reyes", "person", None,
        id="continuation-without-cue"),
    pytest.param(
        "Mayor Linda Chu said the city had “no choice but to close the bridge” after the storm.",
        "no choice but to close the bridge", "Linda Chu", "person", "Mayor Linda Chu",
        id="partial-quote"),
    pytest.param(
        "Senator Ann Mills and Governor Ray Ortiz debated taxes in Denver on Monday.\n\n"
        "When Ortiz called the plan reckless, Mills shot back, “The plan pays for itself.”",
        "The plan pays for itself", "Ann Mills", "person", "Mills",
        id="two-word-cue-after-surname"),
    pytest.param(
        "Senator Ann Mills and Governor Ray Ortiz met in Denver on Monday.\n\n"
        "Ortiz forwards an email with the subject line “The plan pays for itself” to his staff.",
        "The plan pays for itself", "Ray Ortiz", "person", None,
        id="verb-taken-for-noun-after-surname"),
    pytest.param(
        "“Taxes must fall,” Senator Ann Mills said in Denver on Monday.\n\n"
        "“The plan pays for itself and then some.”\n\n— Ray Ortiz, at the debate\n\nThe claim is doubtful.",
        "The plan pays for itself", "Ray Ortiz", "person", "Ray Ortiz",
        id="signature-under-a-quote"),

    pytest.param(
        "Governor Ellen Marsh met the press on Monday. Marsh criticized Tom Becker and said the "
        "proposal was “a gift to insurers.”",
        "a gift to insurers", "Ellen Marsh", "person", "Marsh",
        id="object-before-and-said-is-no-subject"),
    pytest.param(
        "Senator Ray Ostrowski backed the measure in March, but only after weeks of hesitation, telling "
        "donors he was “not ready to commit.”",
        "not ready to commit", "Ray Ostrowski", "person", None,
        id="comma-conjunction-is-no-apposition"),
    pytest.param(
        "Even before Francis' remarks about him, Mr. Hale had described the bishop as “a partisan figure.”",
        "a partisan figure", "Hale", "person", "Hale",
        id="bare-apostrophe-possessor-is-no-subject"),
    pytest.param(
        "Like Ostrowski, Delgado also opposed the bill, arguing that there is “no money left for schools.”",
        "no money left for schools", "Delgado", "person", "Delgado",
        id="capitalised-preposition-and-clause-after-comma"),
    pytest.param(
        "The investor Mark Cuban spoke at length.\n\nCuban also complained that the senator is too rigid, "
        "suggesting the first-term senator sees politics as “a game of absolutes.”",
        "a game of absolutes", "Mark Cuban", "person", "Cuban",
        id="surname-read-as-adjective-opening-a-sentence"),
    pytest.param(
        "Senator Ray Ostrowski, while visiting a factory in Ohio, called the tariffs “a tax on workers.”",
        "a tax on workers", "Ray Ostrowski", "person", "Ray Ostrowski",
        id="aside-after-a-name-and-a-thing-in-it"),
    pytest.param(
        "Governor Ellen Marsh welcomed the deal after Tom Becker signed it and said it was “a fair compromise.”",
        "a fair compromise", "Ellen Marsh", "person", "Ellen Marsh",
        id="second-verb-of-a-coordination-shares-the-subject"),
    pytest.param(
        "After Tom Becker signed the deal on Monday, Ellen Marsh criticized it and said it was “a giveaway to "
        "insurers.”",
        "a giveaway to insurers", "Ellen Marsh", "person", None,
        id="a-fronted-subordinate-clause-holds-no-main-subject"),
    pytest.param(
        "Cynthia Thompson, curator and director of exhibits at the University of Arkansas, Fayetteville, said, "
        "“These images serve as documentation of his life.”",
        "These images serve", "Cynthia Thompson", "person", "Cynthia Thompson",
        id="object-of-a-preposition-in-an-apposition-is-no-subject"),
    pytest.param(
        "Critics included the campaigner Caitlin Boswell, with Boswell stating: “The form is clumsy and unfair.”",
        "The form is clumsy", "Caitlin Boswell", "person", "Boswell",
        id="with-x-stating"),
    pytest.param(
        "During questions on Wednesday, Rishi Sunak defended the government's record whilst promising a “formal "
        "update” soon.",
        "formal update", "Rishi Sunak", "person", "Rishi Sunak",
        id="participle-after-a-subordinator-takes-the-main-subject"),
    pytest.param(
        "Tom Hale attacked the plan on Monday. Jane Smith, Clinton's running mate, said it was “a lifeline for "
        "farmers.”",
        "a lifeline for farmers", "Jane Smith", "person", "Jane Smith",
        id="apposition-with-a-possessor-and-a-participle"),
    pytest.param(
        "Senator Ann Mills and Governor Ray Ortiz met in Denver on Monday.\n\n"
        "Later, when Ortiz had gone, Mills pointed out that the plan was “already paid for.”",
        "already paid for", "Ann Mills", "person", "Mills",
        id="two-word-cue-point-out"),
    pytest.param(
        "Senator Ann Mills and Governor Ray Ortiz met in Denver on Monday.\n\n"
        "As the talks dragged on, Mills implied that Ortiz was “not serious about the budget.”",
        "not serious about the budget", "Ann Mills", "person", "Mills",
        id="implying-is-reporting"),
]


@pytest.mark.parametrize("text,words,speaker,kind,mention", CASES)
def test_speaker(text, words, speaker, kind, mention):
    quotes = extract_quotes(text)
    check_offsets(text, quotes)
    q = quote_starting(quotes, words)
    assert q.speaker == speaker
    assert q.speaker_kind == kind
    if mention is not None:
        assert q.speaker_start is not None
        said = text[q.speaker_start:q.speaker_end]
        assert said in mention or mention in said


def test_pronoun_agrees_in_gender_with_antecedent():
    text = ("Sarah Whitfield, the committee chair, met Robert Haines on Monday.\n\n"
            "“We made real progress today,” she said.")
    q = quote_starting(extract_quotes(text), "We made real progress")
    assert q.speaker == "Sarah Whitfield"


def test_multi_paragraph_quote_keeps_speaker():
    text = ("The governor, Ellen Marsh, spoke for twenty minutes. She said:\n\n"
            "“We have rebuilt the roads.\n\n"
            "“We have reopened the schools.\n\n"
            "“And we will not stop now.”")
    quotes = extract_quotes(text)
    check_offsets(text, quotes)
    assert [q.text for q in quotes] == ["We have rebuilt the roads.", "We have reopened the schools.",
                                        "And we will not stop now."]
    assert {q.speaker for q in quotes} == {"Ellen Marsh"}


def test_straight_and_doubled_apostrophe_quotes():
    text = ('"We are ready," said the spokesman, Omar Haddad. '
            "Later Haddad added: ''There will be no delay.''")
    quotes = extract_quotes(text)
    check_offsets(text, quotes)
    assert [q.text for q in quotes] == ["We are ready,", "There will be no delay."]
    assert all(q.speaker == "Omar Haddad" for q in quotes)


@pytest.mark.parametrize("left,right", [("‘", "’"), ("'", "'")])
def test_british_single_quotes_curly_or_straight(left, right):
    text = (f"The prime minister spoke to reporters in London on Monday. {left}We will not back down,{right} "
            f"Alan Price said. {left}This is about the future of the country's towns.{right}")
    quotes = extract_quotes(text)
    check_offsets(text, quotes)
    assert [q.text for q in quotes] == ["We will not back down,", "This is about the future of the country's towns."]
    assert {q.speaker for q in quotes} == {"Alan Price"}


@pytest.mark.parametrize("text", [
    "Back in the '90s, the party's leaders didn't campaign in the north, and the members' votes went "
    "elsewhere every single time, its organisers' records show.",
    "Fans said they would let 'em play on, and the players' union agreed to the new schedule on Monday, "
    "Alan Price said.",
    "He loved rock 'n' roll from the age of ten, and he played it every night of the week, Alan Price said.",
])
def test_apostrophes_are_no_single_quotes(text):
    assert extract_quotes(text) == []


def test_a_plural_possessive_inside_a_single_quote_does_not_close_it():
    text = "'The teachers' demands are fair and they should be met in full this year,' Alan Price said on Monday."
    assert [q.text for q in extract_quotes(text)] == [
        "The teachers' demands are fair and they should be met in full this year,"]


def test_single_quotes_nested_in_double_stay_inside():
    text = "“They told us ‘leave now’ and we left,” said Nadia Rahman, a resident of the camp."
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["They told us ‘leave now’ and we left,"]
    assert quotes[0].speaker == "Nadia Rahman"


def test_unbalanced_mark_does_not_swallow_the_article():
    text = ("The company called the results “strong.\n\n"
            "Shares rose 4 percent. “We expect more growth next year,” said chief executive Tom Ellis.")
    quotes = extract_quotes(text)
    check_offsets(text, quotes)
    q = quote_starting(quotes, "We expect more growth")
    assert q.speaker == "Tom Ellis"
    assert all("Shares rose" not in q.text for q in quotes)


@pytest.mark.parametrize("text,not_quote", [
    pytest.param("Ahmad “Abu Hussein” al-Hamidawi, the leader of the group, said the attacks would continue.",
                 "Abu Hussein", id="nickname"),
    pytest.param("The senator appeared on CNN’s “State of the Union” on Sunday and repeated his demands.",
                 "State of the Union", id="title-of-show"),
    pytest.param("Her new book, titled “The Long Road Home,” was published in May by a small press.",
                 "The Long Road Home", id="title-of-book"),
    pytest.param("Supporters of the so-called “alt-right” gathered outside the hall on Saturday.",
                 "alt-right", id="scare-quote"),
])
def test_not_speech(text, not_quote):
    assert not_quote not in [q.text.rstrip(",") for q in extract_quotes(text)]


def test_a_headline_quote_is_left_to_the_body():
    text = ("Kasich Says “We Are Going All The Way To Cleveland And Winning”\n\n"
            "Ohio Gov. John Kasich told supporters on Tuesday that “we are going to go all the way to Cleveland.”")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["we are going to go all the way to Cleveland."]


@pytest.mark.parametrize("lede,speaker", [
    ("“Make America Great Again,” said Donald Trump at the rally.", "Donald Trump"),
    ("“Black Lives Matter,” Hillary Clinton said Tuesday.", "Hillary Clinton"),
])
def test_a_title_case_quote_in_a_first_sentence_is_no_headline(lede, speaker):
    quotes = extract_quotes(lede + "\n\nThe crowd cheered.")
    assert [q.speaker for q in quotes] == [speaker]


def test_a_sentence_case_first_paragraph_keeps_its_quote():
    text = ("“We are going all the way,” Ohio Gov. John Kasich told supporters on Tuesday.\n\n"
            "He spoke in Cleveland.")
    assert [q.text for q in extract_quotes(text)] == ["We are going all the way,"]


@pytest.mark.parametrize("text,words,role,organization", [
    pytest.param("Ahmad al-Rashid, the leader of the Popular Front, said on Sunday that talks had failed. "
                 "“We are done negotiating,” he said.",
                 "We are done negotiating", "leader of the Popular Front", "Popular Front", id="apposition"),
    pytest.param("Iran’s Foreign Minister Hossein Amir-Abdollahian warned on Monday of escalation. "
                 "“Time is running out,” he said.",
                 "Time is running out", "Foreign Minister", "Iran", id="title-with-possessive-owner"),
    pytest.param("Pentagon Press Secretary John Kirby briefed reporters. “The strikes were limited,” Kirby said.",
                 "The strikes were limited", "Press Secretary", "Pentagon", id="title-with-org-prefix"),
    pytest.param("Maria Santos, who heads the National Nurses Association, spoke at the rally. "
                 "“Nurses are exhausted,” Santos said.",
                 "Nurses are exhausted", "head of National Nurses Association", "National Nurses Association",
                 id="who-heads"),
])
def test_roles(text, words, role, organization):
    q = quote_starting(extract_quotes(text), words)
    assert q.role == role
    assert q.organization == organization


def test_direct_and_partial_types():
    text = ("The agency confirmed that one drone caused “minor injuries” to soldiers. "
            "“Two drones were intercepted,” the agency said.")
    quotes = extract_quotes(text)
    assert quote_starting(quotes, "minor injuries").type == "partial"
    assert quote_starting(quotes, "Two drones").type == "direct"


def test_a_finite_verb_ends_a_noun_phrase():
    from quotes.mentions import find_mentions
    from quotes.tokens import tokenize
    text = "Cuban said the first-term senator sees politics as a game."
    mentions = [m.text for m in find_mentions(text, tokenize(text), [])]
    assert "the first-term senator" in mentions
    assert not any("sees" in m for m in mentions)


@pytest.mark.parametrize("signed, label", [
    ("— Ray Ortiz, at the debate", "Ray Ortiz"),
    ("Ray Ortiz.", "Ray Ortiz"),
    ("Ray Ortiz spoke next and said little.", None),
])
def test_a_line_under_a_lone_quote_signs_it(signed, label):
    from quotes.pipeline import analyse
    text = f"Taxes were the theme of the night.\n\n“The plan pays for itself and then some.”\n\n{signed}\n\nThe end."
    [ctx] = analyse(text).contexts
    assert (ctx.label.text if ctx.label else None) == label


@pytest.mark.parametrize("text, mentions", [
    ("Cuban said the senator backed tax cuts.", ["the senator"]),
    ("Cuban said the senators need votes.", ["the senators"]),
    ("Cuban said the retired general disagreed.", ["the retired general"]),
])
def test_a_verb_after_the_head_ends_a_noun_phrase(text, mentions):
    from quotes.mentions import find_mentions
    from quotes.tokens import tokenize
    found = [m.text for m in find_mentions(text, tokenize(text), [])]
    assert all(m in found for m in mentions)


@pytest.mark.parametrize("sentence, cue", [
    ("Mills pointed out that the plan was “already paid for.”", "pointed out"),
    ("Mills implied that Ortiz was “not serious about the budget.”", "implied"),
    ("Mills mentioned that the plan was “already paid for.”", "mentioned"),
    ("Mills bemoaned that the decade was “lost for good.”", "bemoaned"),
])
def test_the_cue_is_reported_as_written(sentence, cue):
    [q] = extract_quotes("Senator Ann Mills met Governor Ray Ortiz on Monday.\n\n" + sentence)
    assert (q.speaker, q.cue) == ("Ann Mills", cue)


@pytest.mark.parametrize("verb", ["pounding", "attacking", "targeting"])
def test_the_object_of_a_verb_is_its_target_not_its_speaker(verb):
    text = ("“We will win Nevada,” Donald Trump said on Monday.\n\n"
            f"Senate Minority Leader Harry Reid (D-Nev.), in particular, has been steadily {verb} Trump as a "
            "“human leech who will bleed the country.”")
    q = quote_starting(extract_quotes(text), "human leech")
    assert q.speaker == "Harry Reid"


@pytest.mark.parametrize("sentence", [
    "The team sits two points out of a playoff spot after a “disappointing” season.",
    "The mere mention of “tariffs” drew boos from the crowd.",
])
def test_words_that_only_look_like_cues(sentence):
    """`points out of` is no `point out`, the noun `mention` no `mentioned`."""
    quotes = extract_quotes("Senator Ann Mills met Governor Ray Ortiz on Monday.\n\n" + sentence)
    assert all(q.cue not in ("points out", "mention") for q in quotes)
