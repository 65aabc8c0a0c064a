"""The scope classifier against its labelled sets (issue targets: accuracy ≥ 90 %, in-scope reports wrongly
referred ≤ 2 %, urgent recall 100 %). ``scope_labelled.jsonl`` was used to write the rules;
``scope_holdout.jsonl`` was written afterwards by someone else and first measured blind (90 % / 4.3 % / 60 %,
see the closing note of the scope issue) before its misses were fixed by general rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.scope import KIND_LABELS, Verdict, classifier

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("name", ["scope_labelled.jsonl", "scope_holdout.jsonl"])
def test_targets_hold(name: str) -> None:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    clf = classifier()
    got = [clf.classify(r["text"]) for r in rows]
    correct = sum(d.verdict.value == r["verdict"] for d, r in zip(got, rows, strict=True))
    in_scope = [(d, r) for d, r in zip(got, rows, strict=True) if r["verdict"] == "accept"]
    urgent = [(d, r) for d, r in zip(got, rows, strict=True) if r["verdict"] == "urgent"]
    assert correct / len(rows) >= 0.90
    assert sum(d.verdict is Verdict.REFER for d, _ in in_scope) / len(in_scope) <= 0.02
    assert all(d.verdict is Verdict.URGENT for d, _ in urgent)
    right_kind = [d.verdict is Verdict.ACCEPT and d.kind is not None and KIND_LABELS[d.kind] == r["kind"]
                  for d, r in in_scope]  # fmt: skip
    assert sum(right_kind) / len(in_scope) >= 0.9


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("汽油补贴被村干部冒领了", "accept"),  # near miss: fuel as a subsidy
        ("跳楼价清仓，衣服质量太差，店家不给退", "refer"),  # near miss: a price
        ("我每天按时吃药，身体好多了", "unclear"),
        ("我已经准备好了一桶汽油", "urgent"),
        ("判决不公，而且法官收了对方两万块钱", "accept"),  # a grievance and misconduct: misconduct wins
        ("法院判决不公，我要求改判", "refer"),
        ("有人收钱", "unclear"),  # no official, no public money
    ],
)
def test_hard_cases(text: str, verdict: str) -> None:
    assert classifier().classify(text).verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict", "detail", "reason"),
    [
        # 涉法涉诉 to the 政法机关 (issue 16 item 4); the police not filing names 检察院立案监督, not 110
        ("检察院作出了不予抗诉的决定，我不服", "refer", "political_legal", "scope.reason.refer.political_legal"),
        ("报警后派出所一直拖着不立案", "refer", "political_legal", "scope.reason.refer.case_filing"),
        ("民警收了对方两千块就不给我立案", "accept", "accusation", "scope.reason.misconduct"),
        ("打我的是所长的侄子，派出所一直不立案", "accept", "accusation", "scope.reason.official_involved"),
        # a public employee's own dismissal is an appeal, a private employer's a labour matter
        ("我是公务员，被开除公职，我不服", "accept", "appeal", "scope.reason.appeal_dismissal"),
        ("公司把我开除了，我不服，想去仲裁", "refer", "labor", "scope.reason.refer.labor"),
        # a private firm's manager taking its money: the police
        ("我们是民营企业，经理挪用公司的钱炒股", "refer", "police", "scope.reason.refer.private_firm"),
        ("县城投公司的经理挪用公司的钱炒股", "accept", "accusation", "scope.reason.misconduct"),
        # 澄清正名 and objections to this office's own answer
        ("我被人诬告，查无实据，希望给我澄清正名", "accept", "appeal", "scope.reason.clearing"),
        ("对你们的处理结果有异议", "unclear", "objection", "scope.reason.objection"),
        ("不服你们的答复", "unclear", "objection", "scope.reason.objection"),
        ("我对派出所的处理结果不满意", "refer", "political_legal", "scope.reason.refer.political_legal"),
    ],
)
def test_political_legal_and_appeal_borders(text: str, verdict: str, detail: str, reason: str) -> None:
    d = classifier().classify(text)
    got = d.refer_to.value if d.refer_to else d.kind.value if d.kind else d.faq
    assert (d.verdict.value, got, d.reason) == (verdict, detail, reason)
    assert d.refer_to is None or d.verdict is Verdict.REFER  # an objection is never a referral


@pytest.mark.parametrize(
    ("text", "verdict", "detail", "reason"),
    [
        # an official's self-serving act wins over the referral topic of the matter (rules.md §3.2 key judgement)
        ("组长丈量的时候给自己家多量了地，多领了补偿款", "accept", "accusation", "scope.reason.misconduct"),
        ("县环保局的科长给排污的厂子通风报信", "accept", "accusation", "scope.reason.misconduct"),
        ("村出纳把征地款挪去放高利贷", "accept", "accusation", "scope.reason.misconduct"),
        ("办证窗口的工作人员要了两瓶酒才给办", "accept", "accusation", "scope.reason.misconduct"),
        ("The village chief took 5,000 yuan to approve my housing plot.", "accept", "accusation",
         "scope.reason.misconduct"),
        # an offence named of officials as a group, nothing told: ask for facts (三个不受理 3); a named post is accepted
        ("干部们都腐败", "unclear", None, "scope.reason.no_facts"),
        ("镇长贪污", "accept", "accusation", "scope.reason.misconduct"),
        ("纪委管不管干部吃拿卡要", "unclear", "what_scope", "scope.reason.faq"),
        # where the rest goes
        ("我们厂是私人的，不是国企，厂长吃了供货商的回扣", "refer", "police", "scope.reason.refer.private_firm"),
        ("有人在业主群冒充物业经理收维修基金 好几户都转了钱", "refer", "police", "scope.reason.refer.impostor"),
        ("卖鱼的秤不准，一斤差了二两", "refer", "market", "scope.reason.refer.market"),
        ("邻居家的狗把我家的鸭子咬死了", "refer", "mediation", "scope.reason.refer.mediation"),
        ("在理发店上班交的押金，老板说我不干了就不退", "refer", "labor", "scope.reason.refer.labor"),
        ("执行局执行了三年还没执行到位", "refer", "political_legal", "scope.reason.refer.political_legal"),
        ("法院判决不公，我的证据没被采纳", "refer", "judicial", "scope.reason.refer.judicial"),  # referrals.py choice
    ],
)  # fmt: skip
def test_issue16_general_rules(text: str, verdict: str, detail: str | None, reason: str) -> None:
    d = classifier().classify(text)
    got = d.refer_to.value if d.refer_to else d.kind.value if d.kind else d.faq
    assert (d.verdict.value, got, d.reason) == (verdict, detail, reason)
