"""Stand-in readers for testing the guard and the batch orchestrator (registered by the tests only).

Register one for a made-up suffix, e.g. ``register_reader(".hang", "tests.ingest.stand_in_readers:hang")``;
:mod:`pipeline.ingest.guard` ships registrations to its worker process.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from pipeline.records import Extraction, TextBlock


def hang(path: Path, **_: object) -> Extraction:
    """Never returns (sleeps for an hour)."""
    time.sleep(3600)
    raise AssertionError("unreachable")


def crash(path: Path, **_: object) -> Extraction:
    """Raises an unexpected (non-IngestError) exception."""
    raise ZeroDivisionError("division by zero in a buggy reader")


def die(path: Path, **_: object) -> Extraction:
    """Kills its own process, as a segfault in a C library would."""
    os._exit(3)


def echo(path: Path, **_: object) -> Extraction:
    """Returns the file name and the worker's process id as text."""
    return Extraction(blocks=(TextBlock(text=f"{Path(path).name} {os.getpid()}", paragraph=1),))


def hang_after(path: Path, extraction: Extraction, **_: object) -> Extraction:
    """A step after reading that never returns."""
    time.sleep(3600)
    raise AssertionError("unreachable")


def grow_after(path: Path, extraction: Extraction, **_: object) -> Extraction:
    """A step after reading that keeps taking memory (about 1 GB over a few seconds)."""
    hoard = []
    for _ in range(100):
        hoard.append(bytearray(10 * 2**20))
        time.sleep(0.02)
    return extraction


def crash_after(path: Path, extraction: Extraction, **_: object) -> Extraction:
    """A step after reading with a bug."""
    raise KeyError("a bug after reading")


def upper_after(path: Path, extraction: Extraction, *, suffix: str) -> str:
    """A step after reading that returns something else than an extraction."""
    return extraction.text.upper() + suffix
