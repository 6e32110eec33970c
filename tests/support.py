"""Helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from functools import lru_cache

from pipeline import config
from pipeline.tagging.codebook import Codebook, load_codebook
from pipeline.tagging.rules import RoleRules, build_contexts


@lru_cache(maxsize=1)
def project_codebook() -> Codebook:
    """The project codebook, loaded once, for module-level helpers."""
    return load_codebook(config.CODEBOOK_PATH)


def document_roles(roles: RoleRules, texts: list[str]) -> list[str]:
    """The rule roles of a document's passages, given in reading order, each read in its context."""
    return [roles.role(text, context) for text, context in zip(texts, build_contexts(texts), strict=True)]
