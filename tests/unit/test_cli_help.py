"""Every ``qingfeng`` command, subcommand, argument and option says what it is in ``--help`` (issue 12, item 19)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from qingfeng.cli import build_parser, main


def _walk(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action, str | None]]:
    """(where, action, its help) for every argument of every (sub)parser; a subcommand's help is its choice's."""
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield f"{path} {name}", action, helps.get(name)
                yield from _walk(sub, f"{path} {name}")
            continue
        yield f"{path} {'/'.join(action.option_strings) or action.dest}", action, action.help


def test_every_command_and_option_has_a_description() -> None:
    missing = [where for where, _, text in _walk(build_parser(), "qingfeng") if not (text or "").strip()]
    assert missing == [], f"no --help description for: {missing}"


def test_the_walk_sees_nested_commands_and_options() -> None:
    seen = {where for where, _, _ in _walk(build_parser(), "qingfeng")}
    assert {"qingfeng case show", "qingfeng case show number", "qingfeng audit --case"} <= seen


def test_a_data_dir_that_is_a_file_is_one_line_and_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An operator's slip (QINGFENG_DATA_DIR naming a file) is refused like a bad argument, never a traceback."""
    a_file = tmp_path / "data"
    a_file.write_text("not a folder")
    monkeypatch.setenv("QINGFENG_DATA_DIR", str(a_file))
    assert main(["chat"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "QINGFENG_DATA_DIR" in err and "not a folder" in err, err
