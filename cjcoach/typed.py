"""Turn plain YAML data into typed dataclasses and back, collecting every problem.

The workshop model is a tree of dataclasses. ``from_data`` walks the type hints and
builds that tree from what ``yaml.safe_load`` returned; instead of stopping at the first
mismatch it records each one with its place in the file (``touchpoints[3].importance``),
so ``cjcoach check`` can list them all. ``to_data`` turns the tree back into plain dicts
and lists for the YAML dumper, in field order, leaving out nothing.

Supported hints: str, int, float, bool, ``X | None``, ``list[X]``, ``dict[str, X]``,
``Literal[...]`` and nested dataclasses. That is all the model uses.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import MISSING, dataclass, fields
from functools import cache
from typing import Any, Literal, TypeVar, get_args, get_origin

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, and where: ``path`` reads like ``touchpoints[3].phase``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def _describe(value: object) -> str:
    names = {
        str: "text", int: "a whole number", float: "a number", bool: "yes/no",
        list: "a list", dict: "a mapping", type(None): "empty",
    }
    return names.get(type(value), type(value).__name__)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _zero(hint: Any) -> Any:
    """The empty value of a type, used where the file has nothing usable."""
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return None
    if origin is Literal:
        return get_args(hint)[0]
    if origin is list:
        return []
    if origin is dict:
        return {}
    if dataclasses.is_dataclass(hint):
        return None  # built field by field by the caller
    return {str: "", int: 0, float: 0.0, bool: False}.get(hint)


class _Converter:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def convert(self, hint: Any, value: Any, path: str, default: Any) -> Any:
        if default is None:
            default = _zero(hint)
        origin = get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in get_args(hint) if a is not type(None)]
            if value is None:
                return None
            return self.convert(options[0], value, path, default)
        if origin is Literal:
            allowed = get_args(hint)
            if value in allowed:
                return value
            shown = ", ".join(repr(a) for a in allowed if a != "")
            self.fail(path, f"{value!r} is not one of {shown}")
            return default
        if origin is list:
            if value is None:
                return []
            if not isinstance(value, list):
                self.fail(path, f"expected a list, found {_describe(value)}")
                return []
            (item_hint,) = get_args(hint)
            return [self.convert(item_hint, v, f"{path}[{i}]", None) for i, v in enumerate(value)]
        if origin is dict:
            if value is None:
                return {}
            if not isinstance(value, dict):
                self.fail(path, f"expected a mapping, found {_describe(value)}")
                return {}
            _, value_hint = get_args(hint)
            return {
                str(k): self.convert(value_hint, v, _join(path, str(k)), None)
                for k, v in value.items()
            }
        if dataclasses.is_dataclass(hint):
            return self.build(hint, value, path)
        return self.scalar(hint, value, path, default)

    def scalar(self, hint: Any, value: Any, path: str, default: Any) -> Any:
        if hint is str:
            if isinstance(value, str):
                return value
            if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
                self.fail(path, f"expected text, found {_describe(value)}")
                return default if default is not None else ""
            return str(value)  # numbers and dates typed by hand are fine as text
        if hint is bool:
            if isinstance(value, bool):
                return value
            self.fail(path, f"expected yes/no (true/false), found {_describe(value)}")
            return default if default is not None else False
        if hint is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, float) and value.is_integer():
                return int(value)
            self.fail(path, f"expected a whole number, found {_describe(value)} {value!r}")
            return default
        if hint is float:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            self.fail(path, f"expected a number, found {_describe(value)} {value!r}")
            return default
        raise TypeError(f"unsupported type hint {hint!r}")  # a programming error, not user input

    def build(self, cls: Any, value: Any, path: str) -> Any:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.fail(path, f"expected a mapping, found {_describe(value)}")
            value = {}
        hints = _hints(cls)
        known = {f.name for f in fields(cls)}
        for key in value:
            if key not in known:
                self.fail(_join(path, str(key)), "unknown field")
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.default is not MISSING:
                default = f.default
            elif f.default_factory is not MISSING:
                default = f.default_factory()
            else:
                default = None
            if f.name not in value:
                if f.default is MISSING and f.default_factory is MISSING:
                    self.fail(_join(path, f.name), "is missing")
                    default = _zero(hints[f.name])
                kwargs[f.name] = default
                continue
            converted = self.convert(hints[f.name], value[f.name], _join(path, f.name), default)
            kwargs[f.name] = default if converted is None and default is not None else converted
        return cls(**kwargs)


def from_data(cls: type[T], data: Any) -> tuple[T, list[Problem]]:
    """Build ``cls`` from plain data; return it with every problem found on the way."""
    converter = _Converter()
    result = converter.build(cls, data, "")
    return result, converter.problems


def to_data(obj: Any) -> Any:
    """The plain-data form of a model object, in field order, for the YAML dumper."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, list):
        return [to_data(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj
