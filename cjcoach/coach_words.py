"""The coach's words: reading and checking ``prompts/<lang>/coach.yaml``.

A trainer may reword any message; this module makes sure a reworded file only uses the
placeholders its rule can fill in, and says file and line when it does not.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import yaml

from cjcoach import resources
from cjcoach.datafile import DataFileError, load_yaml, require_mapping
from cjcoach.model import SEVEN_S

Placeholders = Mapping[str, tuple[str, ...]]
"""Each message code with the placeholders its text may use."""


_FORMS = ("zero", "one", "other")


@dataclass(frozen=True)
class Catalog:
    """The coach's words in one language: a message per rule code, and a few joining words."""

    messages: dict[str, dict[str, str]]
    """code → form (``zero``, ``one``, ``other``, chosen by ``{count}``) → text."""
    words: dict[str, str]
    """``and`` (to join lists) and ``more`` (``and 4 more``)."""
    seven_s_names: dict[str, str]

    def seven_s(self, element: str) -> str:
        return self.seven_s_names.get(element, element)

    def render(self, code: str, values: dict[str, str], count: int | None) -> str:
        forms = self.messages.get(code, {})
        form = "other" if count is None else {0: "zero", 1: "one"}.get(count, "other")
        template = forms.get(form, forms.get("other", ""))
        return " ".join(template.format(**values).split())


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every key, by its path of keys, so errors can say where."""
    lines: dict[tuple[str, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = (*path, str(key.value))
                lines[sub] = key.start_mark.line + 1
                walk(value, sub)

    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if root is not None:
        walk(root, ())
    return lines


def _parse(path: Path, allowed: Placeholders) -> Catalog:
    data = load_yaml(path)
    data = require_mapping({} if data is None else data, path)
    lines = _key_lines(path.read_text(encoding="utf-8-sig"))

    def fail(keys: tuple[str, ...], what: str) -> NoReturn:
        line = lines.get(keys) or lines.get(keys[:-1]) or 1
        raise DataFileError(f"{path}, line {line}: {what}")

    def check_text(keys: tuple[str, ...], text: str, allowed: tuple[str, ...]) -> None:
        may = ", ".join(f"{{{p}}}" for p in allowed) or "no placeholders"
        try:
            parts = list(string.Formatter().parse(text))
        except ValueError:
            fail(keys, f"'{keys[1]}' has a {{ or }} on its own; write {{{{ or }}}} to show one")
        for _, name, spec, conversion in parts:
            if name is not None and (name not in allowed or spec or conversion):
                typed = name + (f"!{conversion}" if conversion else "") + (
                    f":{spec}" if spec else "")
                fail(keys, f"'{keys[1]}' uses {{{typed}}}, which the coach cannot fill in "
                           f"there; it may use {may}")

    for key in data:
        if key not in ("messages", "words"):
            fail((str(key),), f"'{key}' is not a part of this file; it has 'messages' and 'words'")
    messages: dict[str, dict[str, str]] = {}
    for code, value in _section(data, "messages", fail).items():
        keys = ("messages", str(code))
        if code not in allowed:
            fail(keys, f"there is no message called '{code}'; the coach knows "
                       f"{', '.join(allowed)}")
        forms = {"other": value or ""} if value is None or isinstance(value, str) else value
        if (not isinstance(forms, dict) or "other" not in forms
                or any(f not in _FORMS or not isinstance(t, str) for f, t in forms.items())):
            fail(keys, f"'{code}' should be one text, or texts under zero, one and other "
                       "(other is needed); a text starting with { goes on the line after >-")
        for form, text in forms.items():
            check_text((*keys, form), text, allowed[code])
        messages[str(code)] = forms
    words: dict[str, str] = {}
    seven_s: dict[str, str] = {}
    word_data = _section(data, "words", fail)
    for key, value in word_data.items():
        if key == "seven_s":
            for element, name in _section(word_data, "seven_s", fail, ("words",)).items():
                if element not in SEVEN_S or not isinstance(name, str) or not name.strip():
                    fail(("words", "seven_s", str(element)),
                         f"seven_s takes a name for each of {', '.join(SEVEN_S)}")
                seven_s[element] = name.strip()
        elif key in ("and", "more") and isinstance(value, str) and value.strip():
            check_text(("words", key), value, ("count",) if key == "more" else ())
            words[key] = value.strip()
        else:
            fail(("words", str(key)), "words has 'and', 'more' (with {count}) and 'seven_s'")
    return Catalog(messages, words, seven_s)


def _section(data: dict[str, Any], key: str, fail: Callable[[tuple[str, ...], str], NoReturn],
             at: tuple[str, ...] = ()) -> dict[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        fail((*at, key), f"'{key}' should hold keys and values")
    return value


@functools.lru_cache(maxsize=8)
def _parse_cached(path: str, mtime_ns: int, size: int,
                  allowed: tuple[tuple[str, tuple[str, ...]], ...]) -> Catalog:
    return _parse(Path(path), dict(allowed))


def _read(path: Path, allowed: Placeholders) -> Catalog:
    try:
        stat = path.stat()
    except OSError:
        raise DataFileError(f"{path}: the file is missing") from None
    return _parse_cached(str(path), stat.st_mtime_ns, stat.st_size, tuple(allowed.items()))


def load_catalog(language: str, allowed: Placeholders, prompts: Path | None = None) -> Catalog:
    """The coach's words: the bundled file, with a trainer's ``<prompts>/<language>/coach.yaml``
    (when there is one) replacing the messages and words it has."""
    bundled = resources.prompts_dir() / language / "coach.yaml"
    catalog = _read(bundled, allowed)
    missing = [c for c in allowed if c not in catalog.messages]
    missing += [w for w in ("and", "more") if w not in catalog.words]
    missing += [s for s in SEVEN_S if s not in catalog.seven_s_names]
    if missing:
        raise DataFileError(f"{bundled}: has nothing for {', '.join(missing)}")
    own = Path(prompts) / language / "coach.yaml" if prompts is not None else None
    if own is None or not own.is_file() or own.resolve() == bundled.resolve():
        return catalog
    extra = _read(own, allowed)
    return Catalog({**catalog.messages, **extra.messages}, {**catalog.words, **extra.words},
                   {**catalog.seven_s_names, **extra.seven_s_names})
