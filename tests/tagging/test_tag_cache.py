"""Tag results reused across runs: only documents not tagged before are tagged, and the results are
those of tagging them afresh. Every passage here is written for the test."""

from __future__ import annotations

import gzip
import json
import shutil
from functools import partial
from pathlib import Path

import pytest

from pipeline import cache as cache_module
from pipeline import config
from pipeline.cache import EntryStore
from pipeline.tagging.cache import TagCache, result_from_json, result_to_json, tagging_fingerprint
from pipeline.tagging.codebook import Codebook
from pipeline.tagging.tagger import Tagger

DOCUMENTS = [
    ["关于推动机关党建和业务工作深度融合的意见", "一、健全机制", "各单位要建立党建与业务同部署、同考核机制。"],
    ["县交通运输局经验材料", "一、主要做法", "局党组建立一岗双责责任清单，每季度同步部署党建和业务工作。",
     "二、存在问题", "个别支部党建和业务仍是两张皮。"],
    ["县农业农村局调研报告", "问卷显示，58％的党员认为培训内容与业务结合不紧。"],
]
ADDED = ["县水利局工作总结", "局机关各支部结合防汛任务设立党员先锋岗。"]


@pytest.fixture(scope="module")
def tagger(codebook: Codebook) -> Tagger:
    return Tagger.load(config.MODEL_PATH, codebook)


@pytest.fixture
def tagged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first passage of every document the tagger itself tagged since the test began."""
    firsts: list[str] = []
    original = Tagger.tag_documents

    def counting(self, documents, **kwargs):
        firsts.extend(document[0] for document in documents)
        return original(self, documents, **kwargs)

    monkeypatch.setattr(Tagger, "tag_documents", counting)
    return firsts


class _Caching:
    """``tagger`` behind a :class:`TagCache` in ``folder``, as an analysis uses them."""

    def __init__(self, tagger: Tagger, folder: Path, *, read: bool = True, fingerprint: str = "f") -> None:
        self.tagger = tagger
        self.cache = TagCache(EntryStore(folder, read=read), fingerprint=fingerprint)

    def tag_documents(self, documents: list[list[str]], *, mode: str, normalized: bool) -> list:
        return self.cache.tag_documents(partial(self.tagger.tag_documents, mode=mode, normalized=normalized),
                                        documents, mode=mode, normalized=normalized)


def _caching(tagger: Tagger, folder: Path, *, read: bool = True, fingerprint: str = "f") -> _Caching:
    return _Caching(tagger, folder, read=read, fingerprint=fingerprint)


def test_results_round_trip_exactly(tagger: Tagger) -> None:
    for results in tagger.tag_documents(DOCUMENTS, mode="combined", normalized=True):
        for result in results:
            text = json.dumps(result_to_json(result), ensure_ascii=False)
            assert result_from_json(json.loads(text)) == result


def test_a_document_tagged_before_is_not_tagged_again(tagger: Tagger, tmp_path: Path, tagged: list[str]) -> None:
    fresh = tagger.tag_documents([*DOCUMENTS, ADDED], mode="combined", normalized=True)
    tagged.clear()
    first = _caching(tagger, tmp_path).tag_documents(DOCUMENTS, mode="combined", normalized=True)
    assert len(tagged) == 3 and first == fresh[:3]
    tagged.clear()
    second = _caching(tagger, tmp_path).tag_documents([*DOCUMENTS, ADDED], mode="combined", normalized=True)
    assert tagged == [ADDED[0]]
    assert second == fresh
    assert any(result.codes for results in second for result in results)  # real tags, not empty ones


def test_another_mode_or_fingerprint_tags_again_and_no_reading_tags_all(tagger: Tagger, tmp_path: Path,
                                                                        tagged: list[str]) -> None:
    _caching(tagger, tmp_path).tag_documents(DOCUMENTS, mode="combined", normalized=True)
    for caching, mode in ((_caching(tagger, tmp_path), "rules"), (_caching(tagger, tmp_path, fingerprint="g"), "combined"),
                          (_caching(tagger, tmp_path, read=False), "combined")):
        tagged.clear()
        caching.tag_documents(DOCUMENTS, mode=mode, normalized=True)
        assert len(tagged) == 3


def test_a_damaged_entry_is_tagged_again(tagger: Tagger, tmp_path: Path, tagged: list[str]) -> None:
    caching = _caching(tagger, tmp_path)
    fresh = caching.tag_documents(DOCUMENTS, mode="combined", normalized=True)
    entry = caching.cache.store.path_of(caching.cache.key_of(DOCUMENTS[1], mode="combined", normalized=True))
    data = json.loads(gzip.decompress(entry.read_bytes()))
    data["value"] = data["value"][:-1]  # one passage's result missing
    entry.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8")))
    tagged.clear()
    assert _caching(tagger, tmp_path).tag_documents(DOCUMENTS, mode="combined", normalized=True) == fresh
    assert tagged == [DOCUMENTS[1][0]]


def test_the_fingerprint_follows_codebook_model_and_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codebook = tmp_path / "codebook.yaml"
    shutil.copy(config.CODEBOOK_PATH, codebook)
    lexicon = tmp_path / "lexicon"
    shutil.copytree(config.LEXICON_DIR, lexicon)
    monkeypatch.setattr(config, "LEXICON_DIR", lexicon)
    cache_module.code_fingerprint.cache_clear()
    try:
        base = tagging_fingerprint(codebook, config.MODEL_PATH)
        assert tagging_fingerprint(codebook, config.MODEL_PATH) == base
        assert tagging_fingerprint(codebook, None) != base
        codebook.write_text(codebook.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        edited = tagging_fingerprint(codebook, config.MODEL_PATH)
        assert edited != base
        (lexicon / "userdict.txt").write_text((lexicon / "userdict.txt").read_text(encoding="utf-8") + "新词 5\n",
                                             encoding="utf-8")
        cache_module.code_fingerprint.cache_clear()
        assert tagging_fingerprint(codebook, config.MODEL_PATH) != edited
    finally:
        cache_module.code_fingerprint.cache_clear()


def test_role_scores_name_every_role_and_rule_results_share_them(tagger: Tagger, codebook: Codebook) -> None:
    from pipeline.tagging.codebook import ROLES

    for results in tagger.tag_documents(DOCUMENTS, mode="combined", normalized=True):
        for result in results:
            assert list(result.role_scores) == list(ROLES)
            assert result.role_score == result.role_scores[result.role] == max(result.role_values)
    rules = [r for results in Tagger(codebook).tag_documents(DOCUMENTS, mode="rules", normalized=True)
             for r in results]
    assert all(r.role_scores[r.role] == 1.0 and sum(r.role_values) == 1.0 for r in rules)
    same_role = [r for r in rules if r.role == rules[0].role]
    assert len(same_role) > 1 and all(r.role_values is same_role[0].role_values for r in same_role)
