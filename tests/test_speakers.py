"""Golden cases for speakers as entities: canonical names, kinds, roles and organisations.

Each text is written for these tests (no corpus text).  The end-to-end cases
name a quote by its first words and say who said it, with what role; the
entity cases build the article's entities and resolve one mention directly, so
they test quotes/entities.py whatever the attribution ranker chooses.
"""

import pytest

from quotes.entities import ArticleEntities
from quotes.names import find_names
from quotes.pipeline import analyse, extract_quotes
from parsed import quote_starting


def entities_of(text):
    return ArticleEntities(text, find_names(text))


def resolve(text, mention_text, where):
    """Resolve the speaker mention reading `mention_text` at the start of `where` in the text."""
    analysis = analyse(text)
    entities = ArticleEntities(text, analysis.names)
    start = text.index(where)
    for mentions in analysis.mentions:
        for m in mentions:
            if m.start == start and m.text == mention_text:
                return entities.resolve(m)
    raise AssertionError(f"no mention {mention_text!r} at {start}")


# -- who said it: the canonical speaker --------------------------------------------------

SPEAKERS = [
    pytest.param(
        "John Kirby spoke at the Pentagon on Friday. Kirby, the Pentagon's press secretary, took questions.\n\n"
        "“The strikes were limited,” Kirby said.",
        "The strikes were limited", "John Kirby", "person", id="surname-after-full-name"),
    pytest.param(
        "Larry King interviewed the candidate on Monday.\n\n"
        "“I have never seen a race like this,” Mr. King said.",
        "I have never seen", "Larry King", "person", id="honorific-surname"),
    pytest.param(
        "Sens. Jon Tester and Maria Alvarez wrote to the agency.\n\n"
        "“The rules are unworkable,” Tester said.",
        "The rules are unworkable", "Jon Tester", "person", id="plural-title-abbreviation"),
    pytest.param(
        "German Chancellor Angela Merkel arrived in Paris on Monday.\n\n"
        "“Europe must stand together,” Merkel said.",
        "Europe must stand together", "Angela Merkel", "person", id="title-glued-to-name"),
    pytest.param(
        "Republican Donald Trump held a rally in Iowa.\n\n"
        "“We will win big,” Trump said.",
        "We will win big", "Donald Trump", "person", id="party-glued-to-name"),
    pytest.param(
        "Ahmad al-Rashid, the leader of the Popular Front, said on Sunday that talks had failed. "
        "“We are done negotiating,” he said.",
        "We are done negotiating", "Ahmad al-Rashid", "person", id="pronoun-to-described-name"),
    pytest.param(
        "Maria Lopez criticised her fellow Democrats on Tuesday.\n\n"
        "“We cannot keep waiting,” she said.",
        "We cannot keep waiting", "Maria Lopez", "person", id="she-is-no-party"),
    pytest.param(
        "Sen. Bernie Sanders (I-Vt.) campaigned in Ohio.\n\n"
        "“The system is rigged,” the Vermont senator said.",
        "The system is rigged", "Bernie Sanders", "person", id="definite-description"),
    pytest.param(
        "Bernie Sanders urged Hillary Clinton to talk about jobs.\n\n“Talk about wages,” Sanders said. "
        "“Talk about trade,” Sanders added.\n\nClinton has not answered.\n\n"
        "“People want answers,” the Vermont senator said.",
        "People want answers", "Bernie Sanders", "person", id="description-of-the-one-the-story-quotes"),
    pytest.param(
        "Hillary Clinton Wins Over Young Voters In Ohio\n\nClinton spoke to students on Monday.\n\n"
        "“College should be free,” Clinton said.",
        "College should be free", "Hillary Clinton", "person", id="full-name-only-in-headline"),
    pytest.param(
        "Pentagon spokesman John Kirby briefed reporters on Friday. Officials said more strikes were possible.\n\n"
        "“We will not hesitate,” the spokesman said.",
        "We will not hesitate", "John Kirby", "person", id="the-spokesman"),
    pytest.param(
        "Polls tightened in Ohio. CNN reported the numbers on Monday.\n\n"
        "“We are confident,” the Clinton campaign said.",
        "We are confident", "Clinton campaign", "organization", id="named-campaign-is-its-own-body"),
    pytest.param(
        "Markets fell sharply on Monday.\n\n“Investors are nervous,” Reuters reported.",
        "Investors are nervous", "Reuters", "organization", id="one-word-speaker-no-person-bears"),
    pytest.param(
        "The Chicago Teachers Union voted to strike on Monday.\n\n"
        "“Our members have had enough,” the union said in a statement.",
        "Our members have had enough", "Chicago Teachers Union", "organization", id="the-union"),
    pytest.param(
        "The National Audit Office published a report on Tuesday about hospital waiting lists.\n\n"
        "“Waiting times have doubled since 2019,” the report says.",
        "Waiting times have doubled", "National Audit Office", "organization", id="report-by-issuer"),
    pytest.param(
        "The Court of Appeals for the Sixth Circuit ruled on Monday that the law could stand. Secretary of State "
        "Jon Husted welcomed the news.\n\n“The statute is constitutional,” the ruling said.",
        "The statute is constitutional", "Court of Appeals", "organization",
        id="ruling-of-the-court-that-ruled"),
    pytest.param(
        "A panel of the U.S. Court of Appeals for the Ninth Circuit heard the case in May. Governor Dale Ortiz "
        "defended the law.\n\nThe appeals court ruled on Friday that the law must go.\n\n"
        "“The statute cannot stand,” the ruling said.",
        "The statute cannot stand", "U.S. Court of Appeals for the Ninth Circuit", "organization",
        id="ruling-of-the-court-a-description-names"),
    pytest.param(
        "Governor Ellen Marsh sent a letter to the minister last week. Officials declined to comment.\n\n"
        "“The state cannot absorb these costs,” the letter said.",
        "The state cannot absorb", "Ellen Marsh", "person", id="letter-of-sender"),
    pytest.param(
        "Others have opposed the plan. In May, a group of nurses from three city hospitals sent a letter to the "
        "board urging it to reconsider.\n\n“Our patients cannot wait,” the letter reads.",
        "Our patients cannot wait", "group of nurses from three city hospitals", "anonymous",
        id="letter-of-a-described-sender"),
    pytest.param(
        "“Paying no tax makes me smart,” Governor Dale Ortiz said last week. His surrogates called him "
        "“a genius” for the plan.",
        "a genius", "His surrogates", "anonymous", id="possessor-is-not-the-speaker"),
    pytest.param(
        "It took a year before the utility released a report on the spill.\n\n“The damage is limited,” the report said.",
        "The damage is limited", None, "unknown", id="a-year-is-no-sender"),  # the utility would do too
]


@pytest.mark.parametrize("text,words,speaker,kind", SPEAKERS)
def test_canonical_speaker(text, words, speaker, kind):
    q = quote_starting(extract_quotes(text), words)
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


# -- namesakes ---------------------------------------------------------------------------

CLINTONS = ("Former President Bill Clinton campaigned in Ohio on Monday for his wife, Hillary Clinton.\n\n"
            "Hillary Clinton spoke in Iowa, where she outlined a plan for child care.\n\n")


@pytest.mark.parametrize("text,mention,speaker", [
    pytest.param(CLINTONS + "Clinton said she would fund it by closing loopholes.", "Clinton", "Hillary Clinton",
                 id="pronoun-gender-after-surname"),
    pytest.param(CLINTONS + "Bill Clinton toured a factory later. Clinton said, “This is a good day.”", "Clinton",
                 "Bill Clinton", id="namesake-named-nearby"),
    pytest.param(CLINTONS + "Polls showed a close race.\n\nHillary Clinton's campaign ran ads.\n\n"
                 "Turnout was low.\n\nVolunteers knocked on doors.\n\nClinton said, “We need every vote.”",
                 "Clinton", "Hillary Clinton", id="most-salient-at-a-distance"),
    pytest.param(CLINTONS + "Mr. Clinton said, “She is ready.”", "Clinton", "Bill Clinton", id="honorific-gender"),
    pytest.param(CLINTONS + "Polls showed a close race.\n\nTurnout was low.\n\nPresident Clinton said, “Vote.”",
                 "Clinton", "Bill Clinton", id="title-of-one-namesake"),
])
def test_shared_surname(text, mention, speaker):
    """The rule (quotes/entities.py): gender cue, else a namesake named in this or the
    previous paragraph, else the most often named so far."""
    position = text.rindex(mention)
    entities = entities_of(text)
    name = next(n for n in entities.names if n.start == position)
    assert entities.entity_at(name).name == speaker


def test_gender_from_the_pronoun_after_a_name():
    text = ("Mitt Romney met Carla Hayes in Boston.\n\nRomney said he would vote early.\n\n"
            "“The turnout will be high,” she said.")
    q = quote_starting(extract_quotes(text), "The turnout will be high")
    assert q.speaker == "Carla Hayes"


def test_pronoun_prefers_the_subject_over_a_nearer_object():
    text = ("Governor Alan Pruitt blamed Senator Dana Whitcombe for the delay on Monday.\n\n"
            "“It was a political stunt,” he said.")
    q = quote_starting(extract_quotes(text), "It was a political stunt")
    assert q.speaker == "Alan Pruitt"


def test_pronoun_prefers_the_sentence_subject():
    text = ("Another critic, Lawrence Tribble, likened the rules to theft.\n\n"
            "President Barack Obama dismissed the criticism as the voice of Mr. Tribble's client, a coal company. "
            "“You know, I like Larry,” he said.")
    q = quote_starting(extract_quotes(text), "You know, I like Larry")
    assert q.speaker == "Barack Obama"


def test_a_dateline_is_no_person():
    entities = entities_of("MIDWAY ATOLL — The president arrived on Thursday.")
    assert not [e for e in entities.entities if e.kind == "person"]


def test_description_gives_an_untitled_person_the_role():
    text = ("Bernie Sanders spoke in Ohio on Monday.\n\n“We will win,” Sanders said.\n\n"
            "The Vermont senator said the system was rigged.")
    q = quote_starting(extract_quotes(text), "We will win")
    assert (q.speaker, q.role, q.organization) == ("Bernie Sanders", "senator", "Vermont")


def test_description_fits_the_state_of_a_party_tag():
    text = ("Bernie Sanders (I-Vt.) drew a large crowd in Ohio. Hillary Clinton campaigned in Iowa.\n\n"
            "“The system is rigged,” the Vermont senator said.")
    q = quote_starting(extract_quotes(text), "The system is rigged")
    assert (q.speaker, q.role, q.organization) == ("Bernie Sanders", "senator", "Vermont")


def test_uncertain_description_names_nobody():
    """Two untitled people, and nothing known ties either to Vermont: no guess."""
    text = ("Bernie Sanders drew a large crowd in Ohio, a state Sanders won in the primary. Hillary Clinton "
            "campaigned in Iowa.\n\n“The system is rigged,” the Vermont senator said.")
    q = quote_starting(extract_quotes(text), "The system is rigged")
    assert q.speaker_kind != "person"


def test_namesakes_stay_apart():
    text = ("President Joe Biden pardoned his son Hunter Biden on Sunday.\n\n"
            "Hunter Biden thanked his father. Joe Biden said the case was political.")
    entities = entities_of(text)
    people = {e.name for e in entities.entities if e.kind == "person"}
    assert {"Joe Biden", "Hunter Biden"} <= people


def test_a_person_never_merges_with_an_organisation():
    text = ("Donald Trump spoke in Florida. The Trump Organization said the hotel would reopen.\n\n"
            "Trump said the company was thriving.")
    entities = entities_of(text)
    trump = [e for e in entities.entities if "Trump" in e.name]
    assert {(e.name, e.kind) for e in trump} == {("Donald Trump", "person"), ("Trump Organization", "organization")}


def test_aliases_gather_every_form():
    text = ("Rear Admiral John Kirby briefed reporters. Mr. Kirby said the strikes were limited.\n\n"
            "Kirby added that more were possible.")
    [kirby] = [e for e in entities_of(text).entities if e.name == "John Kirby"]
    assert {"John Kirby", "Kirby"} <= set(kirby.aliases)


# -- kinds from the article ----------------------------------------------------------------

@pytest.mark.parametrize("text,name,kind", [
    pytest.param("Ahmad al-Rashid, the leader of the Popular Front, spoke.", "Ahmad al-Rashid", "person",
                 id="apposition-makes-a-person"),
    pytest.param("Marty Suckling, who is executive director of the Center, spoke.", "Marty Suckling", "person",
                 id="who-makes-a-person"),
    pytest.param("Sean Hannity hosted the debate. Hannity said the ratings were high.", "Sean Hannity", "person",
                 id="surname-that-reports"),
    pytest.param("Analysts at Bank of America expect rates to fall.", "Bank of America", "organization",
                 id="organisation-head-noun"),
    pytest.param("House Democrats said the bill would fail.", "House Democrats", "organization", id="party-group"),
])
def test_entity_kind(text, name, kind):
    entities = entities_of(text)
    [entity] = [entities.entity_at(n) for n in entities.names if n.text == name]
    assert entity is not None and entity.kind == kind


@pytest.mark.parametrize("text", ["Bill Clinton signed the 1994 Crime Bill into law.",
                                  "Bill Clinton signed the Crime Bill into law."])
def test_no_person_is_the_someone(text):
    entities = entities_of(text)
    names = {n.text: entities.entity_at(n) for n in entities.names}
    assert names["Bill Clinton"].kind == "person"
    assert names.get("Crime Bill") is None


# -- resolving a chosen mention ---------------------------------------------------------------

@pytest.mark.parametrize("text,mention,where,speaker,role,organization", [
    pytest.param("“We will respond,” European Council President Donald Tusk said.", "European Council",
                 "European Council", "Donald Tusk", "President", "European Council",
                 id="body-in-a-title-is-no-speaker"),
    pytest.param("“We will act,” Senate Minority Leader Harry Reid said.", "Senate", "Senate", "Harry Reid",
                 "Minority Leader", "Senate", id="body-before-a-title-is-no-speaker"),
    pytest.param("The FBI reviewed the case for a year. Agents met the governor twice.\n\n"
                 "“No charges are warranted,” "
                 "the FBI's report said.", "the FBI's report", "the FBI's report", "FBI", None, None,
                 id="report-owned-by-its-issuer"),
    pytest.param("“The rules are clear,” said Senator Richard Shelby, the Alabama Republican who heads the Senate "
                 "Banking Committee.", "Senate Banking Committee", "Senate Banking Committee", "Richard Shelby",
                 "Senator", None, id="body-inside-an-apposition-is-no-speaker"),
    pytest.param("“Turnout will be low,” said David Wasserman, an elections analyst at the Cook Political Report.",
                 "an elections analyst at the Cook Political Report", "an elections analyst", "David Wasserman",
                 "elections analyst",
                 "Cook Political Report", id="apposition-after-a-name-is-that-person"),
    pytest.param("“The deal is dead,” said Holger Schmieding of Berenberg, the bank.",
                 "Holger Schmieding of Berenberg",
                 "Holger Schmieding", "Holger Schmieding", None, None, id="person-of-a-body"),
    pytest.param("Dr Sarah Jones, from the University of Leeds, said the findings were “hugely important.”",
                 "Sarah Jones", "Sarah Jones", "Sarah Jones", None, "University of Leeds",
                 id="person-from-a-body"),
    pytest.param("Ivana Petrova, the designer, left the company in May. Later Tom Hale spoke. At the time, she "
                 "released a statement saying, “G-Corp has been a trusted partner.”", "a statement",
                 "a statement saying", "Ivana Petrova", None, None, id="statement-issued-by-a-pronoun"),
    pytest.param("Joel Roe wrote this column.\n\nI have voted in every election since 1990. “Every vote "
                 "counts,” I told my neighbours.\n\nJoel Roe is a senior fellow at the Hoover Institution.",
                 "I", "I told", "Joel Roe", "senior fellow", "Hoover Institution", id="op-ed-i-is-the-author"),
    pytest.param("Reporters turned to the Denver Police Department, which reported “412 shooting incidents” "
                 "this year.", "which", "which reported", "Denver Police Department", None, None,
                 id="which-stands-for-the-body-before-it"),
    pytest.param("The company's chief executive, Satya Nadella, told analysts: “This is a generational shift.”",
                 "The company's chief executive", "The company's chief executive", "Satya Nadella",
                 "chief executive", None, id="description-set-before-a-name-the-recogniser-took-for-a-place"),
    pytest.param("The report, released Monday by the Government Accountability Office, found that the program "
                 "was “poorly managed.”", "The report", "The report,", "Government Accountability Office", None,
                 None, id="report-released-by-its-issuer"),
    pytest.param("The report, released after a speech by Jane Smith, found the program was “poorly managed.”",
                 "The report", "The report,", None, None, None, id="a-by-phrase-after-other-words-is-no-issuer"),
    pytest.param("The team's star, Jane Smith, told reporters: “We were robbed.”", "The team's star",
                 "The team's star", "Jane Smith", None, None, id="a-person-noun-the-lexicon-calls-a-thing"),
    pytest.param("Senator Ray Ostrowski, while visiting a factory in Ohio, called the tariffs “a tax on workers.”",
                 "a factory in Ohio", "a factory", "anonymous factory", None, None,
                 id="a-thing-in-an-aside-is-no-description"),
])
def test_resolve(text, mention, where, speaker, role, organization):
    found = resolve(text, mention, where)
    assert (found.name, found.role, found.organization) == (speaker, role, organization)


# -- roles and organisations ---------------------------------------------------------------

ROLES = [
    pytest.param("On Monday, Home Secretary Sue Bramley spoke. “We are working on it,” Bramley said.",
                 "We are working on it", "Home Secretary", None, id="portfolio-is-part-of-the-title"),
    pytest.param("Labour's Shadow Home Secretary Yvonne Carr spoke. “It is damning,” Carr said.",
                 "It is damning", "Shadow Home Secretary", "Labour", id="shadow-portfolio-of-a-party"),
    pytest.param("Minister of Education Stella Gianni spoke. “We need a reflection,” Gianni said.",
                 "We need a reflection", "Minister of Education", None, id="portfolio-after-of"),
    pytest.param("On Monday, Home Depot CEO Frank Blakely spoke. “Sales are up,” Blakely said.",
                 "Sales are up", "CEO", "Home Depot", id="portfolio-word-in-a-company-name"),
    pytest.param("US President Joe Biden spoke on Monday. “We will not stand by,” Biden said.",
                 "We will not stand by", "President", "US", id="acronym-opening-a-title-is-the-body"),
    pytest.param("Sen. Ruth Kline (D-Mass.) spoke on Tuesday. “The vote is close,” Kline said.",
                 "The vote is close", "Senator", None, id="abbreviated-title-written-out"),
    pytest.param("Retired Lt. Gen. Mark Cole spoke on Tuesday. “The army is tired,” Cole said.",
                 "The army is tired", "retired Lieutenant General", None, id="abbreviated-rank"),
    pytest.param("Former President Bill Clinton spoke on Tuesday. “It is crazy,” Clinton said.",
                 "It is crazy", "former President", None, id="former-president"),
    pytest.param("Republican presidential nominee Donald Trump spoke in Ohio. “We will win,” Trump said.",
                 "We will win", "presidential nominee", "Republican Party", id="party-lifted-out"),
    pytest.param("Democratic pollster Geoff Miller looked at the numbers. “It is tight,” Miller said.",
                 "It is tight", "pollster", "Democratic Party", id="party-before-a-one-word-role"),
    pytest.param("Conservative talk radio host Larry King spoke on Monday. “Voters are angry,” King said.",
                 "Voters are angry", "talk radio host", None, id="compound-role"),
    pytest.param("Clinton campaign manager Robby Mook spoke on Monday. “We are ahead,” Mook said.",
                 "We are ahead", "campaign manager", "Clinton", id="campaign-manager"),
    pytest.param("Condoleezza Rice, a senior fellow at the Hoover Institution and a former ambassador, "
                 "spoke. “Alliances matter,” Rice said.",
                 "Alliances matter", "senior fellow", "Hoover Institution", id="apposition-cut-at-and"),
    pytest.param("Donald Trump, the GOP presidential nominee with young voters, spoke. “They love me,” Trump said.",
                 "They love me", "presidential nominee", "GOP", id="apposition-cut-at-a-plain-phrase"),
    pytest.param("Bernie Sanders, the independent Vermont senator who is challenging Clinton, spoke. "
                 "“We are winning,” Sanders said.",
                 "We are winning", "independent senator", "Vermont", id="apposition-cut-at-who"),
    pytest.param("White House Press Secretary Josh Earnest spoke on Monday. “No comment,” Earnest said.",
                 "No comment", "Press Secretary", "White House", id="organisation-before-title"),
    pytest.param("House Speaker Paul Ryan spoke on Monday. “The House will act,” Ryan said.",
                 "The House will act", "Speaker", "House", id="house-speaker"),
    pytest.param("Italian Prime Minister Matteo Renzi spoke on Monday. “Italy is ready,” Renzi said.",
                 "Italy is ready", "Prime Minister", "Italy", id="demonym-is-the-country"),
    pytest.param("Zeynep Okur, an assistant professor in technology policy at the University of North Carolina, "
                 "spoke. “Platforms choose,” Okur said.",
                 "Platforms choose", "assistant professor in technology policy", "University of North Carolina",
                 id="trailing-at-phrase-lifted"),
    pytest.param("Mohammed Abdulsalam, a spokesman for Yemen’s Ansar Allah, spoke. “We will respond,” "
                 "Abdulsalam said.",
                 "We will respond", "spokesman", "Ansar Allah", id="spokesman-for"),
    pytest.param("Ari Fleischer, former White House press secretary to George W. Bush, spoke. "
                 "“It is over,” Fleischer said.",
                 "It is over", "former press secretary to George W. Bush", "White House", id="to-complement-kept"),
    pytest.param("Senate Minority Leader Harry Reid spoke. “The Senate will act,” Reid said.",
                 "The Senate will act", "Minority Leader", "Senate", id="modifier-after-owner"),
    pytest.param("William Seltzer of Fordham University studied the census. “It was misused,” Seltzer said.",
                 "It was misused", None, "Fordham University", id="organisation-without-role"),
    pytest.param("The fine, which Apple's chief executive, Tim Cook, called unfair, was upheld. “It is wrong,” "
                 "Cook said.", "It is wrong", "chief executive", "Apple", id="possessive-description-before-name"),
    pytest.param("Stein spokeswoman Melezia Figueroa spoke. Jill Stein was travelling. “No,” Figueroa said.",
                 "No", "spokeswoman", "Jill Stein", id="person-owner-by-full-name"),
]


@pytest.mark.parametrize("text,words,role,organization", ROLES)
def test_role(text, words, role, organization):
    q = quote_starting(extract_quotes(text), words)
    assert (q.role, q.organization) == (role, organization)


def test_role_follows_the_entity_to_a_pronoun():
    text = ("Maria Santos, who heads the National Nurses Association, spoke at the rally.\n\n"
            "“Nurses are exhausted,” she said.")
    q = quote_starting(extract_quotes(text), "Nurses are exhausted")
    assert (q.speaker, q.role, q.organization) == ("Maria Santos", "head of National Nurses Association",
                                                    "National Nurses Association")


def test_anonymous_source_has_a_role_only_in_a_named_body():
    text = ("“The talks are over,” a senior official said.\n\n"
            "“We expect a vote,” a spokesman for the Labour Party said.")
    quotes = extract_quotes(text)
    first, second = quote_starting(quotes, "The talks"), quote_starting(quotes, "We expect")
    assert (first.speaker_kind, first.role) == ("anonymous", None)
    assert (second.speaker_kind, second.role, second.organization) == ("anonymous", "spokesman", "Labour Party")


def test_a_lone_suffix_names_no_one():
    from quotes.name_forms import forms_of_one_name

    assert not forms_of_one_name((), ("smith",))
    assert not forms_of_one_name(("smith",), ())


@pytest.mark.parametrize("text", [
    "Senator Ray Ostrowski said the bill was “dead on arrival.”\n\nSome voters agreed. She said it was “about time.”",
    "The mayor said the plan was “solid.”\n\nThe council members disagreed. They called it “a fantasy.”",
    "A spokeswoman said the plan was “solid.”\n\nHe said it was “a fantasy.”",
])
def test_a_pronoun_that_cannot_be_the_last_speaker_is_not(text):
    first, second = extract_quotes(text)
    assert second.speaker != first.speaker


def test_a_pronoun_with_no_named_antecedent_continues_the_last_speaker():
    text = ("A spokeswoman for the ministry said the talks were “productive.”\n\n"
            "She added that “more meetings will follow.”")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["anonymous spokeswoman", "anonymous spokeswoman"]
    assert text[quotes[1].speaker_start:quotes[1].speaker_end] == "She"


def test_a_possessive_goes_to_the_subject_of_its_own_clause():
    text = ("“Rubio is wrong,” Marco Deluca said on Fox News.\n\n"
            "As the debate went on and Donald Trump stood by his comment that “Islam hates us,” the crowd cheered.")
    assert resolve(text, "his", "his comment").name == "Donald Trump"


@pytest.mark.parametrize("text", [
    "The fire was seen by John Smith, 45, who said it was “terrifying.”",
    "The vote was led by Sen. John Smith (D-Mass.), who called it “a disgrace.”",
    "The dog was found by John Smith, a neighbor, who called it “a miracle.”",
])
def test_who_reaches_back_past_an_age_a_tag_or_an_apposition(text):
    [q] = extract_quotes(text)
    assert q.speaker == "John Smith"


def test_an_object_in_a_fronted_clause_is_no_subject():
    text = "“We had a good talk,” after meeting Barack Obama, Hillary Clinton, 68, told reporters."
    [q] = extract_quotes(text)
    assert q.speaker == "Hillary Clinton"


@pytest.mark.parametrize("where, speaker", [
    ("who called", "Marcia Fell"),
    ("who said", None),
])
def test_who_stands_only_for_a_name_right_before_it(where, speaker):
    text = ("Barack Obama spoke on Monday about Marcia Fell, who called the plan “a fraud.”\n\n"
            "The plan was backed by the refugees, who said it was “a lifeline.”")
    assert resolve(text, "who", where).name == speaker


@pytest.mark.parametrize("tag", [", R-Texas,", " (R-Texas)"])
def test_a_party_tag_does_not_hide_a_reporting_subject(tag):
    text = (f"Marco Rubio met voters in Iowa.\n\nOn Monday, Sen. Ted Cruz{tag} said the plan was wrong. "
            "Then Rubio left. “It is a disaster,” he said.")
    q = quote_starting(extract_quotes(text), "It is a disaster")
    assert q.speaker == "Ted Cruz"
