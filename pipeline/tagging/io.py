"""The JSON-lines tag contract of the tagging stage: ``{id, doc, text}`` in, ``{id, codes, role, scores,
evidence}`` out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import groupby
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.storage import atomic_path
from pipeline.tagging.tagger import Tagger


def _read_lines(path: Path) -> Iterator[dict]:
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{path}:{number}: not JSON ({error.msg})") from error
            if not isinstance(record, dict) or "id" not in record or "text" not in record:
                raise UsageError(f"{path}:{number}: each line needs 'id' and 'text'")
            yield record


def count_lines(path: Path) -> int:
    """Non-blank lines of a JSON-lines file (the passages a tag run will process)."""
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def tag_jsonl(input_path: Path, output_path: Path, *, tagger: Tagger, mode: str = "combined",
              progress: Callable[[int], None] | None = None) -> int:
    """Tag ``{"id", "doc", "text"}`` lines with ``tagger``; write one ``{"id", "codes", "role", "scores",
    "evidence"}`` per line.

    ``progress`` is called with the number of passages tagged after each batch.
    """
    count = 0
    documents = (list(group) for _, group in groupby(_read_lines(input_path), key=lambda record: record.get("doc")))
    with atomic_path(output_path) as temporary, temporary.open("w", encoding="utf-8") as out:
        for batch in _batches(documents, size=BATCH_PASSAGES):
            tagged = tagger.tag_documents([[str(r["text"]) for r in records] for records in batch], mode=mode)
            for records, results in zip(batch, tagged, strict=True):
                for record, result in zip(records, results, strict=True):
                    out.write(json.dumps({"id": record["id"], "codes": result.codes, "role": result.role,
                                          "scores": result.scores, "evidence": result.evidence},
                                         ensure_ascii=False) + "\n")
                    count += 1
            if progress is not None:
                progress(count)
    return count


BATCH_PASSAGES = 2000  # documents are tagged in batches of about this many passages


def _batches(documents: Iterator[list[dict]], *, size: int) -> Iterator[list[list[dict]]]:
    batch: list[list[dict]] = []
    total = 0
    for records in documents:
        batch.append(records)
        total += len(records)
        if total >= size:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch
