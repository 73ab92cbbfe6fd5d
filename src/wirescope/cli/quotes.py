"""`wirescope quotes` (query stored quotations) and `wirescope eval quotes` (score the extractor on PolNeAR)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..config import DEFAULT_MODEL
from ..errors import WirescopeError
from ..records import QUOTE_TYPES
from .common import DbOption, JsonOption, WideOption, fail, print_rows, reader_or_server, spec_row
from .evaluate import eval_app

FORMATS = ("polnear",)


def register(app: typer.Typer) -> None:
    app.command(name="quotes")(quotes)
    eval_app.command(name="quotes")(eval_quotes)


def quotes(
    db: DbOption = Path("wirescope.duckdb"),
    speaker: Annotated[
        str | None, typer.Option(help="Speaker name or text substring, actor code prefix (IRNGOV) or entity id")
    ] = None,
    type: Annotated[
        str | None, typer.Option("--type", help=", ".join(QUOTE_TYPES))
    ] = None,
    article: Annotated[str | None, typer.Option(help="Only this article id")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N quotations")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List stored quotations with their speaker (who said what)."""
    from ..store.quotes import query_quotes
    from ..store.tables import QUOTES
    from .remote import Remote

    columns = ("speaker_name", "speaker_text", "speaker_code", "cue_text", "type", "text", "confidence", "article_id")
    with reader_or_server(db) as store:
        if isinstance(store, Remote):
            rows = store.rows("/api/quotes", {"speaker": speaker, "type": type, "article_id": article}, limit)
            print_rows(rows, json_out, [c for c in columns if not rows or c in rows[0]], wide=wide)
            return
        try:
            found = query_quotes(store.con, speaker=speaker, type=type, article_id=article, limit=limit)
        except WirescopeError as exc:
            fail(str(exc))
    # Each quotation as its row of the quotes table (the shape of the API and the exports), less its position.
    rows = [{k: v for k, v in spec_row(QUOTES, q, idx=None).items() if k != "idx"} for q in found]
    print_rows(rows if json_out else [_shown(r) for r in rows], json_out, columns, wide=wide)


def _shown(row: dict[str, object]) -> dict[str, object]:
    """A table row names no pronoun as the speaker: one that did not resolve reads "unresolved" (the JSON keeps
    the span's text and ``speaker_status``)."""
    if row.get("speaker_status") != "unresolved":
        return row
    return {**row, "speaker_name": "unresolved", "speaker_text": None}


def eval_quotes(
    folder: Annotated[Path, typer.Argument(help="PolNeAR-format folder with text/ and attributions/")],
    format: Annotated[str, typer.Option("--format", help="Gold format: polnear")] = "polnear",
    model: Annotated[str, typer.Option(help="spaCy pipeline: package name or path")] = DEFAULT_MODEL,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N articles")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object")] = False,
) -> None:
    """Score quotation extraction (source, cue and content spans; exact and token overlap) on gold attributions."""
    from ..eval.quotes import default_predictor, evaluate_polnear

    if format not in FORMATS:
        fail(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    if not folder.is_dir():
        fail(f"gold folder {folder} does not exist")
    try:
        result = evaluate_polnear(folder, default_predictor(model), limit=limit)
    except WirescopeError as exc:
        fail(str(exc))
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    for kind in ("exact", "overlap"):
        for role, s in result[kind].items():
            typer.echo(f"{kind:8} {role:8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    typer.echo(f"articles {result['articles']}")
