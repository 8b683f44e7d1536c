import pytest

from quotes.speaker_identity import (
    ORGANIZATION, PERSON, SpeakerIndex, alias_key, canonical_name, is_alias, is_proper_name, parse_name,
    same_speaker,
)


def person(text):
    return parse_name(text, PERSON)


@pytest.mark.parametrize("a, b", [
    ("Ahmad al-Hamidawi", "Hamidawi"),
    ("Ahmad al-Hamidawi", "Ahmad Hamidawi"),
    ("Ahmad al-Hamidawi", "Mr. Hamidawi"),
    ("Ahmad al-Hamidawi", "A. Hamidawi"),
    ("Ahmad “Abu Hussein” al-Hamidawi", "Ahmad al-Hamidawi"),
    ("Hossein Amir-Abdollahian", "Amirabdollahian"),
    ("Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"),
    ("Hossein Amir-Abdollahian", "Foreign Minister Hossein Amirabdollahian"),
    ("Hossein Amir-Abdollahian", "Hosein Amir-Abdollahian"),
    ("José Álvarez", "Jose Alvarez"),
    ("Conan O’Brien", "Conan O'Brien"),
    ("Sergey Lavrov", "Sergei Lavrov"),
])
def test_same_person_under_other_names(a, b):
    assert same_speaker(person(a), person(b))
    assert same_speaker(person(b), person(a))


@pytest.mark.parametrize("a, b", [
    ("Ahmad al-Hamidawi", "Ali al-Hamidawi"),  # a shared surname
    ("George W. Bush", "George H. W. Bush"),
    ("Hossein Amir-Abdollahian", "Hassan Amir-Abdollahian"),
    ("Ahmad al-Hamidawi", "Ahmad al-Sadr"),
])
def test_different_people(a, b):
    assert not same_speaker(person(a), person(b))


def test_person_never_merges_with_organisation():
    assert not same_speaker(parse_name("Hezbollah", PERSON), parse_name("Hezbollah", ORGANIZATION))
    index = SpeakerIndex()
    index.add("org", ORGANIZATION, "Jordan")
    assert index.resolve("Jordan", PERSON) is None
    assert index.resolve("Jordan", ORGANIZATION) == "org"


@pytest.mark.parametrize("a, b", [
    ("The Pentagon", "Pentagon"),
    ("U.S. Central Command", "US Central Command"),
    ("Al-Jazeera", "Al Jazeera"),
])
def test_organisation_spellings(a, b):
    assert same_speaker(parse_name(a, ORGANIZATION), parse_name(b, ORGANIZATION))


def test_organisations_do_not_merge_by_last_word():
    assert not same_speaker(parse_name("Central Command", ORGANIZATION), parse_name("Command", ORGANIZATION))


def test_surname_merges_with_the_one_person_of_that_name():
    index = SpeakerIndex()
    index.add("ahmad", PERSON, "Ahmad al-Hamidawi")
    assert index.resolve("Hamidawi", PERSON) == "ahmad"
    assert index.resolve("Ali al-Hamidawi", PERSON) is None


def test_shared_surname_is_ambiguous_and_merges_with_neither():
    index = SpeakerIndex()
    index.add("ahmad", PERSON, "Ahmad al-Hamidawi")
    index.add("ali", PERSON, "Ali al-Hamidawi")
    assert index.resolve("Hamidawi", PERSON) is None
    assert index.matches("Hamidawi") == ["ahmad", "ali"]
    # Kept apart as a surname-only speaker, that speaker is found by the surname.
    index.add("hamidawi", PERSON, "Hamidawi")
    assert index.resolve("Hamidawi", PERSON) == "hamidawi"
    assert index.resolve("Ahmad al-Hamidawi", PERSON) == "ahmad"


def test_a_merged_surname_does_not_pull_in_a_namesake():
    index = SpeakerIndex()
    index.add("ali", PERSON, "Ali al-Hamidawi")
    index.add("ali", PERSON, "Hamidawi")  # seen as the surname alone in another article
    assert index.resolve("Ahmad al-Hamidawi", PERSON) is None
    assert index.resolve("A. Hamidawi", PERSON) == "ali"


def test_remove_forgets_a_speaker():
    index = SpeakerIndex()
    index.add("ahmad", PERSON, "Ahmad al-Hamidawi")
    index.remove("ahmad")
    assert "ahmad" not in index
    assert index.resolve("Hamidawi", PERSON) is None


@pytest.mark.parametrize("mention, expected", [
    ("Hamidawi", True),
    ("Ahmad “Abu Hussein” al-Hamidawi", True),
    ("he", False),
    ("the militia leader", False),
    ("Ali al-Hamidawi", False),
])
def test_mentions_that_are_aliases(mention, expected):
    assert is_alias(mention, "Ahmad al-Hamidawi", PERSON) is expected


def test_organisation_mentions():
    assert is_alias("the Islamic Resistance in Iraq", "Islamic Resistance in Iraq", ORGANIZATION)
    assert not is_alias("a statement by the Islamic Resistance in Iraq", "Islamic Resistance in Iraq", ORGANIZATION)


def test_canonical_name_is_the_fullest_then_most_used():
    assert canonical_name({"Hamidawi": 5, "Ahmad al-Hamidawi": 1}) == "Ahmad al-Hamidawi"
    assert canonical_name({"Hossein Amirabdollahian": 1, "Hossein Amir-Abdollahian": 2}) == "Hossein Amir-Abdollahian"


def test_alias_key():
    assert alias_key("Hossein Amir-Abdollahian") == "hosseinamirabdollahian"
    assert alias_key("José O’Brien") == "joseobrien"


@pytest.mark.parametrize("text, expected", [
    ("Ahmad al-Hamidawi", True), ("KCNA", True), ("محمد الحميداوي", True), ("the Islamic Resistance", True),
    ("city", False), ("silk screens", False), ("government's record", False), ("", False), (None, False),
])
def test_proper_names(text, expected):
    assert is_proper_name(text) is expected
