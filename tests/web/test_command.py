"""``qingfeng web`` as the operator runs it: refused in one line with exit status 2 without an office, with an
address that is not host:port, or when the address is taken (as ``qingfeng run`` is)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.bot.fake_telegram import PATIENCE
from tests.console.test_chat_pty import seed
from tests.web.browser import run, settings_for


def web(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(data.parent), "LC_ALL": "C.UTF-8",
           "QINGFENG_DATA_DIR": str(data)}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "qingfeng.cli", "web", *args], env=env, capture_output=True,
                          text=True, timeout=60 * PATIENCE)  # fmt: skip


def test_qingfeng_web_refuses_to_start_in_one_line(tmp_path: Path) -> None:
    bare = web(tmp_path / "bare")
    assert bare.returncode == 2 and "qingfeng setup" in bare.stderr and "Traceback" not in bare.stderr
    data = tmp_path / "data"
    run(seed(settings_for(data)))
    bad = web(data, "--listen", "nowhere")
    assert bad.returncode == 2 and "is not host:port" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = web(data, "--listen", f"127.0.0.1:{port}")
    assert busy.returncode == 2 and "QINGFENG_WEB_LISTEN" in busy.stderr and "Traceback" not in busy.stderr
    assert len(busy.stderr.strip().splitlines()) == 1
