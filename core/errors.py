"""Domain errors. Each carries a locale key and parameters so the edge can explain it in the user's language."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of all errors the core raises on purpose; ``key`` names a message in ``locales/``."""

    key = "error.domain"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.params = params


class IllegalTransition(DomainError):
    key = "error.illegal_transition"

    def __init__(self, state: str, action: str) -> None:
        super().__init__(f"action '{action}' is not allowed in state '{state}'", state=state, action=action)
        self.state = state
        self.action = action


class NotPermitted(DomainError):
    key = "error.not_permitted"

    def __init__(self, action: str, who: str) -> None:
        super().__init__(f"'{who}' may not perform '{action}'", action=action, who=who)


class CaseUnavailable(NotPermitted):
    """An officer asked for a case that does not exist or that their role does not cover: one message for both,
    so that trying (sequential) numbers reveals nothing (core.access)."""

    key = "error.case_unavailable"


class GuardFailed(DomainError):
    """A transition is legal in this state but its preconditions (fields, checklist) do not hold."""

    key = "error.guard_failed"

    def __init__(self, action: str, problems: list[str]) -> None:
        super().__init__(f"'{action}' refused: {', '.join(problems)}", action=action, problems=problems)
        self.problems = problems


class NotFound(DomainError):
    key = "error.not_found"

    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"{what} '{ident}' not found", what=what, ident=str(ident))


class InvalidInput(DomainError):
    key = "error.invalid_input"

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}", field=field, problem=problem)
        self.field = field
        self.problem = problem


class AmbiguousCase(DomainError):
    """A short case number that fits cases of several years, none of them this year's: the person chooses."""

    key = "error.case_ambiguous"

    def __init__(self, ref: str, numbers: list[str]) -> None:
        super().__init__(f"case '{ref}' is ambiguous: {', '.join(numbers)}", ref=ref, numbers=", ".join(numbers))
        self.numbers = numbers


class ApprovalRequested(DomainError):
    """Not a failure: the step was not taken but put to the unit's leaders, who approve or decline it
    (core.services.approvals, rules.md §10.2). Raised after the request is committed; the edge says so."""

    key = "approval.requested"

    def __init__(self, number: str, action: str, request_id: int) -> None:
        super().__init__(f"'{action}' on {number} waits for a leader", number=number, action=action)
        self.number = number
        self.action = action
        self.request_id = request_id


class AlreadyDecided(DomainError):
    """A request for a leader's decision that was decided meanwhile (another leader tapped first): who decided it,
    and how (core.services.approvals)."""

    def __init__(self, number: str, state: str, leader: str) -> None:
        super().__init__(f"the request on {number} is already {state}", number=number, leader=leader)
        self.key = f"approval.already_{state}"
        self.state = state
