import pytest

from pipeline.gap.requirements import key_terms, split_obligations
from tests.support import project_codebook

LIU_BI_TAN = (
    "认真贯彻落实“六必谈”制度，领导班子成员、基层党组织负责人要经常、主动同党员干部特别是年轻党员干部谈心谈话，"
    "要做到工作有变动时必谈，受到表彰或处分时必谈，遇到困难或挫折时必谈，出现矛盾和意见分歧时必谈，"
    "群众有不良反应时必谈，发现违规违纪苗头或倾向时必谈。"
)


def pieces(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end in split_obligations(sentence)]


def test_six_bi_tan_is_six_items() -> None:
    items = pieces(LIU_BI_TAN)
    assert len(items) == 6
    assert items[0].startswith("认真贯彻落实“六必谈”制度") and items[0].endswith("工作有变动时必谈，")
    assert items[-1] == "发现违规违纪苗头或倾向时必谈。"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("领导班子成员要认真履行“一岗双责”，既抓业务工作也抓分管范围内的党建工作，做到两手抓、两手硬、两促进。", 2),
        ("强化政治机关意识，在落实重大任务和推动业务工作中坚持正确政治方向。", 1),
        ("按照高素质专业化要求，配强专职党务干部、激活兼职党务干部。", 1),
        ("落实机关党委书记原则上由本单位党员主要负责人担任的要求，实现党建、业务“一肩挑”。", 2),
        ("党员干部选拔任用、评优评先应当听取所在党支部、党小组意见。", 1),
    ],
)
def test_obligations_split_at_new_obligation_verbs(sentence: str, expected: int) -> None:
    items = pieces(sentence)
    assert len(items) == expected
    assert "".join(items) == sentence


def test_key_terms_skip_generic_words() -> None:
    terms = key_terms("领导班子成员要认真履行“一岗双责”，既抓业务工作也抓分管范围内的党建工作", project_codebook())
    assert "一岗双责" in terms
    assert "业务工作" not in terms and "党建工作" not in terms
