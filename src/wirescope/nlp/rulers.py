"""The stages' entity rulers, matched with phrase matchers: the same entities, without spaCy's token Matcher.

The entities stage adds spaCy's ``entity_ruler`` with token patterns (``[{"LOWER": "quds"}, {"LOWER": "force"}]``
for names, ``[{"ORTH": "IRGC"}]`` for acronyms). spaCy's ``Matcher`` pays for every token of every document
whatever the patterns (0.33 s of CPU per 100 BBC articles for 81 patterns, about 6% of the model's time), while a
``PhraseMatcher`` looks each token up in a table. A token pattern whose every token is one exact ``ORTH`` (or
``TEXT``) value, or one lower-case ``LOWER`` value, matches exactly the token sequences a phrase pattern of those
words matches on that attribute; so ``add_to`` puts in place of such a ruler one whose token patterns are phrase
patterns, one phrase matcher per attribute. Everything else is the ruler's own: which matches win (longest
first, then leftmost), the entities kept from earlier components, labels and entity ids. A ruler with any other
token pattern is left as it is. Where one span matches patterns of two labels, spaCy's ruler takes whichever its
set of matches yields first (the bundled tables name no alias twice). ``tests/test_phrase_rulers.py`` compares
the entities with spaCy's ruler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

if TYPE_CHECKING:
    from collections.abc import Iterable

FACTORY = "wirescope_phrase_ruler"
_EXACT = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER"}  # token pattern keys a phrase matcher reproduces


class PhraseRuler(EntityRuler):
    """spaCy's ``EntityRuler`` whose token patterns are matched as phrases (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self.exact: dict[str, PhraseMatcher] = {}

    def add_exact(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add token patterns that ``phrase_attr`` accepts, as phrases on their attribute."""
        for entry in patterns:
            attr, words = phrase_attr(entry["pattern"])  # type: ignore[misc]
            matcher = self.exact.setdefault(attr, PhraseMatcher(self.nlp.vocab, attr=attr))
            label = self._create_label(entry["label"], entry.get("id"))
            matcher.add(label, [Doc(self.nlp.vocab, words=words)])
            self.token_patterns[label].append(entry["pattern"])  # kept for ``patterns`` and ``labels``
            if "id" in entry:
                self._ent_ids[self.nlp.vocab.strings.add(label)] = (entry["label"], entry["id"])

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``EntityRuler.match`` with the exact matchers beside the token ``Matcher``, which holds nothing unless
        a pattern no phrase reproduces was added later (``add_patterns``, ``from_disk``): that one still matches."""
        matches = list(self.phrase_matcher(doc)) if len(self.phrase_matcher) else []
        if len(self.matcher):
            matches += self.matcher(doc)
        for matcher in self.exact.values():
            matches += matcher(doc)
        final_matches = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(final_matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(FACTORY, default_config={"phrase_matcher_attr": None, "overwrite_ents": False,
                                           "ent_id_sep": "||"})
def make_phrase_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool,
                      ent_id_sep: str) -> PhraseRuler:
    return PhraseRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents,
                       ent_id_sep=ent_id_sep)


def phrase_attr(pattern: object) -> tuple[str, list[str]] | None:
    """(attribute, words) when the token pattern is a run of exact values of one attribute a phrase matcher
    reproduces (a ``LOWER`` value must be lower case: in a Matcher an upper-case one matches nothing); else None."""
    if not isinstance(pattern, list) or not pattern:
        return None
    attrs, words = set(), []
    for token in pattern:
        if not isinstance(token, dict) or len(token) != 1:
            return None
        (key, value), = token.items()
        attr = _EXACT.get(key)
        if attr is None or not isinstance(value, str) or not value or (attr == "LOWER" and value != value.lower()):
            return None
        attrs.add(attr)
        words.append(value)
    return (attrs.pop(), words) if len(attrs) == 1 else None


def add_to(nlp: Language) -> list[str]:
    """Replace each of the pipeline's entity rulers whose token patterns are all exact (``phrase_attr``) by a
    ``PhraseRuler`` with the same patterns and settings, under the same name; the names of those replaced."""
    replaced = []
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is not EntityRuler or not pipe.token_patterns:
            continue
        patterns = pipe.patterns
        token = [p for p in patterns if isinstance(p["pattern"], list)]
        if any(phrase_attr(p["pattern"]) is None for p in token):
            continue
        attr = pipe.phrase_matcher_attr
        config = {"phrase_matcher_attr": nlp.vocab.strings[attr] if isinstance(attr, int) else attr,
                  "overwrite_ents": pipe.overwrite, "ent_id_sep": pipe.ent_id_sep}
        ruler = nlp.replace_pipe(name, FACTORY, config=config)
        assert isinstance(ruler, PhraseRuler)
        ruler.add_patterns([p for p in patterns if isinstance(p["pattern"], str)])
        ruler.add_exact(token)
        replaced.append(name)
    return replaced
