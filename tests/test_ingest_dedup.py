"""Exact and near-duplicate detection, and signatures that survive a new run."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirescope.errors import ConfigError
from wirescope.ingest.build import build_article
from wirescope.ingest.dedup import Deduplicator, DedupResult
from wirescope.ingest.text import read_text
from wirescope.records import Article


def _load(examples: list[Path]) -> tuple[Article, Article]:
    a, b = (read_text(p.read_text(encoding="utf-8"), str(p)) for p in examples[:2])
    assert isinstance(a, Article) and isinstance(b, Article)
    return a, b


def _text_article(text: str) -> Article:
    article = build_article(text, item="t", input_format="text", raw=text, headline_from_text=True)
    assert isinstance(article, Article)
    return article


def _syndicated_copy(original: Article) -> Article:
    """Another outlet's copy: a new headline and a few words edited in the body."""
    assert original.title is not None
    body = original.text[len(original.title):]
    for old, new in [("most influential", "most powerful"), ("early hours", "small hours"), ("62,", "aged 62,"),
                     ("was killed", "died")]:
        assert old in body
        body = body.replace(old, new, 1)
    return _text_article("Kremlin warns of heavy toll after US strike kills Iranian commander" + body)


def test_new_exact_near_and_unrelated(examples: list[Path]) -> None:
    first, other = _load(examples)
    dedup = Deduplicator()
    assert dedup.check(first) == DedupResult("new")
    dedup.add(first.id, first.text)

    # exact: the same text read again (with different whitespace and case gives the same id, too)
    again = _text_article(first.text.upper().replace("\n\n", "\n\n\n  "))
    assert again.id == first.id
    assert dedup.check(again) == DedupResult("exact", first.id, 1.0)

    copy = _syndicated_copy(first)
    assert copy.id != first.id
    result = dedup.check(copy)
    assert result.kind == "near" and result.original_id == first.id
    assert result.similarity is not None and 0.8 <= result.similarity < 1.0

    # the other example covers the same story but is a different article
    assert dedup.check(other) == DedupResult("new")


def test_check_does_not_add(examples: list[Path]) -> None:
    first, _ = _load(examples)
    dedup = Deduplicator()
    dedup.check(first)
    assert len(dedup) == 0 and dedup.check(first).kind == "new"


def test_threshold_is_respected(examples: list[Path]) -> None:
    first, _ = _load(examples)
    copy = _syndicated_copy(first)
    strict = Deduplicator(threshold=0.99)
    strict.add(first.id, first.text)
    assert strict.check(copy).kind == "new"


def test_signatures_reload_in_a_new_run(examples: list[Path]) -> None:
    first, other = _load(examples)
    run1 = Deduplicator()
    stored = {a.id: run1.add(a.id, a.text) for a in (first, other)}
    assert stored[first.id] == run1.signature(first.text)

    run2 = Deduplicator()
    for article_id, signature in stored.items():
        run2.load(article_id, signature)
    assert first.id in run2 and len(run2) == 2
    assert run2.check(first).kind == "exact"
    near = run2.check(_syndicated_copy(first))
    assert near.kind == "near" and near.original_id == first.id


def test_signature_with_other_parameters_is_refused(examples: list[Path]) -> None:
    first, _ = _load(examples)
    signature = Deduplicator(num_perm=64).signature(first.text)
    with pytest.raises(ConfigError, match="num_perm=64"):
        Deduplicator().load(first.id, signature)
    with pytest.raises(ConfigError, match="not a wirescope MinHash signature"):
        Deduplicator().load(first.id, b"garbage bytes here, not a signature")


def test_texts_without_words_only_match_exactly() -> None:
    dedup = Deduplicator()
    empty = Article(id="e1", text="— … —")
    dedup.add(empty.id, empty.text)
    assert dedup.check(Article(id="e2", text="… — …")).kind == "new"
    assert dedup.check(empty).kind == "exact"
    reloaded = Deduplicator()
    reloaded.load("e1", dedup.signature(empty.text))
    assert reloaded.check(Article(id="e3", text="—")).kind == "new"


def test_short_texts_are_compared_whole() -> None:
    dedup = Deduplicator()
    dedup.add("a", "Troops crossed the border.")
    assert dedup.check(Article(id="b", text="troops crossed the border")).kind == "near"
    assert dedup.check(Article(id="c", text="Troops left the border.")).kind == "new"


@pytest.mark.parametrize("kwargs", [{"threshold": 0.0}, {"threshold": 1.5}, {"num_perm": 2}, {"shingle": 0}])
def test_bad_parameters(kwargs: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        Deduplicator(**kwargs)  # type: ignore[arg-type]


def test_copies_of_copies_link_to_the_original(examples: list[Path]) -> None:
    first, _ = _load(examples)
    dedup = Deduplicator()
    dedup.add(first.id, first.text)
    copy = _syndicated_copy(first)
    assert dedup.check(copy).original_id == first.id
    dedup.add(copy.id, copy.text)  # the runner adds near-duplicates too
    # a copy of the copy: closest to the copy, but linked to the original
    assert copy.title is not None
    second = _text_article("Moscow fears fallout of Soleimani killing" + copy.text[len(copy.title):])
    result = dedup.check(second)
    assert result.kind == "near" and result.original_id == first.id

    # the same after a reload, when the store gives the link
    reloaded = Deduplicator()
    reloaded.load(first.id, dedup.signature(first.text))
    reloaded.load(copy.id, dedup.signature(copy.text), original_id=first.id)
    assert reloaded.check(second).original_id == first.id


def test_chain_link_when_only_the_copy_is_close() -> None:
    # b edits 6 words of a; c edits 10 more of b: c is near b (Jaccard ~0.85) but not near a (~0.76).
    words = [f"w{i * 7919 % 10007}" for i in range(600)]
    b_words = [("x" + w if i % 100 == 50 else w) for i, w in enumerate(words)]
    c_words = [("y" + w if i % 60 == 20 else w) for i, w in enumerate(b_words)]
    a, b, c = (Article(id=name, text=" ".join(ws)) for name, ws in (("a", words), ("b", b_words), ("c", c_words)))
    only_a = Deduplicator(num_perm=256)
    only_a.add(a.id, a.text)
    assert only_a.check(c).kind == "new"  # precondition: c alone is not near a

    dedup = Deduplicator(num_perm=256)
    dedup.add(a.id, a.text)
    assert dedup.check(b).original_id == "a"
    dedup.add(b.id, b.text)
    result = dedup.check(c)
    assert result.kind == "near" and result.original_id == "a"
