"""目标融合, 队伍融合 and 形式和内容脱节 in the words of branch news, party-building brand contests, secretary-selection
notes and burden-reduction reports. Star-rated members and branches (五星党员, 星级支部), a members' honour board
(党员先锋榜), building a party-building brand (党建品牌创建), one member one banner, and ideological work carried into
the business are M4; the name of a party-building service centre is not. Choosing or sending a branch secretary
(选拔/选派…担任书记), a full-time secretary, and a secretary who also heads the village or the company are M6. Photos
taken as traces (拍照留痕), burden relief that adds burden (越减越多), doing a thing for its own sake (为创建而创建), a
plaque hung and nothing more, a new name on the same thing, records or ledgers weighed over results and 干得好不如写得好
are D5. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher
from tests.support import project_codebook


@pytest.fixture(scope="module")
def matcher() -> RuleMatcher:
    return RuleMatcher(project_codebook())


# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M4: members and branches rated and shown
    ("税务分局开展五星党员评定，把办税效率列为一项星级标准。", "税务分局开展五星服务窗口评定，把办税效率列为一项标准。", "M4"),
    ("车间门口的党员先锋榜每月更新一次。", "车间门口的安全生产榜每月更新一次。", "M4"),
    ("街道推进星级支部评定，逐一对照打分。", "街道推进星级酒店评定，逐一对照打分。", "M4"),
    ("局机关坚持以党建品牌建设带动窗口服务提质。", "局机关坚持以窗口建设带动服务提质。", "M4"),
    ("一名党员一面旗帜，项目建到哪里旗帜就插到哪里。", "一名队员一份责任，项目建到哪里责任就跟到哪里。", "M4"),
    ("把思想政治工作融入征管业务的每个环节。", "把数据核验融入征管业务的每个环节。", "M4"),
    # M6: choosing and staffing secretaries
    ("医院注重从科室主任中选拔党支部书记。", "医院注重从科室主任中选拔学科带头人。", "M6"),
    ("县委组织部选派十名年轻干部到村里担任党组织第一书记。", "县委组织部选派十名年轻干部到村里担任乡村振兴指导员。", "M6"),
    ("集团在较大的分公司配备专职党支部书记。", "集团在较大的分公司配备专职安全员。", "M6"),
    ("多数村党组织书记通过选举兼任村民委员会主任。", "多数村民通过选举推荐村民委员会主任。", "M6"),
    # D5: traces and burden relief that is not
    ("走访群众必须拍照上传，否则不算完成。", "走访群众必须记录诉求，否则不算完成。", "D5"),
    ("有的乡镇把拍照留痕当成工作本身。", "有的乡镇把走访群众当成工作本身。", "D5"),
    ("一些上级部门层层要减负材料，基层负担越减越重。", "一些上级部门主动下沉帮办，基层负担明显减轻。", "D5"),
    ("要防止为创建而创建，让牌子挂得起、工作落得实。", "要防止只讲速度不顾质量，把进度和质量一起落实。", "D5"),
    ("原来的例会换了个名称叫研讨会，实际还是照稿念一遍。", "原来的例会改在周一上午开，议题提前发给大家。", "D5"),
    ("有的检查组更看重台账而不重视实际效果，干得好不如写得好。", "有的检查组更看重走访而不是听汇报，干得实就能评得好。", "D5"),
    ("有的单位过度依赖会议记录和照片来证明工作，而忽视了实际成效。", "有的单位依靠群众评议来检验工作，注重实际成效。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_the_name_of_a_party_building_service_centre_is_not_m4(matcher: RuleMatcher) -> None:
    # An office's name is not party members at work; serving the central work keeps M4.
    assert "M4" not in matcher.codes("主办单位：市委组织部党建服务中心")
    assert "M4" in matcher.codes("坚持以党建服务中心工作，推动审批提速。")


def test_doing_a_thing_for_something_else_is_not_the_for_its_own_sake_pattern(matcher: RuleMatcher) -> None:
    # 为X而X needs the same word twice; 为创建而努力 is an aim, not formalism.
    assert "D5" not in matcher.codes("全体干部为创建文明城市而努力工作。")
