"""Figure extraction: national statistics quoted as background, one person's time in office, amounts still
needed, prices per unit of goods, ranks as ratings of the unit, ratios after 比, 近万名, 口人, the counts spelling
out a quoted name of numerals (“十百千”, “246”), scores that set a condition and what national leaders are quoted
as saying. Every sentence was written for this check; each expected list is in reading order."""

from __future__ import annotations

import pytest

from pipeline.gap.figures import extract_figures

CASES: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    # a statistic of the whole country quoted as background
    ("据《2023年中国共产党党内统计公报》，全国党员总数达9918.5万名。", ()),
    ("全国新发展党员240.8万名，其中学生党员占38.2%。", ()),
    ("以去年数据为例，全国街道层级累计办理群众诉求3.6亿件。", ()),
    # one person's time in office
    ("新任支部书记上任不足3个月，已走访农户210户。", ((210, "户"),)),
    ("他到任仅两个月，村里的账目就理清了。", ()),
    # an amount still needed
    ("村里尚需筹措资金45万元用于修建文化广场。", ()),
    ("新建党群服务中心需要投入120万元。", ()),
    # a price per unit of goods
    ("村民将土地流转给合作社，每亩600元。", ()),
    ("今年的高山茶每斤280元，供不应求。", ()),
    # a rank the unit holds is a rating of it
    ("全年综合考评居全市第2名。", ((2, "名次"),)),
    ("在全省检察机关业务考评中位列第三。", ((3, "名次"),)),
    ("该支部在全区党建擂台比武中荣获第一名。", ((1, "名次"),)),
    ("收结案数居全市基层法院第一位，结案率96.2%。", ((1, "名次"), (96.2, "%"))),
    # ranks that pick out a group, priorities, names and sessions are not
    ("对考评排名第一的单位给予通报表扬。", ()),
    ("坚持把政治建设摆在第一位。", ()),
    ("县委向软弱涣散村选派第一书记12名。", ((12, "名"),)),
    ("该院获评第十三届省级文明单位。", ()),
    ("坚持居民第一，把服务送到家门口。", ()),
    # a round ten thousand said as a word is a count when it is approximate, a name when it is bare
    ("为全镇近万名群众开展义诊。", ((1, "万名"),)),
    ("志愿服务累计超万人次，募集善款近万元。", ((1, "万人次"), (1, "万元"))),
    ("开展“万名干部进万家”活动。", ()),
    ("组织万名党员参与志愿服务。", ()),
    # the counts that spell out a quoted name of numerals, and a score that sets a condition
    ("推行“十百千”计划，培育十个示范社区、百个红色楼栋。", ()),
    ("构建“246”服务体系，设立2个服务中心、4支服务队、6个网格站。", ()),
    ("积分累计达到50分可兑换生活用品。", ()),
    # what national leaders are quoted as saying
    ("总书记在会上强调：“全党现有9600多万名党员、490多万个基层党组织。”", ()),
    # a ratio written with a colon after 比
    ("受访者中男女比为1∶2.6。", ((2.6, "比"),)),
    ("全镇党员与群众之比为1:15。", ((15, "比"),)),
    # 口人 counts people
    ("全村共有386口人，其中党员29名。", ((386, "口人"), (29, "名"))),
)

# Near misses: real figures next to the words the rules above look for.
GUARDS: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    ("全国党员总数突破9900万名，我县现有党员1.6万名。", ((1.6, "万名"),)),
    ("局机关荣获全国文明单位称号，9名干警获市级以上表彰。", ((9, "名"),)),
    ("全县农村党员共8426名，占党员总数的61.5%。", ((8426, "名"), (61.5, "%"))),
    ("全国人大代表、村党委书记带领群众建成大棚140座。", ((140, "座"),)),
    ("上任后3个月内，新班子整改问题15个。", ((15, "个"),)),
    ("支部用两个月时间完成了换届选举。", ((2, "个月"),)),
    ("需要帮扶的困难党员共发放慰问金3.2万元。", ((3.2, "万元"),)),
    ("合作社去年流转土地320亩，支付租金19.2万元。", ((320, "亩"), (19.2, "万元"))),
    ("村集体人均分红达到1500元。", ((1500, "元"),)),
    ("为每个村注入发展资金20万元。", ((20, "万元"),)),
    ("排名后三位的支部书记作表态发言。", ()),
    ("惠及群众2万余人。", ((2, "万人"),)),
    ("推行“十百千”计划以来，共培育示范社区14个。", ((14, "个"),)),
    ("构建“246”服务体系以来，全年办结群众诉求246件。", ((246, "件"),)),
    ("构建“246”服务体系后，新设服务中心2个。", ((2, "个"),)),
    ("“十百千”计划推行两年后，全街道十个社区均建起党群服务站。", ((10, "个"),)),
    ("支部年度积分达到92分，评为五星级。", ((92, "分"),)),
    ("院长在报告中说：“全年审结各类案件4315件。”", ((4315, "件"),)),
    ("学习总书记重要讲话后，支部党员撰写心得体会37篇。", ((37, "篇"),)),
    ("周五下午3:30召开支委会，比上月提前一周。", ()),
    ("力争年内服务群众上万人次。", ()),
)


def _extracted(sentence: str) -> tuple[tuple[float | None, str], ...]:
    return tuple((None if f.value is None else round(f.value, 2), f.unit_of_measure) for f in extract_figures(sentence))


def _expected(expected: tuple[tuple[float, str], ...]) -> tuple[tuple[float, str], ...]:
    return tuple((round(float(value), 2), measure) for value, measure in expected)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_round4_sentence(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    assert _extracted(sentence) == _expected(expected)


@pytest.mark.parametrize(("sentence", "expected"), GUARDS, ids=[str(i) for i in range(len(GUARDS))])
def test_round4_guard(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    assert _extracted(sentence) == _expected(expected)


def test_rank_is_a_rating() -> None:
    figures = extract_figures("年度绩效考核中，我局位居市直机关第4名。")
    assert [(f.value, f.kind) for f in figures] == [(4.0, "rank")]
