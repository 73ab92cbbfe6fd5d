"""A phrase is coded once per document (``coding.doc_memo``): a caller that switches a rule off, or that records
the rules, gets what coding the phrase anew gives it, and a corrected lemma is not read through the memo."""

from __future__ import annotations

from wirescope.nlp.coding import doc_memo
from wirescope.nlp.coding.actors import default_actor_coder

_SPONSOR = "actors.sponsor-is-not-the-actor"


def _recorder(off: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def fire(rule_id: str) -> bool:
        asked.append(rule_id)
        return rule_id not in off
    return fire, asked


def _phrase(nlp, text: str, head_word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    head = next(t for t in doc if t.text == head_word)
    return doc, list(head.subtree), head


def test_a_rule_switched_off_codes_the_phrase_anew(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = default_actor_coder()
    text = "Iranian-backed militias attacked the base."
    _, toks, head = _phrase(nlp, text, "militias")
    on, asked_on = _recorder()
    first = coder.code_tokens(toks, None, head, on)  # memoised with every rule on
    assert _SPONSOR in asked_on, asked_on  # the rule this test switches off decides this phrase
    off, asked_off = _recorder(frozenset({_SPONSOR}))
    again = coder.code_tokens(toks, None, head, off)
    # the same phrase in a document coded for the first time, with the rule off
    _, fresh_toks, fresh_head = _phrase(nlp, text, "militias")
    fresh_off, fresh_asked = _recorder(frozenset({_SPONSOR}))
    fresh = coder.code_tokens(fresh_toks, None, fresh_head, fresh_off)
    assert again == fresh and asked_off == fresh_asked, (again, fresh, asked_off, fresh_asked)
    assert again != first  # the sponsor is the actor once the rule is off
    on_again, asked_again = _recorder()
    assert coder.code_tokens(toks, None, head, on_again) == first and asked_again == asked_on


def test_forget_drops_what_was_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = default_actor_coder()
    doc, toks, head = _phrase(nlp, "The Iranian foreign minister met reporters.", "minister")
    coder.code_tokens(toks, None, head)
    assert doc_memo.table(doc, coder, "code_tokens")
    doc_memo.forget(doc)
    assert not doc_memo.table(doc, coder, "code_tokens")
    other = default_actor_coder()  # another coder's table is its own
    assert not doc_memo.table(doc, other, "code_tokens")
