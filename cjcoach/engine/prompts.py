"""The question sets: what the bot says, read from ``prompts/<lang>/*.yaml``.

One file per step (``scene.yaml`` … ``review.yaml``) plus ``common.yaml`` for what the bot
says between steps (welcome, help, commands, errors). A trainer may point cjcoach at a
folder of their own with ``--prompts DIR`` (shaped like ``prompts/``: ``DIR/nl``,
``DIR/en``). **Fallback, per file and per key:** for every file we load ours first and lay
theirs on top, so their ``DIR/nl/scene.yaml`` may hold only the one question they
reworded; a file they do not have is simply ours. Lists (such as ``tips``) are replaced
as a whole, not merged.

Every problem (bad YAML, a question without ``text``, a ``{placeholder`` left open, a
question key cjcoach does not know) raises :class:`DataFileError` naming the file and line.
A trainer's folder is read and checked in full when the conversation starts, so a mistake
in it is named at once. Our own files are read when they are first needed (the first
question needs ``common`` and ``scene``; the map needs only each step's ``title``).
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cjcoach import resources
from cjcoach.datafile import DataFileError, merge_layers
from cjcoach.engine.api import STEP_KEYS

COMMON = "common"
FILES: tuple[str, ...] = (COMMON, *STEP_KEYS)
QUESTION_FIELDS = ("text", "hint", "example", "example_b2b", "tips", "retry", "why")

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class _Source:
    """Where each key of a merged file came from, to name file and line in errors."""

    lines: dict[tuple[str, ...], tuple[Path, int]] = field(default_factory=dict)

    def where(self, path: tuple[str, ...], fallback: Path) -> str:
        while path:
            if path in self.lines:
                file, line = self.lines[path]
                return f"{file}, line {line}"
            path = path[:-1]
        return str(fallback)


def _read(path: Path) -> tuple[Any, dict[tuple[str, ...], int]]:
    """The file's data and the line (1-based) of every mapping key, by key path."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        what = getattr(exc, "problem", None) or "not valid YAML"
        raise DataFileError(f"{path}{where}: {what}") from None
    lines: dict[tuple[str, ...], int] = {}

    def convert(n: Any, at: tuple[str, ...]) -> Any:
        if n is None:
            return None
        if isinstance(n, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in n.value:
                key = str(key_node.value)
                lines[(*at, key)] = key_node.start_mark.line + 1
                out[key] = convert(value_node, (*at, key))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [convert(v, at) for v in n.value]
        if n.tag.endswith(":null") or (n.value in ("", "~", "null") and not n.style):
            return None
        return str(n.value)

    return convert(node, ()), lines


def _placeholders_ok(text: str) -> str:
    """An empty string when ``text`` formats, else why not."""
    try:
        list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"the braces {{ }} do not match ({exc}); write {{{{ or }}}} for a plain brace"
    return ""


class _Blank(dict):  # type: ignore[type-arg]
    """Formatting values: an unknown ``{name}`` stays as it is instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, /, **values: object) -> str:
    """``template`` with its ``{placeholders}`` filled; unknown ones are left alone."""
    try:
        return string.Formatter().vformat(template, (), _Blank(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


class PromptSet:
    """Everything the bot says in one language, merged from ours and a trainer's folder.

    ``data`` holds the files read so far, by name; ``load`` reads one that is not there
    yet, and ``peek_title`` only its title (our own files are read when first needed).
    """

    def __init__(self, lang: str, data: dict[str, dict[str, Any]],
                 load: Callable[[str], dict[str, Any]] | None = None,
                 peek_title: Callable[[str], str | None] | None = None) -> None:
        self.lang = lang
        self.data = data
        self._load = load
        self._peek_title = peek_title
        self._titles: dict[str, str | None] = {}

    # --- look-ups ----------------------------------------------------------------------

    def step(self, step: str) -> dict[str, Any]:
        if step not in self.data and self._load is not None and step in FILES:
            self.data[step] = self._load(step)
        return self.data.get(step) or {}

    def title(self, step: str) -> str:
        if step not in self.data and self._peek_title is not None and step in FILES:
            if step not in self._titles:  # the map shows every step's title at once
                self._titles[step] = self._peek_title(step)
            if self._titles[step]:
                return str(self._titles[step])
        return str(self.step(step).get("title") or step)

    def question(self, step: str, key: str) -> dict[str, Any]:
        return (self.step(step).get("questions") or {}).get(key) or {}

    def say(self, key: str, /, **values: object) -> str:
        """A message from ``common.yaml``, filled in."""
        return fill(str((self.step(COMMON).get("messages") or {}).get(key, key)), **values)

    def step_say(self, step: str, key: str, /, **values: object) -> str:
        """A message from a step's own file (falls back to ``common.yaml``)."""
        messages = self.step(step).get("messages") or {}
        if key in messages:
            return fill(str(messages[key]), **values)
        return self.say(key, **values)

    def has_message(self, key: str) -> bool:
        """Whether ``common.yaml`` has a message called ``key``."""
        return key in (self.step(COMMON).get("messages") or {})

    def has_step_message(self, step: str, key: str) -> bool:
        return key in (self.step(step).get("messages") or {})

    def commands(self) -> dict[str, list[str]]:
        """Command name → the words that call it (``back`` → ``/back``, ``/terug``)."""
        raw = self.step(COMMON).get("commands") or {}
        return {name: [str(w).lower() for w in (v or [])] for name, v in raw.items()}

    def command_help(self) -> dict[str, str]:
        return {k: str(v) for k, v in (self.step(COMMON).get("command_help") or {}).items()}

    def section(self, step: str, name: str) -> Any:
        """Any other part of a step file (such as the idea bank in ``touchpoints.yaml``)."""
        return self.step(step).get(name)


def _check(name: str, data: Any, src: _Source, file: Path, known: dict[str, Any]) -> None:
    if not isinstance(data, dict):
        raise DataFileError(f"{file}: expected keys such as 'title' and 'questions' at the top")
    for section in ("questions", "messages", "commands", "command_help"):
        value = data.get(section)
        if value is not None and not isinstance(value, dict):
            raise DataFileError(f"{src.where((section,), file)}: '{section}' should hold "
                                "keys with text under them")
    for key, q in (data.get("questions") or {}).items():
        where = src.where(("questions", key), file)
        if known and key not in known:
            raise DataFileError(f"{where}: cjcoach asks no question '{key}' in this step "
                                f"(it knows: {', '.join(known)})")
        if not isinstance(q, dict) or not isinstance(q.get("text"), str) or not q["text"].strip():
            raise DataFileError(f"{where}: the question '{key}' needs a 'text:' line")
        for fname, value in q.items():
            texts = value if isinstance(value, list) else [value]
            for t in texts:
                if isinstance(t, str) and (why := _placeholders_ok(t)):
                    raise DataFileError(f"{src.where(('questions', key, fname), file)}: {why}")
    for key, value in (data.get("messages") or {}).items():
        if isinstance(value, str) and (why := _placeholders_ok(value)):
            raise DataFileError(f"{src.where(('messages', key), file)}: {why}")


def load_prompts(lang: str, folder: Path | None = None,
                 known: dict[str, dict[str, Any]] | None = None) -> PromptSet:
    """The prompt set for ``lang``: ours, with ``folder/lang/*.yaml`` laid on top.

    ``known`` maps a step to the question keys the engine asks, to catch typos early.
    With a ``folder`` every file is read and checked now; without one, each of ours is
    read and checked when it is first needed.
    """
    bundled = resources.prompts_dir() / lang
    if folder is None:
        return PromptSet(lang, {}, lambda name: _load_file(name, bundled, None, known),
                         lambda name: _title(bundled / f"{name}.yaml"))
    theirs = Path(folder).expanduser() / lang
    if not Path(folder).expanduser().is_dir():
        raise DataFileError(f"{folder}: this prompts folder does not exist")
    return PromptSet(lang, {name: _load_file(name, bundled, theirs, known) for name in FILES})


def _load_file(name: str, bundled: Path, theirs: Path | None,
               known: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """One file of the set: ours, theirs laid on top, checked."""
    src = _Source()
    merged: dict[str, Any] = {}
    used = bundled / f"{name}.yaml"
    for file in (bundled / f"{name}.yaml", theirs / f"{name}.yaml" if theirs else None):
        if file is None or not file.is_file():
            continue
        content, lines = _read(file)
        if content is None:
            continue
        if not isinstance(content, dict):
            raise DataFileError(f"{file}: expected keys such as 'title' and 'questions' "
                                "at the top")
        merged = merge_layers(merged, content)
        src.lines.update({k: (file, n) for k, n in lines.items()})
        used = file
    _check(name, merged, src, used, (known or {}).get(name, {}))
    return merged


def _title(path: Path) -> str | None:
    """The top-level ``title:`` of a prompt file, read without loading the rest of it.

    The file is parsed as YAML up to that key (it comes first, under the comments). None
    when there is no plain title, or the file cannot be read so far: then the whole file
    is loaded, which names any problem.
    """
    try:
        depth, is_key, after_title = 0, False, False
        for event in yaml.parse(path.read_text(encoding="utf-8-sig"), Loader=_Loader):
            if after_title:
                if isinstance(event, yaml.ScalarEvent) and event.value and (
                        event.style or event.value not in ("~", "null", "Null", "NULL")):
                    return str(event.value)
                return None
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                is_key = depth == 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                is_key = depth == 1
            elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) and depth == 1:
                after_title = is_key and getattr(event, "value", None) == "title"
                is_key = not is_key
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return None
