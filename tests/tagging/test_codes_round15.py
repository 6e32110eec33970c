"""学和用脱节, 供和需脱节, 形式和内容脱节, 导向融合 and 学用融合 in the wordings of training and burden-reduction reports.

D3: training that is too theoretical or lectures only, study set against the work or skipped for being busy,
study called showy, the "moved in class, unmoved back home" pattern, single training methods, training
that falls short of its aim, course content cut off from the real work, training quality to be raised,
sign-in or notes in place of study, study satisfied with handing out material, discussion far from the work,
study results not turned into work results, skimming titles, study that stops at relaying, study as a show, copied notes.
D4: content that misses the post's needs, no differentiated design, supply-led training, needs surveyed or
mapped, training by order or menu, general content heavy and practical content light, content out of date,
provision at odds with needs, needs not told apart, no classified guidance, members who gain little.
D5: meetings used to push responsibility, papers used to shed it, sign-in or screenshot traces, traces left
online, touring dressed as training, weeks without meetings, trace-keeping work, the real effect ignored,
meetings and papers that grow instead of shrinking, meetings merged and papers cut, assessment without
traces, a sign-in and a photo, sign-in in place of study, full records of meetings never held, showpieces,
party days turned into outings, notes written by others, many meetings and few results, fine words in reports.
M2: talking politics shown in the work, the centre's instructions put first on a meeting's agenda.
M3: study results shown in the work, what was learned and what was used; not for the titles of papers on training.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D3: training far from the work
    ("不少学员反映专题班课程过于理论化，回到岗位用不上。", "不少学员反映专题班课程安排紧凑，回到岗位很有收获。", "D3"),
    ("问卷中多数干部认为轮训“理论有余、实操不足”。", "问卷中多数干部认为轮训“组织有序、保障到位”。", "D3"),
    ("一些培训班偏重理论讲授，忽视实践能力的锻炼。", "一些培训班注重案例研讨，兼顾实践能力的锻炼。", "D3"),
    ("部分课程仍停留在课堂讲授，学员参与少。", "部分课程增加了现场教学，学员参与多。", "D3"),
    ("有的领导把加强学习和抓好业务对立起来。", "有的领导把加强学习和抓好业务统一起来。", "D3"),
    ("个别科长常以工作忙为由不参加集中学习。", "个别科长常以身作则带头参加集中学习。", "D3"),
    ("有人觉得学习培训华而不实，不如多跑项目。", "有人觉得项目包装华而不实，不如多跑项目。", "D3"),
    ("学员听课时激动，回去以后一动不动。", "学员听课时认真，回去以后主动分享。", "D3"),
    ("县里的干部培训方式单一，以听报告为主。", "县里的干部培训方式多样，有研讨有实践。", "D3"),
    ("今年轮训效果远未达到预期，参训干部收获有限。", "今年轮训人数远超往年，参训干部分布更广。", "D3"),
    ("乡镇干部反映培训课程跟实际工作严重脱节。", "乡镇干部反映培训课程跟实际工作结合紧密。", "D3"),
    ("（三）培训质量有待提高。", "（三）培训覆盖面有待扩大。", "D3"),
    ("个别支部以签到代替学习，学了什么说不清。", "个别支部以研讨深化学习，学了什么说得清。", "D3"),
    ("有的支部抓学习满足于发资料、划重点。", "有的支部抓学习注重讲原理、谈体会。", "D3"),
    ("研讨时发言联系工作实际不够，多是表态。", "研讨时发言联系工作实际紧密，多有办法。", "D3"),
    ("理论学习成果向工作成效转化不够明显。", "理论学习成果汇编已向各支部印发。", "D3"),
    # D4: what training provides misses what the post needs
    ("专题班的讲授内容与岗位需求错位，学员兴趣不高。", "专题班的讲授时间与岗位轮班冲突，学员请假较多。", "D4"),
    ("课程设计缺乏面向新任科长的差异化安排。", "课程设计增加了面向新任科长的专门安排。", "D4"),
    ("多数课程未能充分考虑基层干部的实际需要。", "多数课程充分考虑了基层干部的实际需要。", "D4"),
    ("干部培训要从“供给导向”转向“需求导向”。", "干部培训要从“重数量”转向“重质量”。", "D4"),
    ("开班前组织部先做了一轮需求调研。", "开班前组织部先做了一轮场地检查。", "D4"),
    ("市委党校推出“订单式”培训，由各部门提出课题。", "市委党校推出“周末式”课堂，由各部门安排时间。", "D4"),
    ("课程通用性内容多，专业性内容少。", "课程专题化程度高，专业性内容多。", "D4"),
    ("一些培训内容更新滞后，讲的还是几年前的政策。", "一些培训内容更新及时，讲的都是最新的政策。", "D4"),
    ("支部党员教育内容与党员实际需要存在偏差。", "支部党员教育时间与党员值班安排存在冲突。", "D4"),
    ("组织生活安排未区分在职党员和离退休党员的需求。", "组织生活安排兼顾在职党员和离退休党员的需求。", "D4"),
    ("机关党委对各支部缺乏分类指导，要求一个样。", "机关党委对各支部加强分类指导，要求各有侧重。", "D4"),
    ("不少党员反映参加这类活动收获不大。", "不少党员反映参加这类活动收获很大。", "D4"),
    # D5: burden reduction and traces
    ("个别部门习惯以会压责，会后便不再过问。", "个别部门习惯以会促学，会后还要检查笔记。", "D5"),
    ("镇里叫停了打卡留痕的做法。", "镇里推广了错峰打卡的做法。", "D5"),
    ("电子台账成了新的线上留痕负担。", "电子台账成了新的线上查询渠道。", "D5"),
    ("有的专题班变成了旅游式培训。", "有的专题班变成了常态化培训。", "D5"),
    ("区里试行每月一个无会周。", "区里试行每月一个开放日。", "D5"),
    ("干部每天有不少时间花在留痕工作上。", "干部每天有不少时间花在走访工作上。", "D5"),
    ("课件做得花哨，却忽视了实质内容。", "课件做得朴素，却突出了实质内容。", "D5"),
    ("文件名义上压缩了，各类通知却不降反增。", "文件名义上压缩了，办事效率却大幅提升。", "D5"),
    ("县里把内容相近的会议合并召开。", "县里把内容相近的项目合并申报。", "D5"),
    ("街道推行无痕督查，不再要求准备汇报材料。", "街道推行网格巡查，及时处理群众诉求。", "D5"),
    ("部分党员参加学习只是签个到、拍个照。", "部分党员参加学习后认真写了体会。", "D5"),
    ("有的单位以打卡代替学习。", "有的单位以研讨带动学习。", "D5"),
    # D3: skimming, study that stops at relaying, study as a show, copied notes
    ("少数干部读文件只是看看标题、翻翻目录。", "少数干部读文件时先看标题、再读全文。", "D3"),
    ("有的科室学习贯彻停留在“传达了、学习了”。", "有的科室学习贯彻做到了“传达了、落实了”。", "D3"),
    ("个别干部把学习当成应景之作。", "个别干部把学习当成终身功课。", "D3"),
    ("检查发现部分学习笔记互相抄袭。", "检查发现部分学习笔记图文并茂。", "D3"),
    # D5: records without the meeting, showpieces, outings, copied notes, many meetings few results, fine words
    ("有的支部会议记录写得满满当当，实际却没有开会。", "有的支部会议记录写得清清楚楚，决议也都落实了。", "D5"),
    ("个别单位热衷于打造“盆景”，不管能否推开。", "个别单位注重培育典型，再逐步推开。", "D5"),
    ("有的支部把主题党日搞成了游山玩水。", "有的支部把主题党日办成了业务研讨。", "D5"),
    ("一些干部的心得体会找人代写。", "一些干部的心得体会写得很实在。", "D5"),
    ("会议开了不少，问题解决不多。", "会议开得不多，问题解决不少。", "D5"),
    ("汇报材料写得天花乱坠，群众却不认账。", "汇报材料写得简明扼要，群众也认账。", "D5"),
    # M3: study results shown in the work, what was learned and used
    ("要把学习成果体现在推动业务发展上。", "要把调研成果体现在年度报告里。", "M3"),
    ("各支部围绕“学了什么、用了什么”交流体会。", "各支部围绕“干了什么、缺了什么”交流体会。", "M3"),
    # M2: politics in the work, the centre's instructions first on the agenda
    ("推动干部把讲政治体现到执法办案的各个环节。", "推动干部把讲规范体现到执法办案的各个环节。", "M2"),
    ("局党组把学习总书记重要指示作为党组会第一项议程。", "局党组把年度预算调整作为党组会最后一项议程。", "M2"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_title_of_a_paper_on_training_is_not_m3(matcher: RuleMatcher) -> None:
    # A paper's title names the topic; the body passages carry the codes.
    assert "M3" not in matcher.codes("基层党员教育培训工作的困境与突破")
    assert "M3" not in matcher.codes("新时期干部教育培训问题探析")
    assert "M3" in matcher.codes("机关党委每季度组织一次党员教育培训。")


def test_study_content_far_from_the_work_is_not_d4(matcher: RuleMatcher) -> None:
    # A guard for the content-versus-needs wording. Study content cut off from the real work is 学和用脱节, not a mismatch of supply and demand.
    assert "D4" not in matcher.codes("有的支部学习内容与工作实际脱节。")
    assert "D3" in matcher.codes("有的支部学习内容与工作实际脱节。")


def test_market_demand_analysis_is_not_d4(matcher: RuleMatcher) -> None:
    # A guard for the needs-survey wording. A company's market study is not a party organisation's needs survey.
    assert "D4" not in matcher.codes("公司委托第三方开展市场需求分析。")
