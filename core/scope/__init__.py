"""The scope check (rules.md §3, §8): is a message the commission's business?

``classify`` decides, from rules written as data (``rules``, ``referrals``, ``urgent``, built with ``words``),
over jieba's tokens (``tokens``). The package's face is the classifier; the rest is read by it.
"""

from core.scope.classify import KIND_LABELS, ScopeClassifier, ScopeDecision, Verdict, classifier, ready_classifier

__all__ = ["KIND_LABELS", "ScopeClassifier", "ScopeDecision", "Verdict", "classifier", "ready_classifier"]
