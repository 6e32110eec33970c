"""Helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from functools import lru_cache

from pipeline import config
from pipeline.tagging.codebook import Codebook, load_codebook


@lru_cache(maxsize=1)
def project_codebook() -> Codebook:
    """The project codebook, loaded once, for module-level helpers."""
    return load_codebook(config.CODEBOOK_PATH)
