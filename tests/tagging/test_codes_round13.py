"""目标融合, 队伍融合 and 形式和内容脱节 in the words of branch news, party-building brand contests,
secretary-selection notes and burden-reduction reports. Star-rated members and branches (五星党员,
星级支部), a members' honour board (党员先锋榜), one member one banner, a task force formed at the work site
(突击队, not the youth league's), and ideological work (思政工作) carried into the business are M4; the
name of a party-building service centre, and “…到哪里” without the party, are not. Choosing or sending
a branch secretary (选拔/选派…担任书记), a full-time secretary, a secretary who also heads the village or
the company, and political-work and party-affairs staff who are too few or part-time, staffing
party-affairs posts and weighing party-building experience in promotion are M6. Photos taken as
traces (拍照留痕), traces left to avoid blame, burden relief that adds burden (越减越多), doing a thing for
its own sake (为评比而评比), a plaque hung and nothing more, a new name on the same thing, repeated
forwarding of documents, records or ledgers weighed over results and 干得好不如写得好 are D5. Every sentence
here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M4: members and branches rated and shown
    ("税务分局开展五星党员评定，把办税效率列为一项星级标准。", "税务分局开展五星服务窗口评定，把办税效率列为一项标准。", "M4"),
    ("车间门口的党员先锋榜每月更新一次。", "车间门口的安全生产榜每月更新一次。", "M4"),
    ("街道推进星级支部评定，逐一对照打分。", "街道推进星级酒店评定，逐一对照打分。", "M4"),
    ("一名党员一面旗帜，项目建到哪里旗帜就插到哪里。", "一名队员一份责任，项目建到哪里责任就跟到哪里。", "M4"),
    ("把思政工作融入业务窗口的每个环节。", "把数据核验融入业务窗口的每个环节。", "M4"),
    ("集团党委在重点工程现场组建突击队，集中攻坚。", "集团在重点工程现场组建青年突击队，集中攻坚。", "M4"),
    # M6: choosing and staffing secretaries
    ("街道注重从退役军人中选拔社区党支部书记。", "街道注重从退役军人中选拔社区网格员。", "M6"),
    ("县委组织部选派十名年轻干部到村里担任党组织第一书记。", "县委组织部选派十名年轻干部到村里担任乡村振兴指导员。", "M6"),
    ("集团在较大的分公司配备专职党支部书记。", "集团在较大的分公司配备专职安全员。", "M6"),
    ("村党组织书记经法定程序担任村民委员会主任的比例逐年提高。", "村民经法定程序推选村民委员会主任的比例逐年提高。", "M6"),
    ("不少单位政工干部大多兼职，精力难以保证。", "不少单位保洁人员大多兼职，精力难以保证。", "M6"),
    ("党务人员的数量跟不上党员人数的增长。", "窗口人员的数量跟不上办件量的增长。", "M6"),
    ("组织部门把党建工作经历作为干部选拔的重要参考。", "组织部门把基层工作经历作为干部选拔的重要参考。", "M6"),
    ("各单位按比例配备党务工作人员。", "各单位按比例配备安全管理人员。", "M6"),
    ("党建岗位上表现突出的同志优先提拔。", "业务岗位上表现突出的同志优先提拔。", "M6"),
    # D5: traces and burden relief that is not
    ("走访群众必须拍照上传，否则不算完成。", "走访群众必须记录诉求，否则不算完成。", "D5"),
    ("有的乡镇把拍照留痕当成工作本身。", "有的乡镇把走访群众当成工作本身。", "D5"),
    ("一些上级部门层层要减负材料，基层负担越减越重。", "一些上级部门主动下沉帮办，基层负担明显减轻。", "D5"),
    ("谨防为评比而评比，评完就把牌子收起来。", "谨防只顾评比，评完就把制度收起来。", "D5"),
    ("原来的例会换了个名称叫研讨会，实际还是照稿念一遍。", "原来的例会改在周一上午开，议题提前发给大家。", "D5"),
    ("有的检查组更看重台账而不重视实际效果，干得好不如写得好。", "有的检查组更看重走访而不是听汇报，干得实就能评得好。", "D5"),
    ("同一份通知被几个部门重复转发。", "同一份通知被几个部门及时转发。", "D5"),
    ("不少干部为了规避责任而处处留下痕迹。", "不少干部为了规避风险而反复核对数据。", "D5"),
    ("考核组只翻会议记录，而忽略了实际成效。", "考核组既翻会议记录，也走访群众核实成效。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_the_name_of_a_party_building_service_centre_is_not_m4(matcher: RuleMatcher) -> None:
    # An office's name is not party members at work; serving the central work keeps M4.
    assert "M4" not in matcher.codes("主办单位：市委组织部党建服务中心")
    assert "M4" in matcher.codes("坚持以党建服务中心工作，推动审批提速。")


def test_wherever_the_work_goes_needs_the_party_named(matcher: RuleMatcher) -> None:
    # “…到哪里，…就…到哪里” is M4 when party organisations or work follow the business; supervision following power is not.
    assert "M4" not in matcher.codes("权力延伸到哪里，监督就跟进到哪里。")
    assert "M4" in matcher.codes("业务开展到哪里，党组织就覆盖到哪里。")


def test_doing_a_thing_for_something_else_is_not_the_for_its_own_sake_pattern(matcher: RuleMatcher) -> None:
    # 为X而X needs the same word twice; 为创建而努力 is an aim, not formalism.
    assert "D5" not in matcher.codes("全体干部为创建文明城市而努力工作。")
