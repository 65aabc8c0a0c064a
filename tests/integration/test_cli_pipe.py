"""A reader that leaves early (``qingfeng … | head``) ends the command quietly: no traceback (issue 11, item 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_output_piped_into_a_reader_that_leaves_early_ends_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "QINGFENG_DATA_DIR": str(tmp_path / "data")}
    env.pop("QINGFENG_DATABASE_URL", None)
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first line is written: every write is a broken pipe
    command = [sys.executable, "-m", "qingfeng.cli", "calendar", "show", "2026"]
    with subprocess.Popen(command, env=env, stdout=writer, stderr=subprocess.PIPE) as process:
        os.close(writer)
        _, stderr = process.communicate(timeout=300)  # a guard against a hang, not a measurement
    assert "Traceback" not in stderr.decode(), stderr.decode()
    assert process.returncode in (0, 141)
