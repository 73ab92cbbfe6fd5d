"""Text normalisation, article ids and date markers: examples and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wirescope.ingest.build import SENTENCE_END, build_article
from wirescope.ingest.normalize import article_id, normalize_text, parse_date_strict, split_date_marker
from wirescope.records import Article

# Text with the characters normalisation cares about: line breaks of every kind, spaces, tabs, controls,
# zero-width marks, combining accents, curly quotes.
_SPECIAL = st.sampled_from(
    ["\r\n", "\r", "\n", "\n\n\n", " ", "\t", "\x00", "\x07", "\x1b", "\x85", "\u2028", "\u200b", "\ufeff",
     "\u0301", "\u00a0", "\u2019", "\u201c", "e\u0301", "\x0c"]
)
_TEXT = st.lists(st.one_of(st.text(max_size=8), _SPECIAL), max_size=40).map("".join)


class TestNormalizeText:
    def test_line_endings_trailing_spaces_and_blank_lines(self) -> None:
        raw = "  Headline  \r\n\r\n\r\n\r\nFirst para.\t \rSecond line.\n\n\n\nLast.  \n\n"
        assert normalize_text(raw) == "Headline\n\nFirst para.\nSecond line.\n\nLast."

    def test_removes_controls_and_zero_width_but_keeps_tab_newline_and_quotes(self) -> None:
        raw = "\ufeffIran\u200b’s \x07“top”\tgeneral\x00\nkilled"
        assert normalize_text(raw) == "Iran’s “top”\tgeneral\nkilled"

    def test_nfc(self) -> None:
        assert normalize_text("Cafe\u0301") == "Caf\u00e9"

    @given(_TEXT)
    @example("e\x00\u0301")
    @example(" \u2028x")
    @settings(max_examples=300, deadline=None)
    def test_idempotent_and_clean(self, raw: str) -> None:
        once = normalize_text(raw)
        assert normalize_text(once) == once  # re-normalising stored text never moves an offset
        assert "\r" not in once
        assert "\n\n\n" not in once
        assert once == once.strip()
        assert all(line == line.rstrip() for line in once.split("\n"))
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in once)
        assert "\u200b" not in once and "\ufeff" not in once

    @given(st.lists(st.text(alphabet=st.characters(categories=("L", "N", "P")), min_size=1, max_size=12),
                    min_size=1, max_size=30))
    @settings(max_examples=200, deadline=None)
    def test_offsets_of_words_are_stable(self, words: list[str]) -> None:
        # Every word of a normalised text is found at the same offset after another normalisation round.
        text = normalize_text(" \r\n".join(words))
        again = normalize_text(text)
        assert again == text
        pos = 0
        for word in text.split():
            start = text.index(word, pos)
            assert again[start:start + len(word)] == word
            pos = start + len(word)


class TestArticleId:
    def test_shape_and_stability(self) -> None:
        value = article_id("Some text.")
        assert len(value) == 16 and int(value, 16) >= 0
        assert article_id("Some text.") == value

    def test_different_text_different_id(self) -> None:
        assert article_id("The strike killed ten people.") != article_id("The strike killed eleven people.")

    @given(st.lists(st.text(alphabet="abcXYZ’é.", min_size=1, max_size=6), min_size=1, max_size=20),
           st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\r\n", " \n\n "]), min_size=1, max_size=20))
    @settings(max_examples=200, deadline=None)
    def test_invariant_to_whitespace_and_case(self, words: list[str], gaps: list[str]) -> None:
        plain = " ".join(words)
        spaced = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))
        assert article_id(spaced) == article_id(plain)
        assert article_id(plain.upper()) == article_id(plain.lower())


_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_FORMATS = ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%A, %d %B %Y", "%a, %d %b %Y %H:%M:%S +0000",
            "%Y-%m-%dT%H:%M:%SZ", "%d %b %Y"]


class TestDateMarker:
    def test_marker_example_shape(self) -> None:
        found, how, rest = split_date_marker(" date 2020-01-03 Tanks have gathered at borders.\n\nBody.")
        assert (found, how) == (date(2020, 1, 3), "marker")
        assert rest == "Tanks have gathered at borders.\n\nBody."

    def test_date_line(self) -> None:
        found, how, rest = split_date_marker("Date: Friday, 3 January 2020 14:05 GMT\n\nHeadline\nBody.")
        assert (found, how, rest) == (date(2020, 1, 3), "date-line", "Headline\nBody.")

    @pytest.mark.parametrize("text", [
        "Headline without any date\nBody.",
        "The date 2020-01-03 appears later, not at the start.",
        "Dated reports say the talks failed.",
    ])
    def test_no_marker(self, text: str) -> None:
        assert split_date_marker(text) == (None, "unknown", text)

    @pytest.mark.parametrize("text", [
        " date 2020-13-45 Headline",
        "Date: sometime last spring\nHeadline",
        "Date: January 2020\nHeadline",  # no day: not guessed
    ])
    def test_unreadable_marker_is_left_in_place(self, text: str) -> None:
        assert split_date_marker(text) == (None, "unknown", text)

    @given(_DATES, st.text(alphabet="abcdefg XYZ", min_size=1, max_size=40).filter(lambda s: s.strip()))
    @settings(max_examples=200, deadline=None)
    def test_marker_round_trip(self, day: date, headline: str) -> None:
        headline = headline.strip()
        assert split_date_marker(f" date {day.isoformat()} {headline}") == (day, "marker", headline)

    @given(_DATES, st.sampled_from(_FORMATS))
    @settings(max_examples=300, deadline=None)
    def test_date_line_round_trip(self, day: date, fmt: str) -> None:
        found, how, rest = split_date_marker(f"Date: {day.strftime(fmt)}\n\nHeadline\n\nBody text.")
        assert (found, how, rest) == (day, "date-line", "Headline\n\nBody text.")

    @pytest.mark.parametrize("value", ["", "2020", "Jan 2020", "yesterday", "1577836800", "32/13/2020"])
    def test_parse_date_strict_refuses_partial_or_invalid(self, value: str) -> None:
        assert parse_date_strict(value) is None


class TestBuiltTextOffsets:
    @given(_DATES, st.lists(st.text(alphabet="abc DEF’.,", min_size=1, max_size=30), min_size=1, max_size=6))
    @settings(max_examples=100, deadline=None)
    def test_stored_text_is_normalised_and_title_is_its_first_line(self, day: date, lines: list[str]) -> None:
        raw = f" date {day.isoformat()} " + "\r\n\r\n".join(lines) + "  \n"
        article = build_article(raw, item="t", input_format="text", raw=raw, headline_from_text=True)
        if not isinstance(article, Article):
            assert not normalize_text("\n".join(lines))
            return
        assert article.published == day and article.published_source == "marker"
        assert normalize_text(article.text) == article.text
        first, _, rest = article.text.partition("\n")
        # the headline sits at offset 0 of the text; a text of one line has none, nor one whose first line ends as a
        # sentence does
        assert article.title == (first if rest.strip() and not SENTENCE_END.search(first) else None)
        assert article.id == article_id(article.text)

    @pytest.mark.parametrize(("text", "title"), [
        ("Iran fires missiles at US bases\n\nIran fired missiles at two bases on Wednesday.",
         "Iran fires missiles at US bases"),
        ("# Court rejects tobacco case\nThe court rejected the case.", "Court rejects tobacco case"),
        ("Iran fires missiles at US bases", None),  # one line: a snippet, no headline of a body
        (" ".join(["The minister said on Sunday that talks would resume"] * 4) + ".\nMore text.", None),  # a paragraph
        # a first line that ends as a sentence ends is the lead paragraph: English headlines drop the full stop
        ("Iranian forces fired missiles at a US base, officials said.\n\nNo one was hurt.", None),
        ("The talks will resume on Monday.\nThe minister said so.", None),
        ("Talks to resume, says minister.”\n\nThe minister said so.", None),
        ("Iran fires missiles at bases used by U.S.\n\nIran fired missiles on Wednesday.",
         "Iran fires missiles at bases used by U.S."),
        ("Russia fears a heavy toll after US strikes....\n\nThe fears grew.",
         "Russia fears a heavy toll after US strikes...."),
        ("Is Iran next?\n\nThe question was asked on Sunday.", "Is Iran next?"),
    ])
    def test_first_line_is_the_title_only_when_it_is_a_headline(self, text: str, title: str | None) -> None:
        article = build_article(text, item="t", input_format="text", raw=text, headline_from_text=True)
        assert isinstance(article, Article) and article.title == title
