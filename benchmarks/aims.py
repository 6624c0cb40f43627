"""One line format for every figure ``make bench`` holds against an aim of issue #14.

Each line reads ``what … figure … aim … aim met`` (or ``aim missed``), so a reader or a
script can grep the run for ``aim missed``. Benchmarks print; they never assert.
"""

from __future__ import annotations

LABEL_WIDTH = 52


def aim_line(
    label: str,
    value: float,
    aim: float,
    unit: str,
    *,
    higher_is_better: bool = False,
    note: str = "",
) -> str:
    """``label  value unit  (aim ≤ aim unit)  [note]  aim met|aim missed``."""
    met = value >= aim if higher_is_better else value <= aim
    sign = "≥" if higher_is_better else "≤"
    figure = f"{_number(value)} {unit}".rstrip()
    target = f"aim {sign} {_number(aim)} {unit}".rstrip()
    extra = f"  {note}" if note else ""
    verdict = "aim met" if met else "aim missed"
    return f"{label:<{LABEL_WIDTH}} {figure:>12}   {target:<18}{extra}   {verdict}"


def print_aim(label: str, value: float, aim: float, unit: str, **options: object) -> bool:
    """Print an ``aim_line`` and say whether the aim was met."""
    line = aim_line(label, value, aim, unit, **options)  # type: ignore[arg-type]
    print(line, flush=True)
    return line.endswith("aim met")


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
