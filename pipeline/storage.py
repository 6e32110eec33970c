"""Atomic writers: every output is written to a temporary file in the same folder, then renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``, on error it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if temporary.exists():
            os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp creates 0600; outputs are ordinary files
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomic(target: Path, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(temporary_path)`` and move the result onto ``target``."""
    with atomic_path(target) as temporary:
        writer(temporary)
    return target


def write_text_atomic(target: Path, text: str) -> Path:
    return write_atomic(target, lambda path: path.write_text(text, encoding="utf-8"))


def write_bytes_atomic(target: Path, data: bytes) -> Path:
    return write_atomic(target, lambda path: path.write_bytes(data))


def write_parquet_atomic(frame: pd.DataFrame, target: Path) -> Path:
    return write_parquet_parts_atomic((frame,), target)


def write_parquet_parts_atomic(parts: Iterable[pd.DataFrame], target: Path) -> Path:
    """One Parquet file from the parts of one table: frames of the same columns, in row order.

    Each part is turned into Arrow and written as it comes (a row group or more of its own), then let
    go: neither a frame nor an Arrow table of the whole table is ever held. A column that one part
    leaves empty takes the type the other parts give it (the rows already written are then written
    again in that type); the file reads back as the frame of all the parts together would.
    """

    def write(path: Path) -> None:
        writer: pq.ParquetWriter | None = None
        try:
            for part in parts:
                table = pa.Table.from_pandas(part, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(path, table.schema)
                elif not table.schema.equals(writer.schema):
                    schema = pa.unify_schemas([writer.schema, table.schema], promote_options="permissive")
                    if not schema.equals(writer.schema):
                        writer.close()
                        writer = _promoted(path, schema)
                    table = table.cast(schema)
                writer.write_table(table)
                del part, table  # let go before the next part is built
        finally:
            if writer is not None:
                writer.close()
        if writer is None:
            raise ValueError(f"no part to write to {target}")

    return write_atomic(target, write)


def _promoted(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """A writer of ``schema`` on ``path`` holding the rows written there so far, cast to it."""
    written = pq.read_table(path).cast(schema)
    writer = pq.ParquetWriter(path, schema)
    writer.write_table(written)
    return writer


def write_csv_atomic(frame: pd.DataFrame, target: Path) -> Path:
    return write_atomic(target, lambda path: frame.to_csv(path, index=False, encoding="utf-8"))
