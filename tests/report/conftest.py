"""Report tests: make report_testkit importable, and a small workshop fixture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_testkit import small_workshop  # noqa: E402

from cjcoach.model import Workshop  # noqa: E402


@pytest.fixture
def workshop() -> Workshop:
    return small_workshop()
