"""Actor folding: the surface names under which one actor appears become one node of the network.

The coder names an actor by what the sentence says: "Syria", "Syrian", "Damascus" (the capital standing for the
state), "Isis", "Islamic State", "ISIL", "al-Qaeda", "al Qaida". An analyst's network should show one node per
actor and say why names were put together. The folds are data, ``data/actors/folds.tsv`` (built by
``scripts/build_actor_folds.py`` from the country names and capitals of GeoNames, the demonym and alias tables of
``data/places`` and the armed-group aliases of ``data/entities``, each row naming its source):

    surface <TAB> node <TAB> reason <TAB> iso3 <TAB> source

Names are compared by a key that ignores case, accents, apostrophes, punctuation and a leading "the"
(:func:`fold_key`); two surfaces with the same key and no row are one node too, a **spelling variant**. The
reasons a surface is folded into its node are :data:`FOLD_REASONS`.

Why at query time and not in the store: the fold is a view of names for display; codes, names and texts stay as the
coder wrote them (and as the gold scores them), and a better table applies to stores already built.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TypedDict

from ..errors import ConfigError

# Why a surface name is part of a node. "name" is the node's own name (not a fold); the others are shown on hover.
FOLD_REASONS = ("name", "demonym", "capital as metonym", "alias", "spelling variant")
_TABLE = "actors/folds.tsv"
_APOSTROPHES = re.compile(r"['’‘`]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


class FoldJson(TypedDict):
    """A name folded into a network node, as the API gives it."""

    name: str
    reason: str
    events: int


class NodeJson(TypedDict):
    id: str
    events: int
    fold: list[FoldJson]


EdgeJson = dict[str, str | int | float | None]


class NetworkJson(TypedDict):
    nodes: list[NodeJson]
    edges: list[EdgeJson]


@dataclass(frozen=True, slots=True)
class FoldRow:
    """One row of the fold table: ``surface`` is part of ``node`` for ``reason``."""

    surface: str
    node: str
    reason: str
    iso3: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Folded:
    """A surface name folded into its node (``reason`` None when the surface is the node's own name)."""

    surface: str
    node: str
    node_key: str
    reason: str | None
    iso3: str | None = None


def fold_key(text: str) -> str:
    """The comparison key of a name: lower case, no accents or apostrophes, words joined by one space, no leading
    "the" ("The Islamic State" and "islamic-state" share a key). :func:`fold_key_sql` computes the same in SQL."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    plain = "".join(c for c in decomposed if unicodedata.category(c)[0] != "M")  # as DuckDB's strip_accents
    words = _NON_WORD.sub(" ", _APOSTROPHES.sub("", plain)).strip()
    return words[4:] if words.startswith("the ") else words


def fold_key_sql(expr: str) -> str:
    """SQL (DuckDB) for :func:`fold_key` of ``expr``; tests check that both agree."""
    low = f"strip_accents(lower({expr}))"
    words = f"trim(regexp_replace(regexp_replace({low}, '[''’‘`]', '', 'g'), '[^a-z0-9]+', ' ', 'g'))"
    return f"regexp_replace({words}, '^the ', '')"


def parse_table(lines: Iterable[str], name: str = _TABLE) -> tuple[FoldRow, ...]:
    """Rows of a fold table; a bad row raises :class:`ConfigError` naming its line."""
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 5 or parts[2] not in FOLD_REASONS or not parts[0].strip() or not parts[1].strip():
            raise ConfigError(f"{name} line {number}: expected surface, node, reason (one of "
                                 f"{', '.join(FOLD_REASONS)}), iso3, source separated by tabs: {line!r}")
        rows.append(FoldRow(parts[0], parts[1], parts[2], parts[3] or None, parts[4]))
    return tuple(rows)


class ActorFolder:
    """Maps surface names to nodes through a fold table (first row of a key wins, the table is built that way)."""

    def __init__(self, rows: Iterable[FoldRow]) -> None:
        self.rows = tuple(rows)
        self._by_key: dict[str, FoldRow] = {}
        for row in self.rows:
            self._by_key.setdefault(fold_key(row.surface), row)

    def fold(self, surface: str) -> Folded:
        """The node of ``surface``: the table's, else the surface itself (its key is the node's key)."""
        key = fold_key(surface)
        row = self._by_key.get(key)
        if row is None:
            return Folded(surface, surface, key, None)
        reason: str | None = row.reason
        if reason == "name":
            reason = None if surface == row.node else "spelling variant"
        # otherwise the table's reason: "Isis" for the row "ISIS" is an alias, which says more than its spelling
        return Folded(surface, row.node, fold_key(row.node), reason, row.iso3)

    def node_name(self, node_key: str) -> str | None:
        """The display name of a node the table knows (by its key)."""
        row = self._by_key.get(node_key)
        return row.node if row is not None else None

    def values_sql(self) -> str:
        """``(VALUES (key, node_key), ...)``: the table for a join in SQL (string literals from our own data)."""
        pairs: dict[str, str] = {}
        for row in self.rows:
            pairs.setdefault(fold_key(row.surface), fold_key(row.node))
        body = ", ".join(f"('{_sql_str(k)}', '{_sql_str(v)}')" for k, v in sorted(pairs.items()))
        return f"(VALUES {body})"


def _sql_str(text: str) -> str:
    return text.replace("'", "''")


@functools.cache
def default_folder() -> ActorFolder:
    """The folder of the bundled table."""
    text = resources.files("wirescope.data").joinpath(_TABLE).read_text(encoding="utf-8")
    return ActorFolder(parse_table(text.splitlines()))


@functools.cache
def default_values_sql() -> str:
    return default_folder().values_sql()


def fold_nodes(
    surfaces: Mapping[str, Mapping[str, int]], folder: ActorFolder | None = None
) -> dict[str, tuple[str, list[FoldJson]]]:
    """For each node key, its display name and its folds (``surfaces``: node key -> surface name -> events).

    The display name is the table's node name, else the node's most frequent surface. Each other surface is a fold
    ``{"name", "reason", "events"}``: the table's reason, or "spelling variant" when only its spelling differs."""
    folder = folder or default_folder()
    out: dict[str, tuple[str, list[FoldJson]]] = {}
    for key, counts in surfaces.items():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        name = folder.node_name(key) or ranked[0][0]
        folds: list[FoldJson] = []
        for surface, events in ranked:
            if surface == name:
                continue
            folded = folder.fold(surface)
            reason = folded.reason if folded.node_key == key and folded.reason else "spelling variant"
            folds.append({"name": surface, "reason": reason, "events": events})
        out[key] = (name, folds)
    return out


def network_sql(source: str, target: str, where: str, top: int, *, fold: bool = True) -> str:
    """SQL of the ``top`` strongest directed edges between folded nodes of the events ``t`` (``source`` and
    ``target`` are SQL expressions of the surface names, ``where`` the filter clause). Each edge row carries the
    node keys (``source``, ``target``), its counts, and ``source_names``/``target_names``: lists of
    ``{name, n}`` (surface name, events), from which :func:`network_of` names the nodes and lists their folds.

    Events are first grouped by their surface pair, and the names are keyed once each: keying every event's names
    costs seconds on a million events, keying the distinct names milliseconds. The name lists are built for the
    ``top`` edges only: a store's few hundred names make tens of thousands of pairs, and listing them all cost more
    than the scan."""
    if fold:
        head = f"WITH folds(k, n) AS {default_values_sql()}, "
        keyed = (f"SELECT u.name, coalesce(f.n, u.k) AS nk FROM (SELECT name, {fold_key_sql('name')} AS k FROM "
                 "(SELECT s AS name FROM pairs UNION SELECT g FROM pairs)) u LEFT JOIN folds f ON f.k = u.k")
    else:  # ISO3 countries: the codes are the nodes
        head = "WITH "
        keyed = "SELECT name, name AS nk FROM (SELECT s AS name FROM pairs UNION SELECT g FROM pairs)"
    quads = ", ".join(f"count(*) FILTER (t.quad_class = {i}) AS q{i}" for i in range(1, 5))
    sums = ", ".join(f"CAST(sum(p.q{i}) AS BIGINT) AS q{i}" for i in range(1, 5))
    order = "ORDER BY events DESC, source, target"
    return (
        f"{head}pairs AS (SELECT {source} AS s, {target} AS g, count(*) AS n, {quads}, sum(t.goldstein) AS gsum, "
        f"count(t.goldstein) AS gn FROM events t{where} GROUP BY 1, 2), keyed AS ({keyed}), "
        "edges AS (SELECT ks.nk AS source, kg.nk AS target, p.* FROM pairs p "
        "JOIN keyed ks ON ks.name = p.s JOIN keyed kg ON kg.name = p.g), "
        f"top AS (SELECT p.source, p.target, CAST(sum(p.n) AS BIGINT) AS events, {sums}, "
        "round(sum(p.gsum) / nullif(sum(p.gn), 0), 2) AS goldstein "
        f"FROM edges p GROUP BY 1, 2 {order} LIMIT {int(top)}) "
        "SELECT t.source, t.target, t.events, t.q1, t.q2, t.q3, t.q4, t.goldstein, "
        "list({'name': p.s, 'n': p.n}) AS source_names, list({'name': p.g, 'n': p.n}) AS target_names "
        "FROM top t JOIN edges p ON p.source = t.source AND p.target = t.target "
        f"GROUP BY ALL {order}"
    )


def network_of(rows: Iterable[Mapping[str, object]], folder: ActorFolder | None = None) -> NetworkJson:
    """``{"nodes", "edges"}`` of the network from the rows of :func:`network_sql`: nodes named and folded, edges
    between node names (the surface maps dropped)."""
    surfaces: dict[str, dict[str, int]] = {}
    degree: dict[str, int] = {}
    edges: list[EdgeJson] = []
    for row in rows:
        edge: EdgeJson = {k: v for k, v in row.items()  # type: ignore[misc]
                          if k not in ("source_names", "target_names")}
        # the most frequent quad class (the lower class on a tie)
        counts = [int(row[f"q{i}"] or 0) for i in range(1, 5)]  # type: ignore[call-overload]
        edge["quad_class"] = 1 + counts.index(max(counts)) if max(counts) else None
        for side in ("source", "target"):
            key = str(row[side])
            names = surfaces.setdefault(key, {})
            for name, n in _pairs(row[f"{side}_names"]):
                names[name] = names.get(name, 0) + n
            degree[key] = degree.get(key, 0) + int(row["events"])  # type: ignore[call-overload]
        edges.append(edge)
    folded = fold_nodes(surfaces, folder)
    for edge in edges:
        edge["source"] = folded[str(edge["source"])][0]
        edge["target"] = folded[str(edge["target"])][0]
    nodes: list[NodeJson] = [
        {"id": name, "events": degree[key], "fold": folds} for key, (name, folds) in folded.items()
    ]
    nodes.sort(key=lambda n: n["id"])
    return {"nodes": nodes, "edges": edges}


def _pairs(value: object) -> list[tuple[str, int]]:
    """The ``[{name, n}, ...]`` list of an edge row."""
    if not isinstance(value, list):
        return []
    return [(str(item["name"]), int(item["n"])) for item in value]
