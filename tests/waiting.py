"""Waiting for a condition (never for a length of time): the machine is shared and its speed varies."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import Any

from qingfeng.scheduler import JobScheduler


async def until(condition: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:  # noqa: ASYNC109
    """Poll ``condition`` (plain or async) until it is truthy, and return it; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.02)


async def runs_after(scheduler: JobScheduler, job: str, more: int = 2) -> None:
    """Wait until ``job`` has finished ``more`` further runs: the scheduler is alive and ran it since."""
    target = scheduler.jobs[job].runs + more
    await until(lambda: scheduler.jobs[job].runs >= target, f"{more} more runs of {job}")
