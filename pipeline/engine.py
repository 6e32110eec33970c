"""Where the corpus-sized work of an analysis runs: this process, local worker processes, or Dask.

An :class:`Engine` applies ``function(shared, item)`` to every item of a list and returns the results
in the order of the items, whoever computed them. ``shared`` is what every task needs (a tagger, a
fitted matcher): it travels once per worker where the engine allows, not once per item. ``function``
must be importable by name (a module-level function), so that a worker process can find it.

:func:`open_engine` chooses the engine from ``scheduler``:

* ``None``: this process, or with ``workers`` > 1 a pool of that many local worker processes, started
  the first time :meth:`Engine.map` is called: forked from this process on Linux when it runs no other
  thread, so that they start at once with the libraries it loaded (they only compute: the workers
  that read untrusted files are the guarded ones of :mod:`pipeline.ingest`), else started by a fork
  server;
* ``"threads"``, ``"processes"``, ``"sync"``: Dask's local schedulers;
* ``"tcp://host:port"`` (any address with ``://``): a ``dask.distributed`` cluster; ``shared`` is
  scattered to every worker once per :meth:`Engine.map`.

The results are the same whichever engine computes them: the tasks are the same, only where they
run differs.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any, Protocol, TypeVar

from pipeline.errors import UsageError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

DASK_LOCAL_SCHEDULERS = frozenset({"threads", "processes", "sync", "synchronous"})


class Engine(Protocol):
    """Runs ``function(shared, item)`` for every item; results in the order of ``items``, which may be
    an iterator that builds each item when it is taken."""

    name: str

    def map(self, function: Callable[[S, T], R], shared: S, items: Iterable[T]) -> list[R]: ...


class InProcess:
    """Every task in this process, one after the other."""

    name = "local"

    def map(self, function: Callable[[S, T], R], shared: S, items: Iterable[T]) -> list[R]:
        return [function(shared, item) for item in items]


# Items a LocalPool has handed to its workers (running or queued) per worker, at most.
IN_FLIGHT_PER_WORKER = 2


class LocalPool:
    """Tasks spread over ``workers`` local processes. ``shared`` is pickled once per :meth:`map` and
    unpickled once per worker process (kept there until the next :meth:`map` sends another)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.name = f"{workers} local processes"
        self._pool: Executor | None = None

    def map(self, function: Callable[[S, T], R], shared: S, items: Iterable[T]) -> list[R]:
        items = iter(items)
        first = list(islice(items, 2))
        if len(first) < 2:
            return InProcess().map(function, shared, first)
        if self._pool is None:
            self._pool = _process_pool(self.workers, inherit=True)
        token, payload = uuid.uuid4().hex, pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)
        # Items are taken (and built, when ``items`` builds them) only as workers become free: at most
        # IN_FLIGHT_PER_WORKER per worker wait or run at a time, so that this process never holds them all.
        pending: deque[Any] = deque()
        results: list[R] = []
        for item in chain(first, items):
            pending.append(self._pool.submit(_run_with_payload, function, token, payload, item))
            del item
            if len(pending) >= IN_FLIGHT_PER_WORKER * self.workers:
                results.append(pending.popleft().result())
        results.extend(future.result() for future in pending)
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _process_pool(workers: int, *, inherit: bool = False) -> Executor:
    """A pool of ``workers`` processes: with ``inherit``, forked from this one on Linux when it runs no
    other thread (they start at once, with the libraries this process loaded; a lock another thread
    held would stay held in them), else started afresh by a fork server."""
    if inherit and sys.platform == "linux" and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


# In a worker process of a LocalPool: the shared object of the current map, unpickled once.
_WORKER_SHARED: dict[str, Any] = {}


def _run_with_payload(function: Callable[[Any, T], R], token: str, payload: bytes, item: T) -> R:
    shared = _WORKER_SHARED.get(token)
    if shared is None:
        _WORKER_SHARED.clear()
        shared = _WORKER_SHARED[token] = pickle.loads(payload)
    return function(shared, item)


class DaskLocal:
    """Dask's local schedulers (``threads``, ``processes``, ``sync``): one delayed task per item, the
    shared object one node of the graph that every task depends on. ``processes`` keeps one pool of
    worker processes for the engine's life (Dask would start one per computation)."""

    def __init__(self, scheduler: str) -> None:
        self.name = self.scheduler = scheduler
        self._pool: Executor | None = None

    def map(self, function: Callable[[S, T], R], shared: S, items: Iterable[T]) -> list[R]:
        import dask

        items = list(items)

        node = dask.delayed(shared, name=f"shared-{uuid.uuid4().hex}", traverse=False)
        task = dask.delayed(function, pure=False, traverse=False)
        options: dict[str, Any] = {}
        if self.scheduler == "processes":
            if self._pool is None:
                self._pool = _process_pool(os.cpu_count() or 1)
            options = {"pool": self._pool, "chunksize": 1}
        return list(dask.compute(*[task(node, item) for item in items], scheduler=self.scheduler, **options))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskCluster:
    """A ``dask.distributed`` cluster: the shared object scattered to every worker, one task per item."""

    def __init__(self, address: str) -> None:
        try:
            from dask.distributed import Client
        except ImportError as error:
            raise UsageError("a cluster address needs dask.distributed: pip install 'dask[distributed]'") from error
        self.name = address
        self.client = Client(address)

    def map(self, function: Callable[[S, T], R], shared: S, items: Iterable[T]) -> list[R]:
        items = list(items)
        if not items:
            return []
        scattered = self.client.scatter(shared, broadcast=True, hash=False)
        try:
            futures = self.client.map(function, [scattered] * len(items), list(items), pure=False)
            return self.client.gather(futures)
        finally:
            self.client.cancel([scattered])

    def close(self) -> None:
        self.client.close()


def batched(items: Sequence[T], size: int, *, weight: Callable[[T], int]) -> list[list[T]]:
    """``items`` in consecutive batches, each closed once the weights of its items add up to ``size``
    or more (so a batch of documents holds whole documents)."""
    batches: list[list[T]] = [[]]
    total = 0
    for item in items:
        batches[-1].append(item)
        total += weight(item)
        if total >= size:
            batches.append([])
            total = 0
    return [batch for batch in batches if batch]


@contextmanager
def open_engine(scheduler: str | None, *, workers: int = 1) -> Iterator[Engine]:
    """The engine for ``scheduler`` (see the module's docstring); ``workers`` counts the local worker
    processes when ``scheduler`` is None (1: this process only)."""
    engine: InProcess | LocalPool | DaskLocal | DaskCluster
    if scheduler is None:
        engine = LocalPool(workers) if workers > 1 else InProcess()
    elif "://" in scheduler:
        engine = DaskCluster(scheduler)
    elif scheduler in DASK_LOCAL_SCHEDULERS:
        engine = DaskLocal(scheduler)
    else:
        raise UsageError(f"unknown scheduler {scheduler!r}: use threads, processes or a tcp:// address")
    try:
        yield engine
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()
