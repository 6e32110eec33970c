"""The codebook (``corpora/codebook.yaml`` or a research group's own file): code groups, codes, roles,
boundary rules and the problem → measure mapping.

Loaded once by the caller and passed down; validated on load; every problem raises
:class:`~pipeline.errors.CodebookError` naming the bad entry. The schema is documented in
``docs/codebook.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import CodebookError

ROLES: tuple[str, ...] = ("requirement", "recommendation", "practice", "problem", "cause", "other")
GROUP_KINDS: tuple[str, ...] = ("problem", "measure")
# Groups of a codebook that declares none: the project codebook's disconnects and measures.
DEFAULT_GROUPS: dict[str, dict[str, Any]] = {
    "disconnect": {"name": "六个脱节", "kind": "problem", "colour": "#B91C1C"},
    "measure": {"name": "六个融合", "kind": "measure", "colour": "#15803D"},
}
_CODE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Group:
    """A group of codes: problems (disconnects) or measures, with its label and colour."""

    group: str
    name: str
    kind: str  # "problem" or "measure"
    colour: str
    palette: tuple[str, ...] = ()


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
    colour: str = ""


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
class MaskRule:
    """Words used in passing (a slogan, a quotation, a campaign named as a time frame): a hit of one of
    ``codes`` lying wholly inside a match of ``pattern`` does not count."""

    pattern: re.Pattern[str]
    codes: tuple[str, ...]


@dataclass(frozen=True)
class ObjectGate:
    """A measure's or disconnect's wording counts only with its object: a hit of one of ``codes`` (whose
    text matches ``when``, or any hit when ``when`` is None) is dropped unless ``requires`` occurs in
    the passage (e.g. D6 needs party-building assessment, not cadre assessment in general). A gate with
    ``within`` applies only to passages that match it (e.g. only where cadre assessment is the topic).
    A gate with ``context`` also lets the hit stand when the passage's enclosing headings or its
    document's title match it (a line on 培训内容 under a title on 党员教育培训 names its object there)."""

    codes: tuple[str, ...]
    requires: re.Pattern[str]
    when: re.Pattern[str] | None = None
    within: re.Pattern[str] | None = None
    context: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Codebook:
    """The validated codebook. ``codes`` keeps the file's order, which is the order of every table,
    chart and feature vector."""

    codes: dict[str, Code]
    roles: dict[str, Role]
    mapping: dict[str, tuple[str, ...]]
    no_code_patterns: tuple[re.Pattern[str], ...] = ()
    m1_requires: tuple[str, ...] = ()
    d1_requires: tuple[str, ...] = ()
    awareness_triggers: tuple[str, ...] = ()
    awareness_adds: tuple[str, ...] = ()
    instrument_rules: tuple[InstrumentRule, ...] = ()
    masks: tuple[MaskRule, ...] = ()
    object_gates: tuple[ObjectGate, ...] = ()
    # News of an event that never names the codebook's topic (the party/business relationship): its
    # passages count the document gates' codes only where they name the object themselves (see
    # tagging.rules.RuleMatcher.topic_contexts).
    document_topic: re.Pattern[str] | None = None
    document_opening: re.Pattern[str] | None = None
    document_gates: tuple[ObjectGate, ...] = ()
    section_context_max_chars: int = 40
    # A passage that opens by pointing back at what the passage before it described (这种现象…; 这种做法…)
    # and has none of the carried kind's codes of its own takes them from that passage (see
    # tagging.rules.RuleMatcher.tag).
    anaphora: re.Pattern[str] | None = None
    anaphora_carries: str = "problem"
    anaphora_judges: re.Pattern[str] | None = None  # …and goes on to judge it (不仅…, 严重影响…, 根源在于…)
    groups: dict[str, Group] = field(default_factory=dict)
    title: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Per-codebook scratch space for the matchers built from it (see tagging.rules.matcher_for).
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def name(self, code: str) -> str:
        """The Chinese label of a code, e.g. ``D2`` → ``党建工作和中心工作脱节``."""
        return self.codes[code].name

    @property
    def code_ids(self) -> tuple[str, ...]:
        return tuple(self.codes)

    def codes_of_kind(self, kind: str) -> tuple[str, ...]:
        """Codes whose group is of ``kind`` (``problem`` or ``measure``), in codebook order."""
        return tuple(code for code, entry in self.codes.items() if self.groups[entry.group].kind == kind)

    @property
    def problem_codes(self) -> tuple[str, ...]:
        return self.codes_of_kind("problem")

    @property
    def measure_codes(self) -> tuple[str, ...]:
        return self.codes_of_kind("measure")

    def groups_of_kind(self, kind: str) -> tuple[Group, ...]:
        return tuple(group for group in self.groups.values() if group.kind == kind)

    def colour(self, code: str) -> str:
        """The code's own colour, else the n-th colour of its group's palette, else the group colour."""
        entry = self.codes[code]
        if entry.colour:
            return entry.colour
        group = self.groups[entry.group]
        members = [c for c, e in self.codes.items() if e.group == entry.group]
        index = members.index(code)
        return group.palette[index] if index < len(group.palette) else group.colour

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


def _code_list(values: Any, where: str, known: tuple[str, ...]) -> tuple[str, ...]:
    codes = _strings(values, where)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise CodebookError(f"{where}: unknown code(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return codes


def _groups(raw: Any) -> dict[str, Group]:
    if raw is None:
        raw = DEFAULT_GROUPS
    if not isinstance(raw, dict) or not raw:
        raise CodebookError("codebook.groups: must be a mapping of group id → {name, kind, colour}")
    groups: dict[str, Group] = {}
    for group, entry in raw.items():
        where = f"groups.{group}"
        if not isinstance(entry, dict):
            raise CodebookError(f"{where}: must be a mapping with name, kind and colour")
        kind = entry.get("kind")
        if kind not in GROUP_KINDS:
            raise CodebookError(f"{where}.kind: {kind!r} must be one of {', '.join(GROUP_KINDS)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise CodebookError(f"{where}.name: missing")
        colour = entry.get("colour", "#4B5563")
        palette = _strings(entry.get("palette"), f"{where}.palette")
        for value in (colour, *palette):
            if not isinstance(value, str) or not _COLOUR.match(value):
                raise CodebookError(f"{where}: colour {value!r} must be written #RRGGBB")
        groups[str(group)] = Group(str(group), name.strip(), kind, colour, palette)
    for kind in GROUP_KINDS:
        if not any(g.kind == kind for g in groups.values()):
            raise CodebookError(f"codebook.groups: needs at least one group of kind {kind!r}")
    return groups


def parse_codebook(data: Any) -> Codebook:
    """Validate a parsed YAML mapping and build a :class:`Codebook`."""
    if not isinstance(data, dict):
        raise CodebookError("codebook: top level must be a mapping")
    groups = _groups(data.get("groups"))
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, dict) or not raw_codes:
        raise CodebookError("codebook.codes: missing or not a mapping")
    codes: dict[str, Code] = {}
    for code, entry in raw_codes.items():
        where = f"codes.{code}"
        if not isinstance(code, str) or not _CODE_ID.match(code):
            raise CodebookError(f"{where}: a code id is a short ASCII identifier such as D1 or M3")
        if not isinstance(entry, dict):
            raise CodebookError(f"{where}: must be a mapping")
        group = entry.get("group")
        if group not in groups:
            raise CodebookError(f"{where}.group: {group!r} is not a group of the codebook "
                                f"(declared: {', '.join(groups)})")
        for key in ("name", "definition"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise CodebookError(f"{where}.{key}: missing")
        colour = entry.get("colour", "")
        if colour and (not isinstance(colour, str) or not _COLOUR.match(colour)):
            raise CodebookError(f"{where}.colour: {colour!r} must be written #RRGGBB")
        codes[code] = Code(
            code=code,
            group=group,
            name=entry["name"].strip(),
            definition=entry["definition"].strip(),
            terms=_strings(entry.get("terms"), f"{where}.terms", required=True),
            patterns=_compile(entry.get("patterns"), where),
            examples=_strings(entry.get("examples"), f"{where}.examples"),
            colour=colour,
        )
    for group in groups.values():
        if not any(entry.group == group.group for entry in codes.values()):
            raise CodebookError(f"groups.{group.group}: no code belongs to this group")
    known = tuple(codes)
    problems = {c for c, e in codes.items() if groups[e.group].kind == "problem"}
    measures = {c for c, e in codes.items() if groups[e.group].kind == "measure"}
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
    raw_mapping = data.get("mapping", {})
    if not isinstance(raw_mapping, dict):
        raise CodebookError("codebook.mapping: not a mapping of problem code → measure codes")
    mapping: dict[str, tuple[str, ...]] = {}
    for problem, targets in raw_mapping.items():
        where = f"mapping.{problem}"
        if problem not in problems:
            raise CodebookError(f"{where}: keys must be codes of a problem group ({', '.join(sorted(problems))})")
        targets = _code_list(targets, where, known)
        if any(m not in measures for m in targets):
            raise CodebookError(f"{where}: values must be codes of a measure group ({', '.join(sorted(measures))})")
        mapping[problem] = targets
    name = data.get("name", "")
    return Codebook(codes=codes, roles=roles, mapping=mapping, groups=groups, title=str(name or ""), raw=data,
                    **_boundary_rules(data.get("boundary_rules"), known))


def _boundary_rules(rules: Any, known: tuple[str, ...]) -> dict[str, Any]:
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
            parsed["awareness_adds"] = _code_list(rule.get("adds"), f"{where}.adds", known)
        if "rules" in rule:
            parsed["instrument_rules"] = tuple(
                InstrumentRule(_compile([item.get("pattern")], item_where)[0],
                               _code_list(item.get("adds"), f"{item_where}.adds", known))
                for item_where, item in _mappings(rule, "rules", where, ("pattern", "adds")))
        if "masks" in rule:
            parsed["masks"] = (*parsed.get("masks", ()), *(
                MaskRule(_compile([item.get("pattern")], item_where)[0],
                         _code_list(item.get("codes"), f"{item_where}.codes", known))
                for item_where, item in _mappings(rule, "masks", where, ("pattern", "codes"))))
        if "gates" in rule:
            gates = list(parsed.get("object_gates", ()))
            for item_where, item in _mappings(rule, "gates", where, ("codes", "requires"),
                                              optional=("when", "within", "context")):
                requires = _compile([item.get("requires")], f"{item_where}.requires")[0]
                when = _compile([item["when"]], f"{item_where}.when")[0] if item.get("when") is not None else None
                within = _compile([item["within"]], f"{item_where}.within")[0] if item.get("within") is not None else None
                context = (_compile([item["context"]], f"{item_where}.context")[0]
                           if item.get("context") is not None else None)
                codes = _code_list(item.get("codes"), f"{item_where}.codes", known)
                if not codes:
                    raise CodebookError(f"{item_where}.codes: must name at least one code")
                gates.append(ObjectGate(codes, requires, when, within, context))
            parsed["object_gates"] = tuple(gates)
        if "topic" in rule:
            parsed["document_topic"] = _compile([rule["topic"]], f"{where}.topic")[0]
            parsed["document_opening"] = _compile([rule.get("opening")], f"{where}.opening")[0]
            parsed["document_gates"] = tuple(
                ObjectGate(_nonempty_codes(item.get("codes"), f"{item_where}.codes", known),
                           _compile([item.get("requires")], f"{item_where}.requires")[0])
                for item_where, item in _mappings(rule, "document_gates", where, ("codes", "requires")))
        if "max_sentence_chars" in rule:
            value = rule["max_sentence_chars"]
            if not isinstance(value, int) or value <= 0:
                raise CodebookError(f"{where}.max_sentence_chars: must be a positive integer")
            parsed["section_context_max_chars"] = value
        if "anaphors" in rule:
            parsed["anaphora"] = _compile([rule["anaphors"]], f"{where}.anaphors")[0]
            carries = rule.get("carries", "problem")
            if carries not in {"problem", "measure"}:
                raise CodebookError(f"{where}.carries: must be 'problem' or 'measure'")
            parsed["anaphora_carries"] = carries
            if "judges" in rule:
                parsed["anaphora_judges"] = _compile([rule["judges"]], f"{where}.judges")[0]
    return parsed


def _nonempty_codes(value: Any, where: str, known: tuple[str, ...]) -> tuple[str, ...]:
    codes = _code_list(value, where, known)
    if not codes:
        raise CodebookError(f"{where}: must name at least one code")
    return codes


def _mappings(rule: dict[str, Any], key: str, where: str, required: tuple[str, ...],
              optional: tuple[str, ...] = ()) -> list[tuple[str, dict[str, Any]]]:
    """The items of a boundary rule's list ``key`` with where each stands; each must be a mapping
    holding the ``required`` keys, or :class:`CodebookError` names the item and what it needs."""
    items = []
    for position, item in enumerate(rule[key] or []):
        item_where = f"{where}.{key}[{position}]"
        if not isinstance(item, dict) or any(name not in item for name in required):
            named = [f"'{name}'" for name in required]
            needs = (", ".join(named) + " and optionally " + " and ".join(f"'{name}'" for name in optional)
                     if optional else " and ".join(named))
            raise CodebookError(f"{item_where}: must be a mapping with {needs}")
        items.append((item_where, item))
    return items


def load_codebook(path: Path) -> Codebook:
    """Load and validate a codebook YAML file."""
    if not path.exists():
        raise CodebookError(f"codebook not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise CodebookError(f"{path}: not UTF-8 text ({error.reason}); save the codebook as UTF-8") from error
    except yaml.YAMLError as error:
        raise CodebookError(f"{path}: not valid YAML ({error})") from error
    try:
        return parse_codebook(data)
    except CodebookError as error:
        raise CodebookError(f"{path}: {error}") from None
