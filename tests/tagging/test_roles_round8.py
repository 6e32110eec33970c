"""Roles in yardsticks as web pages give them: the points of a meeting run into the sentence that
announces them, the lines after those points, a notice's contact and signature lines, plan part labels,
and in reports a document's name or a habit worded with 要.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles


def test_points_run_into_their_announcement_are_requirements(roles: RoleRules) -> None:
    texts = [
        "会议传达了区委全会精神，听取了各支部半年工作情况。",
        "会上，王书记就下半年工作提出了三点要求：一是把支部工作和窗口服务一起安排。",
        "二是加强党员业务培训。",
        "各支部要在月底前报送工作计划。",
        "三是推行党员示范岗。",
    ]
    got = document_roles(roles, texts)
    assert got[1:] == ["requirement"] * 4  # the first point and the bare items after it


def test_attendance_after_the_points_ends_them(roles: RoleRules) -> None:
    texts = [
        "会上，李主任提出了两点要求：一是抓好理论学习。",
        "二是做好结对帮扶工作。",
        "局机关各科室负责人参加会议。",
    ]
    assert document_roles(roles, texts)[2] != "requirement"


def test_a_notices_contact_and_signature_lines_are_other(roles: RoleRules) -> None:
    texts = [
        "关于报送支部共建项目的通知",
        "各党支部：",
        "请各党支部于6月10日前将共建项目表报送机关党委。",
        "联系人：张某，联系电话：12345678。",
        "某局机关党委 二〇二四年五月二十日",
    ]
    assert document_roles(roles, texts)[3:] == ["other", "other"]


def test_a_compilations_article_label_is_other(roles: RoleRules) -> None:
    texts = [
        "关于机关党建与业务融合的工作方案范文3篇",
        "机关党建与业务融合工作方案篇1",
        "为推动支部工作与业务同部署，制定本方案。",
        "一、建立支部联席会议制度。",
    ]
    assert document_roles(roles, texts)[1] == "other"


def test_plan_part_labels_are_other_and_their_items_requirements(roles: RoleRules) -> None:
    texts = [
        "一、工作要求：",
        "1. 明确分工，按月推进。",
        "二、推进步骤：",
        "1. 各科室在本月完成自查。",
        "2. 建立工作台账，实行销号管理。",
        "三、有关提示：",
        "请各党支部结合实际抓好落实。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "other" and got[5] == "other"
    assert got[3] == got[4] == got[6] == "requirement"


def test_the_speaker_on_why_the_meeting_was_called_is_other(roles: RoleRules) -> None:
    texts = [
        "在机关作风建设提醒会上的讲话",
        "同志们：",
        "在节日来临之际，我们在此召开作风建设提醒会，主要目的就是给大家提个醒。",
        "各支部要把纪律要求传达到每名党员。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "other" and got[3] == "requirement"


def test_a_document_name_with_a_modal_in_a_report_is_no_advice(roles: RoleRules) -> None:
    texts = [
        "某支部2023年度工作总结",
        "一、积极建言献策",
        "在今年的区政协会议上，支部成员提出了《关于加强社区养老服务的建议》提案。",
    ]
    assert document_roles(roles, texts)[2] == "practice"


def test_a_habit_worded_with_yao_in_a_report_is_practice(roles: RoleRules) -> None:
    texts = [
        "某支部2023年度工作总结",
        "三、做好社会服务",
        "支部成员每逢春节都要到敬老院看望老人。",
    ]
    assert document_roles(roles, texts)[2] == "practice"


def test_a_habit_worded_with_yao_in_a_plan_stays_a_requirement(roles: RoleRules) -> None:
    texts = [
        "某局支部共建活动方案",
        "一、活动内容",
        "每季度各支部都要开展一次共建活动。",
    ]
    assert document_roles(roles, texts)[2] == "requirement"


def test_next_steps_in_a_report_stay_recommendations(roles: RoleRules) -> None:
    texts = [
        "某局党支部2023年工作总结",
        "今年以来，支部开展主题党日12次。",
        "二、存在问题",
        "部分党员学习主动性不够。",
        "三、下一步打算",
        "我们将进一步健全党员示范岗考评办法。",
    ]
    assert document_roles(roles, texts)[5] == "recommendation"


def test_an_untitled_guide_laid_out_in_plan_parts_is_a_yardstick(roles: RoleRules) -> None:
    texts = [
        "一、总体要求：",
        "紧扣中心工作，贴近党员需求。",
        "二、重点内容：",
        "组织党员学习上级会议精神，引导党员立足岗位作贡献。",
        "三、工作提示：",
        "请各支部结合实际细化本月组织生活安排。",
    ]
    got = document_roles(roles, texts)
    assert [got[0], got[2], got[4]] == ["other"] * 3
    assert [got[1], got[3], got[5]] == ["requirement"] * 3  # bare items, not practice or other


def test_an_opinions_preamble_and_part_labels_are_other(roles: RoleRules) -> None:
    texts = [
        "关于推进支部结对共建的实施意见",
        "各支部：",
        "为推动机关支部与社区支部结对共建，结合实际，现提出如下意见。",
        "一、明确目标，扎实推进",
        "（一）指导思想",
        "以服务群众为目标，坚持资源共享、活动共办，积极探索共建长效机制。",
        "（二）主要目标",
        "到年底，每个机关支部至少结对一个社区支部。",
    ]
    got = document_roles(roles, texts)
    assert [got[2], got[4], got[6]] == ["other"] * 3
    assert [got[3], got[5], got[7]] == ["requirement"] * 3


def test_a_norm_addressed_to_those_present_beside_the_speakers_frame(roles: RoleRules) -> None:
    texts = [
        "同志们：",
        "今天我们召开支部书记会议，主要任务是部署下半年工作。",
        "刚才，几位同志作了交流发言，大家要认真学习借鉴。",
        "下面，我讲两点意见。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "requirement" and got[1] == got[3] == "other"


def test_a_meetings_own_proceedings_are_practice(roles: RoleRules) -> None:
    texts = [
        "6月3日上午，某局召开机关党委（扩大）会议。",
        "各支部书记参加会议。",
        "局党委书记刘某主持会议。",
        "会议集体学习了市委全会精神。",
        "局党委书记刘某强调，各支部要把学习成果落实到窗口服务中。",
        "会议还就安全生产工作进行了讨论。",
    ]
    got = document_roles(roles, texts)
    assert got[3] == got[5] == "practice" and got[4] == "requirement"
