"""Figure extraction on sentences written for this check, in the registers of survey reports, experience
materials, summaries and opinions: figures, structural enumerations, dates, placeholders and ratios.

Every sentence states its expected figures as (value, measure) in reading order. The set as a whole must
reach precision and recall ≥ 0.90; the sentences the extractor still gets wrong are listed in
``KNOWN_MISSES`` with the reason, so that a change that fixes or breaks one is seen.
"""

from __future__ import annotations

import pytest

from pipeline.gap.figures import extract_figures

CASES: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    # survey and research reports
    ("调查结果显示，62.5%的受访党员认为支部活动与业务结合不够紧密。", ((62.5, "%"),)),
    ("本次共发放问卷480份，回收有效问卷452份，有效回收率94.2%。", ((480, "份"), (452, "份"), (94.2, "%"))),
    ("近八成受访干部表示每月至少参加一次主题党日。", ((80, "%"),)),
    ("在接受访谈的36名支部书记中，有三分之二认为党务工作占用了大量业务时间。", ((36, "名"), (66.67, "%"))),
    ("在回答问卷的干部中，有41.8%选择“工作太忙顾不上”。", ((41.8, "%"),)),
    ("只有不足两成的党务干部接受过系统培训。", ((20, "%"),)),
    ("问卷中，认为考核结果与评优评先挂钩的占比仅为23.4%，比上次调查下降5.6个百分点。",
     ((23.4, "%"), (5.6, "个百分点"))),
    ("座谈中，有7名干部反映党建考核指标过多过细。", ((7, "名"),)),
    ("受访者中，有1/3的人认为学习形式单一。", ((33.33, "%"),)),
    ("在被调查的单位中，党建工作与业务工作分开考核的占57%。", ((57, "%"),)),
    ("调查显示，百分之四十五的青年干部希望增加业务培训。", ((45, "%"),)),
    ("超过九成的支部书记由单位负责人兼任。", ((90, "%"),)),
    ("党员干部对机关党建工作的满意率为96.8%。", ((96.8, "%"),)),
    ("课题组于5月至7月走访了12个单位。", ((12, "个"),)),
    ("全局43名党员中，35岁以下的有19名。", ((43, "名"), (19, "名"))),
    ("党务干部人均兼任业务岗位1.8个。", ((1.8, "个"),)),
    ("党员参学率由上年的81.3%提高到93.7%，提高12.4个百分点。", ((81.3, "%"), (93.7, "%"), (12.4, "个百分点"))),
    ("群众满意度测评平均得分92.5分，同比上升3.1分。", ((92.5, "分"), (3.1, "分"))),
    ("党建工作在年度绩效考核中的权重由10%提高到20%。", ((10, "%"), (20, "%"))),
    ("局党组织书记由主要负责人担任的比例为100%。", ((100, "%"),)),
    # experience materials and work summaries
    ("全年共开展“书记讲党课”活动42场，参与党员1260人次。", ((42, "场"), (1260, "人次"))),
    ("局机关投入党建工作经费18.6万元，较上年增长12%。", ((18.6, "万元"), (12, "%"))),
    ("全市机关共有基层党组织1,246个，党员2.3万名。", ((1246, "个"), (2.3, "万名"))),
    ("近3年来，局党组先后出台党建制度规定17项。", ((17, "项"),)),
    ("该支部连续5年被评为先进基层党组织。", ((5, "年"),)),
    ("市直机关97个党组织中，已有88个完成标准化建设，达标率为90.7%。", ((97, "个"), (88, "个"), (90.7, "%"))),
    ("培训覆盖全部42个科室，覆盖率达100%。", ((42, "个"), (100, "%"))),
    ("各党支部结对帮扶困难群众136户，发放慰问金5.2万元。", ((136, "户"), (5.2, "万元"))),
    ("这一做法已在全县14个乡镇推广。", ((14, "个"),)),
    ("支部先后组织党员志愿者开展服务活动120余次，服务群众3000多人。", ((120, "次"), (3000, "人"))),
    ("全年累计收到意见建议58条，已办结52条，办结率89.7%。", ((58, "条"), (52, "条"), (89.7, "%"))),
    ("截至2022年底，全区建成党员活动室58处。", ((58, "处"),)),
    ("全系统共评选表彰优秀共产党员126名、优秀党务工作者38名、先进基层党组织24个。",
     ((126, "名"), (38, "名"), (24, "个"))),
    ("两个支部因组织生活不规范被约谈。", ((2, "个"),)),
    ("全年开展理论学习中心组集体学习12次，专题研讨4次。", ((12, "次"), (4, "次"))),
    ("据统计，全县机关党员干部参与“双报到”服务超过5000人次。", ((5000, "人次"),)),
    ("支部建设经费由每年每个支部2000元提高到5000元。", ((2000, "元"), (5000, "元"))),
    ("下设6个党支部、2个党总支，共有党员213名。", ((6, "个"), (2, "个"), (213, "名"))),
    ("机关纪委全年查处违纪问题9起，处分党员5人。", ((9, "起"), (5, "人"))),
    ("全年共发展党员23名，转正预备党员19名。", ((23, "名"), (19, "名"))),
    ("党支部书记培训时长累计达到48学时。", ((48, "学时"),)),
    ("全市机关党员干部下沉社区2.1万人次。", ((2.1, "万人次"),)),
    ("截至目前，已有三十二个基层党组织完成换届。", ((32, "个"),)),
    ("2022年度，全局共开展专题党日活动36次。", ((36, "次"),)),
    # structural enumerations, names and slogans
    ("破解这一难题，需要从以下五个方面下功夫。", ()),
    ("我们坚持做到“三个到位”，即思想到位、责任到位、措施到位。", ()),
    ("深入推进“四个服务”，争当“两个表率”。", ()),
    ("下一步，将重点抓好三项工作。", ()),
    ("从“党员先锋岗”到“五星级党支部”，形成一套完整的评价链条。", ()),
    ("机关党委坚持抓好两个环节：一是学习，二是转化。", ()),
    ("“一切工作到支部”的要求必须落实到位。", ()),
    ("本次调研采取座谈、问卷、走访三种方式进行。", ()),
    ("我们总结出“三抓三促”工作法。", ()),
    ("建立“1+N”联动机制，打造“红色先锋”品牌。", ()),
    ("会议强调要把握好四个关系。", ()),
    ("领导班子成员要带头落实“一岗双责”，每季度至少讲一次党课。", ()),
    ("部分单位一年只开一次支部委员会。", ()),
    ("对排名后三位的单位进行约谈。", ()),
    ("党员积分管理实行百分制，年终积分低于60分的须作说明。", ()),
    # ordinals, references, dates and placeholders
    ("该办法第十二条对考核结果运用作出规定。", ()),
    ("第3批党员先锋岗名单已经公布。", ()),
    ("《关于加强机关党建的十条措施》印发后，各单位认真贯彻。", ()),
    ("2023年3月，市委召开机关党建工作推进会。", ()),
    ("活动于上午9时30分开始。", ()),
    ("省委直属机关工委于2021年印发实施意见。", ()),
    ("1921年中国共产党成立。", ()),
    ("4月7日《xx日报》第4版刊发了经验文章。", ()),
    ("xx局共有党员xx名，其中女党员x名。", ()),
)

# Sentences the extractor still gets wrong, with the reason (kept visible rather than removed).
KNOWN_MISSES: dict[str, str] = {
    "党员积分管理实行百分制，年终积分低于60分的须作说明。":
        "a threshold set by a rule (低于60分的须…) reads like a measured score",
}


def _extracted(sentence: str) -> tuple[tuple[float | None, str], ...]:
    return tuple((None if f.value is None else round(f.value, 2), f.measure) for f in extract_figures(sentence))


def _expected(expected: tuple[tuple[float, str], ...]) -> tuple[tuple[float, str], ...]:
    return tuple((round(float(value), 2), measure) for value, measure in expected)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_unseen_sentence(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    if sentence in KNOWN_MISSES:
        pytest.xfail(KNOWN_MISSES[sentence])
    assert _extracted(sentence) == _expected(expected)


def test_unseen_precision_and_recall() -> None:
    true_positive = extracted = gold = 0
    for sentence, expected in CASES:
        predicted = list(_extracted(sentence))
        wanted = list(_expected(expected))
        extracted += len(predicted)
        gold += len(wanted)
        for item in predicted:
            if item in wanted:
                wanted.remove(item)
                true_positive += 1
    assert len(CASES) >= 60
    assert true_positive / extracted >= 0.90
    assert true_positive / gold >= 0.90
