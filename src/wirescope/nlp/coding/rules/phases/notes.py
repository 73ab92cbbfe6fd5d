"""Phrases shared by the notes of rules that fire rarely or never on the corpora measured."""

from __future__ import annotations

NOWHERE = ("fires on no sentence of bbc2225, the tuning part of the real-news gold, guardian_sdf_2017_2019 or "
           "iran_crisis_2020 (rules --stats, December 2026): ")
# what the measures of a note below name: `wirescope rules --stats ../shared/data/corpora/bbc2225.jsonl` and
# `wirescope rules --stats data/voa2025/voa_2025_dev.jsonl --ids-from data/voa2025/split.json --part tuning`
QUIET = "fires on no sentence of bbc2225 or the tuning part of the real-news gold (rules --stats, December 2026): "
