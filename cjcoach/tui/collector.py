"""Keeping Python's garbage collector out of the way while the workshop room starts.

Starting the room imports Textual, YAML, the engine and their modules: tens of thousands
of objects (classes, functions, module dicts) that live as long as the program. The
collector cannot know that: while they are made it runs a young collection every few
hundred new objects, and walks them again as they age (some 10 ms of a start of about a
third of a second, before the first question was on the screen). Imported inside
:func:`importing`, they are not collected while they are made, and are exempted from
every later collection (``gc.freeze``). What the room makes afterwards is collected as
usual.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def importing() -> Iterator[None]:
    """No collection while the block imports; what it loaded is never collected.

    The freeze takes everything that exists at the end of the block, garbage too, so it
    happens only when the block loaded modules: once per process for each of them.
    """
    modules = len(sys.modules)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if len(sys.modules) != modules:
            gc.freeze()
        if was_enabled:
            gc.enable()
