"""The conversation engine: pure Python, no Textual, used by every face.

Faces use :class:`Conversation` and the types in :mod:`cjcoach.engine.api`.

The names are loaded on first use (PEP 562): a face that only needs the types of
:mod:`cjcoach.engine.api` (a widget showing a question) does not pay for importing the
whole conversation, so the workshop room can draw its first screen sooner.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cjcoach.engine.api import (
        STEP_KEYS,
        BotMessage,
        ConversationFace,
        Question,
        Reply,
        SaveOutcome,
        StepInfo,
    )
    from cjcoach.engine.conversation import Conversation

__all__ = ["Conversation", "ConversationFace", "BotMessage", "Question", "Reply", "SaveOutcome",
           "StepInfo", "STEP_KEYS"]

_HOME = {name: "cjcoach.engine.api" for name in __all__}
_HOME["Conversation"] = "cjcoach.engine.conversation"


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
