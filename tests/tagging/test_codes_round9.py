"""理念融合, 形式和内容脱节, 供和需脱节 and 学和用脱节 in the many ways units word them. Party building said to decide
or drive the business (好不好事关审判, 以党的建设推动检察工作, 党建引领业务, 抓党建就是抓发展, 通过抓党员队伍来促进业务),
planning around the centre or as one game (围绕中心工作谋划, 一盘棋的思路, 一体谋划) and the two kept apart in thinking
get M1; party building leading "development" in general does not. Paperwork and inspection formalism (补资料迎验收,
记录可以补, 只看台账, 页数份数作标准, 会议多文件多, 交叉重复报送, 为了留痕) is D5; a record kept for its own use is not.
Study crowded out by routine, theory not applied or turned into practice, study skimmed on the surface are D3; party
supply that misses needs (契合度, 需求导向, 需求了解不够, 不对路, 党员不买账, 跟不上业务需要) is D4. Every sentence
here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M1: party building decides or drives the business
    ("机关党建做得好不好，直接关系到审判执行工作的质效。", "机关食堂办得好不好，直接关系到干部职工的满意度。", "M1"),
    ("我们坚持以党的建设高质量推动检察工作高质量。", "我们坚持以信息化建设推动检察工作高质量。", "M1"),
    ("个别支部党建引领业务的作用发挥不充分。", "个别支部活动场所的作用发挥不充分。", "M1"),
    ("抓党建就是抓发展，这一点全院上下十分明确。", "抓安全就是抓发展，这一点全厂上下十分明确。", "M1"),
    ("该院党组通过抓好党员队伍建设来促进业务工作开展。", "该院通过改进办案系统来促进业务工作开展。", "M1"),
    ("党建工作和业务工作相互支撑、不可偏废。", "产品研发和市场营销相互支撑、不可偏废。", "M1"),
    ("有的党组织推动融合没有得到应有重视。", "有的街道背街小巷改造没有得到应有重视。", "M1"),
    # M1: planning around the centre, as one game, as one piece
    ("有的支部围绕中心工作谋划不够，活动安排各搞一套。", "有的支部围绕节日安排活动，形式较为单一。", "M1"),
    ("要树立党建和业务“一盘棋”的观念，统筹推进两项工作。", "要树立全县文旅资源“一张网”的观念，统筹推进两项工作。", "M1"),
    ("机关党建与业务工作要一体谋划、一体推进。", "城区道路与地下管网要一体设计、一体施工。", "M1"),
    ("个别支部抓党建的思路不清，工作缺乏主线。", "个别项目部抓进度的思路不清，工作缺乏主线。", "M1"),
    # D5: paperwork and inspection formalism
    ("每到年底，不少单位忙着补资料、补学习笔记，只为顺利通过验收。", "每到年底，不少单位忙着补发工资、补缴社保，确保顺利通过审计。", "D5"),
    ("会议记录可以补，心得体会也能补，实际工作却没人过问。", "缺的课可以补，落下的作业也能补，关键是要跟上进度。", "D5"),
    ("检查组不看实际成效，只看台账是否齐全。", "检查组既看实际成效，也听取群众意见。", "D5"),
    ("一些单位把台账页数、报告份数作为评价工作的标准。", "一些单位把客户数量、销售收入作为评价工作的标准。", "D5"),
    ("会议多、文件多、检查多，基层干部分身乏术。", "订单多、客户多、任务多，企业员工分身乏术。", "D5"),
    ("各类表格内容交叉重复，同一组数据要反复报送。", "各类药品分类存放，同一批货物要统一登记。", "D5"),
    ("一年下来报告写了几百份，实效何在却没有人关心。", "一年下来论文写了几十篇，质量如何有专家把关。", "D5"),
    ("有的干部为了留痕而拍照，照片比干的活还多。", "考古队员为了记录而拍照，照片资料十分珍贵。", "D5"),
    ("重纸面、轻实际的做法仍未根除。", "重预防、轻治疗的做法有待改进。", "D5"),
    ("有的部门只开会不落实，文件转了就算完成。", "有的部门先开会再落实，文件转发后跟踪督办。", "D5"),
    ("部分单位重形式、轻实质，活动搞了不少却收效甚微。", "部分单位重基础、轻宣传，默默做了不少实事。", "D5"),
    ("有的单位玩数字游戏，成绩全在报表上。", "有的孩子玩拼图游戏，成绩一直很好。", "D5"),
    ("上级检查考核频次过多，基层应接不暇。", "上级培训交流频次较多，基层受益匪浅。", "D5"),
    # D3: study crowded out, theory not applied, study on the surface
    ("不少支部理论学习与实际工作“两层皮”。", "不少老房子墙面与保温材料“两层皮”。", "D3"),
    ("干部整天忙于事务性工作，挤占了理论学习的时间。", "干部整天忙于事务性工作，挤占了休息的时间。", "D3"),
    ("部分党员缺乏运用理论分析解决实际问题的能力。", "部分青年缺乏运用专业知识解决实际问题的能力。", "D3"),
    ("学习成果的实践转化不够到位。", "科研成果的产业转化不够到位。", "D3"),
    ("这种浮于表面的学习，难以触及思想深处。", "这种浮于表面的检查，难以发现深层问题。", "D3"),
    ("知行合一做得不够，学到的东西没有变成行动。", "劳逸结合做得不够，身体状况有所下降。", "D3"),
    # D4: party supply that misses what members, the masses or the business need
    ("党组织安排活动没有从党员需求出发。", "公司安排团建没有从节约成本出发。", "D4"),
    ("支部活动自上而下安排的多，自下而上征求的少。", "城市规划自上而下推进得快，自下而上反馈得慢。", "D4"),
    ("党组织服务内容单一，难以吸引年轻党员。", "小区超市商品种类单一，难以吸引年轻顾客。", "D4"),
    ("党组织的服务平台和载体跟不上趟，群众诉求难以回应。", "老城区的排水管网跟不上趟，雨季积水难以排出。", "D4"),
    ("党组织提供的服务与群众需求的契合度不高。", "新建道路与周边地形的契合度不高。", "D4"),
    ("支部开展工作的需求导向不强。", "企业研发工作的市场导向不强。", "D4"),
    ("对党员群众的需求了解不够，活动安排一厢情愿。", "对新产品的性能了解不够，宣传介绍一知半解。", "D4"),
    ("有的培训课程不对路，参训人员反映收获不大。", "有的菜品口味不对路，顾客反映吃得不满意。", "D4"),
    ("党组织开展的活动，党员不买账、不愿参加。", "商场开展的促销，顾客不买账、不愿参加。", "D4"),
    ("党建工作跟不上业务发展的需要。", "物流配送跟不上业务发展的需要。", "D4"),
    ("党群服务阵地建起来了，群众获得感却不强。", "新小区建起来了，居民获得感却不强。", "D4"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_party_building_leading_development_in_general_is_not_m1(matcher: RuleMatcher) -> None:
    assert "M1" not in matcher.codes("以高质量党建引领高质量发展。")
    assert "M1" in matcher.codes("以高质量党建引领审判工作高质量发展。")


def test_a_trace_kept_for_the_record_is_not_formalism(matcher: RuleMatcher) -> None:
    assert "D5" not in matcher.codes("建立工作纪实制度，做到全程留痕、可追溯。")
    assert "D5" in matcher.codes("事事都要留痕，干部把精力花在了拍照上。")


def test_planning_together_stays_a_mechanism_without_an_idea_word(matcher: RuleMatcher) -> None:
    codes = matcher.codes("建立党建和业务工作一起谋划、一起部署、一起落实的运行机制。")
    assert "M5" in codes
    assert "M1" not in codes
