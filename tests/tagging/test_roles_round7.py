"""Roles of causes told without the word 原因 (enumerations after an explanation, why-questions, 正是因为,
受…影响, examples), of practice told without cue words, and of requirements of notices and meeting news
worded without 要. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles


def test_an_enumeration_after_an_explanation_lists_causes(roles: RoleRules) -> None:
    texts = [
        "台账越报越多，问题不在于基层不肯减负，而在于考核只认材料。",
        "首先是检查的方式。",
        "上级来检查时先翻台账，很少到现场看。",
        "其次是问责的压力。",
        "谁的材料薄，谁就可能被通报。",
    ]
    assert document_roles(roles, texts) == ["cause"] * 5  # without the list, 2–5 read as problems or other


def test_a_why_question_answered_in_place_explains(roles: RoleRules) -> None:
    texts = [
        "文山会海为何屡治不绝？在笔者看来，其一，发文多被当作重视的表现；其二，会议多被当作落实的证据。",
        "一些部门层层转发文件，开会传达会议。",
        "基层只能照单全收，疲于应付。",
    ]
    assert document_roles(roles, texts) == ["cause"] * 3


def test_it_is_exactly_because_is_an_explanation(roles: RoleRules) -> None:
    texts = ["一些支部的学习流于形式。", "正是因为缺少对学习效果的检验，学习才停留在读读文件。"]
    assert document_roles(roles, texts)[1] == "cause"


def test_a_shortcoming_put_down_to_an_influence_is_a_cause(roles: RoleRules) -> None:
    texts = ["一、当前支部建设存在的问题", "但受重业务思维影响，一些支部书记抓党建的精力还不够，支部活动不经常。"]
    assert document_roles(roles, texts)[1] == "cause"


def test_an_influence_on_what_was_done_is_no_cause(roles: RoleRules) -> None:
    texts = ["某局机关党委2025年工作总结", "受疫情影响，今年以来各支部改为线上学习，共开展学习12次。"]
    assert document_roles(roles, texts)[1] == "practice"


def test_examples_of_an_explanation_explain_too(roles: RoleRules) -> None:
    texts = [
        "这是因为一些支部只重视活动次数，不重视活动效果。",
        "比如，主题党日只拍照片、不谈收获。",
        "又如，学习记录抄得工整，讨论却没有开展。",
    ]
    assert document_roles(roles, texts) == ["cause"] * 3


def test_a_problem_item_after_the_explanation_of_the_previous_one_stays_a_problem(roles: RoleRules) -> None:
    texts = [
        "社区党建是城市基层党建的基础。",
        "近年来，社区党组织在服务群众中发挥了重要作用。",
        "然而，一些社区党建还存在不少问题。",
        "首先，党员参与面不够广。",
        "由于在职党员平时不在社区，导致活动参加的人少。",
        "其次，活动内容比较单一。",
        "由于组织者缺少经费，导致活动多是读文件。",
    ]
    assert document_roles(roles, texts)[2:] == ["problem", "problem", "cause", "problem", "cause"]


def test_words_that_hold_a_cue_are_not_the_cue(roles: RoleRules) -> None:
    texts = ["4月2日，某局机关党委开展了岗位练兵活动，全局85名党员参加。", "练兵分业务知识和党建知识两个科目。",
             "活动设笔试和现场问答两个环节。", "各党支部分别汇总练兵成绩后上报。"]
    assert document_roles(roles, texts)[3] != "problem"  # 支部分别 holds 部分
    texts = ["理论学习的三点思考", "理论学习要和岗位工作结合起来。", "学习不能只停留在笔记上。",
             "做到学以致用，推进工作实践。"]
    assert document_roles(roles, texts)[3] != "cause"  # 学以致用 holds 以致


def test_quoted_modal_verbs_do_not_set_the_voice_of_a_report(roles: RoleRules) -> None:
    texts = [
        "2024年以来，某区委组织部开展了“身边的榜样”评选活动，共评出榜样20名。",
        "一是定标准。",
        "突出“政治上要过硬、业务上要精通、作风上要扎实、群众中要有口碑”的条件。",
        "二是广推荐。",
        "各科室逐个摸排人选。",
        "三是严审核。",
        "对推荐人选逐一征求纪检部门意见。",
        "评选结果已在全区通报。",
    ]
    got = document_roles(roles, texts)
    assert got[4] == "practice" and got[6] == "practice"  # they hold no cue word: the report voice decides


def test_a_plan_that_recounts_what_was_done_keeps_its_tasks_as_requirements(roles: RoleRules) -> None:
    texts = [
        "机关党支部2024年党员教育培训工作方案",
        "去年以来，支部组织了集中学习12次，开展了专题党课4次，举办了读书班2期。",
        "支部建立了学习台账，完成了全员轮训。",
        "党员的理论素养有了提升，学习风气进一步形成。",
        "一、坚持集中学习。",
        "每月第一周组织一次集中学习，由支部书记领学。",
        "二、办好专题党课。",
        "每季度由班子成员讲一次专题党课。",
    ]
    got = document_roles(roles, texts)
    assert got[5] == "requirement" and got[7] == "requirement"  # the plan's own tasks, told without 要


def test_the_requirements_of_a_notice_addressed_to_the_units(roles: RoleRules) -> None:
    texts = [
        "关于开展“学党章、守党规”专题组织生活会的",
        "通知",
        "各党支部：",
        "党委已研究制定了活动安排，现将有关安排转发如下，请各党支部结合实际抓好落实，按时上报总结。",
        "党章是党的总章程，是管党治党的根本遵循。",
    ]
    got = document_roles(roles, texts)
    assert got[3] == "requirement"
    assert got[4] == "other"  # what the notice says a thing is sets no norm


def test_a_directive_of_a_meeting_told_without_its_speaker(roles: RoleRules) -> None:
    texts = [
        "5月8日上午，某局机关党委召开支部书记会议。",
        "机关党委书记主持会议，传达了上级党委的会议精神。",
        "会议听取了各支部上半年工作情况汇报。",
        "要求各党支部月底前完成党员信息核对工作。",
        "会后，还要求各支部组织党员观看警示教育片，号召党员撰写心得。",
    ]
    assert document_roles(roles, texts)[3:] == ["requirement", "requirement"]


def test_quotations_definitions_and_site_text_are_other(roles: RoleRules) -> None:
    texts = [
        "下面是小编整理的支部工作问题分析，供大家阅读参考。",
        "所谓痕迹主义，指的是只注重留下工作痕迹而不看实际成效的做法。",
        "二、存在的主要问题",
        "（一）基础工作不够扎实。",
        "正如总书记所强调的，基础不牢、地动山摇。",
        "一些支部的台账记录不全，党员信息更新不及时。",
    ]
    assert [document_roles(roles, texts)[i] for i in (0, 1, 4, 5)] == ["other", "other", "other", "problem"]


def test_a_counterfactual_ties_a_shortcoming_to_its_source(roles: RoleRules) -> None:
    texts = ["一些单位的检查只看材料。", "基层为了过关，只好连夜补写记录。",
             "如果检查组到现场看一看实效，补记录的做法就不会出现。"]
    assert document_roles(roles, texts)[2] == "cause"


def test_a_definition_names_a_shortcoming_without_observing_it(roles: RoleRules) -> None:
    texts = ["谈谈对形式主义的认识", "作者：某某", "各级干部都应当反对形式主义。",
             "形式主义是指只追求表面形式而不注重实际效果的工作作风。"]
    assert document_roles(roles, texts)[3] == "other"


def test_the_name_and_metadata_of_an_attached_notice_are_other(roles: RoleRules) -> None:
    texts = [
        "各党支部：",
        "现将组织部通知转发如下，请各党支部结合实际抓好落实，按时上报。",
        "机关党委",
        "附：",
        "关于开展“学党章，守党规”专题学习的通知",
        "（部门：组织部 日期：2025-3-2）",
        "学习党章，关系到党员的党性修养，关系到支部的战斗力。",
    ]
    assert [document_roles(roles, texts)[i] for i in (1, 3, 4, 5, 6)] == ["requirement", "other", "other", "other", "other"]


def test_the_origin_of_the_problems_told_on_both_sides_is_a_cause(roles: RoleRules) -> None:
    texts = [
        "二、存在的问题",
        "一些支部的组织生活还不够规范。",
        "部分党员参加学习的积极性不高。",
        "这些问题的产生，一方面是支部书记精力不足，另一方面是考核没有跟上。",
        "追根溯源，还是对支部建设重视不够。",
    ]
    assert document_roles(roles, texts)[1:] == ["problem", "problem", "cause", "cause"]


def test_significance_and_the_party_s_history_stay_context_inside_a_problem_list(roles: RoleRules) -> None:
    texts = [
        "当前支部建设还存在以下问题：",
        "一是基础工作重视不够。",
        "支部是党的基础组织，把支部建强意义重大。",
        "我们党始终把支部建设作为加强基层组织建设的重点来抓。",
        "但一些单位仍把支部工作当作软任务。",
    ]
    got = document_roles(roles, texts)
    assert got[2:4] == ["other", "other"] and got[4] == "problem"
