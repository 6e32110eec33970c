import pytest

from pipeline.structure import (
    build_outline,
    chinese_to_int,
    classify_doc_type,
    find_date,
    find_doc_number,
    find_issuer,
    find_title,
    front_matter_end,
    parse_date,
    split_articles,
)

OPINION_HEAD = (
    "中共曲周县委组织部\n\n曲组〔2021〕2号\n\n"
    "中共曲周县委组织部 中共曲周县委县直机关工委 关于破解“两张皮”问题推动机关党建和业务工作深度融合的意见\n\n"
    "(2021年3月24日)\n\n"
    "为深入贯彻落实习近平总书记重要讲话精神，现就破解“两张皮”问题提出如下意见：\n\n"
    "一、牢固树立机关党建和业务工作融合发展的理念。机关党建和业务工作“两张皮”问题，是一大顽症。\n\n"
    "二、把讲政治的要求落实到业务工作中。强化政治机关意识。\n"
    "（一）健全工作机制。形成工作闭环。\n"
    "（二）发挥中心组作用。一是领学促学；二是研究问题。\n"
    "三、完善融合发展机制。推行“一岗双责”。\n"
)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("12", 12), ("③", 3)],
)
def test_chinese_to_int(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("中共曲周县委组织部\n曲组〔2021〕2号\n关于…的意见", "曲组〔2021〕2号"),
        ("河南省委直属机关工委\n豫直工[2023]5号\n", "豫直工〔2023〕5号"),
        ("某某局\n某局发(2020)第12号\n", "某局发〔2020〕12号"),
        ("国务院\n国发字〔2019〕第3号\n", "国发〔2019〕3号"),
        ("标题\n正文很长，根据《意见》（中办发〔2019〕12号）要求，各单位要落实……" * 1, ""),
    ],
)
def test_find_doc_number(text: str, number: str) -> None:
    assert find_doc_number(text) == number


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("(2021年3月24日)", "2021-03-24"),
        ("二〇二一年三月二十四日", "2021-03-24"),
        ("时间:2023-04-10", "2023-04-10"),
        ("发表时间:2023/12/2 15:54:37", "2023-12-02"),
        ("没有日期", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_front_matter_of_an_opinion() -> None:
    title = find_title(OPINION_HEAD)
    assert title.endswith("深度融合的意见")
    assert find_doc_number(OPINION_HEAD) == "曲组〔2021〕2号"
    assert find_date(OPINION_HEAD) == "2021-03-24"
    assert find_issuer(OPINION_HEAD, title) == "中共曲周县委组织部 中共曲周县委县直机关工委"
    assert classify_doc_type(title, OPINION_HEAD) == "意见"


def test_date_at_the_end_is_the_signing_date() -> None:
    text = "关于加强机关党建的通知\n各单位：\n现将有关事项通知如下。\n中共某县委组织部\n2022年5月6日"
    assert find_date(text) == "2022-05-06"
    assert classify_doc_type(find_title(text), text) == "通知"


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("市直机关工委破解党建与业务工作“两张皮”问题经验材料", "经验材料"),
        ("破解机关党建与业务工作“两张皮”调查研究", "调研报告"),
        ("破解机关党建与业务工作两张皮问题的思考（心得体会）", "心得体会"),
        ("破解“两张皮” 全面提高机关党建质量（答记者问）", "答记者问"),
        ("关于深化机关党建与业务共融共促的探索与思考", "调研报告"),
        ("关于召开全县机关党建工作会议的通知", "通知"),
        ("县委办公室会议纪要", "纪要"),
        ("今天的天气", "other"),
    ],
)
def test_classify_doc_type(title: str, doc_type: str) -> None:
    assert classify_doc_type(title, "") == doc_type


def test_outline_paths_follow_the_numbering() -> None:
    outline = build_outline(OPINION_HEAD, body_start=front_matter_end(OPINION_HEAD))
    by_path = {section.path_str: section for section in outline.sections}
    assert [s.path_str for s in outline.sections] == ["1", "2", "2.1", "2.2", "2.2.1", "2.2.2", "3"]
    assert by_path["1"].title == "牢固树立机关党建和业务工作融合发展的理念"
    assert by_path["2.1"].label == "（一）"
    sentences = {OPINION_HEAD[s:e]: path for s, e, path, _ in outline.sentences}
    assert sentences["形成工作闭环。"] == "2.1"
    assert sentences["推行“一岗双责”。"] == "3"
    assert sentences["二是研究问题。"] == "2.2.2"
    assert sentences["曲组〔2021〕2号"] == ""


def test_unnumbered_report_headings() -> None:
    text = "经验材料标题\n有效破解两张皮问题，是关键所在。\n背景动因\n（一）思维固化。有的单位认识不到位。\n主要做法\n（一）打造载体。开展活动。"
    outline = build_outline(text, body_start=front_matter_end(text))
    assert [(s.path_str, s.title) for s in outline.sections] == [
        ("1", "背景动因"), ("1.1", "思维固化"), ("2", "主要做法"), ("2.1", "打造载体"),
    ]


def test_split_articles_keeps_the_real_article_after_a_teaser() -> None:
    """The teaser line stays with the text before the article (here the preface): nothing is dropped."""
    text = (" 第一篇：经验材料有效破解...\n第一篇：经验材料\n正文一。\n第二篇：调查研究\n正文二。\n"
            "第三篇：心得体会\n正文三。")
    articles = split_articles(text)
    assert [(a.number, a.title) for a in articles] == [(0, ""), (1, "经验材料"), (2, "调查研究"), (3, "心得体会")]
    assert text[articles[0].start:articles[0].end].strip() == "第一篇：经验材料有效破解..."
    assert text[articles[1].start:articles[1].end].startswith("第一篇：经验材料\n正文一")
    assert "".join(text[a.start:a.end] for a in articles) == text


def test_single_document_is_one_article() -> None:
    assert len(split_articles("第一篇文章的读后感。")) == 1


def test_inline_items_end_with_their_paragraph() -> None:
    text = ("答记者问\n问：主要内容有哪些？\n答：针对六个脱节，提出六个融合。一是强化理念融合。强调理念。二是聚焦导向融合。\n"
            "问：有哪些创新？\n答：有较大创新。")
    outline = build_outline(text, body_start=front_matter_end(text))
    paths = {text[s:e]: path for s, e, path, _ in outline.sentences}
    assert paths["强调理念。"] == "1"
    assert paths["二是聚焦导向融合。"] == "2"
    assert paths["问：有哪些创新？"] == ""


def test_a_higher_heading_closes_deeper_ones_whatever_came_first() -> None:
    text = "研究报告\n正文开始了。\n（三）构建载体融合。内容。\n三、问题的表现\n（一）存在学用脱节问题。内容。"
    outline = build_outline(text, body_start=front_matter_end(text))
    assert [s.path_str for s in outline.sections] == ["3", "3", "3.1"]


def test_outline_time_grows_linearly_with_the_text() -> None:
    """Each sentence looks only at its neighbours, never copies the text before it."""
    import time

    from pipeline.structure import build_outline

    unit = "一、总体要求\n各单位要把党建和业务一起谋划。坚持问题导向，狠抓落实。\n（一）健全机制。建立责任清单。\n"

    def seconds(copies: int) -> float:
        text = unit * copies
        began = time.perf_counter()
        build_outline(text)
        return time.perf_counter() - began

    seconds(50)  # warm-up
    small, large = min(seconds(2_000) for _ in range(2)), min(seconds(8_000) for _ in range(2))
    assert large < small * 4 * 2.0, (small, large)  # 4× the text: about 4× the time, never 16×
