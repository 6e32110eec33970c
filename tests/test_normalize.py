import unicodedata
from pathlib import Path

import pytest

from pipeline.config import SEEDS_DIR
from pipeline.errors import UsageError
from pipeline.normalize import (
    CENSORED_RULES,
    PIPELINE,
    STEP_NAMES,
    SUPPLEMENT_RADICALS,
    collapse_whitespace,
    fix_unicode,
    fold_fullwidth_ascii,
    is_truncated,
    map_radicals,
    normalize,
    rejoin_lines,
    restore_censored,
    should_join,
    strip_boilerplate,
    strip_markdown,
    strip_page_numbers,
    strip_pinyin,
    strip_truncation_notices,
    to_simplified,
)
from pipeline.records import NormalizedText

# Real lines of the seed files, copied verbatim.
SEED_002_HEAD = "河南機(jī)關(guān)黨建網(wǎng) 宣傳工作 宣傳報(bào)道"
SEED_002_HEADLINE = "4月7日《河南日?qǐng)?bào)》第4版:破解“兩張皮” 全面提高機(jī)關(guān)黨建質(zhì)量"
SEED_002_LOST_CHARACTER = "是關(guān)鍵?!兑庖?jiàn)》不僅"
SEED_000_BROKEN = (
    "一、牢固树立机关党建和业务工作融合发展的理念。机关党\n\n"
    "建和业务工作“两张皮”问题，是制约党的建设质量提升的一大顽症。"
)
SEED_000_BOLD = (
    "**三、充分发挥党支部在推动业务工作中的战斗堡垒作用。**牢\n\n"
    "固树立党的一切工作到支部的鲜明导向，紧贴所在部门职责任务推进支部工作。"
)
SEED_003_ANONYMISED = (
    "近年来，*县直机关工委紧紧围绕县委“*”总体工作思路，坚持以党的政治建设为统领，以深入推进模范机关建设为抓手，"
)
SEED_004_NOTICE = "……(新文秘网http://www.wm114.cn省略922字,正式会员可完整阅读)…… "
SEED_004_END = (
    "担当作为、干事创业氛围浓厚、重实干重实绩导向更加鲜明。然而，有的机关党组 ……(未完,全文共7376字,"
    "当前仅显示2590字,请阅读下面提示信息。收藏《破解机关党建工作与业务工作“两张皮”问题研究报告》"
)
SEED_004_HEAD = (
    "您的位置:新文秘网>>机关/七一党建专题/调研报告/毕业论文/>>正文\n\n"
    "破解机关党建工作与业务工作“两张皮”问题研究报告\n\n"
    "发表时间:2023/12/2 15:54:37\n"
    "目录/提纲:……\n"
    "一、我县机关党建工作与业务工作深度融合发展基本情况\n"
    "(一)坚持目标融合\n"
    "(二)强化机制融合\n"
    "五、破解机关党建工作与业务工作“两张皮”问题的对策\n"
    "(四)完善制度建设,进一步构建长效机制\n"
    "……\n"
    "破解机关党建工作与业务工作“两张皮”问题研究报告\n\n"
    "摘 要:\n"
)


def _seed(prefix: str) -> str:
    matches = sorted(Path(SEEDS_DIR).glob(f"{prefix}_*.txt")) if Path(SEEDS_DIR).is_dir() else []
    if not matches:
        pytest.skip(f"seed {prefix} not available in {SEEDS_DIR}")
    return matches[0].read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------
# fix_unicode
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("机关\r\n党建\r业务", "机关\n党建\n业务"),
        ("党\u200b建\u200c和\u200d业\ufeff务\u2060工作", "党建和业务工作"),
        ("融\u00ad合", "融合"),
        ("两张皮\x00\x07\x1b\x7f\x9f问题", "两张皮问题"),
        ("Party\u00a0building", "Party building"),
        ("第一页\x0c第二页", "第一页\n第二页"),
        ("e\u0301", "é"),  # NFC
        ("\uf9dc", "隆"),  # CJK compatibility ideograph
        ("列\t表\n", "列\t表\n"),  # tab and newline kept
    ],
)
def test_fix_unicode(raw: str, expected: str) -> None:
    assert fix_unicode(raw) == expected


# ------------------------------------------------------------------------------------------
# map_radicals
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("⼯作", "工作"), ("两张⽪", "两张皮"), ("意⻅", "意见"), ("发⾔", "发言"), ("⼀岗双责", "一岗双责"),
        ("⻔", "门"), ("⻓", "长"), ("⻋", "车"), ("⻜", "飞"), ("⻢", "马"), ("⻥", "鱼"), ("⻛", "风"),
        ("⻚", "页"), ("⻰", "龙"), ("⻩", "黄"), ("⻬", "齐"), ("⻮", "齿"), ("⻳", "龟"), ("⻈", "讠"),
    ],
)
def test_map_radicals(raw: str, expected: str) -> None:
    assert map_radicals(raw) == expected


def _assigned(start: int, stop: int) -> str:
    return "".join(chr(code) for code in range(start, stop) if unicodedata.name(chr(code), ""))


def test_no_radical_survives() -> None:
    radicals = _assigned(0x2E80, 0x2F00) + _assigned(0x2F00, 0x2FE0)
    assert len(radicals) == 115 + 214
    assert set(SUPPLEMENT_RADICALS) == set(_assigned(0x2E80, 0x2F00))
    for text in (map_radicals(radicals), normalize("机关党建" + radicals + "业务工作").text):
        assert not [char for char in text if 0x2E80 <= ord(char) <= 0x2FDF]
    assert all("\u4e00" <= value <= "\u9fff" or "\u3400" <= value <= "\u4dbf"
               for value in SUPPLEMENT_RADICALS.values())


# ------------------------------------------------------------------------------------------
# fold_fullwidth_ascii
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("２０２１年３月２４日", "2021年3月24日"),
        ("ＸＸ市直机关", "XX市直机关"),
        ("“机关党建＋四服务”", "“机关党建+四服务”"),
        ("“１＋Ｎ”破解路径", "“1+N”破解路径"),
        ("－　１２　－", "- 12 -"),
        ("ｗｗｗ．ｗｍ１１４．ｃｎ", "www．wm114．cn"),
    ],
)
def test_fold_fullwidth_ascii(raw: str, expected: str) -> None:
    assert fold_fullwidth_ascii(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "问卷显示，15.4％的干部有过请假经历。",
        "部门党组（党委）理论学习中心组要充分发挥领学促学作用；",
        "《意见》出台的背景和意义是什么？",
        "【打印】“两张皮”‘一岗双责’、……——！：",
    ],
)
def test_fold_fullwidth_ascii_keeps_chinese_punctuation(kept: str) -> None:
    assert fold_fullwidth_ascii(kept) == kept


# ------------------------------------------------------------------------------------------
# strip_pinyin
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (SEED_002_HEAD, "河南機關黨建網 宣傳工作 宣傳報道"),
        (SEED_002_HEADLINE, "4月7日《河南日報》第4版:破解“兩張皮” 全面提高機關黨建質量"),
        ("時(shí)間:2023-04-10", "時間:2023-04-10"),
        ("來(lái)源:河南日?qǐng)?bào)", "來源:河南日報"),
        ("宣傳報(bào)道", "宣傳報道"),
        ("(以下簡(jiǎn)稱《意見(jiàn)》)", "(以下簡稱《意見》)"),
        ("發(fā)揮黨組(黨委)理論", "發揮黨組(黨委)理論"),
        ("機（jī）關（guān）", "機關"),
        ("機(ji1)關(guan1)", "機關"),
        # a lost character without a hint keeps a "?" placeholder, the pinyin goes
        (SEED_002_LOST_CHARACTER, "是關鍵?!兑庖?》不僅"),
    ],
)
def test_strip_pinyin(raw: str, expected: str) -> None:
    assert strip_pinyin(raw) == expected


@pytest.mark.parametrize(
    "kept",
    ["(2021年3月24日)", "(一)", "（一）坚持目标融合", "(以下简称《意见》)", "下载(PDF)", "报告(an)",
     "(jī) at line start", "问:《意见》出台的背景和意义是什么?", "实行“1+1+N”党建模式(经济开发区党工委+党群服务中心)"],
)
def test_strip_pinyin_leaves_other_brackets(kept: str) -> None:
    assert strip_pinyin(kept) == kept


def test_toneless_pinyin_goes_only_from_a_text_annotated_throughout() -> None:
    annotated = "党(dang)建(jian)和(he)业(ye)务(wu)要(yao)深(shen)度(du)融(rong)合(he)"
    assert strip_pinyin(annotated) == "党建和业务要深度融合"
    assert strip_pinyin("机(ji)关(guan)党(dang)建(jian)。下载(PDF)") == "机(ji)关(guan)党(dang)建(jian)。下载(PDF)"
    assert strip_pinyin(annotated + "，见附件(PDF)") == "党建和业务要深度融合，见附件(PDF)"


# ------------------------------------------------------------------------------------------
# to_simplified
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("河南機關黨建網", "河南机关党建网"),
        ("破解“兩張皮” 全面提高機關黨建質量", "破解“两张皮” 全面提高机关党建质量"),
        ("黨建和業務工作“六個脫節”問題", "党建和业务工作“六个脱节”问题"),
    ],
)
def test_to_simplified(raw: str, expected: str) -> None:
    assert to_simplified(raw) == expected


@pytest.mark.parametrize(
    "kept",
    ["机关党建", "干部", "了解", "发展", "乾隆年间", "姓於的干部", "显著提升", "皇后", "头发", "面条",
     "只有系统地准备", "新时代新担当新作为"],
)
def test_to_simplified_leaves_simplified_text(kept: str) -> None:
    assert to_simplified(kept) == kept


def test_to_simplified_leaves_simplified_seeds_unchanged() -> None:
    for prefix in ("000", "001", "003", "004"):
        text = _seed(prefix)
        assert to_simplified(text) == text


# ------------------------------------------------------------------------------------------
# restore_censored
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("推动X建和业务工作深度融合", "推动党建和业务工作深度融合"),
        ("广大X员干部", "广大党员干部"),
        ("部门X组（X委）", "部门党组（党委）"),
        ("坚持X的领导", "坚持党的领导"),
        ("X风廉政建设", "党风廉政建设"),
        ("锤炼坚强X性", "锤炼坚强党性"),
        ("我来讲X课", "我来讲党课"),
        ("X支部书记", "党支部书记"),
        ("讲ZZ", "讲政治"),
        ("Ｘ建引领", "党建引领"),
        ("ＺＺ建设", "政治建设"),
        ("X建工作", "党建工作"),
    ],
)
def test_restore_censored(raw: str, expected: str) -> None:
    assert restore_censored(raw) == expected


@pytest.mark.parametrize(
    "kept",
    ["xx市直机关工委", "XX市直机关工委通过全面推行", "X区", "X县", "*县直机关工委", "X光检查", "X射线",
     "XML", "ZZTOP", "ZZ1", "AX建", "3X建", "第X组", "X员工", "xx建", "zz"],
)
def test_restore_censored_leaves_other_x(kept: str) -> None:
    assert restore_censored(kept) == kept


def test_censored_rules_table() -> None:
    assert dict(CENSORED_RULES)["ZZ"] == "政治"
    assert all(target.startswith("党") for source, target in CENSORED_RULES if source.startswith("X"))


# ------------------------------------------------------------------------------------------
# strip_markdown
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**二、把讲政治的要求落实到业务工作中。**强化政治机关意识，",
         "二、把讲政治的要求落实到业务工作中。强化政治机关意识，"),
        ("# 中共曲周县委组织部", "中共曲周县委组织部"),
        ("## 中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题",
         "中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题"),
        ("### 标题 ###", "标题"),
        ("曲组〔2021〕2号\n\n---\n\n正文", "曲组〔2021〕2号\n\n\n\n正文"),
        ("***", ""),
        ("__重点__内容", "重点内容"),
        ("*（2021年3月24日）*", "（2021年3月24日）"),
        ("see *Party building* here", "see Party building here"),
        ("详见[通知](https://example.org/a.html)。", "详见通知。"),
    ],
)
def test_strip_markdown(raw: str, expected: str) -> None:
    assert strip_markdown(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [SEED_003_ANONYMISED, "紧紧围绕县委“*”总体思路，开展活动", "*县", "组织县直机关纪委书记到*抗日纪念馆和*野战军总部旧址",
     "##paidbegin##（二）坚持选树典型", "既是对_总书记关于加强中央和国家机关党建新思想", "#没有空格不是标题",
     "1*2*3", "“机关党建+四服务”"],
)
def test_strip_markdown_keeps_lone_asterisks(kept: str) -> None:
    assert strip_markdown(kept) == kept


# ------------------------------------------------------------------------------------------
# strip_truncation_notices / is_truncated
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("坚定“四个自信”、做\n" + SEED_004_NOTICE + "\n机关党建工作着力点,依靠强化党的领导",
         "坚定“四个自信”、做……\n机关党建工作着力点,依靠强化党的领导"),
        (SEED_004_END, "担当作为、干事创业氛围浓厚、重实干重实绩导向更加鲜明。然而，有的机关党组……"),
        ("做好工作……（新文秘网省略922字，正式会员可完整阅读）……后续内容", "做好工作……后续内容"),
        ("完成任务。(未完，全文共12345字，当前仅显示2000字，请阅读下面提示信息。收藏《某报告》)",
         "完成任务。"),
        ("第一段。\n\n……(省略300字)……\n第二段。", "第一段。\n第二段。"),
        ("正文内容。\n点击查看全文\n", "正文内容。\n"),
        ("正文内容。\n余下全文请下载\n", "正文内容。\n"),
    ],
)
def test_strip_truncation_notices(raw: str, expected: str) -> None:
    assert strip_truncation_notices(raw) == expected


@pytest.mark.parametrize(
    "kept",
    ["任务未完成的要及时报告。", "全文共分五个部分。", "（一）坚持目标融合", "认真阅读全文件精神，抓好落实。",
     "省略号用……表示"],
)
def test_strip_truncation_notices_leaves_normal_text(kept: str) -> None:
    assert strip_truncation_notices(kept) == kept


@pytest.mark.parametrize(
    ("text", "truncated"),
    [
        (SEED_004_NOTICE, True),
        (SEED_004_END, True),
        ("（未完待续）", True),
        ("余下全文请下载", True),
        ("點擊查看全文", True),
        ("任务未完成", False),
        ("##paidbegin##正文##paidend##", False),
        ("全文共分五个部分", False),
    ],
)
def test_is_truncated(text: str, truncated: bool) -> None:
    assert is_truncated(text) is truncated


# ------------------------------------------------------------------------------------------
# strip_boilerplate
# ------------------------------------------------------------------------------------------


def test_strip_boilerplate_removes_site_chrome_and_table_of_contents() -> None:
    cleaned = strip_boilerplate(SEED_004_HEAD)
    assert cleaned == (
        "\n破解机关党建工作与业务工作“两张皮”问题研究报告\n\n"
        "破解机关党建工作与业务工作“两张皮”问题研究报告\n\n"
        "摘 要:\n"
    )


def test_strip_boilerplate_removes_paywall_markers_and_keeps_the_text() -> None:
    raw = "推动支部建设由规范化向标准化转变。\n##paidbegin##（二）坚持选树典型、示范带动。\n正文。\n##paidend##"
    assert strip_boilerplate(raw) == "推动支部建设由规范化向标准化转变。\n（二）坚持选树典型、示范带动。\n正文。\n"


def test_strip_boilerplate_keeps_document_metadata() -> None:
    raw = "时间:2023-04-10\n来源:河南日报\n分享到:\n\n为深入学习贯彻习近平新时代中国特色社会主义思想。\n\n\n相关链接"
    assert strip_boilerplate(raw) == "时间:2023-04-10\n来源:河南日报\n\n为深入学习贯彻习近平新时代中国特色社会主义思想。\n\n\n"


@pytest.mark.parametrize(
    "footer",
    ["版权所有：某某机关党建网", "Copyright © 2023 wm114.cn", "免责声明：本站内容仅供参考", "本文链接：http://x.cn/1.html",
     "转载请注明出处", "上一篇：关于加强机关党建的通知", "下一篇：某某", "发表时间:2023/12/2 15:54:37"],
)
def test_strip_boilerplate_removes_footer_lines(footer: str) -> None:
    assert strip_boilerplate(f"正文。\n{footer}\n结尾。") == "正文。\n结尾。"


def test_strip_boilerplate_removes_a_teaser_repeated_below() -> None:
    raw = (
        " 第一篇：市直机关工委破解党建与业务工作“两张皮”问题经验材料有效破解机关党建和业务工作“两张皮”问题，是提...\n"
        "第一篇：市直机关工委破解党建与业务工作“两张皮”问题经验材料\n"
        "有效破解机关党建和业务工作“两张皮”问题，是提升机关党建质量的关键所在。\n"
    )
    assert strip_boilerplate(raw) == raw.split("\n", 1)[1]


@pytest.mark.parametrize(
    "kept",
    [
        "目录清单管理是一项基础工作。\n……\n",  # not a table-of-contents header
        "目录\n一、基本情况\n二、主要做法\n",  # no closing ellipsis line: nothing removed
        "来源:河南日报\n作者:记者\n",
        "坚持“抓两头、带中间”，认真抓好“三会一课”。",
        "文中所说的版权所有问题，要依法处理。",
    ],
)
def test_strip_boilerplate_leaves_body_text(kept: str) -> None:
    assert strip_boilerplate(kept) == kept


# ------------------------------------------------------------------------------------------
# strip_page_numbers
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["— 1 —", "- 1 -", "－ 12 －", "-3-", "第 3 页", "第3页 共10页", "第3页，共10页",
                                  "共10页 第3页", "3/10", "  — 15 —  "])
def test_strip_page_numbers(line: str) -> None:
    assert strip_page_numbers(f"机关党\n{line}\n建和业务工作") == "机关党\n建和业务工作"


@pytest.mark.parametrize(
    "kept",
    ["(2021年3月24日)", "曲组〔2021〕2号", "15.4％的干部有过请假经历", "第3页的表格显示，1/2的干部参加了培训。",
     "一、近年来推动党建与业务深度融合的主要做法", "——不为不办找理由", "2021"],
)
def test_strip_page_numbers_leaves_text(kept: str) -> None:
    assert strip_page_numbers(kept) == kept


# ------------------------------------------------------------------------------------------
# should_join / rejoin_lines
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "following"),
    [
        ("一、牢固树立机关党建和业务工作融合发展的理念。机关党", "建和业务工作“两张皮”问题，是制约党的建设质量提升的一大顽症。"),
        ("三、充分发挥党支部在推动业务工作中的战斗堡垒作用。牢", "固树立党的一切工作到支部的鲜明导向，"),
        ("坦诚相见、交流思想，既严格要求", "又关心关爱，把解决思想问题与解决实际困难结合起来，"),
        ("各部门机关党委（总支、支部）要增强大局意识，在认真学习钻研机关党建", "知识的同时，自觉学习掌握"),
        ("机关党建与业务工作“两张皮”是形式主义在基层党组织建设中的突出顽症。我们组织党员", "干部进行主题实践教育活动，"),
        ("笔者从实践中体会到，要用好考核结果，既要把考", "核结果与奖励挂钩、与干部的使用挂钩，"),
        ("去年以来，共举办县直机关党组织书记、党务干部培训班", "3期，培训300余人次。"),
        ("探索构建“1+N”破解路径，同时，适时对省直机关推进党建和", "业务融合情况进行调研督促。"),
        ("部门协同、上下联动，探索构建党建引领的“1+N", "”破解路径，"),
    ],
)
def test_should_join(previous: str, following: str) -> None:
    assert should_join(previous, following)


@pytest.mark.parametrize(
    ("previous", "following"),
    [
        ("背景动因", "当前，机关基层单位党建与业务工作存在结合不实、融合不深等“两张皮”问题，"),
        ("# 中共曲周县委组织部", "曲组〔2021〕2号"),
        ("曲组〔2021〕2号", "中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题"),
        ("中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题推动机关党建和业务工作深度融合的意见",
         "(2021年3月24日)"),
        ("市直机关工委破解党建与业务工作两张皮问题经验材料", "有效破解机关党建和业务工作“两张皮”问题，"),
        ("第一篇：市直机关工委破解党建与业务工作“两张皮”问题经验材料", "有效破解机关党建和业务工作"),
        ("一、提高认识，找准机关党建与业务工作在思想认识上的结合点", "机关党建与业务工作“两张皮”是形式主义"),
        ("（一）对党的政治建设高度重视,但存在学用脱节问题", "强化理论武装是我们政治上清醒的重要保障"),
        ("当前，机关基层单位党建与业务工作存在结合不实、融合不深等问题。主要表现在以下几个方面：",
         "（一）思维模式上固化，导致认识有差距，"),
        ("推动机关党建和业务工作真正融合、深度融合、全面融合。", "县委组织部、县委县直机关工委把破解问题"),
        ("有的党员干部认为学习是“软指标”，抓业务工作见效快，搞“应景式”", "学习"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", "一是强化理念融合，"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", "1.强化理念融合，"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", "（二）聚焦导向融合，"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", "①聚焦导向融合，"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", "时间:2023-04-10"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", "第二篇：某某"),
        ("关键词:党建业务“两张皮”、理论联系实际、党建引领业务", "正 文:"),
        ("县直机关作为全县增强“四个意识”、坚定“四个自信”、做……", "机关党建工作着力点,依靠强化党的领导"),
        ("为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，", ""),
    ],
)
def test_should_not_join(previous: str, following: str) -> None:
    assert not should_join(previous, following)


def test_rejoin_lines_across_a_blank_line() -> None:
    assert rejoin_lines(SEED_000_BROKEN) == (
        "一、牢固树立机关党建和业务工作融合发展的理念。机关党建和业务工作“两张皮”问题，是制约党的建设质量提升的一大顽症。"
    )


def test_rejoin_lines_chains_several_wrapped_lines() -> None:
    raw = "在深入开展主题教育中，怎样解决机关党建与业务\n工作“两张皮”难题的问题，是我们从事机关党建\n工作必须研究的课题。\n二、统筹安排"
    assert rejoin_lines(raw) == (
        "在深入开展主题教育中，怎样解决机关党建与业务工作“两张皮”难题的问题，是我们从事机关党建工作必须研究的课题。\n二、统筹安排"
    )


def test_rejoin_lines_inserts_a_space_between_latin_fragments() -> None:
    raw = "The committee, which met in March, discussed party\nbuilding and business work."
    assert rejoin_lines(raw) == "The committee, which met in March, discussed party building and business work."


def test_rejoin_lines_keeps_titles_headings_and_paragraphs() -> None:
    raw = (
        "中共曲周县委组织部\n\n曲组〔2021〕2号\n\n"
        "中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题推动机关党建和业务工作深度融合的意见\n\n"
        "(2021年3月24日)\n\n"
        "为深入贯彻落实习近平总书记重要讲话精神，现就破解“两张皮”问题提出如下意见：\n\n"
        "背景动因\n当前，机关基层单位党建与业务工作存在结合不实等问题。"
    )
    assert rejoin_lines(raw) == raw


def test_rejoin_lines_does_not_cross_more_than_two_blank_lines() -> None:
    raw = "坦诚相见、交流思想，既严格要求\n\n\n\n又关心关爱"
    assert rejoin_lines(raw) == raw


# ------------------------------------------------------------------------------------------
# collapse_whitespace
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("推动机关党建和业务 工作深度融合", "推动机关党建和业务工作深度融合"),
        ("摘 要:\n正 文:", "摘要:\n正文:"),
        ("  为深入学习贯彻习近平新时代中国特色社会主义思想", "为深入学习贯彻习近平新时代中国特色社会主义思想"),
        ("\u3000\u3000问:如何推动《意见》落实落地?", "问:如何推动《意见》落实落地?"),
        ("第一段。   \n\n\n\n第二段。\n", "第一段。\n\n第二段。"),
        ("Party   building  and\tbusiness", "Party building and\tbusiness"),
        ("然而，有的机关党组 ……", "然而，有的机关党组 ……"),
        ("破解“两张皮” 全面提高机关党建质量", "破解“两张皮” 全面提高机关党建质量"),
        ("中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题",
         "中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题"),
        ("\n\n  \n", ""),
    ],
)
def test_collapse_whitespace(raw: str, expected: str) -> None:
    assert collapse_whitespace(raw) == expected


# ------------------------------------------------------------------------------------------
# normalize
# ------------------------------------------------------------------------------------------


def test_pipeline_order() -> None:
    assert STEP_NAMES == (
        "fix_unicode", "map_radicals", "fold_fullwidth_ascii", "strip_pinyin", "to_simplified",
        "restore_censored", "strip_truncation_notices", "strip_boilerplate", "strip_markdown",
        "strip_page_numbers", "rejoin_lines", "collapse_whitespace",
    )
    assert all(callable(step) for _, step in PIPELINE)


def test_normalize_reports_steps_that_changed_something() -> None:
    result = normalize("河南機(jī)關(guān)黨建網(wǎng)")
    assert isinstance(result, NormalizedText)
    assert result.text == "河南机关党建网"
    assert result.steps == {"strip_pinyin": 16, "to_simplified": 4}
    assert result.truncated is False


def test_normalize_counts_substitutions_for_length_preserving_steps() -> None:
    assert normalize("推动X建和ZZ建设", steps=["restore_censored"]).steps == {"restore_censored": 3}


def test_normalize_runs_a_subset_in_pipeline_order() -> None:
    result = normalize("  **機(jī)關**  ", steps=["collapse_whitespace", "strip_pinyin"])
    assert result.text == "**機關**"
    assert list(result.steps) == ["strip_pinyin", "collapse_whitespace"]


def test_normalize_rejects_unknown_steps() -> None:
    with pytest.raises(UsageError, match="no_such_step"):
        normalize("文本", steps=["no_such_step"])


def test_normalize_flags_truncation_of_the_input() -> None:
    result = normalize("县直机关作为全县增强“四个意识”、做\n" + SEED_004_NOTICE + "\n机关党建工作着力点。")
    assert result.truncated is True
    assert "省略" not in result.text
    assert result.text == "县直机关作为全县增强“四个意识”、做……\n机关党建工作着力点。"


def test_normalize_is_deterministic_and_idempotent() -> None:
    raw = SEED_000_BOLD + "\n\n" + SEED_002_HEADLINE + "\n" + SEED_004_END
    first = normalize(raw)
    assert normalize(raw) == first
    assert normalize(first.text).text == first.text


def test_normalize_joins_the_bold_heading_paragraph() -> None:
    assert normalize(SEED_000_BOLD).text == (
        "三、充分发挥党支部在推动业务工作中的战斗堡垒作用。牢固树立党的一切工作到支部的鲜明导向，紧贴所在部门职责任务推进支部工作。"
    )


# ------------------------------------------------------------------------------------------
# Whole seeds
# ------------------------------------------------------------------------------------------


def test_seed_000_opinion() -> None:
    result = normalize(_seed("000"))
    assert "机关党建和业务工作“两张皮”问题" in result.text
    assert "牢固树立党的一切工作到支部" in result.text
    assert "**" not in result.text and "##" not in result.text and "---" not in result.text
    assert result.text.startswith("中共曲周县委组织部\n\n曲组〔2021〕2号\n\n")
    assert "中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题推动机关党建和业务工作深度融合的意见\n\n(2021年3月24日)" in result.text
    assert result.truncated is False


def test_seed_001_compilation() -> None:
    text = normalize(_seed("001")).text
    assert text.startswith("第一篇：市直机关工委破解党建与业务工作“两张皮”问题经验材料\n")
    assert "...\n" not in text
    assert "组织党员干部进行主题实践教育活动" in text
    assert "既要把考核结果与奖励挂钩" in text
    assert "\n背景动因\n" in text and "\n一、提高认识，找准机关党建与业务工作在思想认识上的结合点\n" in text
    assert "xx市直机关工委" in text and "XX市直机关工委" in text


def test_seed_002_traditional_with_pinyin() -> None:
    result = normalize(_seed("002"))
    text = result.text
    assert "机关党建" in text
    assert not any(char in text for char in "機關黨")
    assert "(jī)" not in text and "(guān)" not in text and "qǐng" not in text
    assert text.startswith("河南机关党建网")
    assert "《河南日报》" in text and "时间:2023-04-10" in text and "来源:河南日报" in text
    assert "分享到" not in text and "相关链接" not in text
    assert "(以下简称《意见》)" in text and "党组(党委)" in text
    assert "\n为深入学习贯彻" in text
    assert result.steps["strip_pinyin"] > 1000 and result.steps["to_simplified"] > 500


def test_seed_003_paywall_markers() -> None:
    text = normalize(_seed("003")).text
    assert "##paid" not in text
    assert "\n（二）坚持选树典型、示范带动" in text
    assert "*县直机关工委紧紧围绕县委“*”总体工作思路" in text
    assert text.endswith("机关党建党务干部队伍。")


def test_seed_004_paywalled_excerpt() -> None:
    result = normalize(_seed("004"))
    text = result.text
    assert result.truncated is True
    assert "省略922字" not in text and "未完" not in text and "全文共" not in text
    assert "您的位置" not in text and "发表时间" not in text and "目录" not in text
    assert text.startswith("破解机关党建工作与业务工作“两张皮”问题研究报告\n\n")
    assert "、做……\n机关党建工作着力点" in text
    assert text.endswith("重实干重实绩导向更加鲜明。然而,有的机关党组……")
    assert "摘要:" in text and "_总书记" in text


def test_seeds_normalise_idempotently() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        once = normalize(_seed(prefix)).text
        assert normalize(once).text == once
