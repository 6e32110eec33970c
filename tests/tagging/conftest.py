"""Fixtures of the tagging tests."""

from __future__ import annotations

import pytest

from pipeline.tagging.rules import RoleRules, RuleMatcher
from tests.support import project_codebook


@pytest.fixture(scope="module")
def roles() -> RoleRules:
    """The rule role tagger of the project codebook."""
    return RoleRules(project_codebook())


@pytest.fixture(scope="module")
def matcher() -> RuleMatcher:
    """The rule code matcher of the project codebook."""
    return RuleMatcher(project_codebook())
