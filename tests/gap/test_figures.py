import pytest

from pipeline.gap.figures import extract_figures, parse_number


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("问卷显示，15.4％的干部有过“三会一课”请假的经历，实在参加不了课后补。",
         [(15.4, "%", "percent", "干部", "问卷")]),
        ("问卷显示，70％的基层党支部书记认为自己存在“本领恐慌”。",
         [(70.0, "%", "percent", "基层党支部书记", "问卷")]),
        ("2021年度97个五星级党支部复核合格88个，2022年度71个五星级党支部验收合格59个。",
         [(97.0, "个", "count", "五星级党支部", ""), (88.0, "个", "count", "五星级党支部", ""),
          (71.0, "个", "count", "五星级党支部", ""), (59.0, "个", "count", "五星级党支部", "")]),
        ("举办入党积极分子、预备党员发展对象等培训班3期，培训300余人次。",
         [(3.0, "期", "count", "培训班", ""), (300.0, "人次", "person_times", "", "")]),
        ("推荐上报视频7部，去年以来共计处理违纪违法党员26人次。",
         [(7.0, "部", "count", "视频", ""), (26.0, "人次", "person_times", "违纪违法党员", "")]),
        ("三分之一的党员参加了座谈。", [(33.33, "%", "percent", "党员", "座谈")]),
    ],
)
def test_figures_of_real_sentences(sentence: str, expected: list[tuple]) -> None:
    figures = extract_figures(sentence)
    assert [(f.value, f.unit_of_measure, f.kind, f.population, f.source) for f in figures] == expected
    for figure in figures:
        assert sentence[figure.start:figure.end] == figure.surface


def test_year_qualifier_and_approximation() -> None:
    first, second = extract_figures("2021年度97个五星级党支部复核合格88个")
    assert first.year == "2021" and second.year is None
    (approx,) = extract_figures("培训300余人次")
    assert approx.approx and approx.value == 300


@pytest.mark.parametrize(
    "sentence",
    [
        "领导班子成员要认真履行“一岗双责”，落实“三会一课”制度。",
        "针对党建和业务工作“六个脱节”问题，推出“五个十佳”评选，做到“两个维护”。",
        "2020年10月16日，中央和国家机关工委印发了《关于…的意见》。",
        "县委办出台《关于创建“五型机关”22条措施》。",
        "推出一批可学可看可借鉴的工作法。",
        "“机关党建+四服务”工作模式历经两年的创新实践。",
        "本局准备从作风建设和能力建设两个方面入手。",
        "各支部除1名专职组织委员外，其余委员都是兼职。",
        "本文提出5条建议。",
        "各支部开展四个一活动。",
        "市十四届人大三次会议听取了报告。",
        "全年力争评选出10个示范品牌，确保参学率达到100%。",
        "每个支部每年至少开展4次联学活动。",
    ],
)
def test_names_dates_and_articles_are_not_figures(sentence: str) -> None:
    assert extract_figures(sentence) == []


def test_anonymised_placeholders_are_not_data() -> None:
    assert extract_figures("全市xx个党支部开展了活动，覆盖X%的党员。") == []
    figures = extract_figures("全市xx个党支部开展了活动，覆盖X%的党员。", keep_placeholders=True)
    assert [(f.surface, f.value, f.anonymised) for f in figures] == [("xx个", None, True), ("X%", None, True)]


@pytest.mark.parametrize(
    ("number", "value"),
    [("15.4", 15.4), ("1,246", 1246.0), ("十二", 12.0), ("两", 2.0), ("百", 100.0), ("四十七点五", 47.5),
     ("xx", None), ("××", None)],
)
def test_parse_number(number: str, value: float | None) -> None:
    assert parse_number(number) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "measure", "kind"),
    [
        ("百分之四十七点五的党员参加过轮训。", "百分之四十七点五", 47.5, "%", "percent"),
        ("近七成受访干部认为考核过繁。", "七成", 70.0, "%", "percent"),
        ("参学率提高了3.5个百分点。", "3.5个百分点", 3.5, "个百分点", "percentage_point"),
        ("全市共有党员2.3万名。", "2.3万名", 2.3, "万名", "count"),
        ("志愿服务累计1.2万人次。", "1.2万人次", 1.2, "万人次", "person_times"),
        ("投入资金220万元。", "220万元", 220.0, "万元", "money"),
        ("测评得分92.5分。", "92.5分", 92.5, "分", "score"),
        ("党员人数增长了2倍。", "2倍", 2.0, "倍", "multiple"),
        ("约1/4的党员是青年。", "1/4", 25.0, "%", "percent"),
        ("全市有党员2万余名。", "2万余名", 2.0, "万名", "count"),
    ],
)
def test_phrasings_of_shares_amounts_and_scores(
    sentence: str, surface: str, value: float, measure: str, kind: str
) -> None:
    (figure,) = extract_figures(sentence)
    assert (figure.surface, round(figure.value or 0.0, 2), figure.unit_of_measure, figure.kind) == (
        surface, value, measure, kind)


def test_a_figure_keeps_its_population_after_an_oddly_tagged_head() -> None:
    (figure,) = extract_figures("目前全县已有59个村成立了协会。")
    assert figure.population == "村"


@pytest.mark.parametrize(
    ("sentence", "population"),
    [
        ("调查显示，62.5%的受访党员认为学习与工作脱节。", "受访党员"),
        ("在被调查的单位中，分开考核的占57%。", "单位"),
        ("问卷中，认为考核过繁的占23.4%。", ""),
    ],
)
def test_population_of_a_share(sentence: str, population: str) -> None:
    (figure,) = extract_figures(sentence)
    assert figure.population == population


@pytest.mark.parametrize("text", [
    "到2027年底，全县建成党建示范带12条、示范点30个。",  # a deadline ahead: a target
    "机关党建研究 2023年4期",  # an issue number
    "发布时间：2024-03-02 阅读：356 次",  # the page counting its readers
    "党支部书记述职报告范文【8篇】",  # a count in a title's brackets
])
def test_targets_and_page_apparatus_are_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_a_deadline_that_was_met_is_a_figure() -> None:
    (figure,) = extract_figures("到2023年底，全县已建成党建示范点30个。")
    assert figure.value == 30
