"""Statuses on crafted units: one implements a requirement, one only promises it, one never mentions it."""


import pytest

from pipeline.corpus import ingest
from pipeline.gap.analysis import analyze
from pipeline.tagging.tagger import Tagger
from tests.support import project_codebook

POLICY = """中共某县委组织部

某组〔2022〕3号

关于推动机关党建和业务工作深度融合的意见

(2022年5月6日)

为推动机关党建和业务工作深度融合，现提出如下意见：

一、完善融合发展机制。领导班子成员要认真履行“一岗双责”，既抓业务工作也抓分管范围内的党建工作。

二、发挥党员先锋模范作用。各单位要创建党员先锋岗、设定党员责任区，推动党员立足本职、担当尽责。

三、建强党务干部队伍。推动机关专职党务干部与行政、业务干部之间双向交流，促进党务干部懂业务。
"""
IMPLEMENTS = """县交通运输局机关党建工作经验材料

近年来，县交通运输局党组坚持围绕中心抓党建，取得了明显成效。

主要做法

（一）压实责任。局领导班子成员全面履行“一岗双责”，既抓业务工作又抓分管科室党建工作，年内开展督导12次。
（二）设岗定责。在12个窗口创建了党员先锋岗，设定党员责任区8个，党员立足本职、担当尽责。
"""
PROMISES = """县水利局关于机关党建工作的思考

下一步工作打算

（一）要认真履行“一岗双责”，领导班子成员既要抓业务工作，也要抓分管范围内的党建工作。
（二）要推动专职党务干部与业务干部之间双向交流。
"""
SILENT = """县统计局工作总结

今年以来，县统计局全面完成了经济普查任务。

主要做法

（一）完成经济普查入户登记工作，录入数据二十万条。
（二）开展统计执法检查，规范统计数据质量。
"""


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("units")
    for name, text in {"policy.txt": POLICY, "implements.txt": IMPLEMENTS, "promises.txt": PROMISES,
                       "silent.txt": SILENT}.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "path,kind,unit,date\npolicy.txt,policy,县委组织部,2022-05-06\nimplements.txt,report,县交通运输局,\n"
        "promises.txt,report,县水利局,\nsilent.txt,report,县统计局,\n", encoding="utf-8")
    return analyze(ingest([folder]), tagger=Tagger(project_codebook()), tagger_mode="rules")



def status(analysis, unit: str, term: str) -> str:
    (requirement,) = [r for r in analysis.requirements if term in r.text]
    (match,) = [m for m in analysis.matches if m.unit == unit and m.requirement_id == requirement.requirement_id]
    return match.status


def test_requirements_come_from_the_policy(crafted) -> None:
    assert {r.requirement_id.split(" §")[0] for r in crafted.requirements} == {"某组〔2022〕3号"}
    assert {r.section_path.split(".")[0] for r in crafted.requirements} == {"1", "2", "3"}


def test_a_unit_that_implements_is_evidenced(crafted) -> None:
    assert status(crafted, "县交通运输局", "一岗双责") == "evidenced"
    assert status(crafted, "县交通运输局", "党员先锋岗") == "evidenced"


def test_a_unit_that_only_promises_is_mentioned(crafted) -> None:
    assert status(crafted, "县水利局", "一岗双责") == "mentioned"
    assert status(crafted, "县水利局", "双向交流") == "mentioned"


def test_a_unit_that_never_mentions_has_no_evidence(crafted) -> None:
    for term in ("一岗双责", "党员先锋岗", "双向交流"):
        assert status(crafted, "县统计局", term) == "no evidence"


def test_evidence_quotes_belong_to_the_unit(crafted) -> None:
    docs = {unit: set(doc_ids) for unit, doc_ids in crafted.units.items()}
    passage_docs = {p.passage_id: p.doc_id for p in crafted.corpus.passages}
    for match in crafted.matches:
        assert len(match.evidence) <= 3
        for passage_id, score, _role in match.evidence:
            assert passage_docs[passage_id] in docs[match.unit]
            assert 0 < score <= 1
