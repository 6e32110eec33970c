"""HTML reader: main content kept, site furniture dropped, encodings, fallback."""

from __future__ import annotations

import pytest

from pipeline.errors import DecodingError
from pipeline.ingest import read_file
from pipeline.ingest.html import is_boilerplate_line, read_html

# Strings of the page's nav, breadcrumb, share bar, related links, footer and script.
BOILERPLATE = [
    "首页",
    "登录",
    "宣传报道",
    "您的位置",
    "分享到",
    "微博",
    "相关链接",
    "相關(guān)鏈接",
    "关于开展模范机关创建的通知",
    "机关党建工作要点",
    "版权所有",
    "豫ICP备",
    "技术支持",
    "统计代码",
    "_hmt",
]


@pytest.fixture(scope="module")
def henan(fixtures_dir):
    return read_file(fixtures_dir / "henan-qa.html")


def test_article_text_kept(henan):
    text = henan.text
    assert "兩張皮" in text
    assert "為深入學(xué)習(xí)貫徹" in text
    questions = [b.text for b in henan.blocks if b.text.startswith("問(wèn):")]
    assert len(questions) == 5
    assert "問(wèn):如何推動(dòng)《意見(jiàn)》落實(shí)落地?" in questions
    assert any(b.text.startswith("答:") for b in henan.blocks)
    assert "同時(shí),適時(shí)對(duì)省直機(jī)關(guān)推進(jìn)黨建和業(yè)務(wù)融合情況進(jìn)行調(diào)研督促。" in text


@pytest.mark.parametrize("needle", BOILERPLATE)
def test_boilerplate_dropped(henan, needle):
    assert needle not in henan.text


def test_metadata_and_blocks(henan):
    assert henan.metadata["title"] == "破解“兩張皮” 全面提高機(jī)關(guān)黨建質(zhì)量"
    assert henan.metadata["date"] == "2023-04-10"
    assert henan.metadata["encoding"] == "utf-8"
    assert henan.blocks[0].text == henan.metadata["title"]
    assert [b.paragraph for b in henan.blocks] == list(range(1, len(henan.blocks) + 1))
    assert all(b.page is None for b in henan.blocks)
    assert henan.warnings == ()


def test_declared_gbk_charset(tmp_path):
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>机关党建工作</title></head><body><div class='nav'>首页 | 新闻</div>"
        "<div class='content'><p>第一段：推动机关党建和业务工作深度融合，防止“两张皮”问题。</p>"
        "<p>第二段：坚持围绕中心抓党建、抓好党建促业务，建设模范机关。</p></div></body></html>"
    )
    path = tmp_path / "gbk.htm"
    path.write_bytes(html.encode("gbk"))
    extraction = read_file(path)
    assert extraction.metadata["encoding"] == "gb18030"
    assert "推动机关党建和业务工作深度融合" in extraction.text
    assert "坚持围绕中心抓党建" in extraction.text
    assert "首页" not in extraction.text


def test_undeclared_gb18030_falls_back_from_utf8(tmp_path):
    html = "<html><body><article><p>机关党建与业务融合的探索与思考，共融共促。</p></article></body></html>"
    path = tmp_path / "nodecl.html"
    path.write_bytes(html.encode("gb18030"))
    extraction = read_html(path)
    assert extraction.metadata["encoding"] == "gb18030"
    assert "共融共促" in extraction.text


def test_fallback_when_main_content_not_found(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    path = tmp_path / "f.html"
    path.write_text(
        "<html><head><title>标题</title><script>var x='脚本';</script></head><body>"
        "<nav>导航</nav><p>正文第一段。</p><div>正文第二段。</div><footer>页脚</footer></body></html>",
        encoding="utf-8",
    )
    extraction = read_html(path)
    assert [b.text for b in extraction.blocks] == ["标题", "正文第一段。", "正文第二段。"]
    assert extraction.warnings == ("main content not found; used the text of the whole page body",)


def test_binary_named_html(tmp_path):
    path = tmp_path / "x.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 50)
    with pytest.raises(DecodingError):
        read_file(path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("分享到:", True),
        ("您的位置：首页 > 宣传工作", True),
        ("相關(guān)鏈接", True),
        ("责任编辑：张三", True),
        ("分享经验是推动工作的重要方法，各单位要互相学习。", False),
        ("来源于实践的做法更有生命力", False),
    ],
)
def test_boilerplate_lines(line, expected):
    assert is_boilerplate_line(line) is expected
