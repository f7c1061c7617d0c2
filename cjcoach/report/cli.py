"""``cjcoach report FILE [-o OUT] [--format md|html] [--templates DIR]``.

Exit 0 when the report was written; 1 with one line per problem on stderr when the
workshop file or a template cannot be used. Without ``-o`` the report goes to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_USER = 0, 1


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def format_for(output: Path | None, fmt: str | None) -> str:
    """The format asked for, else the one OUT's extension names, else Markdown."""
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in (".html", ".htm"):
        return "html"
    return "md"


def run_report(path: Path, output: Path | None, fmt: str | None,
               templates: Path | None) -> int:
    """Load the workshop at ``path`` and write its report; the exit status for the CLI."""
    from cjcoach import store
    from cjcoach.report import FORMATS, TemplateProblem, export, render_html, render_markdown

    fmt = format_for(output, fmt)
    if fmt not in FORMATS:
        _say(f"cjcoach report: unknown format {fmt!r}; choose md or html")
        return EXIT_USER
    try:
        workshop = store.load(Path(path))
    except store.LoadError as exc:
        for problem in [str(p) for p in exc.problems] or [str(exc)]:
            _say(f"{path}: {problem}")
        return EXIT_USER
    except store.StoreError as exc:
        _say(str(exc))
        return EXIT_USER
    try:
        if output is None:
            text = render_html(workshop, templates) if fmt == "html" else render_markdown(
                workshop, templates)
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            export(workshop, output, fmt, templates)
    except TemplateProblem as exc:
        _say(f"Report template problem: {exc}")
        return EXIT_USER
    except store.StoreError as exc:
        _say(str(exc))
        return EXIT_USER
    return EXIT_OK
