"""`wirescope rules` (the event coder's rules: list, firing counts on a corpus, draft examples) and `wirescope
recode` (re-analyse stored articles coded by other rules or lexicons)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..config import DEFAULT_MODEL, Settings
from ..errors import WirescopeError
from .common import (
    ActorsFileOption,
    DbOption,
    DictionariesOption,
    JsonOption,
    WideOption,
    fail,
    print_rows,
    settings_from,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

DisableOption = Annotated[list[str] | None, typer.Option(
    "--disable-rule", help="Switch off a rule by id (repeatable): an event-coder rule (`wirescope rules` lists "
    "them) or a quotation rule (quotes.*, speaker.*: docs/quotes.md)")]


def with_disabled(settings: Settings, ids: list[str] | None) -> Settings:
    """``settings`` with ``ids`` switched off: quotation rules (``quotes.*`` and ``speaker.*``) and event-coder
    rules each go to their own registry, which checks them and names close ids for an unknown one."""
    ids = ids or []
    quotes = ("quotes.", "speaker.")
    return replace(settings, disabled_rules=tuple(i for i in ids if not i.startswith(quotes)),
                   disabled_quote_rules=tuple(i for i in ids if i.startswith(quotes)))


def register(app: typer.Typer) -> None:
    app.command(name="rules")(rules)
    app.command(name="recode")(recode)


def rules(
    stats: Annotated[Path | None, typer.Option(
        "--stats", help="Count how often each rule fires on a corpus (a file or folder ingest can read)")] = None,
    draft: Annotated[str | None, typer.Option(
        "--draft", help="Print a CoNLL-U example block for TEXT parsed by the model, with the rule's effect on and "
        "off, to check and add to the rule's examples file")] = None,
    text: Annotated[str | None, typer.Option(help="The sentence(s) of the example for --draft")] = None,
    headline: Annotated[str | None, typer.Option(
        help="With --draft: the article's headline, coded before TEXT on the events stage's article path")] = None,
    ids_from: Annotated[Path | None, typer.Option(
        "--ids-from", help="With --stats: only the articles listed in this file (one id a line, a JSON list, or a "
        "split file such as data/voa2025/split.json with --part); an id is wirescope's or the input record's")] = None,
    part: Annotated[str | None, typer.Option(
        help="With --ids-from a split file: the list to take (tuning, check)")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
    model: Annotated[str, typer.Option(help="spaCy pipeline")] = DEFAULT_MODEL,
    dictionaries: DictionariesOption = None,
    actors: ActorsFileOption = None,
    disable_rule: DisableOption = None,
) -> None:
    """List the event coder's rules in the order they run, then the quotation rules, with phase and description (or
    --stats, --draft)."""
    from ..nlp.coding.rules import RULES, check_rule_ids, rule_ids

    try:
        check_rule_ids([*(disable_rule or ()), *([draft] if draft else [])])
    except WirescopeError as exc:
        fail(str(exc))
    if draft is not None:
        _draft(draft, text, model, headline or "")
        return
    if stats is None:
        from ..nlp.quotes.rules import QUOTE_RULES

        # the event coder's rules, then the quotation extractor's and speaker resolver's (docs/quotes.md)
        print_rows([{"rule": r.id, "phase": r.phase, "description": r.description, "note": r.note}
                    for r in (*RULES, *QUOTE_RULES)],
                   json_out, columns=None if json_out else ("rule", "phase", "description"), wide=wide)
        return
    from ..ingest.sources import read_inputs
    from ..nlp.coding.explain import read_ids, rule_stats, selected, stats_rows
    from ..nlp.pipeline import Pipeline
    from ..records import Article

    settings = settings_from(model=model, stages="entities,events", dictionaries=dictionaries, actors_file=actors)
    try:
        from dataclasses import replace

        pipeline = Pipeline(replace(settings, disabled_rules=tuple(disable_rule or ())))
        articles: Iterable[Article] = (a for a in read_inputs([str(stats)]) if isinstance(a, Article))
        if ids_from is not None:
            articles = selected(articles, read_ids(ids_from, part))
        counts, done, failed = rule_stats(pipeline, articles)
    except WirescopeError as exc:
        fail(str(exc))
    rows = stats_rows(counts, rule_ids())
    print_rows(rows, json_out, wide=wide)
    if not json_out:
        silent = [str(r["rule"]) for r in rows if not r["fired"]]
        typer.echo(f"{done} articles ({failed} failed); {len(rows) - len(silent)} of {len(rows)} rules fired"
                   + (f"; never: {', '.join(silent)}" if silent else ""), err=True)


def _draft(rule_id: str, text: str | None, model: str, headline: str = "") -> None:
    from ..nlp.coding.rules.examples import draft
    from ..nlp.pipeline import load_model

    if not text:
        fail("--draft needs --text 'the example sentence'")
    typer.echo(draft(rule_id, text, 1, load_model(model), headline))


def recode(
    db: DbOption = Path("wirescope.duckdb"),
    stale: Annotated[bool, typer.Option(
        "--stale", help="Only articles whose stored stage versions differ from the installed ones")] = False,
    json_out: JsonOption = False,
    model: Annotated[str, typer.Option(help="spaCy pipeline")] = DEFAULT_MODEL,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages (default: all)")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch and per transaction")] = 32,
    dictionaries: DictionariesOption = None,
    actors: ActorsFileOption = None,
    disable_rule: DisableOption = None,
) -> None:
    """Re-analyse stored articles (all, or with --stale those coded by other rules, lexicons or dictionaries)."""
    from dataclasses import asdict

    from ..runners.recode import recode as run

    if not db.exists():
        fail(f"no wirescope database at {db}; run `wirescope ingest` first or pass --db PATH")
    settings = with_disabled(settings_from(model=model, stages=stages, batch_size=batch_size,
                                           dictionaries=dictionaries, actors_file=actors), disable_rule)
    try:
        report = run(db, settings, stale_only=stale)
    except WirescopeError as exc:
        fail(str(exc))
    if json_out:
        typer.echo(json.dumps(asdict(report)))
    else:
        typer.echo(f"{report.recoded} of {report.selected} {'stale ' if stale else ''}articles re-analysed"
                   f" ({report.failed} failed)")
