"""The Jinja2 environments the report is rendered in, and the labels they use.

Two environments share one loader (a user's ``--templates`` folder first, then ours, so
any single part can be overridden): one for Markdown, where every ``{{ }}`` goes through
:func:`filters.finalize`, and one for HTML with Jinja's own autoescape. When a user's folder
is given, both are Jinja's *immutable sandbox* for every template, ours included (a user's
part can include ours and pass them anything): a template can read the workshop, never
change it or reach Python's insides. Our own templates alone are trusted and render in a
plain environment, which is several times cheaper per attribute. A broken template becomes
one :class:`TemplateProblem` naming the file and the line.
"""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from jinja2.sandbox import ImmutableSandboxedEnvironment

from cjcoach import resources
from cjcoach.datafile import DataFileError, load_yaml, merge_layers
from cjcoach.report import TemplateProblem, filters, rows, tidy, view

LABELS_FILE = "labels.yaml"
REPORT_TEMPLATE = "report.md.j2"
PAGE_TEMPLATE = "page.html.j2"


@dataclass
class Environments:
    md: jinja2.Environment
    html: jinja2.Environment
    folders: list[Path]

    def labels(self, lang: str) -> dict[str, Any]:
        return _labels(tuple(self.folders), lang, self._labels_stamp())

    def _labels_stamp(self) -> tuple[float, ...]:
        stamps = []
        for folder in self.folders:
            try:
                stamps.append((folder / LABELS_FILE).stat().st_mtime)
            except OSError:
                stamps.append(0.0)
        return tuple(stamps)


@functools.lru_cache(maxsize=16)
def _labels(folders: tuple[Path, ...], lang: str, stamp: tuple[float, ...]) -> dict[str, Any]:
    """The labels for ``lang``: ours, with a user folder's ``labels.yaml`` on top."""
    merged: dict[str, Any] = {}
    for folder in reversed(folders):
        path = folder / LABELS_FILE
        if not path.is_file():
            continue
        try:
            data = load_yaml(path)
        except DataFileError as exc:
            raise TemplateProblem(str(exc)) from None
        if data is None:
            continue
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise TemplateProblem(f"{path}: should hold one block per language (nl:, en:), "
                                  "each with label: text lines")
        block = data.get(lang) or data.get("en") or {}
        merged = merge_layers(merged, block)
    return _as_labels(merged)


def _as_labels(data: Any) -> Any:
    """Every text in ``data`` as a :class:`filters.Label` (escaped once per process)."""
    if isinstance(data, str):
        return filters.Label(data)
    if isinstance(data, dict):
        return {key: _as_labels(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_labels(value) for value in data]
    return data


@jinja2.pass_context
def _fill(ctx: Any, label: Any, **values: Any) -> str:
    """A label with its ``{name}`` words filled in; the result is escaped like any text."""
    text = str(label)
    for key, value in values.items():
        text = text.replace("{" + key + "}", filters.plain(value))
    return text


@jinja2.pass_context
def _num(ctx: Any, value: Any) -> str:
    """``3.5`` as ``3,5`` in Dutch; escaped as inline text (it is never a list number)."""
    return filters.cell(view.number(value, str(ctx["L"].get("decimal", "."))))


@jinja2.pass_context
def _date(ctx: Any, value: Any) -> str:
    return view.long_date(str(value or ""), list(ctx["L"].get("months") or []))


@jinja2.pass_context
def _symbol(ctx: Any, value: Any, kind: str) -> str:
    """The symbol for a score (``symbols.emotion["-2"]`` in labels.yaml), or the unscored mark."""
    return rows.symbol(ctx["L"], value, kind)


_METHODS = (types.MethodType, types.BuiltinMethodType)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with its verdict per (type, attribute) remembered.

    The sandbox decides whether an attribute is safe from the object's type and the
    attribute's name alone; asking once per pair instead of once per access makes a
    report of a thousand touchpoints several times faster, with the same verdicts.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[type, dict[str, bool]] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        known = self._verdicts.setdefault(type(obj), {})
        verdict = known.get(attr)
        if verdict is None:
            verdict = known[attr] = super().is_safe_attribute(obj, attr, value)
        return verdict

    def getattr(self, obj: Any, attribute: str) -> Any:
        known = self._verdicts.get(type(obj))
        if known is not None and known.get(attribute):
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                pass
            else:
                if not isinstance(value, _METHODS):  # str.format needs the slow path
                    return value
        return super().getattr(obj, attribute)


class MarkdownCode(CodeGenerator):
    """Compiles ``{{ value }}`` so that text already escaped (:class:`filters.Safe`) is printed
    as it is, without the call to :func:`filters.finalize` that would hand it back unchanged.

    The long tables print thousands of escaped fields, and that call was a quarter of their
    time. A whole number (a Mermaid score) is printed as it is too, which is what
    ``finalize`` does with it. Any other value goes through ``finalize`` exactly as before.
    (Jinja's own ``NativeEnvironment`` changes the same two hooks.)
    """

    def _plain_output(self, frame: Frame, finalize: Any) -> bool:
        return (finalize.src is None or frame.eval_ctx.volatile
                or bool(frame.eval_ctx.autoescape))

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if self._plain_output(frame, finalize):
            super()._output_child_pre(node, frame, finalize)
        else:
            self.write("(_cjcoach_out if type(_cjcoach_out := ")

    def _output_child_post(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if self._plain_output(frame, finalize):
            super()._output_child_post(node, frame, finalize)
        else:
            self.write(") is environment.safe_type else str(_cjcoach_out if type(_cjcoach_out)"
                       f" is int else {finalize.src}_cjcoach_out)))")


def _make(folders: list[Path], autoescape: bool, sandboxed: bool) -> jinja2.Environment:
    kind = Sandbox if sandboxed else jinja2.Environment
    env = kind(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        extensions=[] if autoescape else [tidy.RowsExtension],
        autoescape=autoescape,
        finalize=None if autoescape else filters.finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Our own templates are part of the installed program: no file checks per include.
        # A user's folder may be edited while cjcoach runs, so it is checked each time.
        auto_reload=sandboxed,
    )
    env.filters.update(filters.FILTERS)
    if not autoescape:
        del env.filters["html"]  # HTML-escaped text is not safe in Markdown
        env.code_generator_class = MarkdownCode
        env.safe_type = filters.Safe  # type: ignore[attr-defined]
    env.filters.update(fill=_fill, num=_num, date=_date, symbol=_symbol)
    return env


@functools.lru_cache(maxsize=8)
def _environments(user: Path | None) -> Environments:
    folders = ([user] if user is not None else []) + [resources.templates_dir()]
    sandboxed = user is not None
    return Environments(_make(folders, autoescape=False, sandboxed=sandboxed),
                        _make(folders, autoescape=True, sandboxed=sandboxed), folders)


def environments(templates: Path | None = None) -> Environments:
    """The environments for a user's template folder (or ours alone), made once and kept."""
    if templates is not None:
        templates = Path(templates).resolve()
        if not templates.is_dir():
            raise TemplateProblem(f"{templates}: the templates folder does not exist")
    return _environments(templates)


def _template_frame(tb: types.TracebackType | None) -> tuple[str, int] | None:
    """The innermost traceback frame that is a template line (Jinja rewrites them so)."""
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".j2", ".jinja", ".html", ".md", ".css", ".svg")):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def problem(exc: BaseException) -> TemplateProblem:
    """One clear sentence for anything a broken template raises: file, line, what."""
    if isinstance(exc, TemplateProblem):
        return exc
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or "a template"
        return TemplateProblem(f"{where}, line {exc.lineno}: {exc.message}")
    frame = _template_frame(exc.__traceback__)
    if isinstance(exc, jinja2.TemplateNotFound):
        what = f"the template {exc.name} was not found"
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        what = f"not allowed in a report template ({exc})"
    else:
        what = str(exc) or type(exc).__name__
    if frame is None:
        return TemplateProblem(f"report template: {what}")
    return TemplateProblem(f"{frame[0]}, line {frame[1]}: {what}")
