"""What one run of a layout may spend (see :mod:`jbreport.limits`): the sandbox stops a
template reaching Python, but not one that loops for hours or builds a string of a
hundred gigabytes.  Both are counted here, deterministically: steps are the template's
lines executed (each round of a loop is one), never seconds of a clock."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from . import limits


class OverBudget(Exception):
    """A layout spent more than its budget; ``message`` says of what."""


Tracer = Callable[[FrameType, str, Any], Any]


@contextmanager
def step_budget(steps: int = limits.TEMPLATE_STEPS) -> Iterator[None]:
    """Count the lines the templates execute while the block runs; past ``steps``, raise
    :class:`OverBudget` in the template.  Only template frames are traced line by line
    (jbreport's own functions a template calls are not)."""
    left = [steps]

    def local(frame: FrameType, event: str, _arg: Any) -> Tracer | None:
        if event == "line":
            left[0] -= 1
            if left[0] < 0:
                raise OverBudget(
                    f"the layout ran over {steps:,} steps (a loop too long?); a layout"
                    " lists parts, it does not compute"
                )
        return local

    def calls(frame: FrameType, event: str, _arg: Any) -> Tracer | None:
        if event == "call" and "__jinja_template__" in frame.f_globals:
            return local
        return None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        yield
    finally:
        sys.settrace(previous)


def checked_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``"a" * 10**11`` and ``2 ** 10**7`` before Python tries them."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
            if sized and len(seq) * times > limits.TEMPLATE_VALUE:
                raise OverBudget(
                    f"a value too long ({len(seq):,} × {times:,}); at most"
                    f" {limits.TEMPLATE_VALUE:,} items"
                )
    ints = operator == "**" and isinstance(left, int) and isinstance(right, int)
    if ints and abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > _BITS:
        raise OverBudget(f"a number too large (more than {_BITS:,} bits)")


_BITS = 64 * 1024


def checked_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call with a number too large to be a count (``"a".center(10**9)``)."""
    for value in (*args, *kwargs.values()):
        number = isinstance(value, int) and not isinstance(value, bool)
        if number and abs(value) > limits.TEMPLATE_VALUE:
            raise OverBudget(f"an argument too large ({value:,})")
