"""How units word the codes the rules used to miss on real documents (each measure and each disconnect),
and the near-misses those wordings must not catch. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # D1: politics named and neglected, or held apart from the business work
        ("个别科室存在忽视和淡化政治的倾向，只盯着业务指标。", {"D1"}),
        ("少数干部政治执行力不强，落实上级决策部署打折扣。", {"D1"}),
        ("有的同志觉得讲政治太虚，与具体工作无关。", {"D1"}),
        ("有人说自己是搞业务的，不是搞政治的。", {"D1"}),
        # D2: party work pushed aside by the business, or not joined to it
        ("有的单位重经济轻党建，党组会上很少研究党建工作。", {"D2"}),
        ("调研发现，一些处室党建工作不受重视，支部活动常常被业务冲掉。", {"D2", "M1"}),
        ("部分支部未能实现党建工作与业务工作的有效结合。", {"D2"}),
        ("在一些单位，党建工作摆不上应有的位置。", {"D2", "M1"}),
        ("有的领导班子成员“一岗两责”落实不到位。", {"D2", "M5"}),
        # D3: study not turned into work
        ("个别党员把理论学习当成负担，能推就推。", {"D3"}),
        ("政治理论学得多，结合岗位实际运用得少。", {"D3"}),
        ("有的支部学习时紧时松，只有三分钟热度。", {"D3"}),
        ("有的同志把学习等同于读文件，读完就算完成任务。", {"D3"}),
        # D4: what is offered does not fit what is needed
        ("有的支部上级布置什么就做什么，从不结合本单位特点设计活动。", {"D4"}),
        ("个别街道机械照搬外地的服务站做法，群众并不买账。", {"D4"}),
        ("支部活动没有结合本部门业务特点，党员觉得与己无关。", {"D4"}),
        ("培训内容一锅煮，新党员和老党员听的是同一堂课。", {"D4"}),
        # D5: form over substance
        ("有的考核组以材料论英雄，只看台账厚不厚。", {"D5"}),
        ("迎检前临时补台账的情况仍有发生。", {"D5"}),
        ("个别单位表态多、调门高，行动少、落实差。", {"D5"}),
        ("一说落实就是发文，一说检查就是填表。", {"D5"}),
        ("有的支部组织生活走过场，会议记录写得满满当当。", {"D5"}),
        ("有的单位用留痕代替实绩，热衷于拍照发简报。", {"D5"}),
        ("一些单位满足于层层转发文件，贯彻只停留在会议传达上。", {"D5"}),
        # D6: party-building assessment unsound or not linked to rewards
        ("机关党建工作评价机制还不够健全，考核结果说服力不强。", {"D6", "M5"}),
        ("一刀切的考核标准让基层支部无所适从。", {"D6"}),
        ("党建工作干多干少没区别，支部书记积极性受挫。", {"D6"}),
        ("党建考核与业务考核各搞各的，形成两条线。", {"D6"}),
        # M1: the idea of integration
        ("党建和业务如同车之双轮，缺一不可。", {"M1"}),
        ("局党组明确党建工作与业务工作同样重要，一起研究。", {"M1"}),
        ("支部紧扣以党建促业务这条主线谋划全年工作。", {"M1"}),
        # M2: political requirements carried into the business work
        ("局党组引导干部增强政治意识，把每项审批都当作政治任务来完成。", {"M2"}),
        ("要善于从政治高度谋划业务工作，心怀国之大者。", {"M2"}),
        ("各处室定期对表对标，及时校准偏差。", {"M2"}),
        # M3: study linked to work
        ("各支部持续加强政治理论学习，每月安排一次专题研讨。", {"M3"}),
        ("组织党员学党章、学党史，撰写心得并交流。", {"M3"}),
        ("建立个人学习档案，推行学习签到。", {"M3"}),
        # M4: party organisations inside the business work
        ("医院把党总支建在学科群上，党支部建在科室里。", {"M4"}),
        ("局党委优化党组织设置，推动组织体系与业务条线对应。", {"M4"}),
        ("在重点工程指挥部成立临时党支部，党员挂牌上岗。", {"M4"}),
        ("个别党支部作用发挥不充分，遇到攻坚任务时组织不起来。", {"M4"}),
        ("机关支部与园区企业开展党建联建，共同破解项目审批难题。", {"M4"}),
        # M5: mechanisms
        ("党建和业务同研究、同部署、同考核。", {"M5"}),
        ("主体责任层层递减，到了科室就成了软任务。", {"M5"}),
        ("责任传导逐级递减，部分支部书记抓党建动力不足。", {"M5"}),
        ("融合推进机制存在梗阻，部门之间各管一段。", {"M5"}),
        ("坚持考用结合，把党建考核结果作为评优的重要依据。", {"M5"}),
        # M6: party-affairs cadres
        ("基层党支部书记多数兼职，抓党建精力有限。", {"M6"}),
        ("一些单位重业务干部、轻党务干部，党务岗位留不住人。", {"M6"}),
        ("坚持选精配强支部书记，把业务骨干放到党务岗位锻炼。", {"M6"}),
        ("机关党务工作者流动性大，工作经验难以积累。", {"M6"}),
        ("完善党务干部激励机制，畅通党务干部晋升通道。", {"M6"}),
    ],
)
def test_field_wording_of_weak_codes(matcher: RuleMatcher, text: str, codes: set[str]) -> None:
    assert codes <= matcher.codes(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # 同X inside 共同X is no joint-planning mechanism
        ("大家共同研究了年终总结的分工。", "M5"),
        ("两个科室共同推进档案数字化工作。", "M5"),
        # low turnout of a survey is no supply–demand gap
        ("本次问卷的参与度不高，回收率只有六成。", "D4"),
        # assessment indicators that look alike are not an activity offered without need
        ("两项考核指标同质化，建议合并。", "D4"),
        # a branch twinning without any business link is not 目标融合
        ("机关支部与社区支部召开结对共建座谈会，回顾一年来的交流情况。", "M4"),
        # standardising branches is party building, not integration
        ("印发党支部标准化规范化建设实施方案。", "M4"),
        # a community's demonstration site is not a 机关 integration carrier
        ("确定十个社区党建示范点，适时命名授牌。", "M4"),
        # staff turnover of a project is not about party-affairs cadres
        ("施工项目人员流动性大，管理难度较高。", "M6"),
        # a mechanism for party-affairs cadres is 队伍融合, not 机制融合
        ("完善党务干部激励机制。", "M5"),
        # records kept as required are not formalism
        ("支部按规定做好会议记录和工作台账。", "D5"),
        # results used as required are no assessment disconnect
        ("年度考核结果已按程序运用于评先评优。", "D6"),
        # skills training for volunteers is not party study
        ("组织志愿者参加技能培训，提高服务本领。", "M3"),
        # the name of the sixth disconnect is D6 only, not an assessment mechanism
        ("防止党建考核和奖惩脱节。", "M5"),
        # a success is no disconnect
        ("支部实现了党建工作与业务工作的有效结合。", "D2"),
    ],
)
def test_near_misses_of_weak_code_wording(matcher: RuleMatcher, text: str, absent: str) -> None:
    assert absent not in matcher.codes(text)


@pytest.mark.parametrize(
    ("text", "codes", "absent"),
    [
        # incentives for party-affairs cadres are 队伍融合, not the assessment disconnect
        ("党务干部的激励机制不健全，晋升渠道偏窄。", {"M6"}, "D6"),
        # an unsound evaluation of party building itself is D6 with its mechanism
        ("机关党建工作评价机制还不够健全。", {"D6", "M5"}, None),
        # the responsibility slogan states the idea of integration
        ("牢固树立抓好党建是本职、不抓党建是失职、抓不好党建是不称职的理念。", {"M1"}, None),
        # formalism in how activities are run
        ("有的支部只注重活动次数，会议多、实效少。", {"D5"}, None),
        ("要确保党中央决策部署在本系统落地见效。", {"M2"}, None),
    ],
)
def test_assessment_incentives_and_ideas(matcher: RuleMatcher, text: str, codes: set[str], absent: str | None) -> None:
    found = matcher.codes(text)
    assert codes <= found
    if absent is not None:
        assert absent not in found


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # awareness problems are D2 and M1 (boundary rule 3)
        ("有的干部认为抓党建影响业务，能少开会就少开会。", {"D2", "M1"}),
        ("必须消除党建工作可抓可不抓的错误思想。", {"D2", "M1"}),
        ("一是思想认识问题，个别班子成员把党建看成额外负担。", {"D2", "M1"}),
        # carriers and presence in the business work
        ("在抢修一线，处处都有党员的身影活跃其间。", {"M4"}),
        ("有的支部找不到有效的载体，活动与业务各搞各的。", {"M4"}),
        ("局机关深入开展“三个服务”活动，帮助企业解决用地难题。", {"M4"}),
    ],
)
def test_awareness_and_carrier_wording(matcher: RuleMatcher, text: str, codes: set[str]) -> None:
    assert codes <= matcher.codes(text)


def test_study_formalism_is_also_form_over_substance(matcher: RuleMatcher) -> None:
    codes = matcher.codes("个别党员参加集中学习人在心不在，笔记请别人代抄。")
    assert {"D3", "D5"} <= codes
    assert "D3" in matcher.codes("学习制度坚持得不好，一忙起来就停。")
    assert "D3" not in matcher.codes("学校食堂的旧设备已经没用了。")
