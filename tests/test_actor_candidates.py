"""The actor coder's index of large first-word buckets (``actors._Bucket``) only leaves out entries that could not
match: every window of tokens codes the same with and without it, and matches the same entries."""

from __future__ import annotations

import pytest

from wirescope.nlp.coding import actor_matching as actors_module
from wirescope.nlp.coding.actors import ActorCoder, default_actor_coder

TEXTS = [
    "The International Committee of the Red Cross and the International Monetary Fund met the Minister of Foreign "
    "Affairs of Jordan, Prime Minister Shinzo Abe and Defence Minister Ben Wallace in Geneva.",
    "John Kerry, Jose Manuel Barroso, Muhammad Ali Jinnah and Mohamed Morsi spoke to ministers of the United "
    "Nations Security Council and the World Health Organization.",
    "Al-Qaeda fighters and Iran-backed militias attacked Abd al-Aziz's convoy near the Jordanian border, said "
    "American officials and the ministry of defence.",
    "The Ministers of Finance of the European Union and the United States Secretary of State Mike Pompeo met "
    "International Atomic Energy Agency inspectors.",
]


def _windows(doc, size: int = 7):  # type: ignore[no-untyped-def]
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + size) + 1):
            yield list(doc[start:end])


def _coded(coder: ActorCoder, docs) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    out = []
    for doc in docs:
        for toks in _windows(doc):
            out.append((coder.code_tokens(toks, None, toks[-1]), coder.actor_matches(toks, None),
                        coder.agent_matches(toks)))
    return out


def test_the_index_changes_no_match(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    docs = list(nlp.pipe(TEXTS))
    indexed = default_actor_coder()
    with_index = _coded(indexed, docs)
    assert indexed._buckets  # the large buckets were indexed
    monkeypatch.setattr(actors_module, "_SMALL", 10**9)  # every bucket tried in full
    plain = default_actor_coder()
    assert _coded(plain, docs) == with_index
    assert not plain._buckets
    assert sum(1 for (code, _), _, _ in with_index if code) > 100  # the texts do name actors
