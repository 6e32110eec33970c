"""Figure extraction: brackets of amounts and counts, the items of a “N个一” activity, targets whose time is set
in a clause of its own, expectations, funds obtained, 项次, 以下 after an age bracket and quotas kept within a
bound. Every sentence was written for this check; each expected list is in reading order."""

from __future__ import annotations

import pytest

from pipeline.gap.figures import extract_figures

CASES: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    # a bound on an amount or a count that picks out a group
    ("村级集体收入在20万元以上的村共有9个。", ((9, "个"),)),
    ("年经营收入不足5万元的村有4个，列为重点帮扶对象。", ((4, "个"),)),
    ("职工100人以下的小微企业党组织覆盖率为76.5%。", ((76.5, "%"),)),
    ("全区党员50名及以上的党委共7个。", ((7, "个"),)),
    # counts of one that spell out the name of a “N个一” activity
    ("组织在职党员认领1个微心愿、办理1件实事等“两个一”活动，共认领微心愿412个。", ((412, "个"),)),
    ("推行党员联系1户群众、参加1次志愿服务等三个一行动。", ()),
    # a target whose time is set by a clause of its own
    ("争取在2026年底前，党员教育基地覆盖率达到85%以上。", ()),
    ("力争明年，示范党支部比例提高到四成。", ()),
    # an expectation is not yet a fact
    ("项目建成后，预期可带动村民年均增收3000元。", ()),
    # 项次 is a measure of its own
    ("机关党委获上级表彰表扬共37项次。", ((37, "项次"),)),
    # 以下 after an age bracket is not “the following”
    ("其中35周岁以下党员17人，占比31%。", ((17, "人"), (31, "%"))),
    ("45岁以下的支部书记有6名。", ((6, "名"),)),
    # a quota kept within a bound each year
    ("每年每个支部发展党员数控制在3名以内。", ()),
    # cases and treated patients are counted in 案 and 例
    ("全年审结危险驾驶案件58案，司法救助7人26.4万元。", ((58, "案"), (7, "人"), (26.4, "万元"))),
    ("心内科党支部牵头救治急性心梗患者730例。", ((730, "例"),)),
    ("驻村工作队全年走访农户420户次，调解矛盾纠纷17宗。", ((420, "户次"), (17, "宗"))),
    ("开设党史专题课程6门，录制微党课24堂，组织党员植树850株。", ((6, "门"), (24, "堂"), (850, "株"))),
    # hours and minutes that name a service
    ("社区推行24小时值守，打造10分钟便民服务圈。", ()),
    ("引导党员管好八小时以外的生活圈、社交圈。", ()),
    # 分 before 地 is a measure of land
    ("全村人均不足2分地。", ()),
    # the content of a rule the text follows
    ("按照1名党员联系6户群众的要求开展结对帮扶。", ()),
    ("依照每个网格配备2名党员的标准调整力量。", ()),
    # brackets of scores and hours, ranges, scales and idioms
    ("测评80分以上的科室有9个，占比45%。", ((9, "个"), (45, "%"))),
    ("每周学习1小时以上的党员占比为63.2%。", ((63.2, "%"),)),
    ("每个党小组配备2-4名骨干。", ()),
    ("参加座谈的人数在20～25人之间。", ()),
    ("有2至3名党员的支部占比28%。", ((28, "%"),)),
    ("满意度测评采用10分制，平均得分8.7分。", ((8.7, "分"),)),
    ("个别支部三天两头搞活动，安全工作一天也不能松。", ()),
    # points an assessment rule gives or takes, and the band a score falls in
    ("未按规定开展主题党日的，每次扣3分。", ()),
    ("获得省级表彰的加4分，最高加6分。", ()),
    ("年度测评90分以上为优秀，60分以下为不合格。", ()),
    # the weight of an assessment item and the unit of a rule
    ("三、落实意识形态工作责任制（25分）", ()),
    ("每少报1次扣0.5分，每缺1项资料扣1分。", ()),
    # items counted under parts of the text, and a slogan of counts
    ("实施方案从5个方面提出21项具体举措。", ()),
    ("《办法》分为四个部分、26条。", ()),
    ("努力实现4个100%的工作目标。", ()),
    ("全面实现12个100%。", ()),
    # a page counting its readers
    ("2024-03-18 来源：机关党委 0条评论", ()),
    ("412人阅读 | 26人点赞", ()),
    # a reference to a table or figure
    ("各支部参学情况如表2所示。", ()),
)

# Near misses: real figures next to the words the rules above look for.
GUARDS: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    ("全镇村级集体收入达到86万元，比上年增长12%。", ((86, "万元"), (12, "%"))),
    ("去年投入资金45万元的便民服务中心已投入使用。", ((45, "万元"),)),
    ("90%以上的党员参加了集中轮训。", ((90, "%"),)),
    ("全区100人以上的企业有23家，均已建立党组织。", ((23, "家"),)),
    ("有1个党支部被评为“四个一”示范支部。", ((1, "个"),)),
    ("开展“两个一”活动以来，党员共办实事1260件。", ((1260, "件"),)),
    ("在2023年底，全县党组织覆盖率达到98.6%。", ((98.6, "%"),)),
    ("力争上游蔚然成风，去年全区新建党群服务中心14个。", ((14, "个"),)),
    ("今年全县党员参学率达到九成以上。", ((90, "%"),)),
    ("达到预期目标的党支部有27个。", ((27, "个"),)),
    ("三年来累计争取专项资金380万元。", ((380, "万元"),)),
    ("驻村工作队争取到帮扶项目6个。", ((6, "个"),)),
    ("争取年内再建成示范点4个。", ()),
    ("完成党建重点任务18项。", ((18, "项"),)),
    ("经验主要有以下3条。", ()),
    ("全年新发展党员总数控制在指标以内，共发展9名。", ((9, "名"),)),
    ("编印典型案例汇编，收录5个案例。", ((5, "个"),)),
    ("专项行动中共立案11件，以案促改2次。", ((11, "件"), (2, "次"))),
    ("党员服务队连续值守36小时，转运物资1.5万件。", ((36, "小时"), (1.5, "万件"))),
    ("按照要求，全年共结对帮扶困难群众318户。", ((318, "户"),)),
    ("在星级评定中得分92分，位列第一。", ((92, "分"), (1, "名次"))),
    ("支部党员人数从26人增加到41人。", ((26, "人"), (41, "人"))),
    ("2020-2023年共发展党员47名。", ((47, "名"),)),
    ("抗洪期间党员突击队连续奋战3天，转移群众560人。", ((3, "天"), (560, "人"))),
    ("年度考核得分由88分提高到94.5分。", ((88, "分"), (94.5, "分"))),
    ("因台账不全，该支部被扣1.5分。", ((1.5, "分"),)),
    ("党建考核合计得分93.5分，比上年增加2分。", ((93.5, "分"), (2, "分"))),
    ("年度测评中全局平均得分91.2分，评为优秀。", ((91.2, "分"),)),
    ("该支部年度考核得分（满分100分）为96分。", ((96, "分"),)),
    ("班子成员全年到联系村走访调研26次。", ((26, "次"),)),
    ("每个联系点有党员7名。", ((7, "名"),)),
    ("全县共有中小学校46所，均已建立党组织。", ((46, "所"),)),
    ("今年以来完成重点任务17项，占年度任务的85%。", ((17, "项"), (85, "%"))),
    ("经过4个多月的集中整治，共整改问题53个。", ((4, "个月"), (53, "个"))),
    ("近两个多月来，支部走访群众210户。", ((210, "户"),)),
    ("共有638人阅读了倡议书，留言95条。", ((638, "人"), (95, "条"))),
    ("4个支部100%完成了换届。", ((4, "个"), (100, "%"))),
    ("全县5个乡镇提出整改措施32条。", ((5, "个"), (32, "条"))),
    ("全县有14个部门参与，设立2个门诊党员示范岗，节约经费9万元。", ((14, "个"), (2, "个"), (9, "万元"))),
)


def _extracted(sentence: str) -> tuple[tuple[float | None, str], ...]:
    return tuple((None if f.value is None else round(f.value, 2), f.unit_of_measure) for f in extract_figures(sentence))


def _expected(expected: tuple[tuple[float, str], ...]) -> tuple[tuple[float, str], ...]:
    return tuple((round(float(value), 2), measure) for value, measure in expected)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_round3_sentence(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    assert _extracted(sentence) == _expected(expected)


@pytest.mark.parametrize(("sentence", "expected"), GUARDS, ids=[str(i) for i in range(len(GUARDS))])
def test_round3_guard(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    assert _extracted(sentence) == _expected(expected)
