"""Shared fixtures: the material in ../shared (skipped when it is not there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import config
from pipeline.tagging.codebook import Codebook, load_codebook


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """``../shared/fixtures``: real-format renditions of the seed documents."""
    if not config.FIXTURES_DIR.is_dir():
        pytest.skip(f"shared fixtures not found at {config.FIXTURES_DIR}")
    return config.FIXTURES_DIR


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``../shared/seeds``: the five source documents as plain text."""
    if not config.SEEDS_DIR.is_dir():
        pytest.skip(f"shared seeds not found at {config.SEEDS_DIR}")
    return config.SEEDS_DIR


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    """The project codebook, loaded once for the session."""
    return load_codebook(config.CODEBOOK_PATH)

