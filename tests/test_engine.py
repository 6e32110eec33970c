"""The engines that run an analysis's tasks: each gives the results of running the tasks here, in
the order of the items; batches hold whole items; a scheduler that is not one is a usage error."""

from __future__ import annotations

import os
import threading

import pytest

from pipeline.engine import batched, open_engine
from pipeline.errors import UsageError


def scaled(shared: dict[str, int], item: tuple[str, int]) -> tuple[str, int, int]:
    """A task that says which process ran it, so that a test can tell the work was spread."""
    name, value = item
    return name, value * shared["factor"], os.getpid()


ITEMS = [(f"item{index}", index) for index in range(12)]


@pytest.mark.parametrize(("scheduler", "workers"), [(None, 1), (None, 2), ("sync", 1), ("threads", 1),
                                                   ("processes", 1)])
def test_every_engine_gives_the_results_in_the_order_of_the_items(scheduler: str | None, workers: int) -> None:
    with open_engine(scheduler, workers=workers) as engine:
        results = engine.map(scaled, {"factor": 3}, ITEMS)
        again = engine.map(scaled, {"factor": 5}, ITEMS[:3])  # a second map sends its own shared object
    assert [(name, value) for name, value, _ in results] == [(name, 3 * value) for name, value in ITEMS]
    assert [value for _, value, _ in again] == [0, 5, 10]
    here = {pid for *_, pid in results} == {os.getpid()}
    assert here == (scheduler in {None, "sync", "threads"} and workers == 1)


def test_an_empty_list_of_items_gives_no_results() -> None:
    for scheduler in (None, "threads"):
        with open_engine(scheduler, workers=2) as engine:
            assert engine.map(scaled, {"factor": 1}, []) == []


def test_an_unknown_scheduler_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown scheduler 'thread'"), open_engine("thread"):
        pass


def test_batches_hold_whole_items_and_close_at_the_size() -> None:
    sizes = [3, 1, 5, 2, 2, 2, 7]
    batches = batched(sizes, 5, weight=lambda size: size)
    assert batches == [[3, 1, 5], [2, 2, 2], [7]]
    assert [size for batch in batches for size in batch] == sizes
    assert batched([], 5, weight=lambda size: size) == []


def test_local_workers_start_afresh_while_another_thread_runs() -> None:
    """A forked worker would inherit the locks the other thread holds: the pool starts by a fork server."""
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        with open_engine(None, workers=2) as engine:
            results = engine.map(scaled, {"factor": 2}, ITEMS)
            method = engine._pool._mp_context.get_start_method()
    finally:
        release.set()
        other.join()
    assert [value for _, value, _ in results] == [2 * value for _, value in ITEMS]
    assert method != "fork"


def marked(folder: str, index: int) -> int:
    """A task that leaves a mark when it is done."""
    open(os.path.join(folder, f"done-{index}"), "w").close()
    return index * index


@pytest.mark.parametrize("scheduler", [None, "sync"])
def test_items_built_on_demand_are_taken_only_as_earlier_ones_finish(scheduler: str | None, tmp_path) -> None:
    from pipeline.engine import IN_FLIGHT_PER_WORKER

    workers = 2
    limit = IN_FLIGHT_PER_WORKER * workers
    taken: list[int] = []

    def items():
        for index in range(limit * 3):
            if scheduler is None and index >= limit:  # the local pool holds at most `limit` unfinished items
                assert (tmp_path / f"done-{index - limit}").exists(), f"item {index} taken too early"
            taken.append(index)
            yield index

    with open_engine(scheduler, workers=workers) as engine:
        results = engine.map(marked, str(tmp_path), items())
    assert results == [index * index for index in range(limit * 3)]
    assert taken == list(range(limit * 3))
