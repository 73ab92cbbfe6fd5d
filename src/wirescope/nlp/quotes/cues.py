"""The cue lexicon: lemmas (and short lemma sequences) that signal attribution, each with a class."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ...errors import ConfigError

CLASSES = ("speech", "belief", "intent", "perception", "evidence")
# Classes a quotation (as opposed to PolNeAR's wider "attribution") is reported for.
QUOTE_CLASSES = frozenset({"speech", "belief"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    single: dict[str, str]  # lemma -> class
    multi: dict[tuple[str, ...], str]  # ("call", "for") -> class
    # lemmas that cue only a quotation next to them or a clause ("he continued, “…”"), not a plain object or an
    # infinitive ("continued to rise")
    quoted_only: frozenset[str] = frozenset()

    def cls(self, lemma: str) -> str | None:
        return self.single.get(lemma.lower())


def parse_lexicon(text: str, source: str) -> CueLexicon:
    single: dict[str, str] = {}
    multi: dict[tuple[str, ...], str] = {}
    quoted_only: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        lemma, _, rest = line.partition("\t")
        cls, _, flag = rest.partition("\t")
        cls, flag = cls.strip(), flag.strip()
        if cls not in CLASSES:
            raise ConfigError(
                f"{source}:{lineno}: cue class {cls!r} is not one of {', '.join(CLASSES)}; write 'lemma<TAB>class'"
            )
        if flag not in ("", "quoted"):
            raise ConfigError(f"{source}:{lineno}: unknown cue flag {flag!r}; the only flag is 'quoted'")
        words = tuple(lemma.lower().split())
        if flag:
            quoted_only.add(" ".join(words))
        if len(words) == 1:
            single[words[0]] = cls
        else:
            multi[words] = cls
    return CueLexicon(single, multi, frozenset(quoted_only))


@functools.cache
def bundled_lexicon() -> CueLexicon:
    text = resources.files("wirescope.data").joinpath("quotes/cues.txt").read_text(encoding="utf-8")
    return parse_lexicon(text, "wirescope/data/quotes/cues.txt")


def load_lexicon(path: Path | None = None) -> CueLexicon:
    if path is None:
        return bundled_lexicon()
    try:
        return parse_lexicon(path.read_text(encoding="utf-8"), str(path))
    except OSError as exc:
        raise ConfigError(f"cannot read cue lexicon {path}: {exc.strerror}; pass an existing file") from None
