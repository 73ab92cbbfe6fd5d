"""Tables that fit the terminal: one line per row, cells cut with an ellipsis, never a word broken across lines.

Rich's own layout folds a cell that does not fit onto the next line, mid-word ("2020-01-" / "03"), which makes a
listing at 80 or 120 columns hard to read. Here the widths are chosen before Rich draws anything:

- every column starts at its natural width (its longest value or header);
- while the table is too wide, the widest column that may still shrink loses a character: long text columns
  (headlines, sentences) are cut first and level down together; short atomic values (dates, codes, numbers, ids)
  keep their full width while anything else can give way;
- when even the floors do not fit, columns are dropped from the right, and a note on stderr names them.

``wide=True`` shows everything: each column is at least as wide as its longest word, the table may be wider than
the terminal, and cells wrap only at spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

TEXT_FLOOR = 12  # narrowest a text column is cut to before columns are dropped
HEADER_FLOOR = 6  # an atomic column is not cut below this much of its header ("size", "lat", "conf…")
ATOMIC_MAX = 26  # a value without spaces up to this long (a date-time, a code, an id) is kept whole if possible
BOX = box.HEAVY_HEAD


@dataclass(frozen=True, slots=True)
class Layout:
    """The columns shown (indexes into the given columns) and their widths."""

    shown: tuple[int, ...]
    widths: tuple[int, ...]


def one_line(value: str) -> str:
    """A cell's text on one line: newlines and tabs become spaces (a stored sentence may hold both)."""
    return " ".join(value.split()) if any(c in value for c in "\n\r\t") else value


def overhead(n: int) -> int:
    """Characters a table of ``n`` columns spends on borders and padding (``│ a │ b │``)."""
    return 3 * n + 1


def _floor(header: str, values: Sequence[str]) -> int:
    """How narrow a column may become: atomic values keep their width, text is cut to TEXT_FLOOR."""
    longest = max((cell_len(v) for v in values), default=0)
    natural = max(longest, cell_len(header))
    if all(" " not in v for v in values) and longest <= ATOMIC_MAX:
        return max(longest, min(cell_len(header), HEADER_FLOOR), 1)
    return min(natural, TEXT_FLOOR)


def fit(headers: Sequence[str], cells: Sequence[Sequence[str]], width: int) -> Layout:
    """Column widths (and the columns kept) for a table of ``cells`` drawn within ``width`` characters."""
    columns = [[row[i] for row in cells] for i in range(len(headers))]
    natural = [max([cell_len(headers[i]), *(cell_len(v) for v in columns[i])]) for i in range(len(headers))]
    floors = [min(_floor(headers[i], columns[i]), natural[i]) for i in range(len(headers))]
    shown = list(range(len(headers)))
    # drop columns from the right until their floors fit (the first column always stays)
    while len(shown) > 1 and sum(floors[i] for i in shown) + overhead(len(shown)) > width:
        shown.pop()
    widths = {i: min(natural[i], max(width - overhead(1), 1)) for i in shown}
    excess = sum(widths.values()) + overhead(len(shown)) - width
    while excess > 0:
        shrinkable = [i for i in shown if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: (widths[i], i))
        # level the widest down to the next widest (or its floor) in one step, never past the excess
        others = [widths[i] for i in shrinkable if i != widest]
        target = max(floors[widest], max(others, default=0), widths[widest] - excess)
        step = max(widths[widest] - target, 1)
        widths[widest] -= step
        excess -= step
    return Layout(tuple(shown), tuple(widths[i] for i in shown))


def render(headers: Sequence[str], cells: Sequence[Sequence[str]], *, wide: bool = False,
           console: Console | None = None, err: Console | None = None) -> None:
    """Print ``cells`` under ``headers`` fitted to the console's width (or in full with ``wide``)."""
    console = console or Console()
    cells = [[one_line(v) for v in row] for row in cells]
    if wide:
        _render_wide(headers, cells, console)
        return
    layout = fit(headers, cells, console.width)
    table = Table(show_header=True, header_style="bold", box=BOX, expand=False)
    for i, w in zip(layout.shown, layout.widths, strict=True):
        table.add_column(Text(headers[i], overflow="ellipsis", no_wrap=True), width=w, min_width=w, max_width=w,
                         no_wrap=True, overflow="ellipsis")
    for row in cells:
        table.add_row(*(Text(row[i], overflow="ellipsis", no_wrap=True) for i in layout.shown))
    console.print(table, crop=False)
    hidden = [headers[i] for i in range(len(headers)) if i not in layout.shown]
    if hidden and err is not None:
        err.print(f"({len(hidden)} more columns not shown: {', '.join(hidden)}; use --wide or --json)",
                  highlight=False, soft_wrap=True)


def _render_wide(headers: Sequence[str], cells: Sequence[Sequence[str]], console: Console) -> None:
    """Everything, wrapping only at spaces: each column is at least its longest word wide, and the table is drawn
    on a canvas as wide as those minimums need when the terminal is narrower."""
    longest_word = [max([cell_len(w) for v in [headers[i], *(row[i] for row in cells)] for w in v.split()] or [1])
                    for i in range(len(headers))]
    need = sum(longest_word) + overhead(len(headers))
    canvas = console if need <= console.width else Console(width=need, file=console.file,
                                                            force_terminal=console.is_terminal)
    table = Table(show_header=True, header_style="bold", box=BOX, expand=False)
    for i, header in enumerate(headers):
        table.add_column(header, min_width=longest_word[i], overflow="fold")
    for row in cells:
        table.add_row(*(Text(v) for v in row))
    canvas.print(table, crop=False)
