"""``make bench``'s aim lines: every figure issue #14 aims at ends in ``aim met`` or
``aim missed``, so a run can be grepped for what is left (benchmarks/aims.py)."""

from __future__ import annotations

import pytest
from benchmarks.aims import aim_line, print_aim


@pytest.mark.parametrize(
    ("value", "aim", "higher", "verdict"),
    [
        (1.9, 2.0, False, "aim met"),
        (2.0, 2.0, False, "aim met"),
        (2.1, 2.0, False, "aim missed"),
        (260, 250, True, "aim met"),
        (112, 250, True, "aim missed"),
    ],
)
def test_a_line_ends_with_its_verdict(value: float, aim: float, higher: bool, verdict: str) -> None:
    line = aim_line("  figure", value, aim, "x", higher_is_better=higher, note="beside its floor")

    assert line.endswith(f"   {verdict}")
    assert ("≥" if higher else "≤") in line and "beside its floor" in line


def test_print_aim_prints_the_line_and_says_whether_it_was_met(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert print_aim("tick", 26.2, 30, "ms") is True
    assert print_aim("tick", 31.9, 30, "ms") is False

    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit("   ", 1)[-1] for line in lines] == ["aim met", "aim missed"]
    assert "26.2 ms" in lines[0] and "aim ≤ 30.0 ms" in lines[0]
