"""Quote-mark pairing: typed, forgiving, and never failing on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirescope.nlp.quotes.marks import DOUBLE, SINGLE, find_quotations


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


def test_straight_and_curly_double_and_single() -> None:
    assert texts('He said "yes" and “no”.') == ['"yes"', "“no”"]
    found = find_quotations("It was ‘an act of war’ and 'a crime'.")
    assert [q.family for q in found] == [SINGLE, SINGLE]
    assert texts("It was ‘an act of war’ and 'a crime'.") == ["‘an act of war’", "'a crime'"]


def test_apostrophes_inside_and_at_the_end_of_words_are_not_marks() -> None:
    text = "‘Harsh vengeance awaits those who got the martyrs’ blood on Iran’s hands,’ he said."
    assert texts(text) == ["‘Harsh vengeance awaits those who got the martyrs’ blood on Iran’s hands,’"]
    assert texts("Iran’s leaders and the protesters’ anger don't count.") == []


def test_word_final_s_apostrophe_closes_when_nothing_else_does() -> None:
    assert texts("They chanted ‘down with the generals’ all night.") == ["‘down with the generals’"]


def test_single_quotes_inside_double_are_part_of_it() -> None:
    found = find_quotations("“He told me ‘never’ twice,” she said.")
    assert len(found) == 1 and found[0].family == DOUBLE


def test_wrong_direction_mark_still_pairs() -> None:
    assert texts("Esper said there were ”indications” of attacks.") == ["”indications”"]


def test_open_quotation_continues_into_a_paragraph_opening_with_a_mark() -> None:
    text = "He said: “First paragraph of the statement.\n\n“Second paragraph of it.”\n\nAfter."
    found = find_quotations(text)
    assert len(found) == 1
    assert found[0].pieces == ((9, 43), (45, 70))
    assert text[found[0].end - 1] == "”"


def test_misplaced_closer_at_paragraph_start_closes_the_open_quotation() -> None:
    text = "“The United States will act.\n\n”Future moves remain hard to predict, officials said."
    found = find_quotations(text)
    assert [text[q.start : q.end] for q in found] == ["“The United States will act."]


def test_opener_while_open_starts_a_new_quotation_and_keeps_the_first() -> None:
    text = "They said: “This strike was aimed at deterring attacks. “We will protect our people.”"
    assert texts(text) == ["“This strike was aimed at deterring attacks.", "“We will protect our people.”"]


def test_stray_mark_costs_at_most_one_quotation() -> None:
    text = 'A stray " mark here. Later "a real quote" and "another one".'
    found = texts(text)
    assert '"a real quote"' in found or '"another one"' in found
    assert len(found) >= 1


def test_two_apostrophes_as_double_marks() -> None:
    text = "It was, the president said, ''a stone worn down by tragedy.''"
    assert texts(text) == ["''a stone worn down by tragedy.''"]


ALPHABET = st.sampled_from([*"ab s.,:\n'\"“”‘’„«»", "Iran’s", " said ", "\n\n", "s’ ", "''"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_pairing_never_raises_overlaps_or_leaves_the_text(text: str) -> None:
    found = find_quotations(text)
    last_end = -1
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last_end
        last_end = q.end
        for a, b in q.pieces:
            assert q.start <= a < b <= q.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_pairing_on_arbitrary_unicode(text: str) -> None:
    for q in find_quotations(text):
        assert 0 <= q.start < q.end <= len(text)
