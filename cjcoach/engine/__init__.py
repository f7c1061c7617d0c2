"""The conversation engine: pure Python, no Textual, used by every face.

Faces use :class:`Conversation` and the types in :mod:`cjcoach.engine.api`.
"""

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
