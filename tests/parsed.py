"""Helpers for tests that look up one quote of a parse."""


def quote_starting(quotes, words):
    found = [q for q in quotes if q.text.startswith(words)]
    assert found, f"no quote starting {words!r} in {[q.text for q in quotes]}"
    return found[0]
