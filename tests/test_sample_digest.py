"""The sample analysis against a checked-in digest of its tables.

The digest changes only on purpose (a codebook, model or rule change that alters results). To
refresh it after such a change, run ``LZP_UPDATE_DIGEST=1 python -m pytest tests/test_sample_digest.py``
and state the reason in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline import config, workflow

DIGEST_PATH = Path(__file__).parent / "data" / "sample_digest.json"
# Columns that depend on the machine or the clock rather than on the analysis.
VOLATILE = {"manifest": ("seconds",)}
PATH_COLUMNS = {"manifest": ("path",), "documents": ("source_path",)}


def _canonical(name: str, frame: pd.DataFrame) -> str:
    frame = frame.drop(columns=[c for c in VOLATILE.get(name, ()) if c in frame.columns])
    for column in PATH_COLUMNS.get(name, ()):
        frame[column] = [Path(str(value)).name for value in frame[column]]
    records = json.loads(frame.to_json(orient="records", force_ascii=False, double_precision=6))
    lines = sorted(json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records)
    return "\n".join(lines)


def table_digests(tables_dir: Path) -> dict[str, str]:
    return {
        path.stem: hashlib.sha256(_canonical(path.stem, pd.read_parquet(path)).encode("utf-8")).hexdigest()
        for path in sorted(tables_dir.glob("*.parquet"))
    }


@pytest.fixture(scope="module")
def sample_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    workflow.analyse([config.SAMPLE_DIR], out=out)
    return out / "tables"


def test_sample_tables_match_the_checked_in_digest(sample_tables: Path) -> None:
    digests = table_digests(sample_tables)
    if os.environ.get("LZP_UPDATE_DIGEST"):
        DIGEST_PATH.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(DIGEST_PATH.read_text(encoding="utf-8"))
    changed = sorted(name for name in expected.keys() | digests.keys() if expected.get(name) != digests.get(name))
    assert not changed, f"sample tables changed: {changed}"
