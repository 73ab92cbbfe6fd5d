"""Plain text (both example shapes), decoding and language detection."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from wirescope.errors import InputError
from wirescope.ingest.decode import decode_bytes
from wirescope.ingest.language import detect_language
from wirescope.ingest.normalize import article_id, normalize_text
from wirescope.ingest.text import read_text
from wirescope.records import Article, Failure


def _example(examples: list[Path], prefix: str) -> Path:
    return next(p for p in examples if p.name.startswith(prefix))


def test_example_without_marker(examples: list[Path]) -> None:
    path = _example(examples, "000_")
    raw = path.read_text(encoding="utf-8")
    article = read_text(raw, str(path))
    assert isinstance(article, Article)
    assert article.title is not None and article.title.startswith("Russia fears Soleimani's death")
    assert article.text.startswith(article.title)  # the headline stays in the stored text
    assert article.published is None and article.published_source == "unknown"  # never the ingest date
    assert article.language == "en"
    assert article.id == article_id(article.text)
    assert article.raw == raw and article.input == str(path) and article.input_format == "text"
    assert normalize_text(article.text) == article.text


def test_example_with_date_marker(examples: list[Path]) -> None:
    path = _example(examples, "001_")
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith(" date 2020-01-03 ")
    article = read_text(raw, str(path))
    assert isinstance(article, Article)
    assert article.published == date(2020, 1, 3) and article.published_source == "marker"
    assert article.text.startswith("Tanks have gathered at borders")
    assert "date 2020-01-03" not in article.text
    # its first line ends with a full stop: the lead's first sentence, not a headline (ingest/build.SENTENCE_END)
    assert article.title is None
    assert article.text.split("\n", 1)[0].endswith("killed Iran’s top general.")  # curly apostrophe kept
    # offsets refer to the stored text: a phrase found there is where the stored text says it is
    start = article.text.index("Major-General Qassem Soleimani")
    assert article.text[start:start + 30] == "Major-General Qassem Soleimani"


def test_date_line_and_markdown_heading() -> None:
    raw = "Date: 14 March 2021\n\n# Ceasefire talks resume\n\nNegotiators returned to the table in Geneva on Sunday."
    article = read_text(raw, "x.md")
    assert isinstance(article, Article)
    assert (article.published, article.published_source) == (date(2021, 3, 14), "date-line")
    assert article.title == "Ceasefire talks resume"
    assert article.text.startswith("# Ceasefire talks resume")


def test_whitespace_only_text_is_a_failure() -> None:
    result = read_text(" \n\t\u200b\n", "blank.txt")
    assert isinstance(result, Failure) and result.item == "blank.txt" and "no text" in result.reason


class TestDecode:
    def test_utf8_and_bom(self) -> None:
        assert decode_bytes("Iran’s".encode(), "x") == "Iran’s"
        assert decode_bytes(codecs.BOM_UTF8 + "Iran’s".encode(), "x") == "Iran’s"
        assert decode_bytes("Iran’s general".encode("utf-16"), "x") == "Iran’s general"

    def test_windows_1252_is_detected(self) -> None:
        text = "The minister’s “statement” on the café was naïve, critics said. " * 3
        assert decode_bytes(text.encode("cp1252"), "x") == text

    def test_cyrillic_legacy_encoding(self) -> None:
        text = "Москва заявила, что переговоры продолжатся на следующей неделе в Женеве."
        assert decode_bytes(text.encode("cp1251"), "x") == text

    @pytest.mark.parametrize(("data", "reason"), [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(128, 256)) * 40, "undecodable"),
        (b"\x01\x02\x03\x04\x05\x06abc" * 50, "binary"),
    ])
    def test_refused_with_reason(self, data: bytes, reason: str) -> None:
        with pytest.raises(InputError) as info:
            decode_bytes(data, "item.bin")
        assert info.value.item == "item.bin"
        assert reason in info.value.reason


class TestLanguage:
    def test_english_and_german(self) -> None:
        assert detect_language("The government said on Friday that talks would resume next week in Geneva.") == "en"
        assert detect_language("Die Regierung teilte am Freitag mit, dass die Gespräche nächste Woche weitergehen.") \
            == "de"

    @pytest.mark.parametrize("text", [
        "Ghana criticized Nigeria.",
        "Nigerian police arrested 30 protesters in Lagos on Monday.",
        "279 Kidnapped Nigerian Schoolgirls Released by Their Captors",
        "Hearts of Oak set up an all Ghanaian Confederation Cup final with a 3-2 win over Cameroon's Cotonsport",
    ])
    def test_english_about_west_africa_is_english(self, text: str) -> None:
        # the identifier's "pcm" (Nigerian Pidgin) rests on the place names here: no Pidgin grammar word
        assert detect_language(text) == "en"

    @pytest.mark.parametrize("text", [
        "Police don arrest di man wey kill im wife for Lagos on Monday.",
        "Wetin dey happen for Abuja as goment workers dey strike?",
    ])
    def test_pidgin_stays_pidgin(self, text: str) -> None:
        assert detect_language(text) != "en"

    @pytest.mark.parametrize("text", ["", "Hi", "12 34 56 78 90", "OK ok"])
    def test_too_short_is_none(self, text: str) -> None:
        assert detect_language(text) is None

    def test_non_english_article_is_flagged(self) -> None:
        raw = ("Le gouvernement a annoncé vendredi que les négociations reprendraient la semaine prochaine à Genève, "
               "après une pause de trois mois.")
        article = read_text(raw, "fr.txt")
        assert isinstance(article, Article)
        assert article.language == "fr" and not article.is_english
