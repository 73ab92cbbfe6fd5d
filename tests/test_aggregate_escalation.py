"""Escalation index: formula, quad mix, modality handling, change detection, plot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from aggregate_support import event
from wirescope.aggregate.escalation import EscalationSettings, alerts, escalation, fill_gaps, plot
from wirescope.aggregate.merge import ArticleMeta, merge_events
from wirescope.errors import ConfigError


def _merged(specs: list[tuple[str, str, str, str, str]]) -> list:  # type: ignore[type-arg]
    arts = []
    for i, (code, src, tgt, day, modality) in enumerate(specs):
        aid = f"a{i}"
        arts.append(
            (
                ArticleMeta(aid, date.fromisoformat(day), f"s{i}.com"),
                [event(aid, code, src, tgt, day=day, modality=modality, sentence=i, start=i)],
            )
        )
    return merge_events(arts, None)


def test_index_formula_and_quad_mix() -> None:
    events = _merged(
        [("190", "USAMIL", "IRNMIL", "2020-01-03", "asserted"), ("042", "USAGOV", "IRNGOV", "2020-01-03", "asserted")]
    )
    (row,) = escalation(events, "country")
    w = 0.8
    gsum = w * -10.0 + w * 1.9
    assert row.weight == pytest.approx(2 * w)
    assert row.goldstein_sum == pytest.approx(gsum)
    assert row.goldstein_mean == pytest.approx(gsum / (2 * w))
    assert row.index == pytest.approx(100 * (-gsum / 10) / (2 * w + 1.0))
    assert row.quad_shares == pytest.approx((0.5, 0.0, 0.0, 0.5))
    actor_rows = escalation(events, "actor")
    assert {(r.source, r.target) for r in actor_rows} == {("USAMIL", "IRNMIL"), ("USAGOV", "IRNGOV")}


def test_modalities() -> None:
    events = _merged(
        [
            ("190", "IRNMIL", "USAMIL", "2020-01-03", "threatened"),
            ("190", "IRNMIL", "USAMIL", "2020-01-03", "hypothetical"),
        ]
    )
    (row,) = escalation(events, "country")
    assert row.events == 1 and row.goldstein_mean == pytest.approx(-4.4) and row.quad_shares[2] == 1.0


def test_change_detection_raises_alert_with_driving_events() -> None:
    specs = [("042", "USAGOV", "IRNGOV", f"2020-01-{d:02d}", "asserted") for d in (1, 4, 7)]
    specs += [
        ("190", "USAMIL", "IRNMIL", "2020-01-10", "asserted"),
        ("183", "USAMIL", "IRNMIL", "2020-01-10", "asserted"),
    ]
    events = _merged(specs)
    rows = escalation(events, "country")
    assert rows[0].day == date(2020, 1, 1) and len(rows) == 4 and len(fill_gaps(rows)) == 10
    assert [r.day for r in rows if r.alert] == [date(2020, 1, 10)]
    (alert,) = alerts(rows)
    assert alert.source == "USA" and alert.target == "IRN" and len(alert.driving_events) == 2
    assert alert.index > 20 and alert.baseline < 0


def test_settings_checked() -> None:
    with pytest.raises(ConfigError):
        EscalationSettings(trailing_days=0)
    with pytest.raises(ConfigError):
        escalation([], "planet")


def test_plot_writes_png(tmp_path: Path) -> None:
    rows = escalation(
        _merged(
            [
                ("190", "USAMIL", "IRNMIL", "2020-01-03", "asserted"),
                ("042", "USAGOV", "IRNGOV", "2020-01-05", "asserted"),
            ]
        ),
        "country",
    )
    out = tmp_path / "x.png"
    plot(rows, str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_day_event_reads_what_the_record_gives() -> None:
    """An incremental run reads a stored merged event's columns (incremental.DayEvent), not its record: the same
    cell at both levels and the same weight, with an actor missing, without a code, or the same on both sides."""
    from dataclasses import replace

    from wirescope.aggregate.escalation import EscalationSettings, cell, effective
    from wirescope.aggregate.incremental import DayEvent, day_cell
    from wirescope.records import Actor

    s = EscalationSettings()
    base = _merged([("190", "USAMIL", "IRNMIL", "2020-01-03", "asserted")])[0]
    actors = [None, Actor(0, 3, "Iran", name="Iran", code="IRN", country="IRN"),
              Actor(0, 3, "the army", name=None, code="", country="USA"), Actor(0, 3, "x", name="Some Group"),
              Actor(0, 3, "Iran", name="Iran", code="IRNGOV", country="IRN")]
    for src in actors:
        for tgt in actors:
            for modality in ("asserted", "threatened", "negated"):
                ev = replace(base, source=src, target=tgt, modality=modality)
                lean = DayEvent(ev.id, ev.date, ev.modality, ev.quad_class, ev.goldstein, ev.confidence,
                                ev.num_mentions, ev.first_seen, ev.last_seen,
                                (src.country if src else None, tgt.country if tgt else None),
                                ((src.code or src.name) if src else None, (tgt.code or tgt.name) if tgt else None))
                for level in ("country", "actor"):
                    assert day_cell(lean, level, s) == cell(ev, level, s)
                assert lean.weight == ev.weight and effective(lean, s) == effective(ev, s)
