"""Who is acting: an officer with roles, a citizen (the reporter), or the system (bot, scheduler)."""

from __future__ import annotations

from dataclasses import dataclass

from core.model import ActorKind, Role


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    officer_id: int | None = None
    roles: frozenset[Role] = frozenset()
    unit_id: int | None = None
    name: str = ""
    # acting as the unit that sent this case down and follows it to its 报结 (rules.md §10.3): a relation to one
    # case, set by the service from core.access, never stored
    following: bool = False

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        return cls(ActorKind.SYSTEM, name=name)

    @classmethod
    def citizen(cls) -> Actor:
        # Deliberately carries nothing that identifies the reporter: the audit trail records "citizen" only.
        return cls(ActorKind.CITIZEN, name="citizen")

    def grants(self) -> frozenset[str]:
        """The permission tokens the transition table matches against: roles, or ``citizen``/``system``."""
        if self.kind is ActorKind.OFFICER:
            return frozenset(r.value for r in self.roles) | ({"follower"} if self.following else set())
        return frozenset({self.kind.value})

    def label(self) -> str:
        if self.kind is ActorKind.OFFICER:
            return f"officer:{self.officer_id}"
        return self.kind.value
