import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.names import Name, find_names, first_name_gender


def names_in(text: str) -> dict[str, str]:
    found = find_names(text)
    for n in found:
        assert text[n.start:n.end] == n.text
    return {n.text: n.kind for n in found}


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Iran’s Foreign Minister Hossein Amir-Abdollahian warned on Sunday.", "Iran", "place"),
        ("Iran’s Foreign Minister Hossein Amir-Abdollahian warned on Sunday.", "Hossein Amir-Abdollahian", "person"),
        ("US Central Command confirmed the strike on Tuesday.", "US Central Command", "organization"),
        ("Pentagon Press Secretary John Kirby told reporters the strikes were limited.", "Pentagon", "organization"),
        ("Pentagon Press Secretary John Kirby told reporters the strikes were limited.", "John Kirby", "person"),
        ("Kataib Hezbollah issued a statement late on Monday.", "Kataib Hezbollah", "organization"),
        ("Officials at the Department of Defense declined to comment.", "Department of Defense", "organization"),
        ("Analysts at Bank of America expect rates to fall.", "Bank of America", "organization"),
        ("He spoke to reporters in Baghdad after the meeting.", "Baghdad", "place"),
        ("Defense Secretary Lloyd Austin said the United States does not seek conflict.", "Lloyd Austin", "person"),
        ("Defense Secretary Lloyd Austin said the United States does not seek conflict.", "United States", "place"),
        ("Sen. Lindsey Graham, a Republican from South Carolina, said the response was overdue.", "Lindsey Graham",
         "person"),
        ("Sen. Lindsey Graham, a Republican from South Carolina, said the response was overdue.", "South Carolina",
         "place"),
        ("The White House said the president would speak later.", "White House", "organization"),
    ],
)
def test_kinds_in_news_sentences(text, name, kind):
    assert names_in(text).get(name) == kind


@pytest.mark.parametrize(
    "text, name",
    [
        # a connector joins only where the data says names take a complement
        ("Officials at the Department of Defense declined to comment.", "Department of Defense"),
        ("Officials at the Ministry of Foreign Affairs declined to comment.", "Ministry of Foreign Affairs"),
        # particles and initials stay inside a person's name
        ("Crown Prince Mohammed bin Salman spoke by phone.", "Mohammed bin Salman"),
        ("The painter Vincent van Gogh was not involved.", "Vincent van Gogh"),
        ("Later Charles de Gaulle spoke.", "Charles de Gaulle"),
        ("In 1924 J. Edgar Hoover took over the bureau.", "J. Edgar Hoover"),
        ("Supporters of Martin Luther King Jr. marched.", "Martin Luther King Jr."),
        ("Prime Minister Mohammed Shia al-Sudani called it a violation.", "Mohammed Shia al-Sudani"),
        ("The Federal Reserve Bank Board met on Monday.", "Federal Reserve Bank Board"),
        ("The House Judiciary Committee released the report.", "House Judiciary Committee"),
        ("The Party Disciplinary Commission met on Monday.", "Party Disciplinary Commission"),
    ],
)
def test_name_boundaries(text, name):
    assert name in names_in(text)


def test_movements_keep_their_place_in_the_name():
    assert names_in("A statement by the Islamic Resistance in Iraq said so.").get(
        "Islamic Resistance in Iraq") == "organization"


def test_other_bodies_do_not_take_in_a_place():
    found = names_in("The International Energy Agency in Paris said so.")
    assert "International Energy Agency" in found
    assert "International Energy Agency in Paris" not in found


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        ("Trump in Iowa said the strikes were too little.", "Trump in Iowa"),
        ("Clinton and Sanders did not comment.", "Clinton and Sanders"),
        ("Ms. Maria Lopez of the Ministry of Foreign Affairs said talks would continue.",
         "Maria Lopez of the Ministry of Foreign Affairs"),
    ],
)
def test_connectors_that_do_not_join(text, not_a_name):
    assert not_a_name not in names_in(text)


@pytest.mark.parametrize(
    "text, title, name",
    [
        ("Iran’s Foreign Minister Hossein Amir-Abdollahian warned on Sunday.", "Foreign Minister",
         "Hossein Amir-Abdollahian"),
        ("Pentagon Press Secretary John Kirby said so.", "Press Secretary", "John Kirby"),
        ("Mr. Biden has faced pressure.", "Mr.", "Biden"),
        ("Dr. Sarah Lee, a professor, said the strikes marked a turning point.", "Dr.", "Sarah Lee"),
        ("President Joe Biden spoke by phone.", "President", "Joe Biden"),
    ],
)
def test_titles_are_split_off_and_kept(text, title, name):
    found = {n.text: n for n in find_names(text)}
    assert found[name].title == title
    assert text[found[name].title_start:found[name].start].rstrip() == title
    assert found[name].kind == "person"
    assert not any(title in t for t in found if t != name)


@pytest.mark.parametrize(
    "text, word",
    [
        ("However, officials said the talks would resume.", "However"),
        ("Officials said the talks would resume.", "Officials"),
        ("The talks would resume, officials said.", "The"),
        ("“We will respond,” he said.", "We"),
        ("Analysts expect the talks to resume. Officials agree.", "Officials"),
        ("I think it is over.", "I"),
    ],
)
def test_ordinary_capitalised_words_are_not_names(text, word):
    assert not any(n.text.split()[0] == word for n in find_names(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Iran’s Foreign Minister spoke.", "Iran"),
        ("Iran's Foreign Minister spoke.", "Iran"),
        ("Hezbollah’s leader Hassan Nasrallah spoke.", "Hezbollah"),
        ("The Democrats’ plan failed.", "Democrats"),
    ],
)
def test_possessive_ends_a_name(text, name):
    assert name in names_in(text)


def test_nickname_inside_a_person_name():
    text = "One of its commanders, Ahmad “Abu Hussein” al-Hamidawi, survived the attack."
    [name] = [n for n in find_names(text) if "Ahmad" in n.text]
    assert name.text == "Ahmad “Abu Hussein” al-Hamidawi"
    assert name.kind == "person"
    assert name.nickname == "Abu Hussein"
    assert name.without_nickname == "Ahmad al-Hamidawi"
    assert text[name.nickname_start:name.nickname_end] == "“Abu Hussein”"


def test_plain_name_has_no_nickname():
    [name] = find_names("Reporters asked John Kirby about it.")
    assert name.nickname == "" and name.without_nickname == "John Kirby"


def test_offsets_point_into_the_whole_text_when_searching_a_window():
    text = "Trump spoke first. Then Pentagon Press Secretary John Kirby spoke in Washington."
    start = text.index("Then")
    found = find_names(text, start, len(text))
    assert [n.text for n in found] == [text[n.start:n.end] for n in found]
    assert "Trump" not in [n.text for n in found]
    assert {"Pentagon", "John Kirby", "Washington"} <= {n.text for n in found}
    assert all(n.start >= start for n in found)


def test_a_surname_alone_takes_the_full_name_kind():
    text = ("Iran’s Foreign Minister Hossein Amir-Abdollahian warned on Sunday. "
            "“The region is on the verge of an explosion,” Amir-Abdollahian told reporters.")
    kinds = [n.kind for n in find_names(text) if n.text.endswith("Amir-Abdollahian")]
    assert kinds == ["person", "person"]


@pytest.mark.parametrize("surname", ["Cuban", "Rich"])
def test_a_known_surname_opening_a_sentence_is_a_name(surname):
    text = f"The investor Mark {surname} spoke at length. {surname} also complained about the senator."
    found = [n for n in find_names(text) if n.text == surname]
    assert [(n.start, n.kind) for n in found] == [(text.rindex(surname), "person")]


@pytest.mark.parametrize("text", [
    "The investor spoke at length. Cuban cigars were served.",
    "The investor Mark Cuban spoke at length. Cuban officials said the talks were over.",
    "The pollster Mark Young briefed reporters. Young and old voters alike were angry.",
])
def test_an_ordinary_word_opening_a_sentence_stays_one(text):
    second = text.split(". ", 1)[1]
    assert not any(n.text == second.split()[0] for n in find_names(text) if n.start >= text.index(second))


def test_name_is_a_small_record():
    [n] = find_names("Reporters asked John Kirby about it.")
    assert isinstance(n, Name)
    assert (n.start, n.end, n.text, n.kind) == (16, 26, "John Kirby", "person")
    assert 0.5 < n.score <= 1.0
    assert not hasattr(n, "__dict__")


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("A spokesman, John Kirby, said so.", "John Kirby", "person"),
        ("Fighting went on in Baghdad, officials said.", "Baghdad", "place"),
        ("Officials at the Department of Defense said so.", "Department of Defense", "organization"),
        ("They met on Monday, officials said.", "Monday", "other"),
    ],
)
def test_kind_from_the_words_and_the_words_around(text, name, kind):
    [found] = find_names(text)
    assert (found.text, found.kind) == (name, kind)
    assert 0.25 <= found.score <= 1.0


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Mr. Smith", "m"),
        ("Mrs. Smith", "f"),
        ("Ms. Maria Lopez", "f"),
        ("John Kirby", "m"),
        ("Mary", "f"),
        ("President George Bush", "m"),
        ("J. Robert Oppenheimer", "m"),
        ("Zxqv Kirby", None),
        ("", None),
    ],
)
def test_first_name_gender(name, gender):
    assert first_name_gender(name) == gender


def test_everything_loads_without_nltk_data(tmp_path):
    """The product ships its models: an empty NLTK_DATA must not matter."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    code = (
        "from quotes.names import find_names, first_name_gender\n"
        "from quotes.tagger import tag\n"
        "from quotes.sentences import split_sentences\n"
        "text = 'Pentagon Press Secretary John Kirby said so. Officials agreed.'\n"
        "assert [n.text for n in find_names(text)] == ['Pentagon', 'John Kirby']\n"
        "assert tag(['He', 'said', 'so']) == ['PRON', 'VERB', 'ADV']\n"
        "assert first_name_gender('John Kirby') == 'm'\n"
        "assert len(split_sentences(text, (0, len(text)))) == 2\n"
    )
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr


def test_news_honorifics_name_a_first_names_gender_only_when_the_surname_has_one_first_name():
    from quotes.training.news_gender import news_gender
    family = "Donald Hale spoke. Ivanka Hale spoke too. Mr. Hale left."
    alone = "Robert Pike spoke. Mr. Pike left."
    table = news_gender([family, family, alone, alone], ordinary=set())
    assert table.get("Robert") == "m"
    assert "Ivanka" not in table and "Donald" not in table
