"""The codebook (``corpora/codebook.yaml``): codes, roles, boundary rules and the disconnect → measure mapping.

Loaded once, validated on load; every problem raises :class:`~pipeline.errors.CodebookError` naming the
bad entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline import config
from pipeline.errors import CodebookError

CODEBOOK_PATH: Path = config.CORPORA_DIR / "codebook.yaml"
CODES: tuple[str, ...] = ("D1", "D2", "D3", "D4", "D5", "D6", "M1", "M2", "M3", "M4", "M5", "M6")
ROLES: tuple[str, ...] = ("requirement", "recommendation", "practice", "problem", "cause", "other")
GROUPS = {"disconnect": "D", "measure": "M"}


@dataclass(frozen=True)
class Code:
    """One code of the codebook with its indicator terms and compiled patterns."""

    code: str
    group: str
    name: str
    definition: str
    terms: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A passage role with its cue words and patterns."""

    role: str
    definition: str
    cues: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class InstrumentRule:
    """A problem naming a measure's instrument adds codes (boundary rule 4)."""

    pattern: re.Pattern[str]
    adds: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    """The validated codebook."""

    codes: dict[str, Code]
    roles: dict[str, Role]
    mapping: dict[str, tuple[str, ...]]
    no_code_patterns: tuple[re.Pattern[str], ...] = ()
    m1_requires: tuple[str, ...] = ()
    d1_requires: tuple[str, ...] = ()
    awareness_triggers: tuple[str, ...] = ()
    awareness_adds: tuple[str, ...] = ()
    instrument_rules: tuple[InstrumentRule, ...] = ()
    section_context_max_chars: int = 40
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def name(self, code: str) -> str:
        """The Chinese label of a code, e.g. ``D2`` → ``党建工作和中心工作脱节``."""
        return self.codes[code].name

    def all_terms(self) -> dict[str, tuple[str, ...]]:
        return {code: entry.terms for code, entry in self.codes.items()}


def _compile(patterns: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if patterns is None:
        return ()
    if not isinstance(patterns, list):
        raise CodebookError(f"{where}: patterns must be a list of regular expressions")
    compiled = []
    for index, pattern in enumerate(patterns):
        if not isinstance(pattern, str) or not pattern:
            raise CodebookError(f"{where}.patterns[{index}]: must be a non-empty string")
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise CodebookError(f"{where}.patterns[{index}] {pattern!r}: invalid regular expression ({error})") from error
    return tuple(compiled)


def _strings(values: Any, where: str, *, required: bool = False) -> tuple[str, ...]:
    if values is None:
        if required:
            raise CodebookError(f"{where}: missing")
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise CodebookError(f"{where}: must be a list of non-empty strings")
    if required and not values:
        raise CodebookError(f"{where}: must not be empty")
    return tuple(v.strip() for v in values)


def _code_list(values: Any, where: str) -> tuple[str, ...]:
    codes = _strings(values, where)
    unknown = [c for c in codes if c not in CODES]
    if unknown:
        raise CodebookError(f"{where}: unknown code(s) {', '.join(unknown)}; known: {', '.join(CODES)}")
    return codes


def parse_codebook(data: Any) -> Codebook:
    """Validate a parsed YAML mapping and build a :class:`Codebook`."""
    if not isinstance(data, dict):
        raise CodebookError("codebook: top level must be a mapping")
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, dict):
        raise CodebookError("codebook.codes: missing or not a mapping")
    missing = [code for code in CODES if code not in raw_codes]
    if missing:
        raise CodebookError(f"codebook.codes: missing code(s) {', '.join(missing)}")
    codes: dict[str, Code] = {}
    for code, entry in raw_codes.items():
        where = f"codes.{code}"
        if code not in CODES:
            raise CodebookError(f"{where}: unknown code; known: {', '.join(CODES)}")
        if not isinstance(entry, dict):
            raise CodebookError(f"{where}: must be a mapping")
        group = entry.get("group")
        if GROUPS.get(group) != code[0]:
            raise CodebookError(f"{where}.group: {group!r} does not match the code (expected "
                                f"{'disconnect' if code[0] == 'D' else 'measure'})")
        for key in ("name", "definition"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise CodebookError(f"{where}.{key}: missing")
        codes[code] = Code(
            code=code,
            group=group,
            name=entry["name"].strip(),
            definition=entry["definition"].strip(),
            terms=_strings(entry.get("terms"), f"{where}.terms", required=True),
            patterns=_compile(entry.get("patterns"), where),
            examples=_strings(entry.get("examples"), f"{where}.examples"),
        )
    raw_roles = data.get("roles")
    if not isinstance(raw_roles, dict):
        raise CodebookError("codebook.roles: missing or not a mapping")
    missing_roles = [role for role in ROLES if role not in raw_roles]
    if missing_roles:
        raise CodebookError(f"codebook.roles: missing role(s) {', '.join(missing_roles)}")
    roles: dict[str, Role] = {}
    for role, entry in raw_roles.items():
        where = f"roles.{role}"
        if role not in ROLES:
            raise CodebookError(f"{where}: unknown role; known: {', '.join(ROLES)}")
        if not isinstance(entry, dict):
            raise CodebookError(f"{where}: must be a mapping")
        roles[role] = Role(
            role=role,
            definition=str(entry.get("definition", "")).strip(),
            cues=_strings(entry.get("cues"), f"{where}.cues"),
            patterns=_compile(entry.get("patterns"), where),
        )
    raw_mapping = data.get("mapping")
    if not isinstance(raw_mapping, dict):
        raise CodebookError("codebook.mapping: missing or not a mapping")
    mapping: dict[str, tuple[str, ...]] = {}
    for disconnect, measures in raw_mapping.items():
        where = f"mapping.{disconnect}"
        if disconnect not in CODES or not disconnect.startswith("D"):
            raise CodebookError(f"{where}: keys must be disconnect codes D1–D6")
        measures = _code_list(measures, where)
        if any(not m.startswith("M") for m in measures):
            raise CodebookError(f"{where}: values must be measure codes M1–M6")
        mapping[disconnect] = measures
    return Codebook(codes=codes, roles=roles, mapping=mapping, raw=data, **_boundary_rules(data.get("boundary_rules")))


def _boundary_rules(rules: Any) -> dict[str, Any]:
    if rules is None:
        return {}
    if not isinstance(rules, list):
        raise CodebookError("codebook.boundary_rules: must be a list")
    parsed: dict[str, Any] = {}
    for index, rule in enumerate(rules):
        if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
            raise CodebookError(f"boundary_rules[{index}]: must be a mapping with an 'id'")
        where = f"boundary_rules.{rule['id']}"
        if "no_code_patterns" in rule:
            parsed["no_code_patterns"] = _compile(rule["no_code_patterns"], where)
        if "m1_requires" in rule:
            parsed["m1_requires"] = _strings(rule["m1_requires"], f"{where}.m1_requires")
        if "d1_requires" in rule:
            parsed["d1_requires"] = _strings(rule["d1_requires"], f"{where}.d1_requires")
        if "triggers" in rule:
            parsed["awareness_triggers"] = _strings(rule["triggers"], f"{where}.triggers")
            parsed["awareness_adds"] = _code_list(rule.get("adds"), f"{where}.adds")
        if "rules" in rule:
            instruments = []
            for position, item in enumerate(rule["rules"] or []):
                item_where = f"{where}.rules[{position}]"
                if not isinstance(item, dict):
                    raise CodebookError(f"{item_where}: must be a mapping with 'pattern' and 'adds'")
                pattern = _compile([item.get("pattern")], item_where)[0]
                instruments.append(InstrumentRule(pattern, _code_list(item.get("adds"), f"{item_where}.adds")))
            parsed["instrument_rules"] = tuple(instruments)
        if "max_sentence_chars" in rule:
            value = rule["max_sentence_chars"]
            if not isinstance(value, int) or value <= 0:
                raise CodebookError(f"{where}.max_sentence_chars: must be a positive integer")
            parsed["section_context_max_chars"] = value
    return parsed


def load_codebook(path: Path | None = None) -> Codebook:
    """Load and validate the codebook YAML file."""
    path = path or CODEBOOK_PATH
    if not path.exists():
        raise CodebookError(f"codebook not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CodebookError(f"{path}: not valid YAML ({error})") from error
    try:
        return parse_codebook(data)
    except CodebookError as error:
        raise CodebookError(f"{path}: {error}") from None


@lru_cache(maxsize=4)
def default_codebook() -> Codebook:
    """The project's codebook, loaded once."""
    return load_codebook(CODEBOOK_PATH)
