"""Roles at the boundary of practice and other, and causes, read from structure: what a unit tells as done
against the setting, the politics and the commentary around it; causes named without 原因 or chained to the
shortcoming they produce; an abstract's list that ends at the article's apparatus.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles


def test_what_sets_a_shortcoming_off_is_a_cause(roles: RoleRules) -> None:
    texts = [
        "关于基层减负工作的几点思考",
        "一些单位填报表格过多，基层干部疲于应付。",
        "层层加码的考核方式是这种现象的诱因。",
        "这两方面原因往往交织在一起。",
    ]
    assert document_roles(roles, texts)[2:] == ["cause", "cause"]


def test_a_change_chained_to_the_shortcoming_it_produced_explains(roles: RoleRules) -> None:
    texts = [
        "当前支部工作存在的主要问题：",
        "一是组织生活吸引力不强。",
        "随着城区改造推进，党员居住分散，加之部分党员参加活动的意愿不高，致使支部活动难以集中开展。",
        "二是党员教育方式单一。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "cause"
    assert got[1] == got[3] == "problem"  # the items of the problem list stay problems


def test_an_abstracts_list_of_causes_ends_at_the_keyword_line(roles: RoleRules) -> None:
    texts = [
        "摘要：会议过多是基层负担的重要来源。",
        "究其成因，主观因素包括一些干部习惯以会议落实会议，客观因素主要是考核偏重留痕。",
        "关键词：会议 基层减负 考核",
        "开好会议是机关工作的基本功。",
        "会议质量关系到决策的执行效果。",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "cause"
    assert got[3:] == ["other", "other"]


def test_a_dated_activity_opening_keeps_its_participants(roles: RoleRules) -> None:
    texts = [
        "6月12日上午，某局机关第二党支部在会议室开展六月主题党日活动，本次活动由支部书记主持，支部全体党员参加了此次活动。",
        "支部书记带领大家学习了党章有关条款。",
        "随后，党员们围绕窗口服务交流了心得。",
    ]
    assert document_roles(roles, texts)[0] == "practice"


def test_the_setting_of_a_place_is_background(roles: RoleRules) -> None:
    texts = [
        "某镇党建工作经验交流材料",
        "某镇地处山区，全镇总面积320平方公里，辖15个行政村，总人口2.1万人。",
        "近年来，镇党委以党建引领产业发展，建成党员示范基地6个。",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "other"
    assert got[2] == "practice"


def test_a_reports_sentences_told_as_done_are_practice_but_its_commentary_is_not(roles: RoleRules) -> None:
    texts = [
        "某支部开展红色教育活动",
        "近日，某支部组织党员赴纪念馆开展红色教育活动。",
        "讲解员介绍了纪念馆的建馆经过。",
        "党员们在纪念馆前重温了入党誓词。",
        "这一做法印证了现场教学的感染力。",
    ]
    got = document_roles(roles, texts)
    assert got[3] == "practice"  # no cue word, told as done in a report
    assert got[4] == "other"  # what the writer reads out of it


def test_a_bare_problem_heading_opens_the_problems(roles: RoleRules) -> None:
    texts = [
        "某县机关党员教育情况的调查",
        "我们向机关党员发放问卷500份，收回有效问卷468份。",
        "一、问题",
        "部分党员学习积极性不高。",
    ]
    assert document_roles(roles, texts)[2] == "problem"


def test_site_lines_around_a_text_are_other(roles: RoleRules) -> None:
    news = [
        "某支部活动",
        "近日，某支部开展了主题党日活动。",
        "编辑：李某",
        "通讯员/赵某",
    ]
    assert document_roles(roles, news)[3] == "other"
    excerpt = [
        "形式主义的成因分析",
        "一、客观原因",
        "考核偏重留痕，基层只好以材料应付检查。",
        "预览已结束，扫码联系客服获取全文！",
    ]
    assert document_roles(roles, excerpt)[3] == "other"  # not an item of the causes above it


def test_what_someone_is_said_to_think_is_no_advice(roles: RoleRules) -> None:
    texts = [
        "关于机关学习情况的调查",
        "一些党员干部认为理论学习要服从业务工作，应该先把业务抓好。",
    ]
    assert document_roles(roles, texts)[1] == "problem"


def test_jiang_as_object_marker_in_a_sentence_told_as_done_plans_nothing(roles: RoleRules) -> None:
    texts = [
        "某局2023年党建工作总结",
        "2023年，局党组坚持以党建引领业务，各项工作取得了新进展。",
        "开展专题学习12次。",
        "举办了2期党务干部培训班。",
        "将党的创新理论作为常学常新的课题，深入学习了《条例》等内容。",
    ]
    assert document_roles(roles, texts)[4] == "practice"


def test_the_whole_party_and_the_central_organs_are_political_context(roles: RoleRules) -> None:
    texts = [
        "关于机关作风建设的思考",
        "在全党开展作风建设已成为推动工作落实的重要保证。",
        "2023年，中共中央办公厅印发了关于改进调查研究的文件。",
        "新时代对机关党建提出了新的更高要求。",
    ]
    assert document_roles(roles, texts)[1:] == ["other", "other", "other"]


def test_a_unit_named_bare_at_the_opening_reports(roles: RoleRules) -> None:
    texts = [
        "某局2023年党建工作总结",
        "2023年，局党组坚持以党建引领业务，各项工作取得了新进展。",
        "党组牢固树立抓党建就是抓发展的理念，把党建工作与业务工作一起部署。",
    ]
    assert document_roles(roles, texts)[2] == "practice"


def test_a_factors_heading_opens_causes(roles: RoleRules) -> None:
    texts = [
        "关于支部工作的调查",
        "一些支部活动形式单一。",
        "（二）人员因素",
        "支部书记多为兼职。",
    ]
    assert document_roles(roles, texts)[2:] == ["cause", "cause"]


def test_the_national_picture_and_the_questionnaire_are_not_the_units_doing(roles: RoleRules) -> None:
    texts = [
        "关于整治文山会海的调研与思考",
        "自2019年3月专项整治开展至2023年底，全国共查处形式主义、官僚主义问题3000余起，其中通报曝光典型案例200余起。",
        "为了解基层会议负担，我们在全县开展了问卷调查。",
        "问卷分会议数量、会议时长、发文数量等4大类30个小项。",
        "共发放问卷800份，回收有效问卷756份。",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "other"
    assert got[3:] == ["other", "other"]
