"""Issue 20, wall time: how the worker pool cuts a chunk of articles into pieces (runners/workers.py)."""

from __future__ import annotations

import pytest

from wirescope.runners.local import _chunks
from wirescope.runners.workers import TAIL_PIECE, piece_sizes


@pytest.mark.parametrize("count", [1, 3, 16, 100, 121, 128, 500])
@pytest.mark.parametrize("last", [False, True])
def test_pieces_cover_the_articles_in_order_within_a_batch(count: int, last: bool) -> None:
    sizes = piece_sizes(count, 32, 2, last=last)
    assert sum(sizes) == count
    assert all(1 <= s <= 32 for s in sizes)


def test_a_middle_chunk_goes_in_whole_batches() -> None:
    assert piece_sizes(128, 32, 2) == [32, 32, 32, 32]
    assert piece_sizes(6, 32, 2) == [3, 3]  # an even share per worker when the chunk is small


def test_the_last_chunk_shrinks_to_small_pieces_at_its_end() -> None:
    sizes = piece_sizes(121, 32, 2, last=True)
    assert sizes == sorted(sizes, reverse=True)  # the largest first, the smallest last
    assert sizes[0] > 16 and max(sizes[-3:]) <= TAIL_PIECE


def test_chunks_say_which_is_last() -> None:
    assert [(len(c), last) for c, last in _chunks(range(10), 4)] == [(4, False), (4, False), (2, True)]  # type: ignore[arg-type]
    assert [(len(c), last) for c, last in _chunks(range(8), 4)] == [(4, False), (4, True)]  # type: ignore[arg-type]
    assert list(_chunks([], 4)) == []


def test_chunks_with_an_edge_start_and_end_small() -> None:
    sizes = [(len(c), last) for c, last in _chunks(range(288), 128, 32)]  # type: ignore[arg-type]
    assert sizes == [(32, False), (128, False), (32, False), (32, False), (32, False), (32, True)]
    assert [len(c) for c, _ in _chunks(range(300), 128, 32)] == [32, 128, 128, 12]  # type: ignore[arg-type]
    items = [i for c, _ in _chunks(range(300), 128, 32) for i in c]  # type: ignore[arg-type]
    assert items == list(range(300))  # every item once, in order
    assert [(len(c), last) for c, last in _chunks(range(20), 128, 32)] == [(20, True)]  # type: ignore[arg-type]
    assert [(len(c), last) for c, last in _chunks(range(64), 128, 32)] == [(32, False), (32, True)]  # type: ignore[arg-type]
