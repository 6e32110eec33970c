"""思想融合, 学习融合 and 形式和内容脱节 in the wordings of burden-reduction commentary, court and hospital
reports and training commentary.

D5: burden reduction staged for show (reduction on paper, material prepared to prove it), an old activity under
a new name, problems invented to meet a quota, assessment that rests on submitted material, trainees who idle
in class, and the management of meetings and documents (会文) are form over content.
M1: realising the role of party building, and breaking the barriers between party building and the business,
are the idea measure.
M3: significance lines about study and training in general (历来重视, 每前进一步, 思想武器, 是…的重要形式) are
background, not the learning measure, unless they name a study instrument; nor are study notes made up
afterwards for an inspection.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D5: burden reduction for show
    ("一些地方为了展示减负成效，反而要求基层层层报送材料。", "今年基层减负成效明显，会议数量下降三成。", "D5"),
    ("基层干部为了准备减负材料熬了几个通宵。", "基层干部为了准备防汛材料熬了几个通宵。", "D5"),
    ("有的部门只是实现了报表数据上的减负，实际任务一点没少。", "有的部门按季度汇总报表数据，及时上报。", "D5"),
    # D5: renamed activities, quota problems, material-based assessment
    ("有的单位只是给老活动换了个名头，内容一点没变。", "该单位今年换了个新的办公地点。", "D5"),
    ("督查组要求每个科室必须查出问题，否则不予通过。", "督查组要求每个科室及时整改查出的问题。", "D5"),
    ("自查报告里没写够五个问题，被退回重写。", "自查报告里写了五个问题，都已整改。", "D5"),
    ("年终考核仍然依赖材料审核，实绩难以体现。", "年终考核仍然依赖群众评议，实绩得到体现。", "D5"),
    ("新办法把书面材料在考核中的占比压到两成以下。", "新办法把群众满意度在考核中的分值提高到四成。", "D5"),
    # D5: idle trainees; meetings and documents
    ("有的学员在课堂上玩手机、打瞌睡。", "有的学员在课间休息时看手机回复工作消息。", "D5"),
    ("个别学员把脱产培训当成休假，整天不见人影。", "个别学员把脱产培训当成充电的机会，天天泡在图书馆。", "D5"),
    ("要完善会文管理制度，严控总量。", "要完善大会文件归档制度。", "D5"),
    # M1: realising the role of party building; breaking the barriers
    ("医院党委普遍认识到党建工作对医院发展的重要作用。", "医院党委普遍认识到人才工作对医院发展的重要作用。", "M1"),
    ("党建与业务融合要打破部门之间的壁垒。", "科室协作要打破部门之间的壁垒。", "M1"),
    # M3: significance lines unless a study instrument is named
    ("各级党委历来重视干部教育培训工作，每年举办两期中心组专题读书班。",
     "我们党历来重视干部教育培训工作，把干部培训作为推进事业发展的重要基础工作。", "M3"),
    ("对于领导干部来说，中心组学习是运用理论指导实践、提高政治素养的重要形式。",
     "对于领导干部来说，学习是运用理论指导实践、提高政治素养的重要形式。", "M3"),
    # M3: study notes made up afterwards for an inspection are a record, not the learning measure
    ("党员坚持记学习笔记，每月交流一次心得体会。", "年底检查前，各单位忙着补会议记录、补学习笔记，只为迎检过关。", "M3"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_quoted_motto_about_theory_is_not_the_learning_measure(matcher: RuleMatcher) -> None:
    assert "M3" not in matcher.codes("理论创新每前进一步，理论武装就要跟进一步。")
