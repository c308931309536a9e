"""An item of the document type the question asks for ('the decision') leads over the same
clause of another type's document: Nghệ An's procedure decision and its civil-defence plan
(a distractor of the development corpus) both say where to report difficulties met while
carrying them out, to different offices. With the whole corpus the search ranked the plan's
clause first and its evidence set the decision's aside; the lead order brings the decision's
back and leads with it."""

from __future__ import annotations

from assistant.answer import Decision, decide, lead_first
from assistant.query import analyse
from assistant.records import service_records
from tests.conftest import DEVCORPUS, service_with

DECISION = DEVCORPUS / "directives" / "nghean-qd3771-2025.txt"
PLAN = DEVCORPUS / "distractors" / "980_KH-UBND__c5d930a5fc8373cd.txt"
QUESTION = "Where should Nghe An agencies send the problems they run into while applying the decision?"


def _clause(passages, source, opening):
    return next(p for p in passages if p.source == source and p.text.lstrip().startswith(opening))


def test_the_decision_asked_for_leads_over_the_plans_clause(tmp_path):
    with service_with(tmp_path, [DECISION, PLAN]) as service:
        analysis = analyse(QUESTION, service.profile)
        found = service.search("khó khăn, vướng mắc phản ánh về Văn phòng trong quá trình thực hiện", 40)
        plan = _clause(found, PLAN.name, "5. Trong quá trình triển khai thực hiện Kế hoạch")
        decision_item = _clause(found, DECISION.name, "2. Trong quá trình thực hiện")
        judged = decide(analysis, [plan, decision_item], service.profile, service.idf, None, 0.0)
        set_aside = Decision(True, [plan], "", None, judged.features, judged.kind, judged.leads)
        targets, tasks = service_records(service)
        led = lead_first(analysis, set_aside, targets, [plan, decision_item], tasks)
    assert analysis.constraints.doc_types == ["Quyết định"]
    assert judged.answerable and led.answerable
    assert led.passages[0].source == DECISION.name
    assert "Văn phòng UBND tỉnh" in led.passages[0].text
