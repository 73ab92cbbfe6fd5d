"""The event coder's speed shortcuts (issue 13) change nothing: the pre-check before ``_code_trigger`` lets every
token through that the coder can code, and the per-document views (clause tokens, pattern words) equal those
computed afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirescope import Settings
from wirescope.nlp.coding.context import DocContext, heads_mention
from wirescope.nlp.coding.doc_arrays import subtree_indexes
from wirescope.nlp.coding.rules.patterns import anchors
from wirescope.nlp.coding.syntax import clause_tokens
from wirescope.nlp.coding.triggers import _may_trigger
from wirescope.nlp.stages.events import EventStage

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# beside the example articles: a copula with an event noun, a consultation noun, nominal events, a light verb
_EXTRA = ("Arnor and Gondor are in talks about the border. The ministers held talks with Rohan on Monday. "
          "The assassination of the envoy by rebels shocked Eriador. Gondor launched a mediation effort.")


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    return EventStage(Settings()).coder


@pytest.fixture(scope="module")
def docs(nlp):  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + [_EXTRA]
    return list(nlp.pipe(texts))


def test_pre_check_admits_every_token_the_coder_codes(coder, docs) -> None:  # type: ignore[no-untyped-def]
    triggers = 0
    for doc in docs:
        ctx = DocContext(None, coder.rules, anchors=anchors(doc))
        for n, sent in enumerate(doc.sents):
            for tok in sent:  # every token, as before the pre-check
                coded = coder._code_trigger(tok, sent, n, ctx, set())
                entries = coder._verb_entries(tok) or coder._light_code(tok)
                if coded is not None or entries:
                    triggers += 1
                    assert _may_trigger(tok), (tok.text, tok.pos_, tok.lemma_, sent.text)
    assert triggers > 20  # the documents have triggers to check


def test_document_views_equal_fresh_ones(coder, docs) -> None:  # type: ignore[no-untyped-def]
    from wirescope.nlp.coding.patterns import _Word

    for doc in docs:
        ctx = DocContext(None, coder.rules)
        for tok in doc:
            assert ctx.clause(tok) == tuple(clause_tokens(tok))
            assert ctx.clause(tok) is ctx.clause(tok)  # walked once
            assert subtree_indexes(tok) == [t.i for t in tok.subtree]
        for sent in doc.sents:
            assert ctx.upper_words(sent) == [t.text.upper() for t in sent]
        heads: dict[str, list[int]] = {}
        for t in doc:
            if heads_mention(t):
                heads.setdefault(t.lemma_.lower(), []).append(t.i)
        assert heads and all(ctx.phrase_heads(doc, lemma) == found for lemma, found in heads.items())
        assert ctx.phrase_heads(doc, "no-such-lemma") == []
        words: dict[int, _Word] = {}
        verbs = [t for t in doc if t.pos_ == "VERB" and coder._verb_entries(t)]
        assert verbs
        for verb in verbs:
            entries = coder._verb_entries(verb)
            blocks = list(dict.fromkeys(e.block for e in entries))
            after = [t for t in verb.subtree if t.i > verb.i]
            before = [t for t in verb.sent if t.i < verb.i]
            kept = coder.matcher.best(blocks, entries[0].code, verb, after, before, words)
            fresh = coder.matcher.best(blocks, entries[0].code, verb, after, before)
            assert kept == fresh, verb.sent.text
        assert words  # the document's words were kept
