"""The bundled example workshops: a Dutch and an English one, completely filled in."""

from __future__ import annotations

from cjcoach import resources
from cjcoach.model import Language, Workshop

DEMO_FILES: dict[str, str] = {"nl": "nl.yaml", "en": "en.yaml"}


def demo_bytes(lang: str) -> bytes:
    """The demo workshop file exactly as shipped, in ``lang``."""
    return (resources.demos_dir() / DEMO_FILES[lang]).read_bytes()


def demo_workshop(lang: Language) -> Workshop:
    """The demo workshop as a model object."""
    from cjcoach import store

    return store.load(resources.demos_dir() / DEMO_FILES[lang])
