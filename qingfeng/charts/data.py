"""What a chart is drawn from: small frozen values, already in words people read.

The figures (issue 17 item 1) are computed elsewhere; the caller turns them into these, with every label
already translated (enum values become ``enum.Category.*`` texts, months become "2026年10月"), so the drawing code
knows no database, no enum and no language. Nothing here imports matplotlib.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChartText:
    """The words around a chart: ``subtitle`` says for which unit and period; ``no_data`` is drawn on an empty one;
    ``count_share`` labels a bar with its count and share ("46（74%）")."""

    title: str
    subtitle: str = ""
    x_label: str = ""
    y_label: str = ""
    no_data: str = ""
    count_share: str = "{count} ({share})"

    def strings(self) -> tuple[str, ...]:
        return (self.title, self.subtitle, self.x_label, self.y_label, self.no_data, self.count_share)


@dataclass(frozen=True)
class Series:
    """One line or one stack of bars: a value per period; ``None`` where there is none (nothing fell due)."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class PerPeriod:
    """Several series over the same periods (months, quarters), e.g. reports per month by category."""

    periods: tuple[str, ...]
    series: tuple[Series, ...]

    def __post_init__(self) -> None:
        for s in self.series:
            if len(s.values) != len(self.periods):
                raise ValueError(f"series {s.label!r} has {len(s.values)} values for {len(self.periods)} periods")

    def is_empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)

    def strings(self) -> tuple[str, ...]:
        return (*self.periods, *(s.label for s in self.series))


@dataclass(frozen=True)
class Rates:
    """Shares (0–1) per period, e.g. 按期办结率 per month, drawn against ``target`` (a share too) if given."""

    per_period: PerPeriod
    target: float | None = None
    target_label: str = ""

    def __post_init__(self) -> None:
        for s in self.per_period.series:
            if any(v is not None and not 0 <= v <= 1 for v in s.values):
                raise ValueError(f"series {s.label!r} has a share outside 0–1")
        if self.target is not None and not 0 <= self.target <= 1:
            raise ValueError("the target is a share between 0 and 1")

    def is_empty(self) -> bool:
        return all(v is None for s in self.per_period.series for v in s.values)

    def strings(self) -> tuple[str, ...]:
        return (*self.per_period.strings(), self.target_label)


@dataclass(frozen=True)
class Counts:
    """Labelled counts in the order they are drawn, e.g. open cases by age band or referrals by body."""

    items: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if any(n < 0 for _, n in self.items):
            raise ValueError("a count is never negative")

    @classmethod
    def of(cls, counts: Mapping[str, int]) -> Counts:
        return cls(tuple(counts.items()))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.items)

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(n for _, n in self.items)

    def is_empty(self) -> bool:
        return not any(self.values)

    def strings(self) -> tuple[str, ...]:
        return self.labels
