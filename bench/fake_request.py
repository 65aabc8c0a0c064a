"""python-telegram-bot's way in to the benchmark's no-network Bot API (fake_session.FakeApi)."""

from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest, RequestData

# isort: split
from fake_session import FakeApi  # bench/ is on sys.path when the benchmarks run as scripts


class FakeRequest(BaseRequest):
    """python-telegram-bot's way in: PTB encodes the parameters (``RequestData``) and parses the JSON answered."""

    def __init__(self, api: FakeApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:  # fmt: skip
        if "/file/bot" in url:
            return 200, self.api.file_at(url)
        form = request_data.json_parameters if request_data is not None else {}
        result = self.api.answer(url.rsplit("/", 1)[1], form)
        return 200, json.dumps({"ok": True, "result": result}, ensure_ascii=False).encode()
