"""Text hygiene before parsing (nlp/hygiene.py) and bylines and wire credits read at ingest (ingest/credits.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirescope.ingest.build import build_article
from wirescope.ingest.credits import find_credits
from wirescope.nlp.hygiene import mask, masked_spans

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("RAMALLAH, West Bank — Israeli troops raided a town.", "Israeli troops raided a town."),
        ("WASHINGTON (AP) — The Senate voted.", "The Senate voted."),
        ("BAGHDAD (Reuters) - Iranian commander Qassem Soleimani was killed.",
         "Iranian commander Qassem Soleimani was killed."),
        ("ISLAMABAD/PENTAGON — A United States plane crashed.", "A United States plane crashed."),
        ("LONDON, Jan 3 (Reuters) - Oil rose.", "Oil rose."),
        ("Mourners gathered (AFP/Getty Images). Troops marched (AP Photo/Hadi Mizban) on Friday.",
         "Mourners gathered . Troops marched on Friday."),
        ("Mourners in Kerman. Photograph: Jane Doe/AFP/Getty Images", "Mourners in Kerman."),
        ("See [the alert](https://www.dhs.gov/a.pdf) and [Soleimani](https://en.wikipedia.org/wiki/Q_(general)).",
         "See the alert and Soleimani ."),
        ("![A vigil in Tehran.](https://static01.nyt.com/x.jpg)The Iraqi prime minister spoke.",
         "The Iraqi prime minister spoke."),
        ("[![](https://a.example/x.png)](https://a.example/y.png)", ""),
        ("**Iran** said _it_ would *respond* at https://t.co/abc. Also www.dec.org.uk.",
         "Iran said it would respond at . Also ."),
        ("### Critical infrastructure, a prime target", "Critical infrastructure, a prime target"),
        ("#### By Ben Norton", ""),
        ("Reuters contributed to this report.", ""),
        ("“We will go forward.” Reuters contributed to this report", "“We will go forward.”"),  # flat text
        ("Have an experience to share? Email experience@example.com", "Have an experience to share? Email"),
        ("Reporting by Ahmed Rasheed; Editing by Peter Cooney", ""),
        ("FILE PHOTO: Combination photo of a commander (L) and his deputy.", ""),
        ("> quoted line", "quoted line"),
        # a post's signature stays: the quotation extractor attributes the post to its author through it
        ("US vs Iran is a highly asymmetric conflict. — Dmitri Trenin (@DmitriTrenin) January 3, 2020",
         "US vs Iran is a highly asymmetric conflict. — Dmitri Trenin (@DmitriTrenin) January 3, 2020"),
        ("> — Ben Norton (@BenjaminNorton) [January 9, 2020](https://twitter.com/x/status/1)",
         "— Ben Norton (@BenjaminNorton) January 9, 2020"),
    ],
)
def test_mask_blanks_what_is_not_prose(text: str, kept: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    assert " ".join(masked.split()) == kept


@pytest.mark.parametrize(
    "text",
    [
        "NATO — which has 30 members — met in Brussels.",  # an upper-case subject, not a dateline
        "By Friday the troops had left.",  # "By" opening a sentence, not a byline
        '"I am delighted [to be out]," he said.',  # an editor's bracket, not a link
        "The snake_case_name and 2*3*4 stay.",
        "Israel/Palestine (Israel/Palestine) and the Guards (IRGC) stay.",  # a slash without a credit
        "Reuters reported that the talks failed.",  # a wire quoted as a source is prose
    ],
)
def test_mask_keeps_prose(text: str) -> None:
    assert mask(text) == text


def test_soft_wraps_are_joined_and_paragraphs_kept() -> None:
    text = "Iran has developed a large arsenal of\nballistic missiles.\n\nA new paragraph.\nAnother line."
    masked = mask(text)
    assert masked == text.replace("of\nballistic", "of ballistic")
    assert [m.kind for m in masked_spans(text)] == ["soft-wrap"]


@given(st.text(alphabet=st.sampled_from(list("ab AZ*_#[]()!:/.-—\n(APReuters)httpsw")), max_size=200))
def test_mask_keeps_length_and_paragraph_breaks(text: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    for i, (a, b) in enumerate(zip(text, masked, strict=True)):
        assert b == a or b == " ", (i, a, b)
    assert masked.count("\n\n") == text.count("\n\n")


@pytest.mark.parametrize(
    ("text", "byline", "wires"),
    [
        ("WASHINGTON (AP) — The Senate voted.\n\nMore text.", None, ("AP",)),
        ("#### By Ben Norton\n\nPayPal froze donations.", "Ben Norton", ()),
        ("By Jane Doe and John Smith, Reuters\n\nText.", "Jane Doe and John Smith", ("Reuters",)),
        ("By JANE DOE Associated Press\n\nText", "JANE DOE", ("AP",)),
        ("Officials said so, Reuters reported.\n\nThe Associated Press contributed to this report.", None, ("AP",)),
        ("Crowds gathered (AFP/Getty Images), a witness told AFP.\n\n© 2020 Reuters. All rights reserved.", None,
         ("Reuters",)),
        ("By Friday the troops had left.", None, ()),
        ("The talks failed, he said. “We will go forward.” Reuters contributed to this report", None, ("Reuters",)),
    ],
)
def test_find_credits(text: str, byline: str | None, wires: tuple[str, ...]) -> None:
    assert find_credits(text) == (byline, wires)


def test_credits_are_recorded_on_the_article_and_the_text_is_unchanged() -> None:
    raw = "BAGHDAD (Reuters) - A rocket hit the embassy.\n\nReporting by Ahmed Rasheed; Editing by Peter Cooney"
    article = build_article(raw, item="x", input_format="text", raw=raw)
    assert not isinstance(article, str) and hasattr(article, "wires")
    assert article.wires == ("Reuters",)
    assert article.text == raw  # the stored text keeps them; only what the parser reads is masked
    assert article.to_json()["wires"] == ["Reuters"]


def test_analysis_offsets_point_into_the_stored_text() -> None:
    """Parsing the masked text gives offsets into the stored text, and no entity comes from a dateline or a URL."""
    from wirescope import analyze

    text = ("RAMALLAH, West Bank — Israeli troops raided the town of [Jenin](https://example.org/jenin) on Monday.\n\n"
            "The army said the raid targeted militants (AFP/Getty Images).")
    analysis = analyze(text, published="2020-01-03")
    for entity in analysis.entities:
        for m in entity.mentions:
            assert analysis.article.text[m.start:m.end] == m.text
            assert "RAMALLAH" not in m.text and "example" not in m.text
    for s in analysis.sentences:
        assert 0 <= s.start <= s.end <= len(analysis.article.text)


@pytest.mark.skipif(not (CORPORA / "iran_crisis_2020.jsonl").exists(), reason="shared corpora are absent")
def test_markdown_corpus_is_masked_without_losing_prose() -> None:
    """On the markdown corpus: no URL or markdown mark is left for the parser, and no prose word is lost."""
    import re

    for line in (CORPORA / "iran_crisis_2020.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text_markdown"]
        masked = mask(text)
        assert len(masked) == len(text)
        assert not re.search(r"https?://|!\[|\]\(", masked)
        # every word outside the spans that are not prose (credits, captions, images, URLs, link targets,
        # datelines) is kept
        # in place
        dropped = [(m.start, m.end) for m in masked_spans(text)
                   if m.kind in ("credit-line", "caption", "image", "url", "link", "html", "photo-credit", "dateline")]
        for word in re.finditer(r"\b[A-Za-z]{4,}\b", text):
            if not any(a <= word.start() < b for a, b in dropped):
                assert masked[word.start():word.end()] == word.group(), word.group()


def test_byline_and_wires_round_trip_through_the_store(tmp_path: Path) -> None:
    from wirescope.records import Analysis, Provenance
    from wirescope.store.core import article_detail
    from wirescope.store.store import Store

    raw = "By Jane Doe, AFP\n\nWASHINGTON (AP) — The Senate voted."
    article = build_article(raw, item="x", input_format="text", raw=raw)
    assert not isinstance(article, str) and hasattr(article, "wires")
    assert (article.byline, article.wires) == ("Jane Doe", ("AFP", "AP"))
    with Store(tmp_path / "s.duckdb") as store:
        store.write([Analysis(article=article, provenance=Provenance("0", "test", ()))], run_id=None)
    with Store(tmp_path / "s.duckdb", read_only=True) as reader:
        detail = article_detail(reader.con, article.id)
        assert detail is not None
        assert (detail.article.byline, detail.article.wires) == ("Jane Doe", ("AFP", "AP"))
