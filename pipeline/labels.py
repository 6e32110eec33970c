"""Display labels shared by every stage and report: one home for each list.

Codes, their names and colours come from the codebook; what is fixed by the pipeline itself
(verdict statuses, passage roles, manifest statuses, the report title) is named here.
"""

from __future__ import annotations

# Verdict of one requirement for one unit (``matches.status``).
STATUSES: tuple[str, ...] = ("evidenced", "mentioned", "no evidence")
STATUS_LABELS: dict[str, str] = {"evidenced": "已落实", "mentioned": "仅提及", "no evidence": "无证据"}

# Passage roles (the codebook defines their cues; the set itself is fixed by the pipeline).
ROLE_LABELS: dict[str, str] = {"requirement": "要求", "recommendation": "建议", "practice": "做法",
                               "problem": "问题", "cause": "原因", "other": "其他"}

# One manifest row per input file (``manifest.status``).
MANIFEST_STATUSES: tuple[str, ...] = ("ok", "warning", "failed")
MANIFEST_STATUS_LABELS: dict[str, str] = {"ok": "成功", "warning": "警告", "failed": "失败"}

REPORT_TITLE = "党建与业务融合“两张皮”差距分析"
