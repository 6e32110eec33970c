from pipeline.dedup import find_near_duplicates, shingles

BASE = (
    "有效破解机关党建和业务工作“两张皮”问题，是提升机关党建质量的关键所在，也是摆在机关各级党组织和党员干部面前的一项重要政治任务。"
    "近年来，xx市直机关工委开展服务企业、服务项目、服务基层、服务群众“四服务”活动，探索出“机关党建+四服务”工作模式。"
    "（一）思维模式上固化，导致认识有差距，工作谋划中各定各的调。有的机关基层党组织把机关党建等同于务虚工作。"
)
VARIANT = BASE.replace("“两张皮”", "两张皮").replace("（一）", "(一)").replace("xx", "XX")
OTHER = (
    "问卷显示，15.4％的干部有过“三会一课”请假的经历，29.2％的干部认为组织生活形式单一，"
    "70％的基层党支部书记存在本领恐慌。调查表明，党务干部兼职多、培训少，考核结果没有与职务晋升挂钩，"
    "党建工作成了软任务、软指标。建议建立党建与业务同考核同评价的联动考评机制，选优配强专职党务干部。"
)


def test_shingles_ignore_punctuation() -> None:
    assert shingles("两张皮问题", size=3) == shingles("“两张皮”问题。", size=3)


def test_near_duplicate_marked_against_the_earlier_document() -> None:
    found = find_near_duplicates([("a1", BASE), ("b", OTHER), ("a2", VARIANT)], min_chars=50)
    assert found == {"a2": "a1"}


def test_distinct_and_short_texts_are_not_duplicates() -> None:
    assert find_near_duplicates([("a", BASE), ("b", OTHER)], min_chars=50) == {}
    assert find_near_duplicates([("a", "两张皮"), ("b", "两张皮")]) == {}


def test_a_partial_copy_is_a_duplicate_of_the_whole() -> None:
    whole = BASE + OTHER + BASE.replace("市直", "县直") * 2
    excerpt = BASE
    found = find_near_duplicates([("excerpt", excerpt), ("whole", whole)], min_chars=50)
    assert found == {"excerpt": "whole"}


def test_kept_documents_are_never_the_copy() -> None:
    whole = BASE + OTHER + BASE.replace("市直", "县直") * 2
    assert find_near_duplicates([("excerpt", BASE), ("whole", whole)], min_chars=50, keep=frozenset({"excerpt"})) == {}


def test_overlaps_on_shingle_hashes_equal_those_on_the_shingles() -> None:
    from pipeline.dedup import _containment, _jaccard, shingle_hashes

    text, other = BASE, VARIANT + OTHER
    left, right = shingles(text), shingles(other)
    assert len(shingle_hashes(text)) == len(left) and len(shingle_hashes("两张皮两张皮")) == len(shingles("两张皮两张皮"))
    assert _jaccard(shingle_hashes(text), shingle_hashes(other)) == len(left & right) / len(left | right)
    assert _containment(shingle_hashes(text), shingle_hashes(other)) == len(left & right) / len(left)
    assert _jaccard(shingle_hashes(text), shingle_hashes(OTHER)) < 0.1
    assert shingle_hashes("“两张皮”问题。", size=3).tolist() == shingle_hashes("两张皮问题", size=3).tolist()
    assert len(shingle_hashes("两张", size=5)) == 1 and len(shingle_hashes("，。")) == 0
