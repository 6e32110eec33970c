"""Paths and defaults, derived once from the project root."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT: Path = Path(os.environ.get("LZP_ROOT", Path(__file__).resolve().parent.parent))
CORPORA_DIR: Path = PROJECT_ROOT / "corpora"
SAMPLE_DIR: Path = CORPORA_DIR / "sample"
SAMPLE_MANIFEST: Path = SAMPLE_DIR / "manifest.csv"
LEXICON_DIR: Path = CORPORA_DIR / "lexicon"
ANNOTATIONS_DIR: Path = CORPORA_DIR / "annotations"
MODELS_DIR: Path = PROJECT_ROOT / "models"
DOCS_DIR: Path = PROJECT_ROOT / "docs"
DEFAULT_OUT_DIR: Path = PROJECT_ROOT / "out"
SHARED_DIR: Path = PROJECT_ROOT.parent / "shared"
FIXTURES_DIR: Path = SHARED_DIR / "fixtures"
SEEDS_DIR: Path = SHARED_DIR / "seeds"

# Shipped assets: the project codebook, the trained models, the annotations and the lexicon.
CODEBOOK_PATH: Path = CORPORA_DIR / "codebook.yaml"
MODEL_PATH: Path = MODELS_DIR / "tagger.skops"
MODEL_CARD_PATH: Path = MODELS_DIR / "README.md"
MATCHING_PATH: Path = MODELS_DIR / "matching.json"
GOLD_PATH: Path = ANNOTATIONS_DIR / "gold.jsonl"
# Sentences the project wrote for training only (never scored): see corpora/annotations/README.md.
WRITTEN_PATH: Path = ANNOTATIONS_DIR / "written.jsonl"
MATCHES_PATH: Path = ANNOTATIONS_DIR / "matches.jsonl"
FIGURES_PATH: Path = ANNOTATIONS_DIR / "figures.jsonl"
USERDICT_PATH: Path = LEXICON_DIR / "userdict.txt"
INSTRUMENTS_PATH: Path = LEXICON_DIR / "instruments.yaml"
STOPWORDS_PATH: Path = LEXICON_DIR / "stopwords.txt"
EVALUATION_REPORT_PATH: Path = DOCS_DIR / "evaluation.md"

# Ingest limits
DEFAULT_TIMEOUT_SECONDS: float = 60.0
DEFAULT_MAX_FILE_BYTES: int = 200 * 1024 * 1024
DEFAULT_MAX_UNCOMPRESSED_BYTES: int = 500 * 1024 * 1024
# Resident memory of the worker that reads, normalises and structures one file.
DEFAULT_MAX_MEMORY_BYTES: int = 2048 * 1024 * 1024
# A PDF page whose share of "(cid:N)" glyph garbage exceeds this is reported.
CID_GARBAGE_WARN_RATIO: float = 0.05
# Near-duplicate detection (MinHash over character shingles)
DUPLICATE_THRESHOLD: float = 0.8
SHINGLE_SIZE: int = 5
MINHASH_PERMUTATIONS: int = 128

LOG_FILE_NAME: str = "lzp.log"

# Word segmentation backend for features and matching: "rjieba" (jieba-rs, same dictionary, ~16× faster;
# token agreement with jieba is tested) or "jieba".
SEGMENTER_BACKEND: str = os.environ.get("LZP_SEGMENTER", "rjieba")
