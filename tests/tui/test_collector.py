"""The collector pause around start-up imports: kept imports, and nothing else changed."""

from __future__ import annotations

import gc
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjcoach.tui.collector import importing


class Node:
    """Something that can be part of a reference cycle."""

    partner: Node | None = None


def cycle_collected() -> bool:
    """A reference cycle made now is freed by the collector."""
    a, b = Node(), Node()
    a.partner, b.partner = b, a
    alive = weakref.ref(a)
    del a, b
    gc.collect()
    return alive() is None


@pytest.fixture
def fresh_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    (tmp_path / "cjcoach_probe_module.py").write_text("TABLE = {n: str(n) for n in range(100)}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "cjcoach_probe_module"
    sys.modules.pop("cjcoach_probe_module", None)


def test_what_an_import_loads_is_kept_and_collection_goes_on_after(fresh_module: str) -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with importing():
        assert not gc.isenabled()  # no collection while the modules are made
        __import__(fresh_module)
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen  # the new module is out of the collector's way
    assert cycle_collected()  # what is made afterwards is collected as usual


def test_a_block_that_loads_nothing_keeps_nothing() -> None:
    with importing():
        import json  # noqa: F401 - already loaded: nothing new
        a, b = Node(), Node()
        a.partner, b.partner = b, a
        alive = weakref.ref(a)
        del a, b
    gc.collect()
    assert alive() is None  # garbage made in the block was not frozen with it


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with importing():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
