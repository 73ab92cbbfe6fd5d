"""Escalation index: daily conflict intensity per directed dyad, and alerts when it jumps.

For each day ``d`` and directed dyad (source -> target, at country level: the actors' ISO3 countries; at actor level:
their CAMEO actor codes), over the merged events of that day:

* weight ``w_i = num_mentions_i * confidence_i`` (an event reported often and coded confidently counts more; the
  merged confidence is ``1 - prod(1 - best confidence per source)``, and the merged events come only from events at
  or above the aggregation's threshold, ``AggregateSettings.min_confidence``, so a doubted candidate weighs nothing);
* ``goldstein_sum = sum(w_i * g_i)`` and ``goldstein_mean = goldstein_sum / sum(w_i)``;
* the quad-class mix: the share of the weight in each of the four quad classes;
* the **index** ``I_d = 100 * (-goldstein_sum / 10) / (sum(w_i) + prior_weight)``, in (-100, 100): +100 is nothing
  but maximal material conflict (Goldstein -10), -100 nothing but maximal cooperation, 0 neutral or no evidence.
  ``prior_weight`` pulls thinly reported days towards 0, so one low-confidence mention cannot spike the index.

Modalities: asserted and reported events count as coded. A threatened event counts as a threat (quad class 3,
Goldstein ``threat_goldstein``, CAMEO 130's value) whatever action was threatened; hypothetical and negated events
are left out.

**Change detection.** Rows are kept for days with events only; days without events count as index 0. A day
raises an alert when its index is at least ``min_index``, it has at least ``min_events`` events and ``min_weight``
evidence weight, and it exceeds the mean of the previous ``trailing_days`` days (fewer at the start of a dyad's
history) by ``z_threshold`` standard deviations (the deviation floored at ``min_std`` so a flat quiet history does
not make every small blip an alert). The alert lists the events that contributed most (``w * -g``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from ..errors import ConfigError
from ..records import Actor, json_form, record_json
from .merge import MergedEvent

LEVELS = ("country", "actor")
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass(frozen=True)
class EscalationSettings:
    prior_weight: float = 1.0
    trailing_days: int = 14
    z_threshold: float = 2.0
    min_std: float = 5.0
    min_index: float = 20.0
    min_events: int = 1
    min_weight: float = 1.5  # evidence the alert day needs: e.g. two confident mentions, not one stray report
    threat_goldstein: float = -4.4
    driving_events: int = 5

    def __post_init__(self) -> None:
        if self.prior_weight < 0 or self.trailing_days < 1 or self.min_std <= 0:
            raise ConfigError("escalation: prior_weight must be >= 0, trailing_days >= 1 and min_std > 0")


@dataclass(frozen=True)
class DyadDay:
    level: str
    source: str
    target: str
    day: date
    events: int
    mentions: int
    weight: float = field(metadata=json_form(digits=4))
    goldstein_sum: float = field(metadata=json_form(digits=4))
    goldstein_mean: float = field(metadata=json_form(digits=4))
    # shares of the four quad classes, spread in JSON under their names
    quad_shares: tuple[float, float, float, float] = field(
        metadata=json_form(digits=4, keys=tuple(QUAD_NAMES.values())))
    index: float = field(metadata=json_form(digits=2))
    baseline: float = field(metadata=json_form(digits=2))
    z: float = field(metadata=json_form(digits=2))
    alert: bool
    event_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True)
class Alert:
    level: str
    source: str
    target: str
    day: date
    index: float = field(metadata=json_form(digits=2))
    baseline: float = field(metadata=json_form(digits=2))
    z: float = field(metadata=json_form(digits=2))
    driving_events: tuple[str, ...]
    reason: str

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


def dyad_side(actor: Actor | None, level: str) -> str | None:
    if actor is None:
        return None
    if level == "country":
        return actor.country
    return actor.code or actor.name


class Weighed(Protocol):
    """What a day's row reads of an event: a :class:`MergedEvent`, or the plain columns an incremental run reads
    (``incremental.DayEvent``)."""

    @property
    def id(self) -> str: ...
    @property
    def modality(self) -> str: ...
    @property
    def quad_class(self) -> int: ...
    @property
    def goldstein(self) -> float: ...
    @property
    def num_mentions(self) -> int: ...
    @property
    def weight(self) -> float: ...


def effective(event: Weighed, settings: EscalationSettings) -> tuple[int, float] | None:
    """(quad class, Goldstein) an event counts with, or None when its modality is left out."""
    if event.modality in ("asserted", "reported"):
        return event.quad_class, event.goldstein
    if event.modality == "threatened":
        return 3, settings.threat_goldstein
    return None


def cell(event: MergedEvent, level: str, s: EscalationSettings) -> tuple[str, str, date] | None:
    """The (source, target, day) an event counts for at ``level``, or None when it counts for none."""
    src, tgt = dyad_side(event.source, level), dyad_side(event.target, level)
    if not src or not tgt or src == tgt or event.date is None or effective(event, s) is None:
        return None
    return src, tgt, event.date


def escalation(
    events: Iterable[MergedEvent], level: str = "country", settings: EscalationSettings | None = None
) -> list[DyadDay]:
    """Daily rows for every directed dyad with at least one event, gaps filled with empty days."""
    if level not in LEVELS:
        raise ConfigError(f"escalation level must be one of {LEVELS}, got {level!r}")
    s = settings or EscalationSettings()
    buckets: dict[tuple[str, str], dict[date, list[MergedEvent]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        where = cell(event, level, s)
        if where is not None:
            buckets[where[:2]][where[2]].append(event)
    out: list[DyadDay] = []
    for (src, tgt), by_day in sorted(buckets.items()):
        out.extend(_series(level, src, tgt, by_day, s))
    return out


def _series(
    level: str, src: str, tgt: str, by_day: dict[date, list[MergedEvent]], s: EscalationSettings
) -> list[DyadDay]:
    """Rows for the days with events; days without events count as index 0 in the trailing window."""
    first = min(by_day)
    indices: dict[date, float] = {}  # index of the days with events so far
    rows = []
    for day in sorted(by_day):
        row = day_row(level, src, tgt, day, by_day[day], trailing(indices, day, first, s), s)
        indices[day] = row.index
        rows.append(row)
    return rows


def trailing(indices: dict[date, float], day: date, first: date, s: EscalationSettings) -> tuple[int, list[float]]:
    """The trailing window of ``day``: its length in days (the previous ``trailing_days`` days, but not before the
    dyad's first event) and the index of its days with events (the others count as 0)."""
    span = min(s.trailing_days, (day - first).days)
    days = (day - timedelta(days=k) for k in range(span, 0, -1))  # oldest first: one order of summing
    return span, [indices[d] for d in days if d in indices]


def day_row(
    level: str, src: str, tgt: str, day: date, evs: Sequence[Weighed], trail: tuple[int, list[float]],
    s: EscalationSettings,
) -> DyadDay:
    """One dyad-day's row from its events and its trailing window (:func:`trailing`); a day depends on nothing
    else, which is what lets an incremental run recompute only the days that changed and the days after them."""
    weight = gsum = 0.0
    quads = [0.0, 0.0, 0.0, 0.0]
    for ev in evs:
        quad, gold = effective(ev, s)  # type: ignore[misc]
        w = ev.weight
        weight += w
        gsum += w * gold
        quads[quad - 1] += w
    index = 100.0 * (-gsum / 10.0) / (weight + s.prior_weight) if (weight + s.prior_weight) > 0 else 0.0
    span, values = trail
    if span:
        baseline = sum(values) / span
        std = math.sqrt(max(0.0, sum(x * x for x in values) / span - baseline * baseline))
    else:
        baseline = std = 0.0
    z = (index - baseline) / max(std, s.min_std)
    alert = index >= s.min_index and len(evs) >= s.min_events and weight >= s.min_weight and z >= s.z_threshold
    ranked = sorted(evs, key=lambda e: -(e.weight * -(effective(e, s) or (0, 0.0))[1]))
    return DyadDay(
        level=level,
        source=src,
        target=tgt,
        day=day,
        events=len(evs),
        mentions=sum(e.num_mentions for e in evs),
        weight=weight,
        goldstein_sum=gsum,
        goldstein_mean=gsum / weight if weight else 0.0,
        quad_shares=tuple(q / weight if weight else 0.0 for q in quads),  # type: ignore[arg-type]
        index=index,
        baseline=baseline,
        z=z,
        alert=alert,
        event_ids=tuple(e.id for e in ranked),
    )


def alerts(rows: Iterable[DyadDay], settings: EscalationSettings | None = None) -> list[Alert]:
    s = settings or EscalationSettings()
    out = []
    for row in rows:
        if not row.alert:
            continue
        reason = (
            f"{row.source}->{row.target} index {row.index:.1f} on {row.day.isoformat()} vs trailing "
            f"{s.trailing_days}-day mean {row.baseline:.1f} (z={row.z:.1f}; {row.events} events, "
            f"{row.mentions} mentions)"
        )
        out.append(
            Alert(
                row.level,
                row.source,
                row.target,
                row.day,
                row.index,
                row.baseline,
                row.z,
                row.event_ids[: s.driving_events],
                reason,
            )
        )
    out.sort(key=lambda a: (a.day, -a.index))
    return out


def fill_gaps(rows: list[DyadDay]) -> list[DyadDay]:
    """One dyad's rows with the days without events added as empty rows (index 0), for charts."""
    if not rows:
        return []
    by_day = {r.day: r for r in rows}
    out = []
    day, last = min(by_day), max(by_day)
    proto = rows[0]
    while day <= last:
        out.append(
            by_day.get(day)
            or DyadDay(
                proto.level,
                proto.source,
                proto.target,
                day,
                0,
                0,
                0.0,
                0.0,
                0.0,
                (0.0, 0.0, 0.0, 0.0),
                0.0,
                0.0,
                0.0,
                False,
            )
        )
        day += timedelta(days=1)
    return out


def plot(rows: list[DyadDay], path: str, title: str | None = None) -> None:
    """Write a PNG of the index (line) and weighted event volume (bars) for one dyad's rows."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.dates import date2num

    rows = fill_gaps(rows)
    days = date2num([r.day for r in rows])
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar(days, [r.weight for r in rows], color="#bbbbbb", label="evidence weight (mentions x confidence)")
    ax.set_ylabel("weight")
    ax2 = ax.twinx()
    ax2.plot(days, [r.index for r in rows], color="#c0392b", marker="o", label="escalation index")
    for r in rows:
        if r.alert:
            ax2.annotate(
                "alert",
                (date2num(r.day), r.index),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                color="#c0392b",
            )
    ax2.set_ylim(-100, 100)
    ax2.axhline(0, color="#888888", linewidth=0.5)
    ax2.set_ylabel("index (-100 cooperation .. +100 conflict)")
    if rows:
        ax.set_title(title or f"{rows[0].source} -> {rows[0].target} ({rows[0].level})")
    ax.xaxis_date()
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
