"""Run readers — and whatever a file's text goes through next — in a worker process with time and memory limits.

:class:`GuardedReader` keeps one long-lived worker process (so a batch of hundreds of files pays the
start-up and import cost once) and sends it one file at a time over a pipe. The worker reads the
file and, when the caller names a ``then`` step (normalising and structuring the text), runs it on
the extraction before anything comes back, so the limits hold for the whole per-file work. When a
file takes longer than the time limit, or the worker's resident memory grows past the memory limit,
the worker's whole process group (the worker and anything it started, e.g. LibreOffice) is killed
and :class:`~pipeline.errors.ExtractionTimeoutError` or :class:`~pipeline.errors.ResourceLimitError`
is raised; the next file starts a fresh worker. Errors come back as the same IngestError subclass with the same
``reason``; any other exception becomes ``IngestError("reader crashed: <Type>: <message>")``, and a
worker that dies (segfault, out of memory) is reported the same way.

The worker is started with the "forkserver" method on Linux (the fork server preloads the readers'
modules once, so restarting a killed worker costs milliseconds and no threads of the parent are
forked), "spawn" elsewhere. Inside a daemonic process — a ``dask worker`` under its nanny, a
``multiprocessing.Pool`` worker — multiprocessing may not start children, so the worker is a plain
``subprocess`` running the same loop over two pipes instead; the time limit and the kill work alike. :func:`read_file_guarded` is a convenience wrapper around a shared
module-level GuardedReader.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline import config
from pipeline.errors import ExtractionTimeoutError, IngestError, ResourceLimitError
from pipeline.records import Extraction

log = logging.getLogger("lzp.ingest.guard")

# Modules imported once in the fork server so that each (re)started worker has them already
# (the readers import their heavy libraries lazily; a missing one is skipped by the fork server).
PRELOAD = [
    "pipeline.ingest", "pipeline.ingest.text", "pipeline.ingest.html", "pipeline.ingest.pdf",
    "pipeline.ingest.docx", "pipeline.ingest.office", "pipeline.documents", "pdfplumber", "docx", "trafilatura", "numpy",
]
STARTUP_TIMEOUT = 120.0
# A worker is replaced after this many files, to bound memory growth in pdfminer/lxml caches.
MAX_TASKS_PER_WORKER = 200
# How often the parent looks at the worker's memory while it waits for a result.
MEMORY_POLL_SECONDS = 0.1


# --- worker side ---------------------------------------------------------------------------------


def _worker_main(conn) -> None:
    """Loop: receive (reader, extra_readers, path, max_bytes, then, then_kwargs), send back a result tuple."""
    with contextlib.suppress(OSError):
        os.setpgrp()  # own process group, so a kill also reaches converters started by a reader
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    for name in ("pdfminer", "pdfplumber", "pypdf", "trafilatura", "PIL"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.simplefilter("ignore")  # library deprecation chatter must not reach the terminal
    import pipeline.ingest as ingest

    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        reader, extra, path, max_bytes, then, then_kwargs = message
        stage = "read"
        try:
            for suffix, spec in extra.items():
                if ingest.EXTRA_READERS.get(suffix) != spec:
                    ingest.register_reader(suffix, spec)
            for suffix in set(ingest.EXTRA_READERS) - set(extra):
                ingest.unregister_reader(suffix)
            if reader is None:
                result = ingest.read_file(Path(path), max_bytes=max_bytes)
            else:
                func = ingest._resolve(reader)
                result = func(Path(path), max_bytes=max_bytes)
            if then is not None:
                stage = "then"
                result = then(Path(path), result, **then_kwargs)
            reply = ("ok", result)
        except IngestError as exc:
            reply = ("error", type(exc), str(exc), exc.reason)
        except BaseException as exc:  # noqa: BLE001 - everything must come back to the parent
            reply = ("crash", type(exc).__name__, str(exc), traceback.format_exc(), stage)
        try:
            conn.send(reply)
        except Exception as exc:  # unpicklable result or exception class
            conn.send(("crash", type(exc).__name__, f"result could not be sent back: {exc}", "", stage))


def _rebuild_error(cls: type, message: str, reason: str) -> IngestError:
    try:
        error = cls(message, reason=reason)
        if isinstance(error, IngestError):
            return error
    except Exception:
        pass
    return IngestError(message, reason=reason)


def _crash_reason(type_name: str, message: str, stage: str = "read") -> str:
    message = " ".join(message.split())
    if len(message) > 200:
        message = message[:197] + "..."
    what = "reader crashed" if stage == "read" else "internal error"
    return f"{what}: {type_name}: {message}" if message else f"{what}: {type_name}"


def resident_bytes(pid: int) -> int | None:
    """Resident memory of process ``pid`` (Linux ``/proc``); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _subprocess_main() -> None:
    """Entry point of a worker started with :mod:`subprocess`: requests on stdin, replies on stdout.

    The reply channel is a private copy of the original stdout; file descriptor 1 then points to
    stderr, so that nothing a library prints can corrupt the channel.
    """
    from multiprocessing.connection import Connection

    reply_fd = os.dup(1)
    os.dup2(2, 1)
    _worker_main(_Duplex(Connection(os.dup(0), writable=False), Connection(reply_fd, readable=False)))


class _Duplex:
    """Two one-way connections seen as one duplex connection (send, recv, poll, close)."""

    def __init__(self, incoming, outgoing) -> None:
        self._incoming, self._outgoing = incoming, outgoing

    def send(self, message) -> None:
        self._outgoing.send(message)

    def recv(self):
        return self._incoming.recv()

    def poll(self, timeout: float | None = 0.0) -> bool:
        return self._incoming.poll(timeout)

    def close(self) -> None:
        for connection in (self._incoming, self._outgoing):
            with contextlib.suppress(OSError):
                connection.close()


class _SubprocessWorker:
    """A worker process started with :mod:`subprocess` in its own session, with the small part of
    the :class:`multiprocessing.Process` interface that :class:`GuardedReader` uses."""

    def __init__(self) -> None:
        from multiprocessing.connection import Connection

        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH", "")]))
        self._popen = subprocess.Popen(
            [sys.executable, "-c", "from pipeline.ingest.guard import _subprocess_main; _subprocess_main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            start_new_session=True, close_fds=True,
        )
        self.pid = self._popen.pid
        self.connection = _Duplex(Connection(os.dup(self._popen.stdout.fileno()), writable=False),
                                  Connection(os.dup(self._popen.stdin.fileno()), readable=False))
        self._popen.stdout.close()
        self._popen.stdin.close()

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)

    @property
    def exitcode(self) -> int | None:
        return self._popen.poll()

    def close(self) -> None:
        self.connection.close()


def _in_daemonic_process() -> bool:
    return bool(multiprocessing.current_process().daemon)


# --- parent side ---------------------------------------------------------------------------------


def _main_is_importable() -> bool:
    """False when ``__main__`` came from stdin or ``-c`` (a spawned child could not re-import it)."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


def _default_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if not _main_is_importable() and "fork" in methods:
        # `python - <<EOF` or `python -c`: forkserver/spawn would try to re-run a main file that
        # does not exist; fork copies the parent instead.
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


class GuardedReader:
    """Read files in a reusable worker process with a per-file time limit.

    Use as a context manager (or call :meth:`close`)::

        with GuardedReader(timeout=60) as guarded:
            for path in paths:
                extraction = guarded.read(path)

    ``reader`` replaces :func:`pipeline.ingest.read_file` in the worker; it must be a top-level
    function (or ``"module:function"``) called as ``reader(path, max_bytes=...)``. ``max_memory``
    bounds the worker's resident memory in bytes (checked every :data:`MEMORY_POLL_SECONDS` where
    the platform reports it, Linux; None: no bound).
    Not thread-safe for concurrent reads on one instance (calls are serialised with a lock).
    """

    def __init__(
        self,
        *,
        timeout: float = config.DEFAULT_TIMEOUT_SECONDS,
        max_bytes: int = config.DEFAULT_MAX_FILE_BYTES,
        max_memory: int | None = config.DEFAULT_MAX_MEMORY_BYTES,
        reader: Callable[..., Extraction] | str | None = None,
        start_method: str | None = None,
        max_tasks_per_worker: int = MAX_TASKS_PER_WORKER,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_memory = max_memory
        self.reader = reader
        self.max_tasks_per_worker = max_tasks_per_worker
        if start_method is None:
            self._context = _default_context()
        else:
            self._context = multiprocessing.get_context(start_method)
            if start_method == "forkserver":
                self._context.set_forkserver_preload(PRELOAD)
        self._process = None
        self._conn = None
        self._tasks = 0
        self._lock = threading.Lock()
        self.restarts = 0  # workers started after a kill or crash (for tests and logs)

    # lifecycle
    def __enter__(self) -> GuardedReader:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker (politely, then by force)."""
        with self._lock:
            self._stop_worker(graceful=True)

    def _start_worker(self) -> None:
        if _in_daemonic_process():  # multiprocessing refuses children here: a plain subprocess instead
            process = _SubprocessWorker()
            parent_conn = process.connection
        else:
            parent_conn, child_conn = self._context.Pipe(duplex=True)
            process = self._context.Process(target=_worker_main, args=(child_conn,), daemon=True,
                                            name="lzp-reader")
            process.start()
            child_conn.close()
        self._process, self._conn, self._tasks = process, parent_conn, 0
        if not parent_conn.poll(STARTUP_TIMEOUT):
            self._stop_worker(graceful=False)
            raise IngestError("reader worker did not start", reason="reader crashed: worker did not start")
        try:
            parent_conn.recv()
        except (EOFError, OSError) as exc:
            self._stop_worker(graceful=False)
            raise IngestError("reader worker died at start-up", reason="reader crashed: worker died at start-up") from exc

    def _stop_worker(self, *, graceful: bool) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return
        if graceful and process.is_alive():
            with contextlib.suppress(Exception):
                conn.send(None)
            process.join(2)
        if process.is_alive():
            _kill_group(process.pid)
            process.join(5)
        with contextlib.suppress(Exception):
            conn.close()
        with contextlib.suppress(Exception):
            process.close()

    # reading
    def read(
        self,
        path: Path,
        *,
        timeout: float | None = None,
        max_bytes: int | None = None,
        then: Callable[..., Any] | None = None,
        then_kwargs: dict[str, Any] | None = None,
    ) -> Any:
        """Read ``path`` in the worker and return its extraction — or, with ``then``, what
        ``then(path, extraction, **then_kwargs)`` returns there (a top-level function, so that it can
        be sent by reference). Raise an IngestError subclass on any failure, the limits included."""
        import pipeline.ingest as ingest

        timeout = self.timeout if timeout is None else timeout
        max_bytes = self.max_bytes if max_bytes is None else max_bytes
        request = (self.reader, dict(ingest.EXTRA_READERS), str(Path(path)), max_bytes, then, then_kwargs or {})
        with self._lock:
            if self._process is not None and self._tasks >= self.max_tasks_per_worker:
                self._stop_worker(graceful=True)
            if self._process is None or not self._process.is_alive():
                self._stop_worker(graceful=False)
                self._start_worker()
            self._tasks += 1
            try:
                self._conn.send(request)
                outcome = self._wait(timeout)
            except (OSError, EOFError):
                outcome = "ready"  # the worker died; recv below reports it
            if outcome == "timeout":
                self._stop_worker(graceful=False)
                self.restarts += 1
                raise ExtractionTimeoutError(
                    f"{path}: no result after {timeout:g} s; worker killed",
                    reason=f"time limit exceeded ({timeout:g} s)",
                )
            if outcome == "memory":
                self._stop_worker(graceful=False)
                self.restarts += 1
                limit = f"{self.max_memory / 2**20:g} MB"
                raise ResourceLimitError(f"{path}: worker memory above {limit}; worker killed",
                                         reason=f"memory limit exceeded ({limit})")
            try:
                reply = self._conn.recv()
            except (EOFError, OSError):
                self._process.join(1)
                code = self._process.exitcode
                self._stop_worker(graceful=False)
                self.restarts += 1
                what = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                raise IngestError(
                    f"{path}: reader process died ({what})",
                    reason=f"reader crashed: worker process died ({what})",
                ) from None
        kind = reply[0]
        if kind == "ok":
            return reply[1]
        if kind == "error":
            _, cls, message, reason = reply
            raise _rebuild_error(cls, message, reason)
        _, type_name, message, trace, stage = reply
        log.error("%s on %s:\n%s", "reader crashed" if stage == "read" else "internal error", path, trace)
        reason = _crash_reason(type_name, message, stage)
        raise IngestError(f"{path}: {reason}", reason=reason)

    def _wait(self, timeout: float) -> str:
        """"ready", "timeout" or "memory": wait for the worker's reply, watching its memory."""
        if self.max_memory is None:
            return "ready" if self._conn.poll(timeout) else "timeout"
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "timeout"
            if self._conn.poll(min(remaining, MEMORY_POLL_SECONDS)):
                return "ready"
            used = resident_bytes(self._process.pid)
            if used is not None and used > self.max_memory:
                return "memory"


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        with contextlib.suppress(ProcessLookupError, OSError):
            os.kill(pid, signal.SIGKILL)


_shared: GuardedReader | None = None
_shared_lock = threading.Lock()


def read_file_guarded(
    path: Path,
    *,
    timeout: float = config.DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = config.DEFAULT_MAX_FILE_BYTES,
) -> Extraction:
    """:func:`pipeline.ingest.read_file` in a shared worker process, killed after ``timeout`` seconds."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = GuardedReader(timeout=timeout, max_bytes=max_bytes)
            atexit.register(_close_shared)
        guarded = _shared
    return guarded.read(path, timeout=timeout, max_bytes=max_bytes)


def _close_shared() -> None:
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
