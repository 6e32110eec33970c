"""Survey and quantitative figures: value, measure, population, statement and source of every number.

问卷显示，15.4％的干部有过“三会一课”请假的经历 → value 15.4, measure %, population 干部, statement
有过“三会一课”请假的经历, source 问卷.

A figure is a measured fact about the unit, its people or its activities: a percentage (15.4%, 百分之三十,
近九成, 三分之二, 1/3), a percentage-point change (提高12.4个百分点), a count of people, organisations,
events or activities (97个, 300余人次, 360户次, 2.3万名, 98项次, 审结64案, 救治860例, 调解32宗, 微党课30堂), an amount (220万元), a score
(92.5分), a ratio after 比 (男女比1∶3.54 is 3.54, measure 比), a rank the unit holds (居全市第2名, 位列第一: a rating, measure 名次, kind rank), a multiple (2倍) or a
duration (用一个月的时间, 连续3年). Counts and amounts keep the value as written
(一万亩 is 1 万亩, 2.3万名 is 2.3 万名, 近万名 is about 1 万名); shares become percentages (近九成 is 90 %, 三分之二 is 66.67 %, 1/3 is
33.33 %).

Not figures:

* enumerations of the text's own structure: 从以下六个方面, 两个方面, 做到“三个到位”, 四个服务, 三项制度
  (a Chinese numeral counts only before a countable noun such as 村, 单位, 党支部 or at the end of its
  clause; any numeral before 方面, 层面, 环节 … is structure), and the items counted under them (从6个方面提出
  18项具体措施, 分为五个部分、22条) or a slogan of counts (实现5个100%);
* ordinals and naming: 第X条, 第4期, 第一书记, numbers inside 《…》 titles and inside names and slogans of
  the domain lexicon (一岗双责, 三会一课, 五个十佳 …);
* dates and time frames: 2023年3月, 2021年, 近3年来, 历经两年, 8时30分; a number of years counts only
  as a repeated record (连续3年, 连续三年);
* the exception of a 除…外 clause (除1名专职副书记外, the statement is about the others);
* norms and targets: a count set by a rule (每年至少开展2次, 以每月1天为主题党日, 每年发展数控制在3名以内), the
  content of a rule the text follows (按照1名党员联系5户群众的要求), a target (力争评选出10个, 确保参学率达到100%,
  计划培训200人次, 预期带动增收20%, “到2025年，…达到90%以上”, 力争在2024年底，达标率达到97%, 力争明年提高到
  四成) and a threshold or bracket that picks out a group (满意率未达60%的党支部, 年收入50万元以上的村, 刚过10万元的村,
  职工100人以下的企业, 90分以上的科室) are not yet measured; funds obtained (共争取上级资金120万元) are;
* the items of a “N个一” activity (认领1个微心愿、办理1件实事等“四个一”活动) or of a quoted name of numerals
  (实施“十百千”工程，打造十个示范村、百个示范点; 落实“135”机制，建立1个中心、3个平台、5支队伍), hours or minutes that name a
  service (24小时值班, 15分钟党群服务圈, 八小时以外), the ends of a range (配备3-5名委员, 20～25人之间), a
  scale (10分制), idioms (三天两头, 一天也不能松) and the points of an assessment rule (每次扣2分, 最高加5分,
  95分以上为优秀, 每少1项扣2分, an item's weight in brackets such as （30分）; a unit's own score, 被扣2分 or
  合计93.5分, is a figure);
* what a page says about itself (2022年2期, 阅读：111次, 0条评论, 356人阅读 |);
* a statistic of the whole country quoted as background (全国党员总数为9191.4万名, figures of a 统计公报): the
  unit's own figures after it (…，我县现有党员1.6万名) count again; one person's time in office (上任不足2个月);
  an amount still needed (需要集资80万元); a price per unit of goods (每亩600元, 每斤9元); a rank that picks out a
  group (排名第一的单位) or a priority (摆在第一位); what national leaders are quoted as saying (总书记指出：
  “我们党有9800多万名党员…”), while a quotation of the unit's own head (院长说：“全年审结案件3200件。”) counts;
* a count that restates the list just before it (政务处、图书馆以及音乐厅三个区域), names built on round
  numbers (百名书记), branch names (八支部) and section numbers opening a heading (6.1人力资源配置);
* anonymised placeholders (x名, XX个, X%): they carry no value, so they would be charted and counted as
  data. :func:`extract_figures` leaves them out unless ``keep_placeholders`` is set, in which case they
  come back with ``value None`` and ``anonymised True`` (the flag the report tables carry).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import cn2an
import jieba.posseg as posseg

from pipeline.segment import jieba_tokenizer, read_userdict

# ---------------------------------------------------------------- data: what counts, what does not
MEASURE_WORDS = (
    "个百分点", "百分点", "人次", "项次", "万元", "亿元", "元", "个月", "分钟", "个", "名", "人", "次", "项", "家", "期",
    "篇", "条", "场", "批", "所", "支", "户", "位", "村", "部", "件", "幅", "年", "天", "万亩", "亩", "小时", "份",
    "处", "分", "倍", "套", "本", "册", "课时", "学时", "场次", "起", "个工作日", "工作日", "个季度", "轮", "岁",
    "平方米", "公里", "张", "块", "台", "辆", "间", "座", "句", "案", "例", "户次", "个次", "家次", "宗", "株",
    "门", "节", "堂", "袋", "口人",
)
# Measure → kind; measures not listed are counts.
KINDS = {
    "个百分点": "percentage_point", "百分点": "percentage_point", "人次": "person_times", "户次": "person_times", "项次": "count",
    "场次": "count",
    "元": "money", "万元": "money", "亿元": "money", "年": "duration", "天": "duration", "小时": "duration",
    "个月": "duration", "分钟": "duration", "个工作日": "duration", "工作日": "duration", "个季度": "duration",
    "亩": "area", "万亩": "area", "平方米": "area", "公里": "length", "分": "score", "倍": "multiple", "岁": "age",
}
# Measures a Chinese numeral may carry without further evidence (amounts, durations, areas, person-times).
CN_FREE_MEASURES = frozenset({
    "人次", "万元", "亿元", "元", "个月", "个季度", "天", "小时", "亩", "万亩", "倍", "户", "家", "个百分点", "百分点",
})
# Measures a Chinese numeral may carry before a countable noun (七个村, 两名党员) or at the end of a clause.
CN_COUNTED_MEASURES = frozenset({
    "个", "名", "位", "项", "所", "支", "场", "批", "期", "人", "次", "场次", "篇", "件", "部", "幅", "份", "处", "套",
    "本", "册", "课时", "学时", "起", "轮",
})
# 一 + measure is usually the indefinite article (一批, 一项, 一名); only these count.
ONE_MEASURES = frozenset({"个月", "万亩", "亩", "天", "小时", "万元", "亿元", "元", "倍"})
# What a Chinese-numeral count may count: organisations, places, people, activities and their products.
COUNTABLE_HEADS = (
    "村", "社区", "单位", "部门", "科室", "处室", "支部", "党支部", "党组织", "党委", "总支", "党小组", "小组",
    "乡镇", "乡", "镇", "街道", "县", "区", "市", "局", "企业", "公司", "学校", "医院", "园区", "基地", "站",
    "阵地", "示范点", "网格", "片区", "项目", "窗口", "工作室", "协会", "服务队", "突击队", "志愿队", "班子",
    "党员", "干部", "同志", "职工", "群众", "代表", "委员", "书记", "人员", "选手", "专家", "志愿者", "学员",
    "积极分子", "先锋岗", "责任区", "品牌", "案例", "课题", "作品", "视频", "课件", "培训班", "活动", "会议",
    "讲座", "党课", "纪委", "文章", "信息", "简报", "问卷", "图书", "书籍",
)
# Participles that belong to a surveyed population (62.5%的受访党员, 15%的被调查干部).
POPULATION_MODIFIERS = frozenset({"受访", "被调查", "被访", "参训", "参会", "在职", "离退休", "退休", "新任", "新提拔"})
# Nouns after a figure that say how it is measured, not who or what is counted (用一个月的时间).
NOT_POPULATIONS = frozenset({"时间", "时长", "左右", "以上", "以内"})
# Frames that name the instrument, not the population (问卷中，…占23.4%).
INSTRUMENTS = frozenset({"问卷", "调查", "调研", "座谈", "访谈", "测评", "表", "报告", "数据", "结果", "题"})
# Abstract heads of the text's own structure, after any numeral: 从以下六个方面, 3个层面, 做到三个到位.
# (A Chinese-numeral count must moreover name a countable head: 三项制度 and 四个服务 are structure.)
STRUCTURAL_HEADS = (
    "方面", "层面", "维度", "环节", "到位", "步骤", "阶段", "原则", "结合", "坚持", "着力", "入手", "着手", "字",
    "必须", "务必", "带头", "表率", "转变", "统一", "意识", "自信", "维护", "特点", "特征", "关系", "途径", "路径",
    "渠道", "层次", "部分", "板块", "定位", "导向", "本领", "不放松", "优先", "建议", "对策", "体会", "启示",
    "思考", "做法", "经验",
)
# Words right before a numeral that make it an ordinal or a reference rather than a figure.
ORDINAL_BEFORE = re.compile(
    r"(?:第|届|这|那|每|某|哪|同|(?<![目此之以提当日年])前|(?<![之此随今然以其])后|(?<![岁元人名户个%％])以下|如下|下列)$"
)
# A session of a congress is named by its number: 十二届全国人大五次会议.
SESSION_BEFORE = re.compile(r"届(?:全国人大|全国政协|人大常委会|人大|政协|中央委员会|[省市县区]委|党代会|职代会)?$")
# A percentage counted by a numeral (实现“三个100%”, 实现5个100%) is a slogan.
# The items of a “四个一” activity (认领1个微心愿、办理1件实事等“四个一”活动) spell out its name.
ONES_SLOGAN_AFTER = re.compile(r"等\s*[“\"「]?[一二两三四五六七八九十]个一")
_NAME_COUNT = re.compile(
    r"(?<![\d.一二两三四五六七八九十百千])([1-9一二两三四五六七八九十百千])(?:个|名|家|户|项|支|所|条|件|村)"
)
# A quoted name made of numerals (“十百千”工程, “135”机制) is spelt out by the counts after it (打造十个示范村、百个示范点).
NUMERAL_NAME = re.compile(r"[“\"「『]([1-9一二两三四五六七八九十百千万+＋N]{2,8})[”\"」』]")
SLOGAN_PERCENT_BEFORE = re.compile(r"(?:[一二两三四五六七八九十]|(?<![\d.])\d+)个\s*$")
# Items counted under parts of the text (从6个方面提出18项具体措施, 分为五个部分、22条) are its structure.
PARTS_BEFORE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)个(?:方面|部分|板块|维度|层面|领域)")
# Vague amounts: 数十人, 几百名, 若干个.
VAGUE_BEFORE = re.compile(r"(?:数|几|若干)$")
# Numerals of well-known political names outside the domain lexicon (the lexicon's own are read from it).
NAMED_NUMERALS = (
    "三个代表", "四个全面", "五位一体", "四个伟大", "两个一百年", "八项规定", "三严三实", "两学一做", "四风",
    "三个表率", "两个务必", "两个结合", "四个服从", "四个不摘", "三不腐", "十四五", "十三五", "两新", "三农",
    "三天两头", "三天打鱼", "一天也",
)
# Years count only as a repeated record (连续5年, 连续三年); other years are dates or time frames.
DURATION_BEFORE = re.compile(r"(?:连续|累计|坚持)$")
# A span of hours or minutes that names a service (24小时值班, 15分钟党群服务圈, 八小时以外) is no measured time.
DURATION_NAME_AFTER = re.compile(r"\s*(?:值班|值守|在线|不打烊|不间断|全天候|热线|以外|[^，,。；;、\s]{0,6}圈)")
# The content of a rule or model the text follows (按照1名党员联系5户群众的要求): a norm, not a fact.
NORM_FRAME = re.compile(r"(?:按照|依照|按)[^，,。；;：:]{1,30}?的(?:要求|标准|原则|模式|方式|办法|比例|思路)")
# An age is a figure as an average (平均年龄46.3岁), not as a bracket (35岁以下, 60岁以上老人).
AGE_CONTEXT = re.compile(r"平均年龄|年龄平均|平均年纪")
AGE_BRACKET_AFTER = re.compile(r"^\s*(?:以下|以上|及以下|及以上|至|到|-|—|～|~)")
# A count whose counted noun is told what to do (两个支部要…, 三个党小组必须…) addresses them: not a measured fact.
ADDRESSED_AFTER = re.compile(r"^(?:要(?!求)|应当|应|必须|务必)")
# A count set by a rule (每年至少开展2次, 每名党员每月不少于1次) is a norm, not a measured fact.
NORM_WORDS = re.compile(r"至少|不少于|不低于|不超过|不多于|控制在|原则上|应当|必须|须")
NORM_PERIOD = re.compile(r"每(?:年|半年|季度?|月|周|名|个|位|人|次)")
# A count right after 每 + a period is a frequency or a quota (以每月1天为固定时间, 每年2次), not a measured fact.
# A count per missing or extra item of a rule (每少开1次专题会扣0.5分, 每有1项不能使用) is the rule's unit.
PER_ITEM_BEFORE = re.compile(r"每[少缺多超有][\u4e00-\u9fff]?\s*$")
# The weight of an assessment item in brackets (落实党建责任制（30分）) is no score.
WEIGHT_AROUND = (re.compile(r"[（(]\s*$"), re.compile(r"\s*[）)]"))
FREQUENCY_BEFORE = re.compile(r"(?<![平人日月年]均)每(?:年|半年|季度?|月|周|星期|天|日)\s*$")
# A threshold on a rate or score picks out a group (满意率未达60%的党支部, 积分低于60分的): a rule, not a fact.
THRESHOLD_BEFORE = re.compile(r"(?:率|度|分|分数|比例|比重|占比)\s*(?:累计)?\s*(?:未达到|未达|达不到|未超过|低于|高于|不足|不到|超过|达到|在)\s*$")
# … or sets a condition (积分达到80分可兑换, 满60分即可).
THRESHOLD_AFTER = re.compile(r"^\s*(?:以上|以下|及以上|及以下)?\s*(?:的|可|即可|方可|才能|才可|者)")
# The upper end of a range (配备3-5名委员, 30～40人之间) is no count of its own.
RANGE_BEFORE = re.compile(r"\d\s*(?:-|—|－|~|～|至)\s*$|[一二两三四五六七八九十]\s*(?:至|到)\s*$")
# A bracket of amounts or counts that picks out a group (年收入50万元以上的村, 刚过10万元的村, 职工50人以下的企业).
BRACKET_AFTER = re.compile(r"\s*(?:以上|以下|及以上|及以下|以内)的")
MONEY_THRESHOLD_BEFORE = re.compile(r"(?:刚过|刚超过|刚达到|刚刚超过|超过|不足|不到|低于|高于|达到|突破)\s*$")
# A target (力争评选出10个, 确保参学率达到100%, 预期带动增收20%) is not yet a measured fact; funds obtained
# (共争取上级资金120万元, 争取到项目3个) are.
TARGET_WORDS = re.compile(
    r"力争|(?<![共已])(?<!累计|先后)争取(?!到)|预计|预期(?!目标)|(?<![模虚])拟|目标为|目标是|确保|明年|下一年度"
    r"|下一步|下阶段"
    r"|(?<!按)(?<!按照)(?<!完成)(?<!超)计划(?![的，,。；;、中内])"
)
# A clause that only sets the time of a target (力争在2024年底，达标率达到97%) makes the next clause a target.
TARGET_LEAD = re.compile(
    r"^\s*(?:力争|争取|确保|计划|预计)\s*(?:在|于|到|至)?\s*(?:(?:19|20)\d{2}\s*年(?:底|末|内|前)?|年底|年内|明年)"
    r"\s*(?:前|以前)?\s*$"
)
# A deadline ahead (到2025年底，建成…) sets a target unless the sentence says it was met (已, 了).
DEADLINE = re.compile(r"(?:^|[。；;，,：:“\"「『‘])\s*到\s*(?:19|20)\d{2}\s*年(?:底|末)?")
MET = re.compile(r"已|了")
# What pages say about themselves: an issue number (2022年2期), a reading count (阅读：111次), a
# count in a title's brackets (实施方案【6篇】).
PAGE_APPARATUS = re.compile(
    r"(?:19|20)\d{2}\s*年\s*第?\s*$|(?:阅读|浏览|点击|阅读量|浏览量|点击量)\s*[:：]?\s*$|【\s*$|范文\s*$"
)
# A page offering its texts (…的文章6篇，欢迎品鉴！) or counting its readers (0条评论, 356人阅读 |).
PAGE_APPARATUS_AFTER = re.compile(
    r"^\s*[，,！!]?\s*(?:欢迎(?:品鉴|阅读|参考|借鉴|下载)|供(?:大家)?参考|仅供参考)"
    r"|^\s*(?:评论|留言|点赞|收藏|转发|分享|阅读|浏览)\s*(?:$|[|｜/·）)\]】])"
)
# A lone 百/千/万 before a measure names a campaign or a group (百名书记, 千名干部进千企): not a count.
ROUND_NAME_NUMBERS = frozenset({"百", "千", "万"})
# A measure that begins a word with the next character: 八支部 is the eighth branch, not eight 支; 如表1所示 is
# a reference to a table.
MEASURE_WORD_STARTS = {"支": "部", "案": "例件卷", "所": "示列述", "门": "户诊槛口店面类", "节": "约省能点日假"}
# Separators of an enumeration that a count may sum up (政务处、图书馆以及音乐厅三个区域).
_ENUMERATION_SEPARATOR = re.compile(r"以及|、|和|及|与")
TIME_FRAME_AFTER = re.compile(r"^(?:来|以来|内|间|中|里|前|后|之内|之间|时间里)")
TIME_FRAME_BEFORE = re.compile(r"(?:近|最近|过去|前|后|未来|今后)$")
# A score 分 is not a time (8时30分), a fraction (三分之一) or a verb (分批, 分类, 分为 …).
SCORE_BEFORE = re.compile(r"(?:时|点|:|满分|百)$")
# Points an assessment rule gives or takes (每次扣2分, 加3分, 最高加5分) and the band a score falls in (95分以上为优秀)
# are the rule, not a unit's score; points a unit lost (被扣2分) or gained in all (合计95分) are its score.
SCORE_RULE_BEFORE = re.compile(r"(?:(?<![增被追])加|(?<!被)扣除?|(?<!被)减|(?<![合总共统累])计|记)\s*$")
SCORE_BAND_AFTER = re.compile(r"\s*(?:以上|以下|及以上|及以下)?为(?:优秀|良好|合格|称职|基本合格|基本称职|不合格|不称职|较好|一般|较差|好|差)")
SCORE_AFTER = re.compile(r"^[之钟别类批期工解成配享管组为开离析布数子散局社队头段步会支担地制]")
# 成 after a numeral is a tenth (近九成), unless it starts a word (三成员, 一成不变, 两成果).
TENTH_AFTER = re.compile(r"^[立为员本效果绩就功熟型长年交品规份分不都像]")
EXCEPTION_BEFORE = re.compile(r"除了?$")
APPROX_BEFORE = re.compile(r"(?:近|约|超过|超|逾|接近|将近|不足|不到|大约)$")
APPROX_AFTER = re.compile(r"^(?:左右|以上|上下|以下|多|余)")
# A statistic of the whole country quoted as background (全国党员总数为9191.4万名, 据《党内统计公报》…) is no
# measured fact about the unit; a figure after a scope of the unit's own (全县, 我局, 该院) is again.
BACKGROUND_SCOPE = re.compile(
    r"全国(?:范围内)?(?:共有|共|累计)?(?:党员|新发展|街道|乡镇|社区|城乡|城镇|农村|居民|人口|各级|层面|总|平均|"
    r"范围)|统计公报"
)
UNIT_SCOPE = re.compile(
    r"全(?:省|市|区|县|州|盟|旗|镇|乡|村|局|院|校|厂|系统|公司|集团|行业)|我(?:省|市|区|县|局|院|校|委|厅|村|所|部)"
    r"|本(?:单位|局|院|校|委|部门|系统)|该(?:院|局|校|村|所|单位|支部|企业|公司|县|市|区)"
)
# How long one person has held an office (上任不足2个月, 任职3年) is biography, not a measured fact.
TENURE_BEFORE = re.compile(r"(?:上任|任职|到任|就任|履新|当选)(?:才|刚|仅|已|已经|刚刚)?(?:不足|不到|近|约|满)?\s*$")
# An amount still needed (需要集资80万元, 尚需投入20万元) is not yet spent or obtained.
NEED_BEFORE = re.compile(r"(?:需要|尚需|还需|仍需|需)[\u4e00-\u9fff]{0,4}\s*$")
# A price or yield per unit of measure (每亩1000元, 每斤9元) describes goods, not the unit.
PRICE_BEFORE = re.compile(r"每(?:亩|斤|公斤|千克|吨|平方米|立方米|米|克|只|头|袋|箱|件|度)\s*$")
# A rank the unit holds (居全市法院第一位, 位列第一, 获比武第一名) is a rating of it; a rank that picks out a
# group (排名后三位的单位) or a priority (摆在第一位) is not.
RANK = re.compile(
    r"(?:位居|位列|名列|居于|居(?![民住家中委室所])|排名|排在|排|获得|荣获|获)(?P<scope>[^，,。；;、：:“”\"（）()第]{0,12}?)"
    r"第(?P<number>\d{1,3}|[一二三四五六七八九十]{1,3})(?P<measure>名|位)?"
)
# A round ten thousand said as a word (近万名学生, 万余人次, 上万户) is a count of 1 万 when it is approximate;
# a bare 万名 names a campaign (万名干部进万家).
ROUND_WAN = re.compile(
    r"(?P<lead>近|上|逾|超过|超|约|将近)?(?<![\d.零〇一二两三四五六七八九十百千])万(?P<approx>余|多)?"
    r"(?P<measure>人次|户次|名|人|户|件|次|元)"
)
# A rank picks out a group when a noun follows it (排名第一的单位); without 名/位 it must close its clause.
RANK_GROUP_AFTER = re.compile(r"^\s*的")
SOURCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("问卷", re.compile(r"问卷|调查显示|调查结果|抽样调查|受访|被调查|测评显示|民意调查")),
    ("座谈", re.compile(r"座谈|访谈")),
    ("走访", re.compile(r"走访|实地调研|实地查看")),
    ("统计", re.compile(r"统计|数据显示|据.{0,6}数据")),
)

# ---------------------------------------------------------------- patterns (compiled once)
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUMBER = f"[{_CN_DIGITS}]+"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PLACEHOLDER = r"[xX×]{1,3}|[*＊]{1,3}"
_MEASURE = "|".join(sorted(map(re.escape, MEASURE_WORDS), key=len, reverse=True))
# 万/亿/千 multiply a following measure (2.3万名, 1.2万人次) but 万元/万亩 are measures of their own: the lazy
# multiplier tries the measure first.
FIGURE = re.compile(
    rf"(?P<number>{_ARABIC}|{_CN_NUMBER}|{_PLACEHOLDER})(?P<approx>余|多)?\s*(?P<mult>万|亿|千)??(?P<approx2>余|多)?\s*"
    rf"(?:(?P<percent>%|％)|(?P<measure>{_MEASURE}))"
)
RATIO = re.compile(rf"(?P<den>{_CN_NUMBER})分之(?P<num>{_CN_NUMBER}(?:点[{_CN_DIGITS}]+)?)")
TENTH = re.compile(rf"(?<![{_CN_DIGITS}\d.])(?P<number>10|\d|[一二两三四五六七八九十])成")
SLASH = re.compile(r"(?<![\d/.\-:])(?P<num>\d{1,4})/(?P<den>\d{1,4})(?![\d/.\-:日号])")
# A ratio written with a colon after 比 (男女比1∶3.54, 党员与群众之比为1:12) is the second term per unit of the first.
COLON_RATIO = re.compile(
    r"(?:比|之比|比例|比值)(?:为|是|约为|达到?)?\s*(?P<a>\d+(?:\.\d+)?)\s*[:：∶]\s*(?P<b>\d+(?:\.\d+)?)(?![\d:：∶])"
)
YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年度?\s*$")
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:]")
_TRAILING_FIGURE = re.compile(rf"\s*(?:\d+(?:\.\d+)?|{_CN_NUMBER})(?:余|多)?\s*(?:%|％|{_MEASURE}).*$")
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "j", "l")
_PLAIN_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "ng", "j"})
_LEAD_IN = re.compile(r"^(?:去年以来|今年以来|近年来|目前|其中)?(?:共计|共|累计|先后|已)?")
_BOOK_TITLE = re.compile(r"《[^》]*》")
# A short quotation without clause punctuation is a name or slogan (“三个到位”, “1名党员联系10户群众”),
# unless it reports speech (表示：“…”).
_SLOGAN = re.compile(r"[“\"「『‘][^”\"」』’，,。；;：:！？!?]{1,16}[”\"」』’]")
# What national leaders are quoted as saying (总书记指出：“我们党有9800多万名党员…”) is no fact about the unit.
_LEADER_QUOTE = re.compile(
    r"(?:总书记|习近平|国家主席|国务院总理|党中央)[^“”\"。；;]{0,12}?(?:指出|强调|说|要求|提出|讲)[^“”\"。]{0,4}?"
    r"[“\"「]([^”\"」]*)[”\"」]"
)
_SPEECH_BEFORE = re.compile(r"(?:说|表示|介绍|谈到|指出|坦言|反映)[：:，,]?$")
_PLACEHOLDER_ONLY = re.compile(rf"(?:{_PLACEHOLDER})")
_STRUCTURAL_HEAD = re.compile(
    "^(?:的)?(?:" + "|".join(sorted(map(re.escape, STRUCTURAL_HEADS), key=len, reverse=True)) + ")"
)
_COUNTABLE_HEAD = re.compile("|".join(sorted(map(re.escape, COUNTABLE_HEADS), key=len, reverse=True)))
_COUNTABLE_HEAD_SET = frozenset(COUNTABLE_HEADS)
_POPULATION_FRAME = re.compile(r"([^，,。；;：:]{1,20}?)(?:当中|之中|中)[，,]")
# A section number opening a heading (6.1人力资源配置, 2.3项目管理): the measure starts a word.
_SECTION_NUMBER = re.compile(r"\s*\d{1,2}(?:\.\d{1,2})+$")
_CLAUSE_END_AFTER = re.compile(r"^\s*(?:$|[，,。；;！？!?、）)])")


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantitative figure of a passage."""

    passage_id: str
    doc_id: str
    start: int
    end: int
    surface: str
    value: float | None
    unit_of_measure: str  # %, 个, 人次, 万元 … (计量单位)
    kind: str
    population: str
    statement: str
    source: str
    year: str | None
    approx: bool
    anonymised: bool


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    value: float | None
    measure: str
    kind: str
    approx: bool


@lru_cache(maxsize=1)
def _named_numerals() -> tuple[str, ...]:
    """Lexicon terms that contain a numeral (names and slogans, not figures)."""
    pattern = re.compile(rf"\d|{_CN_NUMBER}")
    words = {word for word, _, _ in read_userdict() if pattern.search(word)} | set(NAMED_NUMERALS)
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _named_numeral_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _named_numerals())) or r"(?!)")


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(left <= start and end <= right for left, right in spans)


def parse_number(number: str) -> float | None:
    """``"15.4"`` → 15.4, ``"1,200"`` → 1200, ``"十二"`` → 12, ``"两"`` → 2; placeholders → None."""
    if _PLACEHOLDER_ONLY.fullmatch(number):
        return None
    plain = number.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", plain):
        return float(plain)
    if number in {"十", "百", "千"}:
        return {"十": 10.0, "百": 100.0, "千": 1000.0}[number]
    try:
        return float(cn2an.cn2an(number, "smart"))
    except (ValueError, KeyError):
        return None


def _kind(measure: str, percent: bool) -> str:
    if percent:
        return "percent"
    base = measure[1:] if measure[:1] in {"万", "亿", "千"} and measure not in KINDS else measure
    return KINDS.get(measure, KINDS.get(base, "count"))


def _source(text: str, context: str) -> str:
    for name, pattern in SOURCES:
        if pattern.search(text):
            return name
    for name, pattern in SOURCES:
        if pattern.search(context):
            return name
    return ""


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _counted_by_chinese_numeral(text: str, end: int) -> bool:
    """A Chinese-numeral count stands before a countable noun (七个村的党支部) or closes its clause."""
    after = text[end:end + 8]
    if _CLAUSE_END_AFTER.match(after):
        return True
    if after[:1] in _CN_DIGITS:
        return False  # 四个一, 三个一批: a slogan
    if _STRUCTURAL_HEAD.match(after):
        return False
    head = _COUNTABLE_HEAD.search(after[:6])
    return head is not None and not _STRUCTURAL_HEAD.match(after[:head.start()])


def _is_structure_or_reference(text: str, start: int, end: int, measure: str, chinese: bool) -> bool:
    """Ordinals, references, structural enumerations, time frames and 除…外 exceptions."""
    before, after = text[max(0, start - 4):start], text[end:end + 8]
    if ORDINAL_BEFORE.search(before) or EXCEPTION_BEFORE.search(before):
        return True
    if measure == "次" and SESSION_BEFORE.search(text[max(0, start - 10):start]):
        return True
    if measure in {"个", "项", "条", "名", "位"} and _STRUCTURAL_HEAD.match(after):
        return True
    if measure == "个" and after[:1].isdigit():
        return True  # 5个100%: a slogan
    if measure in {"年", "个月", "个季度", "个工作日", "工作日", "天"}:
        if TIME_FRAME_AFTER.match(after) or TIME_FRAME_BEFORE.search(before):
            return True
        if measure == "年" and not DURATION_BEFORE.search(before):
            return True
        if measure == "年" and chinese:
            return False
    if measure == "分" and (chinese or SCORE_BEFORE.search(before) or SCORE_AFTER.match(after)):
        return True
    if measure == "分" and (SCORE_RULE_BEFORE.search(before) or SCORE_BAND_AFTER.match(text, end)):
        return True
    if measure in {"小时", "分钟"} and DURATION_NAME_AFTER.match(text, end):
        return True
    if any(frame.start() < start and end <= frame.end() for frame in NORM_FRAME.finditer(text)):
        return True
    if measure == "岁" and (not AGE_CONTEXT.search(text[max(0, start - 12):start]) or AGE_BRACKET_AFTER.match(after)):
        return True
    head = _COUNTABLE_HEAD.match(text, end)
    if head is not None and ADDRESSED_AFTER.match(text[head.end():head.end() + 2]):
        return True
    clause_start, _ = _clause_bounds(text, start, end)
    if NORM_WORDS.search(text, clause_start, start) and NORM_PERIOD.search(text, clause_start, start):
        return True
    if measure in {"项", "条"} and PARTS_BEFORE.search(text, clause_start, start):
        return True
    if FREQUENCY_BEFORE.search(before) or PER_ITEM_BEFORE.search(before):
        return True
    if measure == "分" and WEIGHT_AROUND[0].search(before) and WEIGHT_AROUND[1].match(text, end):
        return True
    if chinese:
        if measure in CN_FREE_MEASURES:
            return False
        if measure in CN_COUNTED_MEASURES:
            return not _counted_by_chinese_numeral(text, end)
        return True
    return False


def _sums_up_enumeration(text: str, start: int, end: int, value: float | None) -> bool:
    """A count equal to the number of items listed just before it in its clause, with its head noun after it
    (A、B和C三个社区, A、B等2支队伍), restates the list; a count larger than the list (A村、B村等12个村) and a
    count closing its clause (A、B等培训班3期，) are data."""
    if value is None or value < 2 or value != int(value) or _CLAUSE_END_AFTER.match(text[end:]):
        return False
    clause_start, _ = _clause_bounds(text, start, start)
    if FIGURE.search(text, clause_start, start):
        return False  # 6个党支部、2个党总支: a list of counts, not of items
    separators = len(_ENUMERATION_SEPARATOR.findall(text, clause_start, start))
    return separators > 0 and separators + 1 == int(value)


def _is_threshold(text: str, start: int, end: int) -> bool:
    """满意率未达60%的党支部, 年终积分低于60分的: a bound on a rate or score that picks out a group."""
    return (THRESHOLD_BEFORE.search(text, max(0, start - 8), start) is not None
            and THRESHOLD_AFTER.match(text[end:end + 6]) is not None)


def _is_bracket(text: str, start: int, end: int, kind: str) -> bool:
    """年收入50万元以上的村, 刚过10万元的村, 职工50人以下的企业, 90分以上的支部: a bound that picks out a group,
    not a fact."""
    if kind in {"percent", "percentage_point", "age"}:
        return False  # shares (90%以上的党员) are facts; ages have a rule of their own
    if BRACKET_AFTER.match(text, end):
        return True
    return (kind == "money" and text[end:end + 1] == "的"
            and MONEY_THRESHOLD_BEFORE.search(text, max(0, start - 4), start) is not None)


def _spells_out_numeral_name(text: str, start: int, number: str) -> bool:
    """实施“十百千”工程，打造十个示范村、百个示范点: counts of at least two numerals of a quoted numeral name
    before them, in the same sentence, spell the name out (全街道十个社区 after it alone is a count)."""
    sentence_start = max((m.end() for m in re.finditer(r"[。！？!?]", text[:start])), default=0)
    sentence_end = next((m.start() for m in re.finditer(r"[。！？!?]", text[start:])), len(text) - start) + start
    for name in NUMERAL_NAME.finditer(text, sentence_start, start):
        if number not in name.group(1):
            continue
        spelt = {m.group(1) for m in _NAME_COUNT.finditer(text, name.end(), sentence_end) if m.group(1) in name.group(1)}
        if len(spelt) >= 2:
            return True
    return False


def _spells_out_ones_slogan(text: str, end: int, value: float | None) -> bool:
    """认领1个微心愿、办理1件实事等“四个一”活动: a count of one inside the list that a “N个一” name sums up."""
    if value != 1:
        return False
    clause_start, clause_end = _clause_bounds(text, end, end)
    slogan = ONES_SLOGAN_AFTER.search(text, end, clause_end)
    return slogan is not None and "、" in text[clause_start:slogan.start()]


def _is_section_number(text: str, start: int, end: int, measure: str) -> bool:
    """6.1人力资源配置: a dotted number opening the text, whose measure starts a dictionary word."""
    if not _SECTION_NUMBER.fullmatch(text[:end - len(measure)]):
        return False
    word = text[end - len(measure):end + 1]
    return len(word) > len(measure) and bool(jieba_tokenizer().FREQ.get(word))


def _is_target(text: str, start: int, end: int) -> bool:
    clause_start, _ = _clause_bounds(text, start, end)
    if TARGET_WORDS.search(text, clause_start, start) is not None:
        return True
    if clause_start > 0:
        lead_start, _ = _clause_bounds(text, clause_start - 1, clause_start - 1)
        if TARGET_LEAD.match(text[lead_start:clause_start - 1]):
            return True
    deadline = DEADLINE.search(text, 0, start)
    return deadline is not None and MET.search(text, deadline.end(), end) is None


def _candidates(text: str, keep_placeholders: bool) -> list[_Candidate]:
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(text)]
    quotes = [(m.start(), m.end()) for m in _SLOGAN.finditer(text)
              if not _SPEECH_BEFORE.search(text[max(0, m.start() - 4):m.start()])]
    named = [(m.start(), m.end()) for m in _named_numeral_pattern().finditer(text)]
    leaders = [(m.start(1), m.end(1)) for m in _LEADER_QUOTE.finditer(text)]
    found: list[_Candidate] = []
    for match in FIGURE.finditer(text):
        number, measure = match.group("number"), match.group("measure") or ""
        percent = match.group("percent") is not None
        start, end = match.start(), match.end()
        months = measure == "个" and text.startswith("多月", end)
        if months:
            measure, end = "个月", end + 2  # 3个多月: a duration of a little more than three months
        placeholder = _PLACEHOLDER_ONLY.fullmatch(number) is not None
        chinese = not placeholder and not number[0].isdigit()
        if placeholder and not keep_placeholders:
            continue
        value = parse_number(number)
        if chinese and number == "一" and measure not in ONE_MEASURES:
            continue
        if chinese and VAGUE_BEFORE.search(text[max(0, start - 2):start]):
            continue
        if percent and SLOGAN_PERCENT_BEFORE.search(text, max(0, start - 3), start):
            continue  # 三个100%: a slogan
        if chinese and number in ROUND_NAME_NUMBERS and not match.group("approx"):
            continue  # 百名书记, 千名干部: a name
        if text[end:end + 1] and text[end:end + 1] in MEASURE_WORD_STARTS.get(measure, ""):
            continue  # 八支部: an ordinal branch name
        if not percent and _sums_up_enumeration(text, start, end, value):
            continue  # 政务处、图书馆以及音乐厅三个区域: the count of a list just given
        if _inside(titles, start, end) or _inside(named, start, end):
            continue  # 《…22条措施》, 五个十佳: the number names something
        if not percent and _inside(quotes, start, end):
            continue  # “三个到位”, “1名党员联系10户群众”: a slogan
        if not percent and _is_structure_or_reference(text, start, end, measure, chinese):
            continue
        if _is_target(text, start, end) or _is_threshold(text, start, end):
            continue
        if not percent and RANGE_BEFORE.search(text, max(0, start - 4), start):
            continue  # 3-5名, 3至5名: a range, not a count
        if not percent and not placeholder and _spells_out_numeral_name(text, start, number):
            continue  # 实施“十百千”工程，打造十个示范村
        if not percent and _spells_out_ones_slogan(text, end, value):
            continue  # 认领1个微心愿、办理1件实事等“四个一”活动
        if not percent and _is_section_number(text, start, end, measure):
            continue
        if PAGE_APPARATUS.search(text, max(0, start - 8), start) or PAGE_APPARATUS_AFTER.match(text[end:end + 10]):
            continue  # 2022年2期, 阅读：111次, 【6篇】: the page describing itself
        if number.isdigit() and len(number) == 4 and (measure == "年" or text[end:end + 1] in "年月"):
            continue  # a calendar year
        measure = "%" if percent else (match.group("mult") or "") + measure
        kind = _kind(measure, percent)
        if _is_bracket(text, start, end, kind):
            continue  # 年收入50万元以上的村, 刚过10万元的村: a bound, not a fact
        if kind == "duration" and TENURE_BEFORE.search(text, max(0, start - 8), start):
            continue  # 上任不足2个月: one person's time in office
        if kind == "money" and (NEED_BEFORE.search(text, max(_clause_bounds(text, start, end)[0], start - 6), start)
                                or PRICE_BEFORE.search(text, max(0, start - 4), start)):
            continue  # 需要集资80万元, 每亩1000元: an amount needed or a price
        found.append(_Candidate(start, end, value, measure, kind,
                                bool(match.group("approx") or match.group("approx2") or months)))
    for match in RATIO.finditer(text):
        den, num = parse_number(match.group("den")), parse_number(match.group("num"))
        value = round(100 * num / den, 2) if den and num is not None else None
        if value is not None and not _inside(named, match.start(), match.end()):
            found.append(_Candidate(match.start(), match.end(), value, "%", "percent", False))
    for match in TENTH.finditer(text):
        if TENTH_AFTER.match(text[match.end():]) or _inside(quotes, match.start(), match.end()):
            continue
        if ORDINAL_BEFORE.search(text[max(0, match.start() - 4):match.start()]):
            continue
        tenths = parse_number(match.group("number"))
        if tenths is None or not 0 < tenths <= 10:
            continue
        if tenths == 1 and not APPROX_BEFORE.search(text[max(0, match.start() - 4):match.start()]):
            continue  # 一成 outside 近一成/不足一成 is mostly a word (唯一成功, 统一成立)
        found.append(_Candidate(match.start(), match.end(), tenths * 10, "%", "percent", False))
    for match in SLASH.finditer(text):
        num, den = float(match.group("num")), float(match.group("den"))
        if den and not (len(match.group("num")) == 4 or len(match.group("den")) == 4):
            found.append(_Candidate(match.start(), match.end(), round(100 * num / den, 2), "%", "percent", False))
    for match in COLON_RATIO.finditer(text):
        first, second = float(match.group("a")), float(match.group("b"))
        if first and not _is_target(text, match.start("a"), match.end()):
            found.append(_Candidate(match.start("a"), match.end(), round(second / first, 2), "比", "ratio", False))
    for match in ROUND_WAN.finditer(text):
        if not (match.group("lead") or match.group("approx")):
            continue
        wan_start = match.start() + len(match.group("lead") or "")
        if _inside(titles, wan_start, match.end()) or _inside(quotes, wan_start, match.end()):
            continue
        if _is_target(text, wan_start, match.end()):
            continue
        measure = "万" + match.group("measure")
        found.append(_Candidate(wan_start, match.end(), 1.0, measure, _kind(measure, False), True))
    for match in RANK.finditer(text):
        number_start = match.start("number") - 1
        after = text[match.end():]
        if RANK_GROUP_AFTER.match(after) or (match.group("measure") is None and not _CLAUSE_END_AFTER.match(after)):
            continue  # 排名第一的单位, 安排第一书记: a group or a name, not a rank
        found.append(_Candidate(number_start, match.end(), parse_number(match.group("number")), "名次", "rank", False))
    # Overlapping matches (百分之三十 is both a ratio and 百 + 分): the earliest, then the longest, wins.
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for candidate in found:
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    # Shares written as words or fractions (力争明年比例提高到四成, 确保三分之二以上) are targets like any other.
    kept = [c for c in kept if not _is_background(text, c.start) and not _inside(leaders, c.start, c.end)]
    return [c for c in kept if c.kind != "percent" or not _is_target(text, c.start, c.end)]


def _is_background(text: str, start: int) -> bool:
    """全国党员总数为9191.4万名: a national statistic quoted as background, unless a scope of the unit's own (全县,
    我局) comes between it and the figure."""
    scopes = list(BACKGROUND_SCOPE.finditer(text, 0, start))
    return bool(scopes) and UNIT_SCOPE.search(text, scopes[-1].end(), start) is None


def _population_and_statement(text: str, start: int, end: int, previous_population: str) -> tuple[str, str]:
    """Noun phrase right after the figure (skipping 的) and the rest of its clause; a figure closing its
    clause (复核合格88个) takes the clause before it as statement and the previous population."""
    jieba_tokenizer()
    clause_start, clause_end = _clause_bounds(text, start, end)
    after = text[end:clause_end]
    after = re.sub(r"^(?:左右|以上|以下|上下)", "", after)
    if after.startswith("、"):
        after = ""  # 报送10人、其中…: the figure closes its part of an enumeration
    if after.startswith("的"):
        after = after[1:]
    population, rest, in_noun = "", after, True
    consumed = 0
    for pair in posseg.lcut(after):
        if in_noun and (pair.flag.startswith(_NOUN_TAGS) or pair.flag in _NOUN_TAGS or pair.word in "及和与"
                        or pair.word in _COUNTABLE_HEAD_SET
                        or ((pair.flag == "b" or pair.word in POPULATION_MODIFIERS) and not population)):
            population += pair.word
            consumed += len(pair.word)
            continue
        in_noun = False
        break
    rest = _TRAILING_FIGURE.sub("", after[consumed:]).strip()
    population = population.strip("及和与")
    if population in NOT_POPULATIONS:
        population = ""
    if not population and not rest:
        before = text[clause_start:start]
        before = re.sub(r"(?:\d{4}\s*年度?)?\s*\d+(?:\.\d+)?(?:余|多)?(?:" + _MEASURE + r")", "", before)
        if previous_population and previous_population in before:
            return previous_population, before.split(previous_population, 1)[1].strip()
        # 推荐上报视频7部 / 共计处理违纪违法党员26人次: the noun phrase just before the figure is what is
        # counted, the words before it say what happened to it.
        pairs = posseg.lcut(before)
        noun_start = len(pairs)
        if noun_start and _is_noun(pairs[-1]):  # the head must be a plain noun; modifiers may be verbal nouns
            while noun_start > 0 and (_is_noun(pairs[noun_start - 1]) or pairs[noun_start - 1].flag in {"vn", "an"}):
                noun_start -= 1
        counted = "".join(pair.word for pair in pairs[noun_start:])
        if counted:
            statement = _LEAD_IN.sub("", "".join(pair.word for pair in pairs[:noun_start])).strip()
            return counted, statement
        return previous_population, before.strip()
    return population, rest


def _surveyed_population(text: str, start: int) -> str:
    """The population a share is taken of, named by a frame before it: 在被调查的单位中，…占57% → 单位."""
    frames = list(_POPULATION_FRAME.finditer(text, 0, start))
    if not frames:
        return ""
    jieba_tokenizer()
    nouns = [pair.word for pair in posseg.lcut(frames[-1].group(1))
             if (_is_noun(pair) or pair.word == "受访者") and pair.word not in INSTRUMENTS]
    return nouns[-1] if nouns else ""


def _is_noun(pair: object) -> bool:
    """A plain noun (verbal nouns such as 培训 name the action, not what is counted)."""
    flag = getattr(pair, "flag", "")
    return flag in _PLAIN_NOUN_TAGS


def extract_figures(
    text: str, *, passage_id: str = "", doc_id: str = "", context: str = "", keep_placeholders: bool = False
) -> list[Figure]:
    """Every figure of ``text``. ``context`` (e.g. the previous passages) helps to find the source.
    ``keep_placeholders`` also returns anonymised placeholders (xx个) as figures without a value."""
    figures: list[Figure] = []
    previous_population, previous_measure = "", ""
    for candidate in _candidates(text, keep_placeholders):
        start, end, measure = candidate.start, candidate.end, candidate.measure
        year_match = YEAR_BEFORE.search(text[max(0, start - 8):start])
        approx = (candidate.approx or bool(APPROX_BEFORE.search(text[max(0, start - 4):start]))
                  or bool(APPROX_AFTER.match(text[end:])))
        inherited = previous_population if measure == previous_measure else ""
        population, statement = _population_and_statement(text, start, end, inherited)
        if not population and candidate.kind == "percent":
            population = _surveyed_population(text, start)
        previous_population, previous_measure = population or previous_population, measure
        figures.append(
            Figure(
                passage_id=passage_id, doc_id=doc_id, start=start, end=end, surface=text[start:end],
                value=candidate.value, unit_of_measure=measure, kind=candidate.kind, population=population,
                statement=statement, source=_source(text, context),
                year=year_match.group(1) if year_match else None, approx=approx,
                anonymised=candidate.value is None,
            )
        )
    return figures


def extract_from_passages(passages: Sequence[tuple[str, str, str]], *, context_window: int = 2) -> list[Figure]:
    """Figures of ``(passage_id, doc_id, text)`` passages in reading order; the previous passages of the
    same document serve as context for the source."""
    figures: list[Figure] = []
    for index, (passage_id, doc_id, text) in enumerate(passages):
        context = "".join(
            t for _, d, t in passages[max(0, index - context_window):index] if d == doc_id
        )
        figures.extend(extract_figures(text, passage_id=passage_id, doc_id=doc_id, context=context))
    return figures
