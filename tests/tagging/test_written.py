"""The training-only sentence file: loads, is marked, uses valid labels and never overlaps gold."""

import json
from collections import Counter

from pipeline import config
from pipeline.config import GOLD_PATH
from pipeline.tagging.codebook import ROLES
from pipeline.tagging.tagger import group_by_document, load_gold
from tests.support import project_codebook

CODES = project_codebook().code_ids

WRITTEN_PATH = config.WRITTEN_PATH


def _rows() -> list[dict]:
    return [json.loads(line) for line in WRITTEN_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_written_file_loads_with_the_gold_loader():
    passages = load_gold(WRITTEN_PATH, project_codebook())
    assert len(passages) == len(_rows()) > 0
    assert len(group_by_document(passages)) > 1


def test_every_row_is_marked_written_for_training():
    rows = _rows()
    assert all(row.get("written_for_training") is True for row in rows)
    assert all(row["doc_id"].startswith("written-") for row in rows)


def test_labels_are_codebook_codes_and_roles():
    for row in _rows():
        assert row["role"] in ROLES, row["passage_id"]
        assert all(code in CODES for code in row["codes"]), row["passage_id"]
        assert row["codes"] == sorted(set(row["codes"]), key=CODES.index), row["passage_id"]


def test_passage_ids_are_unique_and_disjoint_from_gold():
    ids = [row["passage_id"] for row in _rows()]
    assert len(ids) == len(set(ids))
    gold = load_gold(GOLD_PATH, project_codebook())
    assert not set(ids) & {p.passage_id for p in gold}
    assert not {row["doc_id"] for row in _rows()} & {p.doc_id for p in gold}


def test_offsets_follow_the_texts_joined_by_newlines():
    by_doc: dict[str, list[dict]] = {}
    for row in _rows():
        by_doc.setdefault(row["doc_id"], []).append(row)
    for rows in by_doc.values():
        text = "\n".join(row["text"] for row in rows)
        for row in rows:
            assert text[row["start"]:row["end"]] == row["text"], row["passage_id"]


def test_every_code_and_role_is_represented():
    rows = _rows()
    codes = Counter(code for row in rows for code in row["codes"])
    roles = Counter(row["role"] for row in rows)
    assert set(codes) == set(CODES)
    assert set(roles) == set(ROLES)
    assert sum(1 for row in rows if not row["codes"]) > 0
