"""政治和业务脱节, 学和用脱节 and 供和需脱节 in the wordings of study reports, party-day commentary and service reports.

D1: political requirements that do not reach the work, politics put on show, business pursued while politics is
ignored, politics and business set against each other, politics reduced to talk or to statements.
D3: study looked down on, no drive to study, study not given its place or its time, study treated as a soft task,
shallow or passive study, poor study methods, study results shelved or not turned into work, training of little
help with real problems, learning without using, discussion far from the work.
D4: provision that ignores or stands in place of real needs, needs taken as the starting point, topics fitted to
needs, content designed by post, needs matched or surveyed, doing only what the level above sets, prescribed
items many and own items few, content not fitted to members' thinking, briefings the masses cannot follow.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D1: politics not carried into the work
    ("有的科室把政治要求挂在会上，落实到具体工作中还有差距。", "有的科室把安全要求挂在会上，落实到具体工作中成效明显。", "D1"),
    ("一些干部讲政治的要求没有真正落实到审批服务中。", "一些干部服务的要求已经全面落实到审批服务中。", "D1"),
    ("个别单位热衷搞政治排场，实事办得不多。", "个别单位热衷搞文体活动，实事办得不少。", "D1"),
    ("有的单位政治表态多、行动少。", "有的单位工作部署多、行动快。", "D1"),
    ("少数干部埋头抓业务，忽视政治。", "少数干部埋头抓业务，兼顾学习。", "D1"),
    ("有的干部抓业务忽视讲政治，认为与己无关。", "有的干部抓业务注重讲方法，认为事半功倍。", "D1"),
    ("不能把政治和业务对立起来。", "不能把安全和效率对立起来。", "D1"),
    ("有人把讲政治简单等同于开会表态。", "有人把讲评简单等同于开会表态。", "D1"),
    ("讲政治停留在表态上，没有见到行动。", "讲安全落实在行动上，已经见到成效。", "D1"),
    ("讲政治口号化的问题仍未根除。", "讲安全口号化的问题仍未根除。", "D1"),
    ("个别干部把政治工作和业务工作割裂开来。", "个别干部把后勤工作和业务工作统筹起来。", "D1"),
    ("有人把政治建设当成虚功。", "有人把作风建设当成常态。", "D1"),
    ("部分干部的政治能力与岗位要求不相适应。", "部分干部的专业能力与岗位要求相适应。", "D1"),
    ("政治意识在执法工作中体现不够。", "服务意识在执法工作中体现充分。", "D1"),
    # D3: study looked down on, passive or shallow, results shelved
    ("一些干部存在轻视理论学习的倾向。", "一些干部存在重视理论学习的传统。", "D3"),
    ("不少党员缺乏学习的主动性，靠督促才学。", "不少党员具备学习的主动性，不用督促也学。", "D3"),
    ("部分同志自觉学习意识不强。", "部分同志自觉服务意识很强。", "D3"),
    ("班子没有把理论学习摆在重要位置。", "班子已经把理论学习摆在重要位置。", "D3"),
    ("学习时间、场地和经费都难以保证。", "办公时间、场地和经费都已保证。", "D3"),
    ("有的领导觉得学习理论固然重要，但认为是软任务。", "有的领导觉得学习理论固然重要，也认为是必修课。", "D3"),
    ("支部的理论学习落不到实处。", "支部的帮扶措施落到了实处。", "D3"),
    ("多数人对文件只做浅层次的阅读。", "多数人对文件做了逐条的研读。", "D3"),
    ("个别党员被动参加学习，人到心不到。", "个别党员主动参加学习，还带动了同事。", "D3"),
    ("这种被动的学习态度影响了学习效果。", "这种主动的学习态度提升了学习效果。", "D3"),
    ("部分支部学习方法单一，多是领读。", "部分支部学习方法多样，有研讨有调研。", "D3"),
    ("学习成果“束之高阁”，工作还是老样子。", "学习成果汇编成册，发到每个科室。", "D3"),
    ("学员说这门课对解决实际问题帮助不大。", "学员说这门课对解决实际问题帮助很大。", "D3"),
    ("有的同志学了就忘，工作中仍凭老经验。", "有的同志学了就用，工作中有了新办法。", "D3"),
    ("学习成果没有转化为推动工作的实际成效。", "学习成果已经汇编为推动工作的参考资料。", "D3"),
    ("专题研讨联系本单位实际不够。", "专题研讨安排在本单位会议室。", "D3"),
    ("三是轻视与忽视干部教育培训。", "三是重视与支持干部教育培训。", "D3"),
    ("部分人接到学习任务后只是勉强应付。", "部分人接到学习任务后总是提前完成。", "D3"),
    ("在学习方法的科学性上还有欠缺。", "在学习制度的执行上已经到位。", "D3"),
    ("理论学习与解决实际问题结合不够。", "理论学习与解决实际问题同步推进。", "D3"),
    ("有的支部重学习轻运用。", "有的支部重学习也重运用。", "D3"),
    ("学员的学用转化率不高。", "学员的课程出勤率很高。", "D3"),
    ("研讨发言照读材料多，联系实际少。", "研讨发言结合案例多，照读材料少。", "D3"),
    ("学习后没有形成推动工作的具体措施。", "学习后形成了推动工作的具体措施。", "D3"),
    ("支部学习带着问题学不够。", "支部学习带着问题学效果好。", "D3"),
    ("有的党员以听代学，很少自己读原文。", "有的党员以读促学，常常自己读原文。", "D3"),
    ("理论学习没有与业务工作有机结合。", "理论学习已经与业务工作有机结合。", "D3"),
    ("在学懂弄通做实上下的功夫不够。", "在学懂弄通做实上下了真功夫。", "D3"),
    ("支部学习研讨质量不高，多是照读材料。", "支部学习研讨准备充分，发言各有见解。", "D3"),
    ("不少党员的心得体会空洞，套话较多。", "不少党员的心得体会具体，例子较多。", "D3"),
    ("学习笔记抄多悟少。", "学习笔记记得整齐。", "D3"),
    ("理论学习推动工作的成效不明显。", "理论学习推动工作的成效很明显。", "D3"),
    # D4: provision and needs
    ("宣讲活动围绕上级要求展开，而非群众真实需求。", "宣讲活动围绕上级要求展开，覆盖了全体群众。", "D4"),
    ("服务项目应以群众需求为出发点。", "服务项目应以安全规范为出发点。", "D4"),
    ("社区党委坚持需求导向设计服务清单。", "社区党委坚持问题清单管理服务事项。", "D4"),
    ("主题党日要贴合党员实际需求定内容。", "主题党日要提前一周通知全体党员。", "D4"),
    ("立足党员岗位特点，精准设计学习专题。", "立足党员岗位职责，认真完成学习专题。", "D4"),
    ("支部书记要精准对接党员需求。", "支部书记要认真落实上级部署。", "D4"),
    ("街道每季度摸排群众需求。", "街道每季度通报工作进度。", "D4"),
    ("有的支部上级定什么就搞什么，很少征求党员意见。", "有的支部上级定了目标，就按计划推进。", "D4"),
    ("支部活动“规定动作”多、“自选动作”少。", "支部活动“规定动作”齐、“自选动作”也不少。", "D4"),
    ("组织生活内容与党员思想实际结合不够。", "组织生活时间与党员值班安排错开。", "D4"),
    ("政策讲解会上群众听不懂、记不住。", "政策讲解会上群众听得懂、记得牢。", "D4"),
    ("有的支部开展活动不考虑流动党员的实际困难。", "有的支部开展活动照顾流动党员的实际困难。", "D4"),
    ("支部设计活动前没有征求党员意见。", "支部设计活动前专门征求了党员意见。", "D4"),
    ("社区服务离群众期盼还有不小差距。", "社区服务离群众家门口只有几步路。", "D4"),
    ("一些服务项目与群众需要不对接。", "一些服务项目与群众需要对接得很好。", "D4"),
    ("支部对党员的实际需求掌握不准。", "支部对党员的实际需求掌握得很准。", "D4"),
    ("组织生活与党员工作实际联系不紧。", "组织生活与党员工作实际联系紧密。", "D4"),
    ("活动内容与青年党员的兴趣不符。", "活动内容与青年党员的兴趣相符。", "D4"),
    ("党员教育内容与岗位要求衔接不够。", "党员教育内容与岗位要求衔接紧密。", "D4"),
    ("有的支部重“规定动作”、轻“自选动作”。", "有的支部把“规定动作”和“自选动作”都做实。", "D4"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_business_before_the_party_without_politics_is_not_d1(matcher: RuleMatcher) -> None:
    # Boundary rule 2: 重业务轻党建 names no politics, so it stays D2 and the new D1 wordings leave it alone.
    codes = matcher.codes("有的单位埋头抓业务，忽视党建工作。")
    assert "D1" not in codes


def test_study_attitude_of_students_is_not_d3_by_the_new_wordings(matcher: RuleMatcher) -> None:
    # A guard: 被动 and 浅层次 need study or reading next to them.
    assert "D3" not in matcher.codes("这项工作处于被动应对的状态。")
    assert "D3" not in matcher.codes("问卷只做了浅层次的统计。")


def test_little_help_with_real_work_needs_study_to_be_d3(matcher: RuleMatcher) -> None:
    # A guard: "of little help" is 学和用脱节 only when training or study is what does not help.
    assert "D3" not in matcher.codes("这些制度对实际工作帮助不大。")
    assert "D3" in matcher.codes("不少学员反映这次培训对实际工作帮助不大。")


def test_abilities_below_the_job_are_not_a_supply_mismatch(matcher: RuleMatcher) -> None:
    # A guard: the needs-mismatch wording needs something provided (service, activity, content) as its subject.
    assert "D4" not in matcher.codes("党务干部能力与工作需要不符。")
