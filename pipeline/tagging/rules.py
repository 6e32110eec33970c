"""The rule tagger: codebook terms and patterns, boundary rules, section context and role cues.

Terms are matched as substrings (one compiled alternation per code), not as jieba tokens: the
segmenter often swallows a term inside a longer word (战斗堡垒 in 战斗堡垒作用), which a token
matcher would miss. Every hit keeps its span as evidence.

Most passages match few of the codebook's regexes. A :class:`LiteralGate` finds, in one
Aho-Corasick pass, which regexes can match at all (each needs one of its required literals in the
text) and only those are run; the hits are the same as running every regex.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

try:  # the regex parser of the standard library (3.11+: re._parser; before: sre_parse)
    import re._constants as _sre
    import re._parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from pipeline.structure import (
    HEADING_PATTERNS,
    POLICY_TYPES,
    REPORT_TYPES,
    classify_doc_type,
    find_title,
    is_plain_heading,
    match_heading,
)
from pipeline.tagging.codebook import ROLES, Codebook

# Other yardsticks whose norms are requirements: rules and plans, and a leader's speech or the report of
# the meeting where the requirements were set (所提要求). Only for a document of no report genre.
YARDSTICK_TITLE = re.compile(
    r"条例|规定|办法|实施方案|(?:工作|活动|行动|建设|创建|推进)方案|工作要点|(?:工作|行动|实施|活动)计划(?:要点)?|计划要点"
    r"|(?:工作|管理|议事|学习|会议|活动)制度(?:[（(]试行[)）])?$|(?:创建|考核|评价|验收|建设)标准|讲话(?:稿|提纲|摘要|摘登|要点)?(?:范文)?[）)]?"
    r"(?:[（(]\d{1,2}[）)])?$"
    r"|(?:会议|大会|座谈会|推进会|部署会|培训班|开班式)上的(?:讲话|部署|要求)"
    r"|(?:会议|大会|座谈会|推进会|部署会)(?:上(?:强调|指出|要求)|召开|举行)|召开[^。；]{0,24}(?:会议|大会|推进会|部署会)")
SECTION_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("recommendation", re.compile(r"对策|建议|路径|启示|下一步|下步|之策|打算|(?:努力|目标|前进)方向|展望|工作思路|整改(?:措施|举措|思路)$|的策略$"
                                  r"|^[一二三四五六七八九十]是要")),
    ("cause", re.compile(r"原因|成因|根源|动因|诱因|剖析|症结|根子|病根|病因|缘由|溯源|因素(?:分析|探析|探究)?$"
                         # a heading that asks why (为什么会出现这些问题)
                         r"|(?:为何|为什么|何以)[^。；]{0,20}(?:问题|现象|不|难|没|越)|(?:为何|为什么|何以)(?:会|总|还|屡)?(?:出现|产生)")),
    ("problem", re.compile(r"表现|存在(?:的)?(?:主要)?问题|主要问题|不足|短板|差距|困难|^(?:[一二三四五六七八九十]+[、.．])?\s*问题$"
                           r"|^(?:[一二三四五六七八九十]+、)?(?:当前|目前|现阶段)[^。；，,]{0,20}问题$"
                           r"|发现的(?:主要)?问题|面临的(?:主要)?(?:难题|问题|挑战|困境)"
                           # a part that sets out the problems found (问题分析, …中的突出问题), not one that tackles them
                           r"|^(?:[一二三四五六七八九十]+[、.．])?\s*问题(?:分析|查摆|梳理|清单)$"
                           r"|^(?![^。；]*(?:解决|破解|整治|根治|化解|针对|聚焦|破除|着力|关于))[^。；，,]{0,30}(?:突出|主要|核心|共性)问题$"
                           # …的难点, …面临的难题: the difficulties found, not the attack on them (破解…难题)
                           r"|^(?![^。；]*(?:解决|破解|化解|攻克|突破|破除|打通))[^。；，,]{0,30}的(?:难点|难题|堵点|痛点)$")),
    ("practice", re.compile(r"做法|成效|成绩|经验|基本情况|主要工作|实践(?:探索|经验|成果)|工作开展情况|完成情况|(?:建设|工作|发展)(?:的)?现状"
                            r"|(?:上半年|下半年|今年|去年|全年|本年度|一年来|\d{4}年)[^。；，,]{0,12}工作(?:情况|情景|回顾)")),
    ("other", re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?\s*(?:调研|研究|调查)(?:方法|对象|设计|过程)"
                         # a part on why the thing matters (…的重要意义), unless it tells to grasp it (深刻认识…的重要意义)
                         r"|^(?:(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*)?"
                         r"(?!深刻|充分|正确|准确|切实|进一步|全面|认清|把握|提高)[^。；，,：:、（(]{0,24}(?:重要|重大|现实|深远|时代|理论)意义$"
                         # a paper's part on the logic, necessity or worth of its subject (…的实践逻辑, …的必要性, …的重要价值)
                         r"|^(?:(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*)?"
                         r"(?!深刻|充分|正确|准确|切实|进一步|全面|认清|把握|提高|坚持|遵循|体现)[^。；，,：:、（(]{2,60}的"
                         r"(?:(?:实践|理论|历史|内在|价值|现实|生成)逻辑|必要性(?:(?:和|与|及)(?:紧迫性|可行性|重要性))?|(?:重要|时代)价值|价值意蕴|科学内涵)$")),
)
# A heading of a yardstick that only names its part (指导思想, 工作目标 …) is structure (other), not a norm.
_STRUCTURAL_HEADING = re.compile(
    r"^(?:指导思想|总体要求|(?:工作|创建|总体|主要)?目标(?:任务)?|基本原则|(?:主要|工作|重点)任务|组织(?:领导|实施)"
    r"|保障措施|实施步骤|方法步骤|工作要求|奖励办法|考核办法|附件|附则|总则|背景|引言|主体|结语|前言|研究背景"
    r"|(?:工作|研究|调研|课题)背景|调研方法|研究方法|调查方法|自查方法|问题(?:的)?(?:缘起|由来|提出)(?:与文献综述)?|文献综述"
    r"|(?:总体|研究|调研|调查)结论|(?:调查|调研|问卷)(?:问卷)?(?:对象|内容|样本|数据)(?:的)?(?:基本)?(?:情况)?(?:分析|说明)?"
    r"|调研对象|调查对象|样本情况|第[一二三四五六七八九十百]+[章节编][^。；]{0,16}"
    r"|(?:(?:今年|本年度|明年|下一步|下阶段|\d{4}年)的?)?(?:主要|工作|重点)任务"
    r"|(?:活动|征文|评选|申报|报名|参评|参赛|参加|参会|考核|检查|验收|实施|培训|会议|学习|适用|创建|工作|评审)"
    r"(?:主题|内容|对象|范围|时间|地点|方式|要求|安排|程序|步骤|条件|名额|数量|材料|形式|标准))"
    r"(?:(?:和|与|及)(?:工作目标|基本原则|主要任务|工作任务|保障措施|方法步骤|重大意义|意义))?(?:[:：].*)?$"
    # a part named by what it holds (推进步骤, 时间安排, 有关提示, 注意事项, 内容导引)
    r"|^[^。；，,：:]{0,4}(?:步骤|安排|提示|导引|事项|说明)$|^(?:重点|主要)内容$")
# Explanations of how a problem arose announce a cause even beside the word 问题 (存在问题的原因分析).
_CAUSE_OF_PROBLEM = re.compile(r"问题(?:产生|形成|出现)?的(?:深层次|主要)?(?:原因|成因|根源)")
# A heading that takes the problems apart (对照检查突出问题的深度剖析; 问题剖析) names no cause unless it says so.
_PROBLEMS_DISSECTED = re.compile(r"问题[^。；，,]{0,4}剖析|剖析[^。；，,]{0,6}(?:问题|不足|差距)$")
_CAUSE_WORD = re.compile(r"原因|成因|根源|根子|症结|病根|病因|缘由|动因|诱因|因素|溯源")
# A heading longer than this is a sentence that opens with a numeral (一是…): its words are content, not a label.
_HINT_HEADING_MAX = 30
SECTION_HINT_WEIGHT = 2.5
# A heading that names its section (主要做法, 存在的问题, 原因分析, 对策建议) rather than stating content:
# very short, or ending in such a label. Its hint outranks the wording of content headings nested under it.
_SECTION_LABEL = re.compile(
    r"(?:做法|成效|成绩|经验|问题|原因|成因|根源|剖析|分析|建议|对策|启示|表现|路径|体会|情况|不足|短板|之策|打算|方向)$")
_SECTION_LABEL_MAX = 6
_HEADING_NUMBER = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[一二三四五六七八九十]是)\s*")
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_CACHE_SIZE = 50_000
_NEXT_STEP = re.compile(r"下一步|将(?:把|对|进一步|继续)|适时")
_RESTATEMENT = re.compile(r"^(?:强调|明确|提出|[一二三四五六七八九十]是)")
# A report's plans are advice, not practice; a leader's words quoted are context (other), whatever the section.
_FUTURE = re.compile(r"下一步|今后|下阶段|下一阶段|将(?:把|对|进一步|继续|持续|着力)|拟(?:于|在|将)|力争|争取(?:到|在|用)")
# A target (到2025年底实现…; 力争用两年时间…): what is to be reached, a norm of a plan or a speech.
_TARGET = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:力争|争取|确保)?(?:到|至|在)\d{4}年(?:\d{1,2}月)?(?:[上中下]旬|底|末|前)?"
    r"[，,]?[^。；]{0,40}?(?:实现|完成|达到|基本|全面|建成|覆盖|摸清|消化|形成|提高到|提升到)"
    r"|(?:力争|争取)(?:到|在|用|通过)?[^。；]{0,24}?(?:实现|完成|达到|建成|覆盖|消化|提高到|提升到)")
# An explicit explanation makes a cause even when it restates the shortcoming it explains.
_EXPLANATION = re.compile(
    r"究其(?:原因|根源)|原因[，,]?(?:主要)?(?:是|在于|有[二三四两几]|是多方面的)|(?:根源|根子|症结)(?:主要)?在于|归根(?:结底|到底)"
    r"|之所以[^。；]{0,30}(?:是因为|在于)|之所以[^。；]{2,30}[，,](?:主要|根本上?|关键|归根结底)?(?:是|在于|源于)|(?:主要|根本|深层次?)原因|^(?:[^。；，,]{0,8}[，,])?(?:但|而|然而|可)?(?:由于|因为)"
    r"|^[^。；，,]{2,12}由于"
    r"|^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是)?\s*从?(?:主观|客观)(?:上|方面|原因|规律)(?:看|讲|来看|分析|而言)?"
    r"|说到底|^说白了[，,](?:主要|还|就)?是(?!一种|指)|从根本上(?:说|讲|看)|(?:源于|归因于|归咎于)|问题(?:就)?出在|(?:原因|根源|症结)所在"
    # 这与…有关: a shortcoming tied back to what produced it
    r"|^(?:这|此|其|以上|上述|这些|这种|出现[^。；]{0,20})[^。；]{0,10}(?:与|和|同)[^。；]{2,40}"
    r"(?:有关|有很大关系|密切相关|不无关系|分不开)"
    # a mindset named as what produced the shortcoming (…的思想导致了…; 刻板思维在作祟), or 由于 inside the sentence
    r"|(?:思想|观念|认识|心态|心理|思维|意识)[^。；，,]{0,4}(?:导致|造成|致使)|作祟|使然"
    r"|[，,](?:而且|并且|加之|再加上|主要是|这是|也是)由于"
    # these problems' origin told as such (这些问题的产生，一方面…; 上述现象的出现，主要是…), or traced back (追根溯源)
    r"|^(?:这些|上述|以上|这种|此类|这类|这一)[^。；，,]{0,10}(?:问题|现象|情况|状况)[^。；，,]{0,4}的?(?:产生|出现|存在|形成)[，,]?\s*"
    r"(?:一方面|既有|主要是|主要在于|在于|是因为|源于|有[^。；，,]{0,6}(?:原因|因素))"
    r"|究其根本|追根溯源|追根究底|深究起来|溯其根源|探其根源"
    # a counterfactual that ties the shortcoming to its source (如果…，就不会出现…)
    r"|(?:如果|假如|要是|倘若)[^。；]{2,40}(?:就|便|也|那)?[^。；，,]{0,8}不会(?:存在|出现|发生|产生|滋生)"
    # reasons named and tied to what they led to (苦于无资金等原因，导致…)
    r"|等(?:多方面|多种|诸多)?原因[，,]?(?:导致|造成|致使|使得|以致)"
    # 这是因为…; 是由…造成的; 重要原因/直接原因; 根子还是在…; 归结为…; 是制约…的重要因素
    r"|^(?:这|此|其)(?:主要|恰恰|正)?是(?:因为|由于)|是(?:由|因)[^。；]{2,30}(?:造成|导致|引起|所致)的"
    # 正是因为…才…; 问题不在于…而在于… (the real source named against a supposed one)
    r"|^(?:[^。；，,]{0,8}[，,])?正(?:是)?(?:因为|由于)|(?:问题|原因|根源|症结|关键)[^。；，,]{0,6}不在于[^。；]{2,40}而在于|(?:原因|根源|症结)[^。；，,]{0,6}不是[^。；]{2,40}而是"
    # a why-question about a persisting shortcoming answered in the same sentence (为何屡治不绝？其一…)
    r"|(?:为何|为什么|何以|缘何|因何)[^。；？?]{0,30}(?:不|难|没|未|越|屡|仍|反而|却)[^。；？?]{0,20}[？?][^。；]{4,}"
    r"|(?:重要|直接|关键|内在|结构性|制度性|体制性|深层)原因|(?:根源|根子|症结|病根|源头)[^。；，,]{0,4}在|归结为"
    # what lies behind a shortcoming (这种现象背后，是…; 问题背后反映出…)
    r"|(?:现象|问题|乱象|主义|顽疾)[^。；，,]{0,2}背后[，,]?(?:是|反映(?:的|出)|折射(?:的|出)|隐藏着)"
    # the root named (根源是…) and how a shortcoming arises (形式主义的发生，是…; …的滋生源于…)
    r"|(?:的|[，,])(?:根源|症结|病根|源头)(?:主要|就|正)?是(?![^。；，,]{0,12}(?:前提|关键|基础|第一步))"
    r"|^[^。；，,]{0,16}(?:主义|问题|现象|两张皮|脱节|乱象|之风|顽疾)的(?:发生|产生|滋生|形成|蔓延|出现)[，,]?(?:是|源于|在于|归因于)"
    # a cause labelled as such (成因：…; 原因分析：…) and a why-question of its own, answered after it
    r"|^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:主要)?(?:成因|原因|根源)(?:分析)?\s*[\d一二三四五六七八九十]{0,2}\s*[:：]"
    r"|^(?:那么|那|可)?[，,]?[^。；？?]{0,16}(?:为什么|为何|何以|缘何|因何)(?!要)[^。；？?]{2,40}[？?]$"
    r"|是制约[^。；]{2,30}的(?:重要|主要|关键)?因素|(?:多重|多种|诸多|多方面)因素[^。；]{0,8}(?:交织|叠加|共同作用)"
    # one of the reasons (也是原因之一), …主要是因为…, 缘于/源自, what produced the state just described (造成这种现象的…，…)
    r"|原因之一|[，,](?:主要|这|也|正|就)?是因为|缘于|源自|从(?:深层次|根本上|本质上)(?:看|讲|来看|分析)|^(?:深层次|深层|往深处)(?:看|讲|来看|分析)[，,]"
    r"|^(?:[^。；，,]{0,6}[，,])?(?:造成|导致|产生|出现)(?:这种|这一|这些|此类|上述|以上|这样的?)[^。；，,]{0,10}"
    r"(?:现象|问题|状况|局面|情况|结果)(?:的)?(?:原因)?[，,]"
    # what sets a shortcoming off (形式主义的诱因…; 诱发…的深层次原因)
    r"|诱因|诱发[^。；]{0,16}(?:原因|因素)"
    # a change or a second factor chained to the shortcoming it produced (随着…，…，致使…; 加之…，导致…)
    r"|(?:^随着|加之|加上)[^。；]{2,60}[，,](?:致使|导致|以致|使得|造成)"
    # a shortcoming that persists, put down to its source in the same sentence (…屡禁不止，主要在于…; …久治不愈，根本是…)
    r"|(?:屡禁不止|屡治不绝|屡纠屡犯|屡改屡犯|久治不愈|久拖不决|久攻不下|禁而不绝|积重难返|反复出现|反弹回潮|长期存在|难以根治|难以破解|难以落地)"
    r"[^。；，,]{0,6}[，,]\s*(?:其|究其)?(?:主要|根本|关键|很大程度上|归根结底|说到底)?(?:原因|症结)?(?:还是|就|恰恰)?(?:在于|是因为|源于)"
    # a shortcoming put down to what it rests on in the same sentence (基层负担过重，根本在于…; 学用脱节，主要在于…)
    r"|(?:问题|现象|不足|短板|不够|不强|不高|不力|不到位|不实|过重|较重|脱节|两张皮|形式主义|官僚主义)[^。；，,]{0,8}[，,]\s*"
    r"(?:其|这)?(?:主要|根本|很大程度上)?(?:原因)?(?:还是|就)?在于"
    # causes of two kinds named together (既有历史原因，也有现实原因)
    r"|既有[^。；，,]{0,12}(?:原因|因素)[，,]?\s*(?:也有|又有|还有|更有)"
    # a why-question about a shortcoming that persists (…，为什么…还…？), asked to be answered
    r"|(?:为什么|为何|缘何|因何)[^。；？?]{0,30}(?:还|仍|依然|依旧|总是|屡|反复|迟迟)[^。；？?]{0,30}[？?]$"
    # what keeps a unit from acting, told as the reason (…身兼数职，因而难以…; 因缺乏培训，导致…; 缺乏…导致…;
    # 从客观上造成了…)
    r"|[，,]\s*(?:因而|所以|以致)[^。；，,]{0,8}?(?:难以|无法|不能|未能|顾不上|抽不出|没有(?:时间|精力))"
    r"|(?:^|[，,])(?:但|而|又)?因(?![此而为素地材人势时果由])[^。；，,]{2,24}[，,]?(?:导致|造成|致使|使得)"
    r"|(?:缺乏|缺少|欠缺)[^。；，,]{1,16}[，,]?(?:导致|造成|致使)|从?(?:主观|客观)上(?:造成|导致|致使|助长|加剧)")
# A shortcoming labelled as such (问题1：…; 存在问题：…) is a problem, whatever the section around it.
# So is one labelled as what shows the shortcoming or the harm it does (问题表现：…; 负面影响：…), under a 原因 heading too.
_PROBLEM_LABEL = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*|\d{1,2}(?:[.．]\d{1,2}){1,3}\s*)?"
                            r"(?:(?:存在的?|主要|突出)问题|问题\s*[\d一二三四五六七八九十]{1,2}|(?:问题|主要|具体)表现|负面影响)\s*[:：]")
# A disconnect named only as what is to be overcome (为破解“两张皮”难题提供了…; 着力破除形式主义), not as observed.
_TACKLED = re.compile(r"(?:破解|破除|消除|根治|整治|克服|防止|避免|杜绝|打破|化解|解决)[^。；，,]{0,6}[“\"]?"
                      r"(?:两张皮|脱节|形式主义|官僚主义|重业务轻党建|各唱各的调|空头政治)[”\"]?(?:的)?(?:问题|难题|现象|困局|顽疾|顽症)?"
                      r"(?![^。；]{0,12}(?:仍|还|依然|依旧|尚未|没有|未能|不够|不到位))")
# A writer's aside that draws attention (需要指出的是，…; 需要说明的是，…) holds a modal verb but prescribes nothing.
_ASIDE = re.compile(r"^(?:[^。；，,]{0,6}[，,])?(?:还|另外|同时)?需?要(?:特别)?(?:指出|说明|强调|注意|提及|补充)的是[，,:：]?")
# What no longer works (已经无法应对…, 已不适应…) is a shortcoming, not an act told as done.
_NO_LONGER = re.compile(r"已(?:经)?(?=无法|不能|不再|不适应|难以|跟不上)")
# A conclusion that urges an action as vital (因此，加强…显得尤为重要; 建立…十分必要; …势在必行): advice in a report.
_URGES = re.compile(r"^(?:(?:因此|所以|为此|由此可见|可见|鉴于此|基于此|综上)[，,]\s*)?(?:[^。；，,]{0,6}[，,])?"
                    r"(?:加强|加快|建立|健全|完善|推进|推动|强化|提升|提高|做好|抓好|深化|构建|探索|破解|解决|落实|优化|实现|培养|选优配强|配齐)"
                    r"[^。；]{2,40}?(?:(?:就|便|更)?(?:显得)?(?:尤为|十分|非常|极为|更加|更为|极其|尤其|格外)(?:重要|必要|迫切|紧迫|关键)"
                    r"|势在必行|刻不容缓|迫在眉睫)。?$")
# Why a thing matters (…意义重大; 具有重要意义; 关系到…，关系到…): context, in whatever section it stands.
_SIGNIFICANCE = re.compile(r"意义(?:十分|非常|极其|尤为)?(?:重大|深远)。?$|(?:具有|有着)[^。；]{0,8}(?:重要|重大|深远|现实)的?意义。?$"
                           # …具有重大而迫切的战略意义; 具有重要的现实意义
                           r"|(?:具有|有着)[^。；]{0,8}(?:重要|重大|深远|现实)(?:而[^。；，,]{1,4})?的?(?:战略|现实|历史|实践|理论|时代)意义。?$"
                           r"|关系到[^。；]{2,40}关系到")
# What a thing is for (…是…的重要载体/有效途径/必然要求; …作为…的重要组成部分; …肩负着…的重要职责): its standing, context
# rather than what a unit did; a sentence that points back (这是…的举措之一) or sets the thing as a task (把…作为…) is not one.
_STANDING = re.compile(r"^(?![这此该其把将])[^。；：:，,]{2,30}[，,]?\s*(?:是|作为)[^。；]{0,50}?的(?:重要|有效|有益|有力|主要|基本|根本"
                       r"|关键|必然|首要|坚强)[^。；，,]{0,4}(?:载体|平台|抓手|尝试|举措|窗口|途径|组成部分|阵地|渠道|保障|保证|手段"
                       r"|方式|环节|基础|力量|主体|依托|趋势|要求|路径|之路|支撑)"
                       r"|^(?![这此该其把将])[^。；：:]{2,40}?(?:肩负|担负|承担)着[^。；]{0,40}的(?:重要|重大|光荣)?(?:职责|使命|重任)"
                       # what a kind of organisation is (党支部是党在…的战斗堡垒; 机关党委是…的责任主体)
                       r"|^(?![这此该其把将])[^。；：:，,]{2,20}(?<![一二三四五六七八九十])是[^。；]{0,30}的?(?:战斗堡垒|坚强堡垒|基本单元|神经末梢|基础组织|基层组织|责任主体)"
                       # …the part a kind of thing plays (…在…中发挥着重要作用; 正在成为…的“红色细胞”; 是连接…的桥梁), nothing told as done
                       r"|^(?![这此该其把将])(?![^。；]*(?:了|已|\d))[^。；：:]{2,40}?(?:在[^。；]{2,30}(?:中|上)发挥着[^。；]{0,10}作用"
                       r"|(?:正在|日益|逐渐|逐步)?成为[^。；]{0,40}的[^。；，,]{0,8}(?:举措|细胞|力量|主体|平台|载体|阵地|桥梁|纽带)"
                       r"|是[^。；]{2,30}的(?:一个|一座|一条)?(?:桥梁|纽带))")
# What falls short in manner or reach (整改措施不精准, 整改不彻底, 工作开展还不平衡): observed outside advice, like 不够/不到位.
_FALLS_SHORT = re.compile(r"不(?:精准|彻底|及时|平衡|协调|扎实)")
# A named speaker's norm reported in news (会上，某某要求…要…; 同时，他要求…要…; 她指出，…，与会同志要…): what was required
# there, not the writer's advice; the General Secretary and the centre are quoted, not reported (other).
_SPEAKER_NORM = re.compile(
    r"^(?:(?:会上|会议上|在会上|活动中|随后|最后|同时)[，,]\s*)?(?![^。；，,]{0,12}(?:总书记|习近平|党中央|中央|毛泽东|邓小平))"
    r"(?:他|她|[^。；，,]{1,16}(?:同志|书记|局长|主任|部长|厅长|市长|县长|区长|院长|处长|组长|主席|校长|经理|行长)"
    r"|(?<=会上，)[^。；，,]{2,4}|(?<=会上,)[^。；，,]{2,4})"
    r"(?:还|同时|并|也|最后|特别|进一步|再次)?(?:在[^。；，,]{2,20}(?:中|上|时))?(?:强调|要求|指出)[，,:：]?[^。；]{0,80}?"
    r"(?:(?<![重主需纪摘首必只概提不纲])要(?![求点素闻害件么])|必须|务必|应当)")
# A shortcoming named as such: a noun phrase that ends in 问题 (“以会代学”走过场问题。) or a sentence that points back to
# the one before as a problem (这是当前…最突出的问题之一。); what is done about problems (解决/整治/针对…问题) is not one.
_NAMED_PROBLEM = re.compile(r"^(?![关如解整针破这這此])[^。；，,：:？?了]{2,30}问题。$"
                            r"|^(?:这|此)(?:也|正|就)?是[^。；，,]{0,24}(?:突出|主要|普遍|严重|典型|深层次)的?问题(?:之一)?。$")
# A shortcoming faced or laid bare (…仍面临着两大困境; 也面临着一些亟待解决的问题; 这暴露出…的弊端): observed, named as
# such; what it faces as a task (面临新的挑战, 面临的困难问题) is not one.
_FACES_PROBLEM = re.compile(r"(?:面临(?:着|著)|(?:仍|也|正|还|依然|仍然)面临)[^。；，,]{0,14}(?:问题|困境|危机|难题|困局|瓶颈)"
                            r"|暴露(?:了|出)[^。；，,]{0,12}(?:弊端|问题|不足|短板|漏洞)")
# The learners of a study session or training class (…全体党员干部参加学习。): who took part in the unit's own practice.
_LEARNERS = re.compile(r"参加(?:了)?(?:本次|此次|这次)?(?:集中|专题)?(?:学习|读书班|培训班?)。?$")
# A sentence that says what a word means (所谓…，指的是…; 形式主义是指…) names a shortcoming without observing it.
_DEFINES = re.compile(r"^(?:[^。；，,]{0,6}[，,])?(?:所谓|[^。；，,]{1,16}(?:指的是|是指|就是指))"
                      # what an -ism is, its nature, the question of what it is (形式主义就是…; 其实质是…; 什么是形式主义)
                      r"|^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?!有的|一些|部分|少数|个别|不少|仍|还)[^。；，,？?]{0,8}主义(?:的)?(?:其)?(?:本质|实质|内涵)?"
                      r"(?:就|即|也就)?(?:是(?!否)|分属|属于)|^[^。；]*?(?:[，,]其(?:本质|实质)(?:就|即)?是|什么是|是什么)")
# What explains a success (之所以能够…, 成功的根本原因) explains no shortcoming.
_SUCCESS_EXPLAINED = re.compile(r"之所以能够?|成功(?:的)?(?:根本|主要|重要)?原因|取得[^。；]{0,20}的(?:根本|主要|重要)?原因")
# The second half of an explanation (一方面…，另一方面…) explains too.
_EXPLANATION_GOES_ON = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d][)）、.]?)?\s*(?:另一方面|一方面|同时|此外|加之|再加上|而另一些|另一些"
                                  # an example of what was just explained (比如，…; 又如，…)
                                  r"|比如|例如|譬如|又如|再如"
                                  # the next dimension of the explanation (从思想认识上看，…; 在制度机制上，…; 能力素质方面，…)
                                  r"|(?:从|在)?(?:思想|认识|思想认识|观念|制度|机制|制度机制|体制机制|能力|能力素质|素质|队伍|组织|作风|工作)"
                                  r"(?:上|层面|方面)(?:看|讲|来看|而言|分析)?[，,])")
# An explanation that names a mindset (思想认识的偏差, 观念陈旧), and the sentence after it that tells what some think.
_MINDSET_NAMED = re.compile(r"思想|认识|观念|心态|意识")
_HELD_BY_SOME = re.compile(r"^(?:[^。；，,]{0,6}[，,])?(?:有的|一些|部分|少数|个别|不少|很多|许多)[^。；，,]{0,12}(?:认为|觉得|以为|把)")
# An enumeration that opens in or right after an explanation (原因在于…。首先是…; 为何…？其一…) lists causes:
# its items and what they say are causes until the next heading.
_ENUMERATION = re.compile(r"(?:^|[，,:：？?。]\s*)(?:首先|其一|第一[，,、]|一方面|一是)")
# A shortcoming chained to the harm it does (…供需错位导致培训资源浪费; …使得土地闲置): a problem and its cost, no explanation.
_HARM_DONE = re.compile(r"(?:导致|致使|以致|使得|造成)[^。；]{0,30}(?:浪费|降低|低下|闲置|下降|失真|受损|流失|损害|削弱|挫伤)")
# A shortcoming censured by a rhetorical question (…，岂不本末倒置; 试问，…能有多少…？; …，其他工作又会怎样？).
_CENSURE = re.compile(r"岂不(?!是?(?:一举|两全|美哉|快哉|妙哉|更好|更加))|^试问|又(?:会|能)怎样|何谈|从何谈起"
                      # a doubt cast back (…，又如何能畅所欲言？; …，还指望…？)
                      r"|(?:又|还)(?:如何|怎么|怎|哪里)(?:能|会|可能)[^。；？?]{0,30}[？?]$|还指望[^。；？?]{0,40}[？?]$")
# A sentence that points back to the items just listed as a whole (这些…; 以上…; 总之…) sums them up: it is no item.
_LIST_SUMMED_UP = re.compile(r"^(?:这些|以上|上述|凡此种种|总之|综上|总而言之)")
# A shortcoming put down to what bears on it (受…影响，…还存在…问题) is explained.
_INFLUENCED = re.compile(r"^(?:[^。；，,]{0,6}[，,])?(?:但|而|又|加之|再加上)?(?:受到?|受制于|囿于|迫于)[^。；，,]{2,24}(?:的)?(?:影响|制约|束缚|冲击|限制|左右)[，,]")
# Words that hold a cue without being it (学以致用 is no 以致, 支部分别 no 部分, 应付检查 and 相应 no 应).
# 应 inside another word: after these characters (相应, 适应, 响应, 反应, 供应, 对应, 效应, 回应) or before
# these (应付, 应用, 应对, 应急, 应变, 应聘, 应届).
_YING_AFTER = "相适响反供对效回"
_YING_BEFORE = "付用对急变聘届"
_CUE_MASKS = re.compile(rf"学以致用|(?<=支)部(?=分)|(?<=[{_YING_AFTER}])应|应(?=[{_YING_BEFORE}])"
                        r"|将(?=(?:直接|间接|严重|深刻|必然|势必|会)?影响)"  # 将直接影响…: a consequence, no plan
                        # the leaders who matter (关键少数) are no 少数 who fall short; a load to carry (还要完成大量…) is no norm
                        r"|(?<=关键)少数|要(?=(?:完成|承担|处理|应对|面对|兼顾|承接)(?:大量|繁重|众多|诸多|很多|繁杂))")
# 将 as the object marker (将…作为/纳入…, like 把) in a sentence that tells what was done (近年来，区委将…列入…) plans nothing.
_OBJECT_JIANG = re.compile(r"将(?![把对要会来在进继持着努全更不以为于])(?=[^。；，,]{1,30}?(?:作为|纳入|列入|融入|写入|推广到|延伸到|拓展到|覆盖到|挂钩))")
# In a yardstick, what is not told as done (了, 已, 累计…) is a norm, whatever its verb.
_PAST = re.compile(r"了|已|累计|先后|近年来|去年以来|今年以来|截至|共计|取得|荣获|获评")
# What is said inside quotation marks is cited (a slogan, a title, someone's words): its modal verbs
# (“疫情要防住”, “必须坚持系统观念”) are not the writer's.
_QUOTED = re.compile(r"“[^“”]{1,80}”|\"[^\"]{1,80}\"|「[^「」]{1,80}」")
# A document's name (《…的建议》): the modal verbs inside it are not the writer's advice.
_BOOK_TITLE = re.compile(r"《[^《》]{1,60}》")
# A habit told with 都要 (每年过年都要…; 每月都要…): in a report it is what the unit does.
_HABITUAL = re.compile(r"(每(?:年|月|周|季度?|次|逢|到|天|日)[^。；]{0,24}?都)要")
# Told as done: 了 (not 为了/除了/了解), 已, 累计, 先后, 截至, …以来.
_DONE = re.compile(r"(?<![为除受])了(?![解如])|已经?|累计|先后|截至|以来")
_STRONG_MODAL = re.compile(rf"(?<![重主需纪摘首必只概提不纲])要(?![求点素闻害件么])|(?<![{_YING_AFTER}])应当?(?![{_YING_BEFORE}])|必须|务必|不得|严禁|禁止|确保"
                           r"|请(?:各|你们|全体|广大)|(?:绝|决)不(?:能|可)")
_QUOTATION = re.compile(r"^(?:习近平)?总书记[^。；]{0,30}(?:指出|强调|要求)[，,:：]?\s*[“\"]|^[“\"][^”\"]{8,}[”\"]。?$"
                        # the Party's own rules cited as authority (《中国共产党…条例》明确规定，…; 党章规定，…)
                        r"|^(?:[^。；，,]{0,8}[，,])?(?:《(?:中国共产党|中共中央|党章)[^》]{0,40}》|党章)中?(?:明确|明文)?(?:规定|指出|强调|要求)"
                        # …and what they ask of a field (新修订的《…条例》对支部建设提出了明确要求)
                        r"|^(?:新修订|新出台|新颁布|新印发)?的?《(?:中国共产党|中共中央|党章)[^》]{0,40}》对[^。；，,]{2,20}(?:提出|作出)了?[^。；，,]{0,6}(?:要求|规定)"
                        r"|^正如[^。；，,]{0,12}(?:总书记|习近平|毛泽东|邓小平|列宁|马克思)[^。；，,]{0,10}(?:指出|强调|说|讲)"
                        # someone's words cited (正如一位老支部书记所说，…)
                        r"|^正如[^。；，,]{1,16}(?:所说|所言|所讲|说的那样|讲的那样|指出的那样)[，,]")
# The centre told in time: since when (近年来，党中央…) and the era since a Party congress told of the Party or the nation
# (党的十八大以来，…党的政治建设摆上突出位置).
_SINCE_CENTRE = r"[^。；，,]{0,12}(?:以来|年来)[，,]\s*(?:以习近平同志为核心的)?党中央"
_CONGRESS_ERA = r"^(?:自)?(?:党的)?(?:十[六七八九]大|二十大)(?:召开)?以来[，,][^。；]{0,20}?(?:党中央|我们党|我党|全党|党的|中央|我国|全国)"
# What the centre or its leader did or said is political context (other), not a unit's practice.
_CENTRAL_CONTEXT = re.compile(
    r"^(?:由)?(?:以习近平同志为核心的)?党中央|^" + _SINCE_CENTRE + r"|^(?:习近平)?总书记[^。；]{0,40}(?:指出|强调|提出)|" + _CONGRESS_ERA +
    r"|^习近平同志[^。；]{0,30}(?:指出|强调|提出)"
    # what the Party as a whole did (我们党始终把…作为…): history and political frame, not a unit's practice
    r"|^(?:[^。；，,]{0,20}[，,])?(?:我们党|我党|中国共产党)(?:始终|历来|一贯|一直|把|将|在|从|以)"
    # what the central organs issued or held (中共中央办公厅印发了…; 中央和国家机关工委召开…), and what the new era asks
    r"|^(?:[^。；，,]{0,12}[，,]\s*)?(?:中共中央|党中央|中央办公厅|中办|国办|国务院|中央和国家机关工委|中央组织部|中组部|中央宣传部|中宣部|中央纪委)"
    r"(?:办公厅)?[^。；，,]{0,10}(?:印发|出台|颁布|发布|召开|作出|提出)"
    r"|新时代[^。；]{0,20}(?:提出|赋予)了?[^。；]{0,10}(?:新的?(?:更高)?要求|新任务|新使命)"
    # what was done nationwide (…以来，全国共查处…问题…万个): the national picture, not the unit's
    r"|(?:^|[，,])全国(?:各地)?(?:共|累计|先后)?(?:查处|处理|通报|处分|问责)"
    # the Party and the state as the actor (新中国成立以来，党和国家在各个时期都高度重视…) and a central meeting held
    r"|^(?:[^。；，,]{0,20}[，,]\s*)?党和国家(?:始终|一直|历来|高度|在|把|将|都|先后|对|从)"
    r"|^(?:[^。；，,]{0,12}[，,]\s*)?(?:全国|中央(?:和国家机关)?)[^。；，,]{0,20}(?:会议|大会|全会|座谈会)(?:在[^。；，,]{2,10})?(?:召开|举行)"
    # the centre named first among the levels that attend to a field (近年来，中央、省委、市委都高度重视…)
    r"|^(?:[^。；，,]{0,12}[，,]\s*)?(?:党中央|中央)(?:到|、|和|及|与)(?:省委|省|地方|各省)[^。；]{0,20}(?:高度重视|重视|作出|部署|出台|印发)"
    r"|^(?:[^。；，,]{0,6})?党的(?:[一二三四五六七八九十]+大|[一二三四五六七八九十]+届[一二三四五六七八九十]中全会)(?:报告)?中?[，,]?"
    r"(?:[^。；，,]{0,24})?(?:指出|强调|提出|明确|作出了?[^。；，,]{0,6}部署|进行了[^。；，,]{0,8}部署|吹响|开启|擘画)")
# …of them, the centre's own acts told in time (近年来，党中央…开展了…; 党的十八大以来，…) are no practice of the unit's.
_CENTRE_IN_TIME = re.compile("^" + _SINCE_CENTRE + "|" + _CONGRESS_ERA)
# A line that only names a document (a compilation's 【篇一】…实施方案, a form's title …验收表) is a title.
_DOCUMENT_NAME = re.compile(
    r"^(?:[【\[（(][^】\]）)]{1,6}[】\]）)])?[^。；，,：:！？]{2,40}"
    r"(?:实施方案|工作方案|意见|通知|办法|规定|条例|细则|标准|工作要点|讲话|讲话稿|(?:验收|评分|考核|评比|申报|登记|统计)表"
    r"|(?:调研|调查|研究|总结|工作)报告|工作总结)$")
# What a text says about itself (本文…, 笔者…, 旨在…) is framing (other), whatever advice words it holds.
_FRAMING = re.compile(
    r"^(?:[^。；，,]{0,24}[，,])?(?:本文|笔者|本次调研|本调研|本课题|本栏目)[^。；]{0,40}(?:探索|思考|探讨|分析|研究|介绍|梳理|试图|拟|以[^。；]{0,12}为例)"
    r"|旨在|主要目的(?:就)?(?:是|在于)|(?:进行|开展|组织)了?(?:此次|这次|本次)(?:调研|调查|研究)"
    # a study about its own method and findings (课题组采用…抽样; 研究首先界定了…; 下面对…进行简要说明)
    r"|(?:调研组|课题组|研究组|调查组)[^。；]{0,30}(?:采用|选取|选择|采取|设计|编制|发放|抽取|抽样)"
    # …and the writer's own fieldwork (笔者团队自…起，以蹲点、访谈等方式开展调查研究) and its hoped-for use (以期为…提供参考)
    r"|^(?:笔者|笔者团队|研究团队|课题组|调研组)[^。；]{0,100}(?:开展|进行)了?[^。；]{0,24}(?:调查研究|实地调研|跟踪调查|深度访谈)"
    r"|^以期[^。；]{0,60}(?:提供|提出)[^。；]{0,20}(?:参考|借鉴|依据|支撑)"
    # …and the questionnaire itself (问卷分…5大类; 回收有效问卷…份; 问卷有效率…)
    r"|^问卷(?:分为?|共设|设置|包括|涉及)|(?:回收|收回)(?:有效)?问卷|问卷(?:回收率|有效率)"
    r"|^(?:本)?(?:研究|文章|论文)(?:首先|进一步|还|最后|主要)?(?:界定|提出|认为|发现|揭示|构建|探讨)"
    r"|对[^。；]{2,40}(?:进行|作|做)了?(?:简要|简单|详细)?的?(?:介绍|说明|概述|梳理)。?$"
    # …and what it says it has proposed (在此基础上，提出了相关对策。): its own claim, not the advice itself
    r"|^(?:[^。；，,]{0,12}[，,])?(?:本文|文章|研究|笔者)?(?:最后|进而|并)?提出了(?:相关|相应|若干|一些|具体|有针对性)?的?(?:对策|建议|措施|思路|路径)(?:和建议|与建议)?。?$"
    # a speech about its own meeting (今天我们召开…; 下面我讲三点意见; 会议的主要任务是…; 刚才…介绍了…)
    r"|^(?:今天|刚才)[，,][^。；]{0,60}(?:召开|会议|介绍|发言|汇报|交流|观看|观摩|听取|宣读|展示|播放)|^下面[，,]?[^。；]{0,40}(?:讲|谈)[^。；]{0,6}(?:意见|要求|看法|体会)"
    r"|^(?:这次|此次|本次)[^。；，,]{0,24}(?:会议?|座谈会)[，,]?是|^会议的(?:主要)?(?:任务|目的|议程|主题)是"
    r"|^[^。；]{0,24}(?:以下|如下)(?:几个|几项|[一二三四五六七八九十两几\d]+[个项条点])?(?:目标|任务|要求)[:：]\s*$"
    r"|(?:再|先|着重|重点)?(?:强调|讲)(?:以下|如下)[一二三四五六七八九十两几\d]*(?:点|个?方面)(?:意见|要求)?[:：]?$"
    # a rule or plan about its own purpose (为了…，制定本条例)
    # a site's words about the text it serves (小编整理…，供大家参考; 希望对大家有所帮助…)
    r"|(?:小编|本站)[^。；]{0,20}(?:整理|精选|收集|汇编)|供(?:您|大家)(?:阅读|写作|学习)?参考|希望(?:能够|能|可以)?(?:帮助|对)(?:大家|您)"
    r"|预览(?:阅读)?已?结束|扫码(?:联系|关注|获取|下载|阅读)"
    # a column or series that presents the story (开设“…”专栏; 编者按)
    r"|(?:开设|推出|开辟)[^。；]{0,20}(?:专栏|栏目|专题(?!班|培训|讲座|党课|学习|研讨|辅导|课))|^[【\[（(]?编者按"
    # who attended (…及部分同志参加了会议): the news's frame
    r"|(?:参加|出席|列席)了?(?:本次|此次)?(?:会议|座谈会|活动|仪式|培训)。?$|^会议由[^。；]{2,40}主持。?$|到会指导。?$"
    r"|制定(?:本|以下|如下)[^。；，,]{0,4}(?:条例|规定|办法|细则|方案|意见|准则|制度|标准)|(?:现|特)(?:就[^。；]{2,40})?提出(?:如下|以下)(?:实施|指导|若干|具体|工作)?(?:意见|措施)"
    # a notice that passes a document on (现印发给你们，请认真贯彻落实)
    r"|^现(?:将|把)[^。；]{0,30}(?:总结|汇报|报告)如下|现(?:印发|转发|下发)给你们|(?:现|特)(?:将|把)[^。；]{2,60}(?:印发|转发|下发)(?:给)?(?:你们|各[^。；，,]{1,8})"
    # a news dateline (新华社北京1月5日电; 本报讯)
    r"|^[^。；，,]{0,6}(?:社|网|报|台)[^。；，,]{0,10}\d{1,2}日电|^[^。；，,]{0,12}(?:本网|本报|本刊|日报|晚报)讯")
# A report of a meeting where a leader set requirements: from the sentence that announces them on, its
# norms are requirements (会议强调，要…; 提出了三点要求：).
_NORMS_ANNOUNCED = re.compile(
    r"(?:^|[，,。\s])(?:会议|大会|座谈会|推进会|部署会)(?:上)?(?:强调|要求|指出|明确|提出)[，,:：]\s*[^。；]{0,16}?(?:要|必须|务必|不能|不得|决不|绝不)"
    r"|^(?:会议|大会|座谈会|推进会|部署会)(?:还|并|同时|最后)?(?:强调|要求)[，,:：][^。；]{16,}?(?:要(?![求点素闻害件么])|必须|务必)"
    r"|对(?:下一步|下步|今后|下阶段|下一阶段|今年|明年)[^。；]{0,24}(?:作|做)了?(?:具体)?(?:安排部署|部署|安排)[:：。]?\s*$"
    r"|提出了?[^。；]{0,16}要求[:：]\s*$|提出了?(?:[一二三四五六七八九十两几\d]+点|几点|以下|如下)(?:具体)?(?:要求|意见)(?:[:：。]?\s*$|[:：])"
    r"|(?:调研|视察|督导|检查|座谈)(?:时|期间|中)(?:强调|指出|要求)[，,:：][^。；]{0,30}?(?:要(?![求点素])|必须|务必)")
# The first of the announced points run into the sentence that announces them (提出三点要求：一是…).
_RUN_IN_ITEM = re.compile(r"(?:要求|意见)[:：]\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]?|首先[，,]?|[一1][、.．])[^。；:：]{4,}")
# The voice of a whole document: a text that mostly advises (要/应/需/必须 …) writes its bare imperatives and
# headings as advice; one that mostly reports (了/已/累计/counts …) writes its headings as practice.
_ADVISES = re.compile(r"(?<![重主需纪摘首必只概提不纲])要(?![求点素闻害件么])|应(?:当|该)?(?![用对急])|(?<![所急必的])需(?:要)?(?![求])"
                      r"|必须|务必|建议|不妨|可以(?:通过|尝试|考虑)")
_REPORTS = re.compile(r"了|已(?:经)?|累计|先后|截至|荣获|获评|\d+(?:余|多)?(?:次|场|人次|名|个|项|期)")
_VOICE_MIN = 3
# A bare imperative: a sentence that opens with a verb of action and names no actor.
_IMPERATIVE = re.compile(
    r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|同时|此外|第[一二三四五六七八九十][，,、])?[，,、\s]*"
    r"(?:坚持|推进|推动|强化|加强|夯实|优化|创新|完善|健全|建立|深化|提升|提高|突出|抓好|做好|构建|打造|筑牢|树立|树牢"
    r"|落实|发挥|注重|着力|聚焦|围绕|严格|规范|丰富|拓展|加大|增强|压实|统筹|学习|切实|扎实|持续|不断|积极|努力|全面|把|加快|加速|始终"
    r"|争创|紧盯|坚决|明确|细化|督促|梳理|从[^。；，,]{1,10}(?:做起|入手|着手|抓起)"
    # a verb with its result (找准…兴趣点, 抓住…突破点, 挂好“前进挡”)
    r"|找准|抓住|挂好)")
# A report of both (现将存在问题和原因报告如下) announces no one list; a heading that names the problems
# (存在的主要问题) is no item of a list of causes.
_PROBLEMS_AND_CAUSES = re.compile(r"问题(?:和|及|与|以及)[^。；]{0,6}(?:原因|根源|成因)|(?:原因|根源|成因)(?:和|及|与|以及)[^。；]{0,4}问题")
_NAMES_PROBLEMS = re.compile(r"问题")
# A further norm announced in one sentence, after the items of an announced list.
# Who attended or chaired, told after the points set at a meeting: the points have ended.
_ATTENDANCE = re.compile(r"(?:参加|列席|出席)(?:了)?(?:会议|活动|座谈)。?$|主持(?:会议)?。?$")
_MORE_NORMS = re.compile(r"提出了?[^。；]{0,16}(?:要求|意见)。?$|(?:作|做)了?[^。；]{0,6}(?:安排部署|部署)。?$")
# A sentence that announces the list after it (原因主要有两方面; 主要表现在以下几个方面; 需从以下六个方面着力)
# gives its role to the enumerated items (一是…, 第一…) and what they say, until the next real heading.
_LIST_ANNOUNCEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("practice", re.compile(r"(?:回顾|总结)[^。；]{0,30}(?:工作|以来)[^。；]{0,12}(?:特点|成效|成绩|做法|亮点)[^。；]{0,4}[:：]\s*$")),
    # (…在原因、性质、形式等方面… names dimensions, it announces no list)
    ("cause", re.compile(r"(?:原因|根源|成因)[^。；]{0,12}(?:有[两二三四五六几多]|如下|以下|(?<!等)方面|几点|是多方面的|包括)"
                         r"|(?:背后|深层次?|深刻|复杂)[^。；]{0,10}(?:原因|根源|成因)[。:：]?$"
                         # the count or the list named before the word (有以下几方面原因：; 主要有三个方面的原因。)
                         r"|(?:以下|如下|[两二三四五六七八九几多]个)[^。；，,]{0,6}(?:方面|点|条)?的?(?:原因|根源|成因)(?:[。:：]?$|[:：])"
                         # …or with a bare colon (原因主要有：; 根源在于：)
                         r"|^[^。；，,]{0,12}(?:原因|根源|成因)[^。；，,]{0,4}(?:有|是|在于|包括)[:：]\s*$"
                         r"|(?:既有|有)[^。；]{0,10}(?:主观|客观)(?:原因|因素|方面)")),
    ("problem", re.compile(r"表现(?:在|为)[^。；]{0,8}(?:以下|如下|几个方面|[两二三四五六几]个?方面)"
                           r"|(?:存在|面临)[^。；]{0,20}问题[^。；]{0,6}(?:[:：]|主要(?:有|是|表现))\s*$"
                           # …or run into its first item (主要存在如下几方面的问题：一是…)
                           r"|(?:存在|面临)[^。；]{0,12}(?:如下|以下)[^。；]{0,8}问题[:：]"
                           # a run-in label (…方面存在问题：部分单位…)
                           r"|^[^。；，,:：]{0,20}存在(?:的)?(?:主要)?问题[:：]")),
    ("requirement", re.compile(r"对(?:下一步|下步|今后|下阶段|下一阶段|今年|明年)[^。；]{0,24}(?:作|做)了?(?:具体)?(?:安排部署|部署|安排)[:：。]?\s*$"
                               r"|提出了?(?:[一二三四五六七八九十两几\d]+点|几点|以下|如下)(?:具体)?(?:要求|意见)(?:[:：。]?\s*$|[:：])")),
    # …从以下几个方面 announces advice when it prescribes (需从以下六个方面着力), not a report's 主要从以下几个方面开展
    ("recommendation", re.compile(r"(?:对策|建议|措施|路径|着力)[^。；]{0,10}(?:如下|以下几点)|(?:需|(?<![主重纪摘首必只概提不])要|应|必须|务必|可|宜|建议)从以下[^。；]{0,6}方面"
                                  r"|^整改(?:措施|举措|方向|打算)[:：]")),
)
# A modal directly before a verb of action: the sentence says what should be done, not what was.
_MODAL = re.compile(
    r"(?:要|应当?|应该|需要?|必须|务必)(?:积极|切实|进一步|深入|不断|着力|始终|大力|认真|坚持|加强|强化|推进|推动|开展|建立"
    r"|健全|完善|注重|围绕|聚焦|把|将|在|从|以|对|通过|做好|抓好|提高|提升|增强|优化|创新|扩大|丰富|打破|跳出|树立|发挥"
    r"|坚守|坚定|找准|把握|立足|结合|主动|自觉|牢固|牢记|敢于|善于)")
_INLINE_RANK = min(pattern.rank for pattern in HEADING_PATTERNS if pattern.inline)  # 一是/第一 items
# News of a meeting opens by reporting it; there a leader's words (…强调，要…) announce requirements too.
_MEETINGS = (r"(?:会议|大会|座谈会|推进会|部署会|动员会|观摩会|现场会|研讨会|评议会|调度会|工作会|党委会|务虚会|交流会|生活会"
             r"|(?:扩大)?会议|[（(]扩大[)）]会议?)")
_MEETING_OPENING = re.compile(
    rf"(?:召开|举行|举办|(?<!党)组织(?!建设|生活)|开展)[^。；]{{0,50}}(?:{_MEETINGS}|培训班|仪式)"
    rf"|{_MEETINGS}[^。；]{{0,6}}(?:召开|举行)|{_MEETINGS}在[^。；，,]{{2,30}}(?:召开|举行)。?$"
    r"|(?:到|赴|来到|深入)[^。；，,]{0,20}(?:调研|视察|督导|检查指导)"
    r"|(?:到|赴|来到|深入)[^。；，,]{2,30}并(?:开展|进行)(?:专题)?调研")
# The sentence that reports a meeting (召开…会议) in news whose point is the requirements set there is framing.
_MEETING_LEAD = re.compile(
    rf"(?:召开|举行|举办|(?<!党)组织(?!建设|生活)|开展)[^。；]{{0,50}}{_MEETINGS}|{_MEETINGS}[^。；]{{0,6}}(?:召开|举行)"
    rf"|{_MEETINGS}在[^。；，,]{{2,30}}(?:召开|举行)。?$")
# News that a document was issued (印发…通知): what the document requires (通知要求，…要) is a requirement.
_ISSUED_OPENING = re.compile(r"(?:印发|下发|发出|出台)了?[^。；]{0,60}(?:通知|意见|条例|规定|办法|方案|决定)")
_DOCUMENT_NORMS = re.compile(
    r"^(?:通知|意见|决定|文件|方案|条例|《[^》]{2,40}》)(?:中)?(?:强调|要求|明确)[，,:：]\s*[^。；]{0,16}?(?:要|必须|务必|应)"
    # 《…方案》要求，深入学习…: the document's own list of tasks, told without a modal
    r"|^(?:《[^》]{2,60}》|(?:通知|意见|决定|方案|实施意见|工作方案|实施方案))(?:还|并|同时)?(?:要求|明确|部署|提出)[，,:：]"
    r"|^《[^》]{2,60}》(?:还|并|同时)?(?:要求|明确|强调)(?![^。；]{0,6}(?:了|过))")
# In news of a meeting, a directive told without its speaker (要求各党支部…; 会后，要求…，号召…).
_BARE_DIRECTIVE = re.compile(r"^(?:[^。；，,]{0,8}[，,])?(?:并|还|同时|最后)?(?:要求|号召|责成)(?:各|全体|广大|与会|大家|全校|全局|全院|机关)")
# A leader's words announced in one sentence (…强调，做好今年的工作责任重大。) whose norms follow in the next.
_LEADER_SAYS = re.compile(
    r"^(?![^。；]{0,12}(?:总书记|习近平|党中央|中央|党的|报告|[一二三四五六七八九十]+大))[^。；，,]{1,24}(?:强调|要求|指出|提出)[，,:：]")
# The title at the start of a first sentence it was run into.
_MERGED_TITLE = re.compile(
    r"^[^。；，,：:]{0,40}?(?:会议|大会|座谈会|推进会|部署会|动员会|培训班|开班式)上的(?:讲话|致辞)"
    r"|^关于[^。；，,：:]{2,50}?的(?:通知|意见|决定|实施方案|工作方案)")
# A notice without a title line still says what it is (现将有关事项通知如下; 特此通知).
_NOTICE_BODY = re.compile(r"(?:通知|事项|事宜)如下|特此通知|请(?:认真)?(?:遵照|贯彻)执行|现(?:印发|转发)给你们|(?:转发|印发)如下"
                          r"|请(?:各|你们)[^。；，,]{1,12}(?:认真|按照|结合|于\d|在\d|及时|务必|切实|做好|抓好|严格)"
                          # the units addressed on a line of their own (各党支部：), not a speech's 各位…
                          r"|^各(?!位)[^。；，,！!]{1,24}(?:[（(][^）)]{1,20}[）)])?[:：]$"
                          r"|现(?:制定|制订)[^。；]{0,30}(?:计划|方案|要点|办法|细则)如下")
_MODAL_YAO = r"(?:(?<![重主需纪摘首必只概提不纲])要(?![求点素闻害件么])|必须|务必|应当)"
_LEADER_NORMS = re.compile(r"(?:强调|(?<![然在总新本])要求|指出)[，,:：][^。；]{0,80}?" + _MODAL_YAO)
# A leader named with a title (李某同志, 王书记, 张局长) whose words open a text sets requirements there (the
# report of a meeting whose opening is not part of the text); the General Secretary is quoted, not reported.
_NAMED_LEADER_NORMS = re.compile(
    r"^(?![^。；]{0,12}(?:总书记|习近平|毛泽东|邓小平))[^。；，,]{0,16}"
    r"(?:同志|书记|局长|主任|部长|厅长|市长|县长|区长|院长|处长|组长|主席|董事长|总经理|行长)[^。；，,]{0,4}?"
    r"(?:特别|进一步|再次|最后|还)?(?:强调|要求|指出)[，,:：][^。；]{0,40}?" + _MODAL_YAO)
# A notice asks the units it addresses (请各党支部认真组织…).
_ASKS_UNITS = re.compile(r"请(?:各|你们|全体|广大)[^。；，,]{0,12}(?:认真|按照|结合|于|在|及时|务必|切实|做好|组织|抓好|严格|将|把)")
# A sentence that names who must act and then prescribes (市直机关各级党组织要…).
_NAMED_PRESCRIPTION = re.compile(r"^[^。；，,]{2,20}(?:要(?![求点素闻害件么])|必须|务必|应当)")
# The count of a compilation's title (…3篇, （精选8篇）) or the number of one of its articles.
_TITLE_COUNT = re.compile(r"(?:[（(]?(?:精选|通用|优选)?[\d一二三四五六七八九十]{1,3}篇[）)]?|\d{1,2})$")
# A sentence that says what a thing is (…是…的需要/展现/体现).
_DEFINITION = re.compile(r"^(?:[^。；，,]{0,8}[，,:：])?(?:[^。；，,]{2,30}[，,]\s*[^。；，,]{0,30}|[^。；，,]{2,30})是[^。；]{2,120}的[^。；，,的]{1,8}。?$")
# In a report of the norms set (…《意见》明确…), a sentence that goes on with them (要求…, 并强调…).
_NORMS_GO_ON = re.compile(r"^(?:《[^》]{2,60}》|通知|意见|方案|实施意见|工作方案|实施方案)?(?:并|还|同时|另外|此外)?"
                          r"(?:强调|要求|明确|提出)(?![^。；，,]{0,4}(?:了|过))")
# A speaker's point put in one short sentence (要将党建工作与审判业务结合起来。): the sentence after it spells the point out.
_SHORT_POINT = re.compile(r"^(?:[一二三四五六七八九十][是要][，,]?|第[一二三四五六七八九十][，,、]|首先[，,]?|其次[，,]?)?"
                          r"(?:要|必须)(?![求点素闻害件么])[^。；，,]{2,30}。$")
# A directive to the units below by name (各部门单位要…, 各党支部要…), not the 各级党组织要 of a commentary.
_ADDRESSES_UNITS = re.compile(
    r"^(?:[^。；，,]{0,10}[，,])?各(?:部门|单位|部门单位|支部|党支部|科室|处室|乡镇|街道|社区|村)(?:[（(][^）)]{1,10}[）)])?"
    r"(?:党组织|党委|党组|机关党委)?[^。；，,]{0,6}(?:(?<![主重需纪])要(?![求点素])|必须|务必|应当|一定要)")
# The mark of one article of a compilation before its title (【篇1】, 第二篇：).
_ARTICLE_MARK = re.compile(r"^(?:[【\[]篇[一二三四五六七八九十\d]{1,2}[】\]]|第[一二三四五六七八九十\d]{1,2}篇[:：]?)\s*")
# The articles of a rule text (第一条 …, 第二条 …).
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条")
# The parts of a plan or standard (工作目标, 主要任务, 保障措施 …): a text laid out in two of them is a yardstick.
_PLAN_PART = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?\s*(?:指导思想|总体要求|基本原则|(?:工作|主要|总体|创建)目标"
    r"|(?:主要|重点|工作)任务|保障措施|组织领导|实施步骤|方法步骤|工作要求|建设标准|考核办法|奖惩措施"
    r"|(?:重点|主要|活动)内容|内容导引|(?:工作|操作)提示|(?:推进|工作)步骤|时间安排|进度安排)[:：]?$")
# What a meeting did (传达了…文件精神, 通报了…情况): its proceedings, not the news's frame.
_PROCEEDINGS = re.compile(r"(?:传达|通报|听取|审议|学习|参观|观摩)了")
_EVENT = re.compile(r"召开|举行|举办|出席|参会|参加|听取|主持|点评"
                    r"|^会议(?:还|原则|认真|集中)?(?:审议|通过|通报|传达|学习|表彰|总结|研究)")
_SPOKEN_TITLE = re.compile(r"讲话|会议|大会|座谈会|推进会|部署会")
# A text that opens by addressing its hearers (同志们：) is a speech, a yardstick of the spoken kind.
_SPEECH_OPENING = re.compile(r"^(?:各位(?:领导|代表|委员|同志)[^。；]{0,12}|同志们)[，,：:！!]?$"
                             r"|^同志们[，,：:！!]\s*(?:[^。；]{0,40}(?:讲话|致辞)[^。；]{0,2})?(?:为|今天|这次|此次|在|按照|根据|刚才)")
# …and a speaker about the meeting and the points of the talk (今天，我们召开…; 下面，我讲三点意见).
# A norm addressed to those present, after what the speaker says of the meeting (…作了发言，大家要认真学习).
_ADDRESSED_NORM = re.compile(r"[，,]\s*(?:大家|同志们|各(?!位)[^。；，,]{1,10}|全体[^。；，,]{0,8})(?:都)?(?:要(?![求点素])|必须|务必|一定要)")
_SPEECH_FRAME = re.compile(r"^(?:今天|刚才)[，,]?[^。；]{0,12}(?:我们|在这里)[^。；]{0,30}召开"
                           r"|^下面[，,]?[^。；]{0,30}我[^。；]{0,16}讲[^。；]{0,8}(?:意见|要求)"
                           r"|我(?:代表|就)[^。；]{0,30}讲[一二三四五六七八九十两几]点(?:意见|要求)"
                           # …再强调几点 / 重点强调3方面意见 / 讲话稿 / 我们召开…会，主要任务是
                           r"|(?:我|下面)[^。；]{0,30}(?:再|先|着重|重点)?(?:强调|讲)(?:以下|如下)?[一二三四五六七八九十两几\d]+(?:点|个?方面)"
                           r"|我(?:再|还|想)?强调以下几点|讲话稿|(?:我们|今天)[^。；]{0,6}召开[^。；]{0,40}(?:会议?|大会)[^。；]{0,30}主要任务是")
# News of what one unit did: a dateline (…讯, 记者…, 通讯员…) or a named unit acting in the opening sentence.
_UNIT_NEWS = re.compile(
    r"^[^。；，,]{0,12}讯\s*[（(:：]|^[^。；，,]{0,12}讯[^。；，,]{0,2}$|[（(](?:记者|通讯员)[^）)]{1,20}[）)]"
    r"|^(?:[^。；]{0,60}[，,])?[^。；，,]{0,20}(?:党委|党组|党总支|党支部|支部|分局|公司|分行|支行|中心)"
    r"(?:[^。；，,]{0,6})?(?:多向发力|多措并举|多点发力|自\d{4}年|近日|日前|今年以来|\d{1,2}月\d{1,2}日)"
    r"|^(?:近日|日前|今年以来|\d{1,2}月\d{1,2}日(?:上午|下午)?)[，,]?[^。；，,]{0,20}(?:党委|党组|党总支|党支部|支部|分局|公司|分行|支行|中心)"
    r"(?:[^。；，,]{0,4})?(?:开展|组织|召开|举办|赴|联合|走进|启动|聚焦|坚持|围绕|紧扣|着力|扎实|深入|多措并举)")
# …or a place or unit named at the opening as the actor of a practice it keeps (近年来，某县推行…; 某局坚持以…):
# an experience story, whose bare verb phrases (明确任务，让“履责必清”。) tell what the unit does.
_UNIT_ACTS = re.compile(
    r"^(?:(?:近年来|近些年来|近几年来|今年以来|去年以来|\d{4}年以来|近期|近日|日前)[，,]?)?[^。；，,]{1,24}"
    r"(?:省|市|县|区|旗|镇|乡|街道|社区|村|局|厅|署|委|党委|党组|党工委|支部|公司|集团|分行|支行|中心|学院|医院|大学)"
    r"(?:[（(][^）)]{1,6}[）)])?(?:党委|党组|党工委|党支部)?"
    r"(?:坚持|推行|以|围绕|聚焦|着力|深入|积极|创新|探索|实施|通过|把|将|立足|紧扣|结合|注重|大力|扎实|全面|持续|不断)")
# In a report, a very short line (配强支部班子。 建强党员队伍。) is a run-in heading of what was done.
_RUN_IN_HEADING_MAX = 10
# A sentence that opens by prescribing (要…, 其次，要…, 必须…).
_PRESCRIBES = re.compile(r"^(?:[^。；，,]{0,6}[，,])?\s*(?:要(?![求点素闻害件么])|应当?|应该|需要?|必须|务必)")
# What someone is said to think (有的干部认为抓党建要让位于业务): an attitude observed, not the writer's advice.
_OPINION = re.compile(r"(?:认为|觉得|以为|看来)[^。；]*")
# …unless the one who thinks is the writer (我们认为，今后…要…; 笔者认为…): that is the report's own advice.
_OWN_VIEW = re.compile(r"(?:我|我们|笔者|本文|课题组|调研组|调查组|研究组)[^。；，,]{0,4}(?:认为|觉得|看来)")
# What members or attendees said (党员们纷纷表示，要…) in news of an activity.
_MEMBERS_SAID = re.compile(r"(?:纷纷|一致|大家|党员们|同志们|干部们|与会人员|参会人员|群众)(?:都)?表示[，,:：][^。；]*")
# What a course can bring about (通过…，能激发…; 既能体现…，又能…; 有助于增强…): an argument, not an act told.
_POTENTIAL = re.compile(r"(?:能够?|可以|有助于|有利于)(?:有效|进一步|更好地?|充分|切实|大大|极大地?)?(?:激发|促使|提升|提高|增强|保证|确保"
                        r"|推动|促进|体现|密切|帮助|实现|让|使|激活|凝聚|调动|强化|营造|带动|优化)")
_GENERAL_STATUS = re.compile(r"(?:已经|已|逐渐|逐步|日益|越来越)成为(?:了)?[^。；]{0,30}(?:重要|关键|主要|有效|基本|普遍|共识)")
# The place a kind of thing holds (…在…体系中占据重要地位; …取决于…; …至关重要; 在…方面发挥积极的作用; 对…起到支撑性作用),
# nothing told as done: the standing of the thing, context rather than what a unit did.
_ROLE_PLAYED = re.compile(r"^(?![^。；]*(?:(?<![为除受])了(?![解如])|已|\d))(?:[^。；]*?(?:(?:占据|占有|处于)[^。；，,]{0,6}(?:重要|核心|关键|基础性?|突出|主导)的?地位"
                          r"|取决于|至关重要|不可(?:替代|代替|或缺)|(?:在[^。；]{2,60}(?:中|上|方面)|对[^。；]{2,40})(?:发挥|起到|起着)着?[^。；，,]{0,10}"
                          r"(?:积极|重要|关键|基础性|支撑性|不可替代|决定性|主导)[^。；，,]{0,8}作用))")
# A study's own making (组成调研组; 本次调研覆盖了…; 通过问卷调查、座谈交流等方式; 在…份调查问卷样本中): how the writer
# came by the findings, not what the unit does (annotation guide n).
# What a study sets out to do (本研究结合…进行分析，为…提出对策与建议。): the paper's frame, not its advice.
_STUDY_AIMS = re.compile(r"^(?:本研究|本文|本课题|本报告|本次研究|笔者)(?!认为|建议)[^。；]{0,80}(?:为|以期|旨在|以便)[^。；]{0,60}"
                         r"(?:提出|提供)[^。；]{0,20}(?:对策|建议|参考|借鉴|思路|路径)"
                         # …and how the paper goes about it (本文从…两个方面分析其成因，并提出对策建议。; 限于篇幅，下文仅…)
                         r"|^(?:(?:由于|因为|因|限于|受)?篇幅(?:所限|有限|限制)?[，,]\s*)?(?:本文|本研究|本报告|本课题|下文|笔者)(?!认为|建议|以为)"
                         r"(?:仅|只|拟|将|试|试图|主要|重点)?(?:就|从|对|以|围绕|结合|基于)[^。；]{0,60}?"
                         r"(?:探讨|分析|论述|讨论|阐述|梳理|列举|剖析|提出)[^。；:：]*。?$"
                         r"|^(?:由于|因为|因|限于|受)篇幅(?:所限|有限|限制)")
_STUDY_MADE = re.compile(r"(?:组成|成立)[^。；，,]{0,20}(?:调研组|课题组)|(?:本次|此次)(?:调研|调查|问卷)|问卷样本"
                         r"|(?:通过|以|采取|采用)(?:问卷调查|实地走访|座谈交流|个别访谈|访谈)[^。；]{0,30}(?:方式|形式|方法)")
_DIGIT = re.compile(r"\d")
# How the times change a field (…的外部环境发生了深刻变化, 党建工作的重要性日益凸显) is background, unless a unit's own
# outcome is told (支部面貌发生了可喜变化).
_TIMES_CHANGE = re.compile(r"发生了?[^。；，,]{0,6}变(?:化|革)|日益凸显|重要性[^。；，,]{0,4}(?:日益|愈发|越来越)")
# A speaker or writer asking the hearers to see the situation (我们必须清醒地看到，…的竞争已经转向了…): the 必须 governs the
# seeing, not a task, and what is seen is the setting, unless a shortcoming is seen (…还存在不少问题).
_SOBER_VIEW = re.compile(r"^(?:[^。；，,]{0,10}[，,]\s*)?(?:我们|大家)?(?:必须|要|应当|应该|也要|还要|更要)?(?:清醒|清楚)(?:地)?"
                         r"(?:看到|认识到)[，,]")
_OWN_UNIT = re.compile(r"(?:我|该|本)(?:镇|乡|街道|县|市|区|局|院|委|厅|处|校|所|行|公司|单位|支部|党委|党组)|支部|党委|党组(?!织)")
# A condition stated as what it takes (只有…才能…) argues: it is no advice unless worded as one (要, 必须).
_WHAT_IT_TAKES = re.compile(r"只有[^。；]{0,60}?才(?:能够?|会|可以?)(?:[^。；]{0,30}?[，,]\s*才(?:能够?|会|可以?))*")
# Members taken somewhere or spoken to in the course of an activity (来到…社区, 为全体党员讲党课): an act of the story a
# report tells, though told without 了.
_ON_SITE = re.compile(r"来到|派出|为全体党员|向(?:全体)?党员们?|讲(?:微)?党课|实地(?:访谈|走访|考察|察看|调研)|开班动员|主持开班式")
# A keyword line (关键词：…；…；…) is cut at its semicolons: the items after its first are keywords too.
_KEYWORD_LINE = re.compile(r"^[〔\[【(（◆]?\s*(?:关键词|关键字|主题词)")
_KEYWORD_ITEM_MAX = 24
# A line of an article's apparatus (关键词, 中图分类号 …) closes the abstract: a list announced there has ended.
_APPARATUS = re.compile(r"^[〔\[【(（]?\s*(?:关键词|关键字|中图分类号|文献标识码|文章编号|基金项目|作者简介|收稿日期)")
# Who took part, told at the end of a dated opening that reports the unit's own activity (…开展…活动，…参加了此次活动),
# is part of that report, not the frame of a meeting's news.
_ATTENDED = re.compile(r"(?:参加|出席|列席)了?(?:本次|此次)?(?:会议|座谈会|活动|仪式|培训)。?$")
_DATED_OPENING = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上?)?[，,]")
# A leader who sets out the work to come (…结束后，书记布置了下阶段工作): the announcement of points, not a step of the activity.
_DEPLOYS_WORK = re.compile(r"(?:布置|部署)了?[^。；]{0,30}工作")
_DATED_ACTIVITY = re.compile(r"^(?:为[^。；]{2,100}[，,])?(?:\d{4}年)?\d{1,2}月\d{1,2}日[^。；]{0,50}?(?:开展|举办|举行|组织|召开)")
# The next step of the activity a news item tells (接着，…; 活动中，…; 第二阶段：…; 参观结束后，…) and the line on
# who led it and who took part (活动由…主持，全体党员参加。): the activity reported, not the news's frame.
_NEXT_IN_EVENT = re.compile(r"^(?:(?:接着|随后|然后|紧接着|之后|其后|最后|首先|活动中|活动现场|活动期间|期间|此外|同时|在此次活动中|在活动中"
                            r"|第[一二三四五六七八九十]阶段|第[一二三四五六七八九十]项|[^。；，,]{2,12}结束后)[，,:：]|(?:接着|随后|紧接着|最后)(?=由|在|[^。；，,]{0,4}(?:组织|带领|为)))"
                            r"|^[^。；，,]{0,8}由[^。；，,]{2,30}主持[，,][^。；]{0,30}参加(?:了)?(?:活动|学习)?。?$")
# What the writer reads out of the facts (这一论断揭示了…; 这些案例印证了…; 它为…提供了…) is commentary, not an act told.
_COMMENTARY = re.compile(r"^(?:这|此(?!外|后|前|间)|它|其(?!中|次|后|间|余|他)|上述|以上)|揭示|印证|证明|表明|说明了|彰显|诠释|折射|意味着|珍贵|可贵")
# The place a report is about (总面积…平方公里, 总人口…, 东与…接壤): its setting, not what the unit did.
_LOCALITY = re.compile(r"总面积|平方公里|总人口|总户数|接壤|毗邻|交界|^境内")
# Everyone at once as the actor (各地, 各级党组织, 全国…), not a unit.
_GENERAL_ACTORS = re.compile(r"^(?:[^。；，,]{0,10}[，,]\s*)?(?:在?全党|全社会|全国上下|各地|各级|全国|我国|各部门|各单位|各行各业|不少地方|许多地方|很多地方|一些地方)")
# …of them, the places everywhere are no unit even in a report's voice (经过多年探索，各地形成了…; 从全国看，…), and neither is
# the era told without a unit (新时代以来，机关党建工作取得了历史性成就).
_NATIONWIDE = re.compile(r"^(?:从全国(?:范围)?(?:来|上)?看[，,]|(?:[^。；，,]{0,10}[，,]\s*)?(?:随着[^。；]{2,40}[，,]\s*)?"
                         r"(?:全党|全社会|全国上下|各地|全国|我国|不少地方|许多地方|很多地方|一些地方|各省市?))")
_ERA_OPENING = re.compile(r"^(?:进入)?新时代(?:以来)?[，,]|^(?:自)?(?:党的)?(?:十[六七八九]大|二十大)(?:召开)?以来[，,]")
# The membership as a whole (各级党组织和广大党员干部…; 疫情发生以来，广大党员…): the Party's members everywhere, not a unit's.
_WHOLE_MEMBERSHIP = re.compile(r"^(?:[^。；，,]{0,12}[，,]\s*)?(?:各级党组织|广大党员|全体党员|广大干部群众|广大人民群众|全国(?:广大)?党员)")
# A count told nationwide (据统计，截至2022年底，全国共有党员…): the national picture, whatever figure it gives.
_NATIONWIDE_COUNT = re.compile(r"(?:^|[，,])(?:全国|我国)(?:共有|现有|共|累计)[^。；，,]{0,10}\d")
# A kind of organisation named as a whole (国有企业, 公立医院, 非公企业…), not a unit, with the contribution it makes or the
# part it plays (国有企业为…做出了巨大贡献; 公立医院在…方面发挥了不可替代的作用): background, told with 了 or not.
_CLASS_CONTRIBUTION = re.compile(
    r"^(?:[^。；，,]{0,12}[，,]\s*)?(?:我国|中国|全国)?的?(?:国有企业|国企|中央企业|央企|民营企业|非公有制企业|非公企业|非公有制经济|民营经济"
    r"|公立医院|高等学校|高校|中小学校?|基层党组织|党的基层组织|机关党组织|农村基层党组织|城市社区|广大党员)"
    r"(?![^。；，,]{0,2}(?:党委|党支部|支部)[^。；，,]{0,2}(?:开展|组织|召开))"
    r"[^。；]{0,40}?(?:(?:做出|作出|贡献)了?[^。；，,]{0,10}(?:重大|巨大|突出|重要|积极|卓越|历史性)的?贡献|贡献了(?:全国)?"
    r"|发挥了?[^。；，,]{0,8}(?:不可替代|重要|关键|积极|巨大|突出|基础性|骨干|主力军|压舱石|战斗堡垒|先锋模范|模范带头|中流砥柱)的?作用)")
# A share of the members found by a survey (调查显示，支部书记中“双带头人”占72%。): what the unit's members are, a result
# (practice), unless the share is of those who fall short (兼职的占86%; 仅有21%…).
_SHARE_FIGURE = re.compile(r"占(?:比)?(?:了|达|为|到)?\s*[\d.]+\s*[％%]|占[一二三四五六七八九]成|比例(?:为|达到?|是)\s*[\d.]+\s*[％%]")
_SHORT_SHARE = re.compile(r"不|未|没|无|仅|只有|只占|缺|难|少|低|弱|差|兼职|请假|缺席|流失|老化|问题|回收|样本|问卷(?:共|发放)")
# An opening 由于/因为 whose clause tells no shortcoming (由于机构改革后职能调整，…新设了三个科室。) explains no problem.
_GIVEN = re.compile(r"^(?:[^。；，,]{0,6}[，,]\s*)?(?:由于|因为)")
_SHORTCOMING = re.compile(r"不|未|没|无|难|缺|弱|低|差|少|有限|滞后|薄弱|偏|松|散|虚|乱|软|慢|浅|窄|老化|流失|脱节|矛盾|压力|繁重|繁杂"
                          r"|冲突|困难|问题|短板|瓶颈|负担|挤占|忽视|淡化|流于|形式|重[^。；，,]{1,4}轻|导致|致使|造成|影响|兼|多头|频繁|过"
                          r"|紧张|危险|风险|依然|仍|隐患|困境|挑战|冲击|下降|下滑|减少|短缺|对抗|制约|限制|阻碍|分散|繁|忙|累|疲")
_COPULA = re.compile(r"(?<![一二三四五六七八九十但而])是")  # a statement of what something is (推动…是…命题)
# Words that make a norm of a speech's sentence without a modal verb (切实转变作风; 两手抓、两手硬).
_SPOKEN_NORM_WORD = re.compile(r"切实|进一步|着力|确保|坚持|务求|力求|两手抓|缺一不可|唯有|只有"
                               r"|希望(?:各|大家|你们|全体|广大|同志们|机关|省直|市直|县直|区直)")
# A work summary (工作总结, …总结如下) reports what was done, like an experience report.
_SUMMARY = re.compile(r"总结如下|工作总结|总结报告|述职报告|(?:情况|情景|工作)[^。；]{0,16}汇报如下"
                      r"|(?:工作|开展|落实|推进|履职|建设)情况的?(?:汇报|报告)$")
# Report genres: a speaker's 要 there is read as the report's own advice.
_REPORT_GENRES = frozenset({"心得体会", "调研报告", "经验材料", "工作总结", "答记者问"})
GENRE_PRIORS: dict[str, dict[str, float]] = {
    "心得体会": {"recommendation": 1.0},
    "经验材料": {"practice": 0.5},
    "工作总结": {"practice": 0.5},
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the passage that triggered a code (or a rule that added it)."""

    code: str
    start: int
    end: int
    text: str
    source: str  # "term", "pattern", "rule:<id>", "context" (a heading's codes), "anaphora" (the previous passage's)

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "start": self.start, "end": self.end, "text": self.text, "source": self.source}


@dataclass(frozen=True)
class PassageContext:
    """What a passage's surroundings say: enclosing headings, document genre, section role hint."""

    heading: str = ""
    doc_type: str = "other"
    policy: bool = False
    is_heading: bool = False
    section_hint: str = ""
    position: int = 0
    voice: str = ""  # "advice" or "report" when the document's sentences mostly advise or mostly report
    spoken: bool = False  # the yardstick is a speech or a meeting's requirements: only its worded norms are requirements
    is_title: bool = False  # the document's title line (or a repeat of it)
    lead: bool = False  # the report of the meeting in news of the requirements set there
    off_topic: bool = False  # event news that never names the codebook's topic (document gates apply)
    news: bool = False  # news of what a unit did (a dated or unit-named opening), no meeting that set requirements
    previous: str = ""  # the passage right before this one in the same document ("" for the first)
    title: str = ""  # the document's title line ("" if it has none)


def build_contexts(texts: Sequence[str]) -> list[PassageContext]:
    """Contexts for the passages of one document given in reading order (headings found on the fly)."""
    head = "\n".join(texts[:8])
    title = find_title(head)
    if not title and texts:  # a title run into the first sentence (…会议上的讲话同志们：…; 关于…的通知各单位：…)
        merged = _MERGED_TITLE.match(texts[0].strip())
        title = merged.group(0) if merged else ""
    doc_type = classify_doc_type(title, head)
    # A speech or a standard is a yardstick by its title, whatever report words its opening holds.
    titled_report = any(pattern.search(title) for _, pattern in REPORT_TYPES)
    # …or by the title of its first article (a compilation's 【篇一】… or its own title line under a site's).
    yardstick = (bool(YARDSTICK_TITLE.search(title)) or any(
        len(text.strip()) <= 40 and text.strip()[-1:] not in "。；;，,：:" and YARDSTICK_TITLE.search(text.strip())
        for text in texts[:5] if text.strip())) and not titled_report
    # …and so does a text that reports its work (…工作情况汇报如下), whatever its site calls it (心得体会).
    if doc_type in {"other", "报告", "心得体会"} and not yardstick and any(_SUMMARY.search(text) for text in texts[:20]):
        doc_type = "工作总结"
    if doc_type == "other" and any(_NOTICE_BODY.search(text) for text in texts[:8]):
        doc_type = "通知"
    # A yardstick's title outranks a report genre read from its opening (a speech that praises 经验交流).
    policy = doc_type in POLICY_TYPES or yardstick
    reported = doc_type in {"答记者问", "心得体会", "经验材料", "调研报告", "工作总结"}  # a report genre
    if not policy and not reported:
        policy = (len({_PLAN_PART.match(text.strip()).group(0)[-4:] for text in texts if _PLAN_PART.match(text.strip())}) >= 2
                  or sum(1 for text in texts if _ARTICLE.match(text.strip())) >= 2)
    addressed = not title and (any(_SPEECH_OPENING.match(text.strip()) for text in texts[:2])
                               or any(_SPEECH_FRAME.search(text.strip()) for text in texts[:8]))
    if addressed and doc_type == "other" and not policy:
        policy = True  # a speech: its worded norms are requirements, its review of the work is practice
    spoken_title = (bool(_SPOKEN_TITLE.search(title)) or addressed) and doc_type not in POLICY_TYPES
    stack: list[tuple[int, str]] = []
    contexts = []
    # the voice is the writer's: modal verbs inside quotation marks (“作风上要扎实”的人选) are cited
    advises = sum(1 for text in texts if _ADVISES.search(_QUOTED.sub("“”", text)))
    reports = sum(1 for text in texts if _REPORTS.search(text))
    voice = ("advice" if advises >= _VOICE_MIN and advises >= 2 * reports
             else "report" if (reports >= _VOICE_MIN and reports >= 2 * advises) or (reports >= 2 and not advises)
             else "")
    if not voice and not policy and any(_UNIT_NEWS.search(text) or _UNIT_ACTS.match(text.strip())
                                        for text in texts[:3]) and reports >= advises:
        voice = "report"  # news of what a unit did tells it without 了 (一是在…上发力)
    body_started = False
    meeting_news = any(_MEETING_OPENING.search(text) for text in texts[:5])
    issued_news = any(_ISSUED_OPENING.search(text) for text in texts[:3])
    def opens_norms(position: int, text: str) -> bool:
        """The sentence announces the norms set at a meeting, on a visit or in an issued document."""
        if _NORMS_ANNOUNCED.search(text) or (meeting_news and (_LEADER_NORMS.search(text) or _BARE_DIRECTIVE.match(text))):
            return True
        if (issued_news and _DOCUMENT_NORMS.search(text)) or (
                not reported and position < 5 and _NAMED_LEADER_NORMS.search(text)):
            return True
        if not title and not reported and voice != "report" and _ADDRESSES_UNITS.match(text) and not _DONE.search(text):
            return True  # 各部门单位要…, 各支部要… in an untitled text: a directive to the units below
        # …强调，做好今年的工作责任重大。 followed by 要…: the leader's words go on in the next sentence.
        following = texts[position + 1].strip() if position + 1 < len(texts) else ""
        return bool(meeting_news and _LEADER_SAYS.search(text) and not _DONE.search(text)
                    and (_PRESCRIBES.match(_HEADING_NUMBER.sub("", following)) or _NAMED_PRESCRIPTION.match(following)))

    sets_norms = not policy and any(opens_norms(position, text.strip()) for position, text in enumerate(texts))
    news = not policy and not sets_norms and any(
        _UNIT_NEWS.search(text.strip()) or _DATED_ACTIVITY.match(text.strip()) for text in texts[:3])
    announced = False
    listed = ""
    list_rank: int | None = None  # the rank of an announced list's heading items
    explaining = False
    inline_list = False  # the list is one of inline items (首先…其次…): a real heading ends it
    keywords = False  # inside a keyword line cut at its semicolons (关键词：党建；业务；融合)
    for position, text in enumerate(texts):
        stripped = text.strip()
        keyword_item = keywords and len(stripped) <= _KEYWORD_ITEM_MAX and not re.search(r"[。！？!?]", stripped)
        keywords = (keyword_item or bool(_KEYWORD_LINE.match(stripped))) and stripped.endswith(("；", ";"))
        heading = match_heading(stripped, line_start=True) if stripped else None
        if heading is None and body_started and stripped and is_plain_heading(stripped):
            heading = (0, 0, stripped)
        if keyword_item:
            heading = None  # the last keyword (影响因素) opens no section, whatever it names
        if stripped and stripped[-1] in "。！？；" and len(stripped) > 30:
            body_started = True
        parents = stack
        if heading is not None:
            rank = heading[0]
            stack = [entry for entry in stack if entry[0] < rank] if rank > 0 else []
            parents = stack
            stack = [*stack, (rank, stripped)]
        heading_text = " ".join(text for _, text in parents)
        hint = _enclosing_hint([*(t for _, t in parents), *([stripped] if heading else [])])
        if heading is not None and heading[0] < _INLINE_RANK:
            # An announced list (原因主要有以下四个方面：) whose items are headings (1. … 2. …) keeps its role over
            # the items' level, until a heading above them or one that names another section (对策建议).
            own = _section_hint(stripped)
            item = listed and not inline_list and (list_rank is None or heading[0] >= list_rank) and (
                own in ("", listed) or (listed == "cause" and own == "problem" and not _NAMES_PROBLEMS.search(stripped)))
            if item and list_rank is None:
                list_rank = heading[0]
            elif not item:
                listed, list_rank = "", None
        if _APPARATUS.match(stripped):
            listed, list_rank, explaining = "", None, False
        explained = explaining
        explaining = not heading and not (title and stripped == title) and (
            (bool(_EXPLANATION.search(stripped)) and not (_GIVEN.match(stripped) and not _SHORTCOMING.search(stripped))
             and not _STUDY_AIMS.match(stripped))  # 由于篇幅所限，本文仅就…: the paper's limits, no explanation
            or (explaining and bool(_EXPLANATION_GOES_ON.match(stripped)))
            # 究其原因，主要是思想认识有偏差。 then 一些负责人简单地认为…: the mindset named, told of those who hold it
            or (explaining and _MINDSET_NAMED.search(texts[position - 1]) and bool(_HELD_BY_SOME.match(stripped))))
        enumeration = _ENUMERATION.search(stripped) if heading is None else None
        # the explanation run into its first item (主要原因，一是…) is judged on its opening, not on the item's words
        opening = stripped[:enumeration.start()] if enumeration and explaining and enumeration.start() else stripped
        if (explaining or explained) and not listed and enumeration and (
                not hint or hint == "cause") and not _SUCCESS_EXPLAINED.search(stripped) and not _ADVISES.search(opening):
            listed, list_rank, inline_list = "cause", None, True  # the enumeration of an explanation lists causes
        if (listed == "cause" and inline_list and heading is None and not explaining
                and _LIST_SUMMED_UP.match(stripped)):
            listed = ""  # 这些认识都是错误的。: a verdict on the causes listed (一是…二是…) closes their list
        if (listed == "cause" and (heading is None or heading[0] >= _INLINE_RANK) and not policy and not explaining
                and _PRESCRIBES.match(_HEADING_NUMBER.sub("", stripped))):
            # 一是要提高思想认识。 after the causes: the remedies begin, and the list with them is advice
            listed, list_rank, inline_list = "recommendation", None, True
            hint = "recommendation"
        if explaining and not hint and not listed:
            hint = "cause"
        announcing = next((role for role, pattern in _LIST_ANNOUNCEMENTS if pattern.search(stripped)), "") if (
            heading is None and not _PROBLEMS_AND_CAUSES.search(stripped)) else ""
        if announcing == "requirement" and policy:
            announcing = ""  # a written yardstick's norms need no announcement (现提出如下意见)
        if listed == "requirement" and not announcing and (_MORE_NORMS.search(stripped) or _ATTENDANCE.search(stripped)):
            listed, list_rank = "", None  # …他还就…提出要求。: the announced items have ended
        if announcing and announcing != listed:  # a new list (整改措施：… after 存在问题：…)
            listed, list_rank, inline_list = announcing, None, False
            # the announcement itself is the news's frame, unless its first point is run into it (…三点要求：一是…)
            hint = hint or ("" if listed == "requirement" and not _RUN_IN_ITEM.search(stripped) else listed)
            if listed == "cause":
                hint = "cause"  # 存在这些问题，有以下几方面原因： under a problem heading announces the causes
        elif listed and list_rank is not None and heading is not None and heading[0] == list_rank:
            # an item heading of the list: a section named above the list still decides (背景动因 → 主要表现…)
            hint = _enclosing_hint([t for r, t in parents if r < list_rank]) or listed
        elif listed and list_rank is not None:
            hint = _enclosing_hint([t for r, t in stack if r < list_rank]) or listed
        elif listed:
            hint = listed
        if keyword_item:
            hint = "other"  # 业务工作； after 关键词：党建工作；: one more keyword, not a heading of what was done
        announced = announced or (not policy and opens_norms(position, stripped))
        # the sentence right after a named speaker's norm told in news that goes on prescribing (要…) is one of the norms
        carried = (not policy and not reported and not announced and position > 0 and bool(_PRESCRIBES.match(stripped))
                   and bool(_SPEAKER_NORM.match(texts[position - 1].strip())))
        # In news of a meeting that set requirements, the sentence that reports the meeting is framing.
        lead = ((sets_norms and not announced) or (policy and spoken_title)) and position < 5 and bool(
            _MEETING_LEAD.search(stripped) or (issued_news and _ISSUED_OPENING.search(stripped))
        ) and not _NORMS_ANNOUNCED.search(stripped) and not _PROCEEDINGS.search(stripped)
        contexts.append(PassageContext(heading_text, doc_type, policy or announced or carried, heading is not None, hint,
                                       position, voice=voice, spoken=announced or carried or (policy and spoken_title),
                                       is_title=bool(title) and (stripped == title or _same_title(stripped, title)),
                                       lead=lead, news=news,
                                       previous=texts[position - 1].strip() if position else "", title=title))
    return contexts


def _same_title(line: str, title: str) -> bool:
    """A compilation repeats its title with the article's number (…原因分析3篇 → …原因分析1)."""
    stem = _TITLE_COUNT.sub("", title)
    return len(stem) >= 6 and stem != title and _TITLE_COUNT.sub("", _ARTICLE_MARK.sub("", line)) == stem


def nearest_heading(heading: str) -> str:
    """The innermost of the enclosing headings of :attr:`PassageContext.heading` ("" if none)."""
    return heading.rsplit(" ", 1)[-1]


def _section_hint(text: str) -> str:
    """The role a heading announces; "" when it names none, or several (存在问题及原因分析, 问题与对策):
    then the sentences under it are left to their own wording. 经验 beside another label yields to it."""
    text = text.strip().rstrip("。；;：:")
    if not text:
        return ""
    roles = [role for role, pattern in SECTION_HINTS if pattern.search(text)]
    if "cause" in roles and _CAUSE_OF_PROBLEM.search(text):
        return "cause"
    if "cause" in roles and _PROBLEMS_DISSECTED.search(text) and not _CAUSE_WORD.search(text):
        return "problem"  # 突出问题的深度剖析: the problems taken apart, no cause named
    if _PROBLEMS_AND_CAUSES.search(text):
        return ""  # 核心问题与成因分析: problems and causes both
    if len(roles) > 1:
        roles = [role for role in roles if role != "practice"]
    return roles[0] if len(roles) == 1 else ""


def _is_section_label(text: str) -> bool:
    body = _HEADING_NUMBER.sub("", text.strip()).rstrip("。；;：:")
    return len(body) <= _SECTION_LABEL_MAX or bool(_SECTION_LABEL.search(body))


def _enclosing_hint(headings: Sequence[str]) -> str:
    """Section role of a passage from its enclosing headings (outermost first, its own heading last):
    the innermost heading that names its section wins over content headings; without one, the
    innermost heading with a hint."""
    hinted = [(text, role) for text in reversed(headings)
              if len(_HEADING_NUMBER.sub("", text.strip())) <= _HINT_HEADING_MAX and (role := _section_hint(text))]
    labels = [role for text, role in hinted if _is_section_label(text)]
    role = labels[0] if labels else hinted[0][1] if hinted else ""
    # A shortcoming named under a 原因 section (（一）思想认识不足 under 二、原因分析) explains, it is a cause.
    return "cause" if role == "problem" and "cause" in labels[1:] else role


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which occurs in every match of ``pattern``, or None when none can be named
    (a pattern that may match without any fixed text, or one with case-insensitive parts)."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    if compiled.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parser.parse(compiled.pattern, compiled.flags)
    except Exception:  # noqa: BLE001 - a pattern the parser API cannot read is simply not gated
        return None
    return _requirement(list(parsed))


def _requirement(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective requirement of a parsed sequence: a run of literals, or a group,
    alternation or repeat (at least once) whose every branch has a requirement."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        requirement = None
        if op is _sre.SUBPATTERN:
            _, added_flags, _, body = argument
            requirement = None if added_flags & re.IGNORECASE else _requirement(list(body))
        elif op is _sre.BRANCH:
            branches = [_requirement(list(branch)) for branch in argument[1]]
            if all(branch is not None for branch in branches):
                requirement = frozenset().union(*branches)
        elif op in _REPEATS and argument[0] >= 1:
            requirement = _requirement(list(argument[2]))
        if requirement:
            candidates.append(requirement)
    if not candidates:
        return None
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)))


class LiteralGate:
    """Which of several named regexes can match a text, found with one Aho-Corasick scan.

    A key whose regex has no required literal (see :func:`required_literals`) is always open.
    """

    def __init__(self, patterns: Iterable[tuple[Any, re.Pattern[str]]]) -> None:
        self._always: set[Any] = set()
        keys_by_literal: dict[str, set[Any]] = {}
        every_key: list[Any] = []
        for key, pattern in patterns:
            every_key.append(key)
            literals = required_literals(pattern)
            if literals is None:
                self._always.add(key)
                continue
            for literal in literals:
                keys_by_literal.setdefault(literal, set()).add(key)
        self.keys: frozenset[Any] = frozenset(every_key)
        self._automaton = ahocorasick.Automaton()
        for literal, keys in keys_by_literal.items():
            self._automaton.add_word(literal, frozenset(keys))
        if keys_by_literal:
            self._automaton.make_automaton()
        self._empty = not keys_by_literal

    def open_keys(self, text: str) -> set[Any]:
        """The keys whose regex may match ``text``."""
        keys = set(self._always)
        if not self._empty:
            for _, found in self._automaton.iter(text):
                keys.update(found)
        return keys


_OPENING_PASSAGES = 3  # the passages of a document that may announce it as event news


class RuleMatcher:
    """Codes of a passage from the codebook's terms, patterns and boundary rules, with evidence."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._cache: dict[str, tuple[Evidence, ...]] = {}
        # per text: the hits a gate with ``context`` dropped, each with the context patterns it needs
        self._contextual: dict[str, tuple[tuple[Evidence, tuple[re.Pattern[str], ...]], ...]] = {}
        self._terms: dict[str, re.Pattern[str]] = {}
        # A code's patterns: only the branches that can match are scanned (see _branch_matches).
        self._branches: dict[str, tuple[re.Pattern[str], ...]] = {}
        for code, entry in codebook.codes.items():
            ordered = sorted(entry.terms, key=len, reverse=True)
            self._terms[code] = re.compile("|".join(re.escape(term) for term in ordered))
            if entry.patterns:
                self._branches[code] = tuple(entry.patterns)
        # Gated separately: each code's terms, each branch of its pattern alternation, each instrument.
        self._gate = LiteralGate([
            *((("term", code), pattern) for code, pattern in self._terms.items()),
            *((("pattern", code, index), branch)
              for code, branches in self._branches.items() for index, branch in enumerate(branches)),
            *((("instrument", index), rule.pattern) for index, rule in enumerate(codebook.instrument_rules)),
        ])
        self._m1_requires = re.compile("|".join(map(re.escape, codebook.m1_requires))) if codebook.m1_requires else None
        self._d1_requires = re.compile("|".join(map(re.escape, codebook.d1_requires))) if codebook.d1_requires else None
        self._awareness = (
            re.compile("|".join(map(re.escape, sorted(codebook.awareness_triggers, key=len, reverse=True))))
            if codebook.awareness_triggers else None
        )
        self._anaphora = codebook.anaphora
        self._carried = frozenset(codebook.codes_of_kind(codebook.anaphora_carries))
        self._judges = codebook.anaphora_judges

    def _branch_matches(self, code: str, branches: Sequence[int], text: str) -> Iterator[re.Match[str]]:
        """The matches of the alternation of some branches of a code's patterns (in codebook order),
        found with each branch's own compiled pattern: leftmost first, at the same start the earliest
        branch, scanning on from the end of each match — what ``finditer`` of the alternation gives,
        without compiling an alternation for every combination of branches.

        Where the other branches cannot match anywhere in a text (the gate says so), the
        alternation of the remaining ones finds exactly the matches of the full one.
        """
        patterns = [self._branches[code][index] for index in branches]
        if len(patterns) == 1:
            yield from patterns[0].finditer(text)
            return
        position = 0
        upcoming: list[re.Match[str] | None] = [pattern.search(text, position) for pattern in patterns]
        while position <= len(text):
            best: re.Match[str] | None = None
            for index, pattern in enumerate(patterns):
                found = upcoming[index]
                if found is not None and found.start() < position:
                    found = upcoming[index] = pattern.search(text, position)
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
            if best is None:
                return
            yield best
            position = best.end() if best.end() > best.start() else best.end() + 1

    def keyword_hits(self, text: str, *, gated: set[Any] | None = None) -> list[Evidence]:
        """Plain term matches only (the keyword baseline); ``gated``: the open keys of the text."""
        return [
            Evidence(code, m.start(), m.end(), m.group(), "term")
            for code, pattern in self._terms.items() if gated is None or ("term", code) in gated
            for m in pattern.finditer(text)
        ]

    def match(self, text: str) -> list[Evidence]:
        """Term and pattern hits, then boundary rules 1–4 (generic talk, D1 needs politics,
        awareness problems, instruments named in problems), words used in passing (masks) and
        wordings that count only with their object (object gates). Results are memoised per text."""
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
                self._contextual.clear()
            pending: list[tuple[Evidence, tuple[re.Pattern[str], ...]]] = []
            cached = self._cache[text] = tuple(self._match(text, pending))
            self._contextual[text] = tuple(pending)
        return list(cached)

    def match_in_context(self, text: str, subject: str) -> list[Evidence]:
        """:meth:`match`, plus the hits dropped only by gates whose ``context`` the passage's
        ``subject`` (its enclosing headings and its document's title) matches."""
        hits = self.match(text)
        if not subject:
            return hits
        kept = [hit for hit, needs in self._contextual.get(text, ()) if all(need.search(subject) for need in needs)]
        if not kept:
            return hits
        unique = {(hit.code, hit.start, hit.end): hit for hit in reversed([*hits, *kept])}
        return sorted(unique.values(), key=lambda hit: (hit.start, hit.code))

    def _match(self, text: str, pending: list[tuple[Evidence, tuple[re.Pattern[str], ...]]] | None = None,
               ) -> list[Evidence]:
        gated = self._gate.open_keys(text)
        hits = self.keyword_hits(text, gated=gated)
        open_by_code: dict[str, list[int]] = {}
        for key in gated:
            if key[0] == "pattern":
                open_by_code.setdefault(key[1], []).append(key[2])
        for code in self._branches:
            if code not in open_by_code:
                continue
            hits.extend(Evidence(code, m.start(), m.end(), m.group(), "pattern")
                        for m in self._branch_matches(code, sorted(open_by_code[code]), text))
        if self._awareness is not None:
            for m in self._awareness.finditer(text):
                hits.extend(Evidence(code, m.start(), m.end(), m.group(), "rule:awareness")
                            for code in self.codebook.awareness_adds)
        for index, rule in enumerate(self.codebook.instrument_rules):
            if ("instrument", index) not in gated:
                continue
            for m in rule.pattern.finditer(text):
                hits.extend(Evidence(code, m.start(), m.end(), m.group(), "rule:instrument") for code in rule.adds)
        if self._d1_requires is not None and "D2" in self.codebook.codes and not self._d1_requires.search(text):
            hits = [replace_code(hit, "D2") if hit.code == "D1" else hit for hit in hits]
        if self.codebook.masks and hits:
            spans = self._mask_spans(text)
            hits = [hit for hit in hits
                    if not any(start <= hit.start and hit.end <= end for start, end in spans.get(hit.code, ()))]
        present = {hit.code for hit in hits}
        # hits a gate with `context` dropped: they go on through the later gates, and stand in a passage
        # whose headings or title name what each such gate asks for
        needs: dict[int, tuple[re.Pattern[str], ...]] = {}
        for gate in self.codebook.object_gates:
            if present.isdisjoint(gate.codes):  # nothing the gate could remove
                continue
            # the hits the gate would remove (its codes, worded as its `when` says), looked at before the
            # gate's searches over the whole text
            removable = [hit for hit in hits if hit.code in gate.codes
                         and (gate.when is None or gate.when.search(hit.text))]
            if removable and (gate.within is None or gate.within.search(text)) and not gate.requires.search(text):
                if gate.context is not None:
                    for hit in removable:
                        needs[id(hit)] = (*needs.get(id(hit), ()), gate.context)
                    continue
                gone = {id(hit) for hit in removable}
                hits = [hit for hit in hits if id(hit) not in gone]
                present = {hit.code for hit in hits}
        if self._m1_requires is not None and not self._m1_requires.search(text):
            hits = [hit for hit in hits if hit.code != "M1" or hit.source == "rule:awareness"]
        if needs:
            if pending is not None:
                pending.extend((hit, needs[id(hit)]) for hit in hits if id(hit) in needs)
            hits = [hit for hit in hits if id(hit) not in needs]
        unique = {(hit.code, hit.start, hit.end): hit for hit in reversed(hits)}
        return sorted(unique.values(), key=lambda hit: (hit.start, hit.code))

    def _mask_spans(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Per code, the spans of the text where its wording is used in passing (a hit wholly inside
        one does not count)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for rule in self.codebook.masks:
            for m in rule.pattern.finditer(text):
                for code in rule.codes:
                    spans.setdefault(code, []).append(m.span())
        return spans

    def codes(self, text: str) -> set[str]:
        return {hit.code for hit in self.match(text)}

    def tag(self, text: str, context: PassageContext) -> tuple[set[str], list[Evidence]]:
        """Rule codes with boundary rule 6 (a short passage with no code inherits its heading's codes) and
        rule 7 (a passage that opens by pointing back at the one before it, 这种现象…, and has no
        disconnect of its own takes that passage's disconnects)."""
        hits = self.match_in_context(text, f"{context.title} {context.heading}".strip())
        codes = {hit.code for hit in hits}
        # (after a heading, rule 6 decides: the heading is not a passage that describes something)
        if (context.previous and self._anaphora is not None and codes.isdisjoint(self._carried)
                and context.previous != nearest_heading(context.heading)):
            anaphor = self._anaphora.match(text)
            if anaphor is not None and (self._judges is None or self._judges.search(text, anaphor.end())):
                carried = sorted(self.codes(context.previous) & self._carried)
                hits = sorted([*hits, *(Evidence(code, anaphor.start(), anaphor.end(), anaphor.group(), "anaphora")
                                        for code in carried)], key=lambda hit: (hit.start, hit.code))
                codes.update(carried)
        if not codes and context.heading and len(text) <= self.codebook.section_context_max_chars:
            heading = nearest_heading(context.heading)
            inherited = self.codes(heading)
            codes = inherited
            hits = [Evidence(code, 0, 0, heading, "context") for code in sorted(inherited)]
        if context.off_topic and hits:
            for gate in self.codebook.document_gates:
                if not gate.requires.search(text):
                    hits = [hit for hit in hits if hit.code not in gate.codes]
            codes = {hit.code for hit in hits}
        return codes, hits

    def topic_contexts(self, texts: Sequence[str], contexts: Sequence[PassageContext]) -> list[PassageContext]:
        """One document's contexts, marked off topic when the document is event news (its opening
        matches the codebook's document opening) and no passage names the document topic: a study
        session's or a volunteer day's news that never speaks of the business."""
        topic, opening = self.codebook.document_topic, self.codebook.document_opening
        if (topic is None or opening is None or not self.codebook.document_gates
                or not any(opening.search(text) for text in texts[:_OPENING_PASSAGES])
                or any(topic.search(text) for text in texts)):
            return list(contexts)
        return [dataclasses.replace(context, off_topic=True) for context in contexts]

    def features(self, text: str) -> list[float]:
        """Hit counts per code (terms+patterns+rules), in codebook order."""
        counts = dict.fromkeys(self.codebook.codes, 0.0)
        for hit in self.match(text):
            counts[hit.code] += 1.0
        return list(counts.values())


def matcher_for(codebook: Codebook) -> RuleMatcher:
    """The codebook's one :class:`RuleMatcher`, kept on the codebook object itself, so that the
    tagger and the model's rule features share one memo of matches for as long as the codebook lives."""
    matcher = codebook.cache.get(RuleMatcher)
    if matcher is None:
        matcher = codebook.cache[RuleMatcher] = RuleMatcher(codebook)
    return matcher


def role_rules_for(codebook: Codebook) -> RoleRules:
    """The codebook's one :class:`RoleRules` (see :func:`matcher_for`)."""
    rules = codebook.cache.get(RoleRules)
    if rules is None:
        rules = codebook.cache[RoleRules] = RoleRules(codebook)
    return rules


def replace_code(hit: Evidence, code: str) -> Evidence:
    return Evidence(code, hit.start, hit.end, hit.text, hit.source + ">D1-without-politics")


class RoleRules:
    """Role of a passage from the codebook's role cues and patterns, the section and the genre."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._cache: dict[tuple[Any, ...], dict[str, float]] = {}
        self._cues = {
            role: re.compile("|".join(re.escape(c) for c in sorted(entry.cues, key=len, reverse=True)))
            if entry.cues else None
            for role, entry in codebook.roles.items()
        }
        self._patterns = {
            (role, index): pattern
            for role, entry in codebook.roles.items() for index, pattern in enumerate(entry.patterns)
        }
        self._disconnects = frozenset(code for code, entry in codebook.codes.items()
                                      if codebook.groups[entry.group].kind == "problem")
        self._gate = LiteralGate([
            *(((role, "cues"), cue) for role, cue in self._cues.items() if cue is not None),
            *self._patterns.items(),
        ])

    def scores(self, text: str, context: PassageContext) -> dict[str, float]:
        """Role scores of a passage in its context (memoised on the parts of the context they use)."""
        key = (text, context.doc_type, context.voice, context.policy, context.section_hint, context.position < 3,
               context.is_heading, bool(context.heading), context.spoken, context.is_title, context.lead, context.news,
               context.spoken and bool(_SHORT_POINT.match(context.previous)))
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[key] = self._scores(text, context)
        return dict(cached)

    def _cue_scores(self, text: str) -> dict[str, float]:
        scores = dict.fromkeys(ROLES, 0.0)
        text = _CUE_MASKS.sub("·", text)
        if _PAST.search(text):
            text = _OBJECT_JIANG.sub("·", text)
        for key in self._gate.open_keys(text):  # only the cues and patterns that can match
            role, part = key
            if part == "cues":
                scores[role] += 0.5 * len(self._cues[role].findall(text))
            elif self._patterns[key].search(text):
                scores[role] += 1.0
        return scores

    def _normative_from(self, scores: dict[str, float], text: str) -> None:
        """Set the requirement and recommendation scores to those of ``text``: the sentence with the words
        that are not the writer's own norm (cited, held by others, said by members) taken out."""
        normative = self._cue_scores(text)
        scores["requirement"], scores["recommendation"] = normative["requirement"], normative["recommendation"]

    def _scores(self, text: str, context: PassageContext) -> dict[str, float]:
        scores = self._cue_scores(text)
        # The writer's own words: norms are read there, except in a press Q&A, which quotes the policy it explains.
        own = text if context.doc_type == "答记者问" else _QUOTED.sub("“”", text)
        own = _ASIDE.sub("", own)  # 需要指出的是，…: the writer draws attention, prescribes nothing
        cited = _BOOK_TITLE.sub("《》", own)  # a modal verb inside a document's name (《关于…的建议》) is cited
        if not context.policy:
            cited = _HABITUAL.sub(r"\1·", cited)  # what a unit does every year (每年…都要…) is no advice
        if cited != text:
            self._normative_from(scores, cited)
        if not context.policy and _OPINION.search(own) and not _PRESCRIBES.match(own) and not _OWN_VIEW.search(own):
            self._normative_from(scores, _OPINION.sub("", own))  # what they think should be done is their attitude
        if not context.policy and _MEMBERS_SAID.search(own):  # what members said they will do is no advice
            self._normative_from(scores, _MEMBERS_SAID.sub("", own))
        if _PRESCRIBES.match(own):
            scores["problem"] *= 0.5  # a prescription names shortcomings only as what to fix (及时发现存在的问题)
        if context.section_hint:  # the section decides when the wording does not (annotation guide)
            scores[context.section_hint] += SECTION_HINT_WEIGHT
        if _PROBLEM_LABEL.match(own.strip()):
            scores["problem"] += SECTION_HINT_WEIGHT
        if not context.policy and _NAMED_PROBLEM.match(own.strip()):
            scores["problem"] += 1.5
        if not context.policy and _FACES_PROBLEM.search(own) and not _ADVISES.search(own) and not _DONE.search(own):
            scores["problem"] += 1.5  # 这项活动也面临着一些亟待解决的问题。: a shortcoming observed
        if (not context.policy and _FALLS_SHORT.search(own) and not _ADVISES.search(own) and not _FUTURE.search(own)
                and not _GENERAL_ACTORS.match(own)):  # 我国经济发展不平衡: the national picture
            scores["problem"] += 1.0  # 二是整改措施不精准，部分问题整改不彻底。
        if not context.policy and _CENSURE.search(own) and not _ADVISES.search(own):
            scores["problem"] += 1.5  # 试问，这样的材料能有多少含金量？: a shortcoming censured by a question
        if not context.spoken and _LEARNERS.search(own.strip()) and not _STRONG_MODAL.search(own):
            scores["practice"] += 1.5
        if not context.policy and not _ADVISES.search(own) and not _FUTURE.search(own) and not _TACKLED.search(text) and any(
                hit.code in self._disconnects for hit in matcher_for(self.codebook).match(text)) and not _DEFINES.match(own):
            scores["problem"] += 1.0  # a disconnect named outside advice is most often observed
        explains = (bool(_EXPLANATION.search(text)) and not _SUCCESS_EXPLAINED.search(text) and not context.is_title
                    and not _STUDY_AIMS.match(own.strip()))
        if (explains and _GIVEN.match(own.strip()) and not _SHORTCOMING.search(own) and context.section_hint != "cause"
                and not context.policy):
            explains = False  # 由于职能调整，局机关新设了三个科室。: a circumstance given, no shortcoming explained
            scores["cause"] = 0.0
        if explains and _QUOTATION.search(text):
            explains = False  # 总书记指出：“…根源是…”: the root named in a quotation of authority is cited, not the writer's
            scores["cause"] = 0.0
        if _SUCCESS_EXPLAINED.search(text):
            scores["cause"] = 0.0  # why a unit succeeded (之所以能够…, 根本原因在于…) explains no shortcoming
        if explains:
            scores["cause"] += SECTION_HINT_WEIGHT
        # A shortcoming told as an explanation (由于…, 究其原因…) or listed under a 原因 heading is a cause.
        if _INFLUENCED.search(own) and scores["problem"] and not explains:
            explains = True  # 受…影响，还存在…: the shortcoming with what bears on it
            scores["cause"] += 1.0
        if not explains and context.section_hint != "cause" and _HARM_DONE.search(own):
            scores["problem"], scores["cause"] = scores["problem"] + scores["cause"], 0.0  # …导致资源浪费: the harm done
        if explains or (context.section_hint == "cause" and not _PROBLEM_LABEL.match(own.strip())):
            scores["cause"], scores["problem"] = scores["cause"] + scores["problem"], 0.0
        framing = bool(_FRAMING.search(text)) and not _ADDRESSED_NORM.search(own)  # 刚才…发言，大家要…: a norm
        if (framing and not context.lead and not context.spoken and _DATED_ACTIVITY.match(text.strip())
                and _ATTENDED.search(text) and not _FRAMING.search(_ATTENDED.sub("", text))):
            framing = False  # 5月9日，…支部开展…活动，…参加了此次活动。: the activity reported, its participants named
        if (context.news and not context.section_hint and _NEXT_IN_EVENT.match(own.strip()) and not _ADVISES.search(own)
                and not _DEPLOYS_WORK.search(own)
                and not _STRONG_MODAL.search(own) and not _FUTURE.search(own)):
            framing = False
            scores["practice"] += 1.5  # 接着，…宣讲微党课。: the next step of the activity the news tells
        if (_QUOTATION.search(text) or _CENTRAL_CONTEXT.search(text) or framing or context.lead
                or ((_SIGNIFICANCE.search(own) or (_STANDING.match(own.strip()) and not _ADVISES.search(own)
                                                   and not context.section_hint))
                    and not _STRONG_MODAL.search(own))):
            scores["other"] += SECTION_HINT_WEIGHT
        if context.lead or framing or _CENTRE_IN_TIME.search(text):
            # the report of the meeting or of the issuing is the news's frame; what the centre did is not the unit's
            scores["practice"] *= 0.5
        if context.is_title or _DOCUMENT_NAME.match(own.strip()) or (context.is_heading and _STRUCTURAL_HEADING.match(
                _HEADING_NUMBER.sub("", text.strip()).rstrip("。；;：:"))):
            scores["other"] += SECTION_HINT_WEIGHT
        if not context.policy:  # a report genre read from a yardstick's opening does not make its norms advice
            for role, bonus in GENRE_PRIORS.get(context.doc_type, {}).items():
                scores[role] += bonus
        normative = max(scores["requirement"], scores["recommendation"])
        # A policy's norms are requirements; so are a press Q&A's restatements of the policy, except
        # what the issuer says it will do next.
        restates_policy = context.doc_type == "答记者问" and not _NEXT_STEP.search(text)
        listed_norm = context.section_hint == "requirement"  # an item of the norms announced (一是高度重视。)
        spelled_out = (context.spoken and bool(_SHORT_POINT.match(context.previous)) and not _DONE.search(own)
                       and not _DEFINITION.match(own))  # 要将…结合起来。 then 紧紧围绕…开展…: the point spelled out
        if (context.spoken and not listed_norm and not spelled_out and not context.is_heading and not _ADVISES.search(own)
                and not _STRONG_MODAL.search(own)
                and not _IMPERATIVE.match(own) and not _SPOKEN_NORM_WORD.search(own) and not _NORMS_GO_ON.match(own)
                and not _BARE_DIRECTIVE.match(own)):
            normative = 0.0  # a speech's norm is worded as one (要, 必须): cue words inside 重要, 责任 … are not
        if (context.spoken or context.policy) and not listed_norm and _DEFINITION.match(own) and not _STRONG_MODAL.search(own):
            normative = 0.0  # what a speaker or a notice says a thing is (…是强化党的领导的需要) sets no norm
        if context.policy or restates_policy:
            # A written yardstick's every unreported statement is a norm; a speech's only when worded as one.
            scores["requirement"] = normative + 0.5 if normative or not context.spoken else 0.0
            if context.spoken and not normative and _IMPERATIVE.match(text) and not _DONE.search(text):
                scores["requirement"] = 1.5  # a bare imperative in a list of requirements (从…做起，争创…)
            if spelled_out and not scores["requirement"]:
                scores["requirement"] = 1.0  # 通过…提升…: the speaker's point spelled out, told without a modal
            if context.spoken and _BARE_DIRECTIVE.match(own) and not _QUOTATION.search(own):
                scores["requirement"] = max(scores["requirement"], 1.5)  # 要求各党支部… in news of a meeting
            if _ASKS_UNITS.search(own) and not context.spoken:
                scores["requirement"] = max(scores["requirement"], 2.0)  # a notice's 请各党支部…: what it asks of them
                scores["practice"] = 0.0  # …whatever it tells of the notice it passes on (上级已下发了通知)
            if _STRONG_MODAL.search(own) and not restates_policy:
                scores["practice"] *= 0.5  # 已研究制定了…，请各党支部…: what the yardstick asks, not what was done
            if _DEFINITION.match(own) and not normative and not listed_norm:
                scores["requirement"] = 0.0  # what a yardstick says a thing is (党章是管党治党的根本遵循) sets no norm
            if _TARGET.search(own) and not _DONE.search(own):
                scores["requirement"] = max(scores["requirement"], 1.5)  # a target set (到2025年底，实现…)
            if (not restates_policy and _DONE.search(own) and not _STRONG_MODAL.search(own)
                    and not (listed_norm and _RUN_IN_ITEM.search(own))):  # …提出了三点要求：一是… holds the first point
                scores["requirement"] = 0.0  # what a yardstick tells as done (取得了…, 近年来…) sets no norm
            scores["recommendation"] = 0.0
            if (not _PAST.search(text) and not (context.spoken and _EVENT.search(text))  # the meeting itself
                    and context.section_hint != "practice"):  # a speech's review of the work done
                scores["practice"] = 0.0
        else:  # in a report only its own advice counts: the policy verbs (坚持, 推动, 建立…) also report practice
            scores["requirement"] = 0.0
            if context.doc_type not in _REPORT_GENRES and _SPEAKER_NORM.match(own.strip()):
                # 会上，某某要求…要…: what a named speaker required, told in news, is a requirement (guide j)
                scores["requirement"] = max(scores["recommendation"], 1.0) + 0.5
                scores["recommendation"] = 0.0
            if not context.section_hint and _WHAT_IT_TAKES.search(own) and not _STRONG_MODAL.search(own):
                self._normative_from(scores, _WHAT_IT_TAKES.sub("", own))  # 只有…才能…: what it takes, argued
            if _URGES.match(own.strip()) and not _DONE.search(own):
                scores["recommendation"] += 1.5  # 因此，加强支部书记队伍建设显得尤为重要。: an action urged
            if _FUTURE.search(own) or (_MODAL.search(own) and not _PAST.search(_NO_LONGER.sub("·", text))):
                scores["recommendation"] += 1.0
                scores["practice"] *= 0.5
            if not context.section_hint and not _PAST.search(text) and not scores["problem"] and not scores["cause"]:
                # Bare imperatives and unlabelled headings speak in the document's voice.
                if context.voice == "advice" and (context.is_heading or _IMPERATIVE.match(own)):
                    scores["recommendation"] += 1.0
                    scores["practice"] *= 0.5
                elif context.voice == "report" and (
                        context.is_heading or (len(own.strip().rstrip("。；;，,")) <= _RUN_IN_HEADING_MAX
                                               and not own.strip().endswith((":", "：")))  # a label (正文：)
                        or own.lstrip().startswith("——")):
                    scores["practice"] += 0.75
        if (not context.policy and context.voice != "report" and context.doc_type not in GENRE_PRIORS
                and not context.section_hint and not _DONE.search(text) and not _DIGIT.search(text)
                and not _LEARNERS.search(own.strip())
                and not any(pattern.search(text) for (role, _), pattern in self._patterns.items() if role == "practice")):
            # A general statement (党组织发挥着…作用, 党建工作能够…) is context, not what a unit did: practice
            # wants a unit, a time, a count or a finished action.
            scores["practice"] *= 0.5
        if ((_GENERAL_ACTORS.match(own) and context.voice != "report") or _NATIONWIDE.match(own) or (
                _ERA_OPENING.match(own) and not _OWN_UNIT.search(own))) and not context.section_hint and not _DIGIT.search(text):
            scores["practice"] *= 0.5  # what places everywhere do (近年来，各地…积极探索…) is background
            scores["other"] += 2.0 if _NATIONWIDE.match(own) else 0.75
        if _LOCALITY.search(own) and not context.section_hint:
            scores["practice"] *= 0.5  # the setting of the place (总面积…平方公里, 东与…接壤) is background
            scores["other"] += 0.75
        if (_POTENTIAL.search(own) and not context.section_hint and not context.policy and not _DONE.search(own)
                and not _DIGIT.search(own)):
            scores["practice"] *= 0.5  # what a course can bring about (…，能激发党员的政治情感) is an argument
            scores["other"] += 0.5
        if (_TIMES_CHANGE.search(own) and not context.section_hint and not context.policy
                and not _OWN_UNIT.search(own)):
            scores["practice"] *= 0.5  # 近年来，随着改革的推进，…发生了深刻变化: the times, not the unit
            scores["other"] += 1.0
        if _SOBER_VIEW.match(own) and scores["problem"] < 1.0 and not scores["cause"] and not context.section_hint:
            scores["practice"] *= 0.5  # 我们必须清醒地看到，…已经转向了…: the setting the hearers are asked to see
            scores["requirement"] = scores["recommendation"] = 0.0
            scores["other"] += 1.5
        if (_STUDY_MADE.search(own) and not context.section_hint and not context.policy
                and not scores["recommendation"]):  # …and proposes nothing (…，提出了解决建议)
            scores["practice"] *= 0.5  # 本次调研通过实地走访、问卷调查等方式，收集了…: the study's method
            scores["other"] += 1.5
        if ((_WHOLE_MEMBERSHIP.match(own.strip()) and not _OWN_UNIT.search(own)) or _NATIONWIDE_COUNT.search(own)) and (
                not context.section_hint and not context.policy and not _ADVISES.search(own)):
            scores["practice"] *= 0.5  # 各级党组织和广大党员干部积极投身…; 全国共有党员…: the Party at large, not the unit
            scores["other"] += 1.0
        if _CLASS_CONTRIBUTION.match(own.strip()) and not context.section_hint and not context.policy:
            scores["practice"] *= 0.25  # 国有企业为…做出了巨大贡献: what a kind of organisation does, background
            scores["other"] += 1.5
        if (_SHARE_FIGURE.search(own) and not context.policy and not _STUDY_MADE.search(own) and context.section_hint != "cause"
                and not scores["problem"] and not scores["cause"] and not _ADVISES.search(own)):
            if _SHORT_SHARE.search(own):
                scores["problem"] += 1.0 if not _STUDY_MADE.search(own) and "回收" not in own else 0.0
            else:
                scores["practice"] += 1.0  # 调查显示，支部书记中“双带头人”占72%。: what the members are
        if _STUDY_AIMS.match(own.strip()) and not context.section_hint and not context.policy:
            scores["recommendation"] = scores["practice"] = scores["problem"] = 0.0  # …为…提出对策建议: the aim
            scores["other"] += SECTION_HINT_WEIGHT
        if (_ROLE_PLAYED.match(own.strip()) and not context.section_hint and not context.policy
                and not _ADVISES.search(own) and not _STRONG_MODAL.search(own)):
            scores["practice"] *= 0.5  # 党内法规的实施取决于…; 制度在…体系中占据重要地位: the thing's standing
            scores["other"] += 0.75
        if _GENERAL_STATUS.search(own) and not context.section_hint:
            scores["practice"] *= 0.5  # what has become common (…已经成为各地…的重要方式) is background
            scores["other"] += 0.75
        if context.doc_type == "答记者问" and _RESTATEMENT.match(text):
            scores["requirement"] += 2.0
        told = (context.voice == "report" and text.rstrip().endswith(("。", "！", "；", ";")) and bool(_DONE.search(own))
                and not _COMMENTARY.search(own))
        if (context.position < 3 and not context.section_hint and len(text) < 60 and not context.is_heading
                and not context.heading and not _ARTICLE.match(text.strip())
                and max(scores.values()) < 1.5  # front matter, unless the wording clearly says otherwise…
                and not ((told or (_DATED_OPENING.match(text.strip()) and text.rstrip().endswith("。"))
                          or (context.voice == "report" and _IMPERATIVE.match(own) and text.rstrip().endswith("。")
                              and not _COPULA.search(own)))  # …or a report's item of what was done (强化制度保障。)
                         and scores["practice"] >= max(scores.values()))):  # …or it tells an act (活动在…中拉开了序幕。)
            scores["other"] += 1.5
        if (context.voice == "report" and not context.policy and not context.section_hint and not context.is_title
                and not any(scores.values()) and _IMPERATIVE.match(own) and not _COPULA.search(own)):
            scores["practice"] += 0.5  # a report tells what was done: its bare verb phrases (全面加强…) are practice
        elif ((told or (context.voice == "report" and _ON_SITE.search(own) and own.rstrip().endswith(("。", "；", ";"))))
              and not context.policy and not context.section_hint and not context.is_title
              and not any(scores.values())):
            scores["practice"] += 0.5  # …and what it tells as done (活动在…中拉开了序幕。) without a cue word
        scores["other"] += 0.25  # ties and cue-less sentences fall back to other
        return scores

    def role(self, text: str, context: PassageContext) -> str:
        scores = self.scores(text, context)
        return max(ROLES, key=lambda role: scores[role])

    def features(self, text: str, context: PassageContext) -> list[float]:
        scores = self.scores(text, context)
        return [scores[role] for role in ROLES]
