"""The public API is pinned: ``wirescope.__all__``, the documented signatures, and typed results.

A change here is a change of the public API: make it on purpose, update the pin in the same commit and say so in the
commit message (and in docs/api.md for the HTTP API).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

import wirescope

PUBLIC = [
    "Analysis", "Article", "Entity", "Event", "Mention", "Pipeline", "Place", "Quote", "Sentence", "Settings",
    "Store", "TimeRef", "WirescopeError", "__version__", "analyze", "article_from_text", "ingest", "ingest_articles",
]

# The signatures the README and the package docstring document.
SIGNATURES = {
    "analyze": "(text: 'str', published: 'date | str | None' = None, title: 'str | None' = None, *, "
    "settings: 'Settings | None' = None) -> 'Analysis'",
    "article_from_text": "(text: 'str', *, published: 'date | str | None' = None, title: 'str | None' = None, "
    "source: 'str | None' = None) -> 'Article'",
    "ingest": "(inputs: 'Sequence[str]', store: 'Store', settings: 'Settings | None' = None, *, "
    "mapping: 'FieldMapping | None' = None, client: 'HttpClient | None' = None, pipeline: 'Pipeline | None' = None, "
    "progress: 'ProgressCallback | None' = None) -> 'IngestReport'",
    "ingest_articles": "(articles: 'Iterable[Article | Failure]', store: 'Store', settings: 'Settings | None' = None, "
    "*, pipeline: 'Pipeline | None' = None, progress: 'ProgressCallback | None' = None) -> 'IngestReport'",
    "Pipeline": "(settings: 'Settings | None' = None, *, nlp: 'Language | None' = None) -> 'None'",
    "Pipeline.analyze": "(self, article: 'Article') -> 'Analysis'",
    "Pipeline.analyze_many": "(self, articles: 'Iterable[Article]', *, batch_size: 'int | None' = None, "
    "n_process: 'int | None' = None) -> 'Iterator[Analysis | Failure]'",
    "Store": "(path: 'str | Path' = PosixPath('wirescope.duckdb'), *, read_only: 'bool' = False) -> 'None'",
    "Store.write": "(self, analyses: 'Sequence[Analysis]', *, run_id: 'str | None', "
    "signatures: 'dict[str, bytes] | None' = None, "
    "others: 'Sequence[tuple[Article, str, str | None, float | None]]' = (), "
    "failures: 'Sequence[Failure]' = ()) -> 'None'",
    "Store.close": "(self) -> 'None'",
}


def test_all_is_pinned_and_every_name_resolves() -> None:
    assert sorted(wirescope.__all__) == sorted(PUBLIC)
    for name in wirescope.__all__:
        assert getattr(wirescope, name) is not None, name


def _resolve(dotted: str) -> Callable[..., Any]:
    obj: Any = wirescope
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj.__init__ if inspect.isclass(obj) else obj  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_documented_signatures(name: str) -> None:
    signature = str(inspect.signature(_resolve(name)))
    if inspect.isclass(getattr(wirescope, name, None)):
        signature = signature.replace("(self, ", "(", 1)
    assert signature == SIGNATURES[name]


# -- typed results ------------------------------------------------------------------------------------------------

# Serialisers to the public JSON shapes return JSON objects by nature.
_SERIALISERS = ("to_json", "record_json", "to_row")
# Public functions outside api/ and cli/ that still return dicts of Any, each with the reason. The list may only
# shrink: a function that gets a typed result must leave it, and no new one may join.
KNOWN_UNTYPED: set[str] = set()  # none left: a function that needs one must say why here


def _untyped(hint: Any) -> bool:
    """True for ``dict``/``Mapping`` of ``Any`` or ``object``, anywhere in the type (``list[dict[str, Any]]``)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if (origin in (dict, Mapping) or (inspect.isclass(origin) and issubclass(origin, Mapping))) and (
        len(args) == 2 and args[1] in (Any, object)
    ):
        return True
    return any(_untyped(a) for a in args)


_UNTYPED_TEXT = re.compile(r"\b(?:dict|Mapping)\[[^\[\]]*,\s*(?:Any|object)\]")


def _returns_untyped(func: Callable[..., Any]) -> bool:
    try:
        hints = typing.get_type_hints(func)
    except NameError:  # an annotation names a type imported only for type checking: read the annotation's text
        annotation = func.__annotations__.get("return")
        return isinstance(annotation, str) and bool(_UNTYPED_TEXT.search(annotation))
    return "return" in hints and _untyped(hints["return"])


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    for info in pkgutil.walk_packages(wirescope.__path__, "wirescope."):
        if info.name.startswith(("wirescope.api", "wirescope.cli")) or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != info.name:
                continue
            if inspect.isfunction(obj):
                yield f"{info.name}.{name}", obj
            elif inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    func = member.__func__ if isinstance(member, classmethod | staticmethod) else member
                    if inspect.isfunction(func) and not attr.startswith("_"):
                        yield f"{info.name}.{name}.{attr}", func


def test_public_functions_return_typed_values() -> None:
    found, seen = set(), set()
    for qualname, func in _public_callables():
        seen.add(qualname)
        if qualname.rsplit(".", 1)[1] in _SERIALISERS:
            continue
        if _returns_untyped(func):
            found.add(qualname)
    new = sorted(found - KNOWN_UNTYPED)
    assert not new, f"public functions returning dicts of Any (return a record or a typed mapping): {new}"
    typed_now = sorted(name for name in KNOWN_UNTYPED - found if name in seen)  # (one that is gone is no news)
    assert not typed_now, f"these now return typed values: take them off KNOWN_UNTYPED: {typed_now}"


def test_the_check_sees_untyped_results() -> None:
    assert _untyped(dict[str, Any]) and _untyped(list[dict[str, object]]) and _untyped(Mapping[str, Any] | None)
    assert not _untyped(dict[str, int]) and not _untyped(list[str]) and _untyped(dict[str, dict[str, Any]])
    assert _UNTYPED_TEXT.search("list[dict[str, Any]]") and not _UNTYPED_TEXT.search("dict[str, list[Gazetteer]]")


def test_ingest_stays_the_function_after_the_ingest_package_is_imported() -> None:
    import wirescope.ingest.sources  # what running an ingest does

    assert callable(wirescope.ingest) and wirescope.ingest.__name__ == "ingest"
