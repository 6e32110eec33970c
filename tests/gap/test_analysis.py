"""`lzp analyze` on the sample corpus: outputs, acceptance figures, and traceability of every count."""

import os
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from tests.support import project_codebook

TABLES = ("documents", "passages", "tags", "requirements", "matches", "figures")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("analysis")
    result = CliRunner().invoke(app, ["analyze", "--out", str(target), "--quiet"])
    assert result.exit_code == 0, result.output
    return target


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / "tables" / f"{name}.parquet")


def test_tables_and_database_exist(out: Path) -> None:
    for name in TABLES:
        assert (out / "tables" / f"{name}.parquet").exists(), name
    with duckdb.connect(str(out / "lzp.duckdb"), read_only=True) as connection:
        names = {row[0] for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert set(TABLES) <= names
        assert {"coverage_by_unit_measure", "disconnects_by_unit"} <= names
        for name in TABLES:
            assert connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] == len(table(out, name))


def test_requirements_cover_the_opinion(out: Path) -> None:
    requirements = table(out, "requirements")
    assert requirements.requirement_id.str.startswith("曲组〔2021〕2号 §").all()
    assert set(requirements.requirement_id.str.extract(r"§(\d+)\.")[0]) == {"1", "2", "3", "4", "5", "6"}
    assert 30 <= len(requirements) <= 60
    six_talks = requirements[requirements.text.str.contains("时必谈")]
    assert len(six_talks) == 1 and six_talks.text.iloc[0].count("时必谈") == 6  # 六必谈 is one obligation


def test_matches_use_exactly_three_statuses(out: Path) -> None:
    matches = table(out, "matches")
    assert set(matches.status) <= {"evidenced", "mentioned", "no evidence"}
    units = table(out, "documents").query("kind != 'policy' and duplicate_of.isna()").unit.nunique()
    assert len(matches) == units * len(table(out, "requirements"))


@pytest.mark.parametrize(
    ("value", "measure", "population", "statement"),
    [
        (15.4, "%", "干部", "三会一课"),
        (29.2, "%", "", ""),
        (70.0, "%", "基层党支部书记", "本领恐慌"),
        (97.0, "个", "五星级党支部", ""),
        (88.0, "个", "五星级党支部", ""),
        (71.0, "个", "五星级党支部", ""),
        (59.0, "个", "五星级党支部", ""),
        (300.0, "人次", "", ""),
    ],
)
def test_survey_figures(out: Path, value: float, measure: str, population: str, statement: str) -> None:
    figures = table(out, "figures")
    assert pd.api.types.is_float_dtype(figures.value)
    rows = figures[(figures.value == value) & (figures.unit_of_measure == measure)]
    assert len(rows) >= 1
    assert rows.population.str.contains(population).any()
    assert rows.statement.str.contains(statement).any()


def test_every_coverage_number_traces_to_passages(out: Path) -> None:
    passages = table(out, "passages").set_index("passage_id")
    documents = table(out, "documents").set_index("doc_id")
    matches = table(out, "matches").set_index(["unit", "requirement_id"])
    with duckdb.connect(str(out / "lzp.duckdb"), read_only=True) as connection:
        coverage = connection.execute("SELECT * FROM coverage_by_unit_measure").df()
        disconnects = connection.execute("SELECT * FROM disconnects_by_unit").df()
    assert len(coverage) > 0 and len(disconnects) > 0
    for row in coverage.itertuples():
        assert row.n_evidenced == len(row.evidenced_requirement_ids)
        assert row.n_evidenced + row.n_mentioned + row.n_no_evidence == row.n_requirements
        for requirement_id in row.evidenced_requirement_ids:
            match = matches.loc[(row.unit, requirement_id)]
            assert match.status == "evidenced" and len(match.evidence_passage_ids) > 0
        for passage_id in row.evidence_passage_ids:
            doc_id = passages.loc[passage_id, "doc_id"]
            assert documents.loc[doc_id, "unit"] == row.unit
    tags = table(out, "tags").set_index("passage_id")
    for row in disconnects.itertuples():
        assert row.n_passages == len(row.passage_ids) == row.n_problem + row.n_cause
        for passage_id in row.passage_ids:
            assert row.disconnect in tags.loc[passage_id, "codes"]
            assert tags.loc[passage_id, "role"] in {"problem", "cause"}
            assert documents.loc[passages.loc[passage_id, "doc_id"], "unit"] == row.unit


def test_duplicates_never_count(out: Path) -> None:
    documents = table(out, "documents")
    duplicate_ids = set(documents[documents.duplicate_of.notna()].doc_id)
    assert duplicate_ids
    tags = table(out, "tags")
    assert not set(tags.doc_id) & duplicate_ids
    figures = table(out, "figures")
    assert not set(figures.doc_id) & duplicate_ids


def test_a_named_policy_is_kept_when_other_copies_of_it_come_first(fixtures_dir: Path) -> None:
    """In the fixtures folder the scanned print and the DOCX of the opinion sort before its PDF."""
    from pipeline.corpus import ingest
    from pipeline.gap.analysis import analyze
    from pipeline.tagging.tagger import Tagger

    policy = fixtures_dir / "quzhou-opinion.pdf"
    corpus = ingest([fixtures_dir])
    before = [d.duplicate_of for d in corpus.documents]
    analysis = analyze(corpus, policy_paths=(policy,), tagger=Tagger(project_codebook()), tagger_mode="rules")
    assert [d.duplicate_of for d in corpus.documents] == before, "the analysis must not change its input"
    documents = {Path(d.source_path).name: d for d in analysis.corpus.documents}
    assert documents["quzhou-opinion.pdf"].duplicate_of is None
    assert analysis.policy_doc_ids == (documents["quzhou-opinion.pdf"].doc_id,)
    for copy in ("quzhou-opinion.docx", "quzhou-opinion-scanned.pdf"):
        if copy in documents:  # the scanned print has text only where OCR is available
            assert documents[copy].duplicate_of == documents["quzhou-opinion.pdf"].doc_id
    assert {r.requirement_id.split(" §")[0] for r in analysis.requirements} == {"曲组〔2021〕2号"}
    units_docs = {doc_id for doc_ids in analysis.units.values() for doc_id in doc_ids}
    assert not units_docs & {d.doc_id for d in analysis.corpus.documents if d.duplicate_of}


def test_a_yardsticks_numbers_are_norms_not_figures(tmp_path: Path) -> None:
    from pipeline.corpus import ingest
    from pipeline.gap.analysis import analyze
    from pipeline.tagging.tagger import Tagger

    (tmp_path / "意见.txt").write_text("关于推进党建和业务融合的实施方案\n一、工作目标\n各单位要建成示范点30个，"
                                      "每年开展培训不少于2次。\n", encoding="utf-8")
    (tmp_path / "报告.txt").write_text("县交通运输局经验材料\n今年以来，局党组建成党员示范岗12个，培训党员300余人次。\n",
                                      encoding="utf-8")
    analysis = analyze(ingest([tmp_path]), policy_paths=(tmp_path / "意见.txt",),
                       tagger=Tagger(project_codebook()), tagger_mode="rules")
    values = sorted(f.value for f in analysis.figures)
    assert values == [12, 300]


@pytest.fixture(scope="module")
def sample_corpus():
    from pipeline.corpus import ingest

    return ingest([config.SAMPLE_DIR])


def _results(analysis) -> tuple:
    return (list(analysis.tags.items()), analysis.requirements, analysis.matches, analysis.initiatives,
            analysis.figures)


@pytest.mark.parametrize("scheduler", ["local processes", "threads", "processes"])
def test_tagging_and_matching_give_the_same_results_wherever_they_run(sample_corpus, scheduler: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Small batches, so that the sample makes several tagging, matching and figure tasks."""
    from pipeline.engine import batched
    from pipeline.gap import analysis as stage
    from pipeline.workflow import analyse_corpus, choose_tagger

    choice = choose_tagger(project_codebook())
    reference = analyse_corpus(sample_corpus, tagger=choice)
    monkeypatch.setattr(stage, "BATCH_PASSAGES", 120)
    monkeypatch.setattr(stage, "MATCH_BATCH_PASSAGES", 60)
    by_id = {d.doc_id: d for d in sample_corpus.documents}
    unit_sizes = [sum(len(by_id[doc_id].passages) for doc_id in doc_ids) for doc_ids in reference.units.values()]
    assert len(batched(unit_sizes, 60, weight=lambda n: n)) > 1
    assert len(batched(sample_corpus.documents, 120, weight=lambda d: len(d.passages))) > 2
    if scheduler == "local processes":
        monkeypatch.setattr(stage, "LOCAL_POOL_MIN_PASSAGES", 0)
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
        elsewhere = analyse_corpus(sample_corpus, tagger=choice)
    else:
        elsewhere = analyse_corpus(sample_corpus, tagger=choice, scheduler=scheduler)
    assert reference.matches and reference.figures and reference.initiatives
    assert _results(elsewhere) == _results(reference)
