"""The command line (DESIGN.md's table is a contract: keep it).

Exit status: 0 done; 1 the user's file or input is wrong (one clear line per problem on
stderr, never a traceback); 2 wrong usage. Heavy modules are imported by the command
that needs them, so ``cjcoach --version`` and the TUI start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cjcoach import __version__

if TYPE_CHECKING:
    from cjcoach.model import Language

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
cjcoach walks your team through a customer-journey workshop, one question at a time,
and writes a journey report. Without a command it opens the workshop room (the TUI).
"""


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--prompts", metavar="DIR", type=Path, default=default,
                        help="use your own question set (a folder with nl/ and en/)")
    parser.add_argument("--templates", metavar="DIR", type=Path, default=default,
                        help="use your own report templates (any part overrides ours)")


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("nl", "en"), default=None,
                        help="the workshop language (default: nl)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cjcoach", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"cjcoach {__version__}")
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("new", help="start a new workshop saved at FILE (in the TUI)")
    p.add_argument("file", type=Path, metavar="FILE")
    _lang(p)
    _common(p, True)

    p = sub.add_parser("open", help="resume a workshop exactly where it was left (in the TUI)")
    p.add_argument("file", type=Path, metavar="FILE")
    _common(p, True)

    p = sub.add_parser("chat", help="the same conversation as plain text on stdin/stdout")
    p.add_argument("file", type=Path, metavar="FILE")
    _lang(p)
    _common(p, True)

    p = sub.add_parser("report", help="write the journey report (to stdout without -o)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, metavar="OUT", default=None)
    p.add_argument("--format", choices=("md", "html"), default=None,
                   help="md or html (default: from OUT's extension, else md)")
    _common(p, True)

    p = sub.add_parser("check", help="check a workshop file and list every problem")
    p.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser("demo", help="open (or --save) a filled example workshop")
    _lang(p)
    p.add_argument("--save", type=Path, metavar="FILE", default=None,
                   help="write the example to FILE instead of opening it")
    _common(p, True)

    p = sub.add_parser("serve", help="serve the workshop room in a browser (no login!)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; there is no login)")
    _common(p, True)
    return parser


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from cjcoach import store

    path: Path = args.file
    try:
        raw = store.read_bytes(path)
        _, problems, _ = store.parse_text(store.decode(raw, path))
    except store.LoadError as exc:
        problems = exc.problems
    except store.StoreError as exc:
        _say(str(exc))  # the sentence names the file already
        return EXIT_USER
    if problems:
        for problem in problems:
            _say(f"{path}: {problem}")
        return EXIT_USER
    print(f"{path}: ok")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from cjcoach import demo, store

    lang: Language = args.lang or "nl"
    if args.save is None:
        from cjcoach.tui.launch import run_demo

        return run_demo(lang, args)
    target: Path = args.save
    if target.exists() and target.stat().st_size > 0:
        _say(f"{target} already exists; choose another name so nothing is overwritten.")
        return EXIT_USER
    try:
        store.write_atomic(target, demo.demo_bytes(lang), keep_backup=False)
    except store.StoreError as exc:
        _say(str(exc))
        return EXIT_USER
    print(f"Saved the {'Dutch' if lang == 'nl' else 'English'} demo workshop to {target}")
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    from cjcoach.plain import run_chat

    return run_chat(args.file, lang=args.lang, prompts=args.prompts)


def cmd_report(args: argparse.Namespace) -> int:
    from cjcoach.report.cli import run_report

    return run_report(args.file, output=args.output, fmt=args.format, templates=args.templates)


def cmd_tui(args: argparse.Namespace) -> int:
    if args.command == "open" and not args.file.exists():
        _say(f"{args.file} does not exist. To start a new workshop there: cjcoach new {args.file}")
        return EXIT_USER
    from cjcoach.tui.launch import run_tui

    return run_tui(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from cjcoach.tui.launch import run_serve

    return run_serve(args)


COMMANDS = {
    "check": cmd_check, "demo": cmd_demo, "chat": cmd_chat, "report": cmd_report,
    "new": cmd_tui, "open": cmd_tui, None: cmd_tui, "serve": cmd_serve,
}


def _file_shortcut(argv: list[str]) -> list[str]:
    """``cjcoach FILE.yaml`` means ``cjcoach open FILE.yaml``: what a new user types first."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in ("--prompts", "--templates") else 1
    if i >= len(argv) or argv[i] in COMMANDS:
        return argv
    if argv[i].endswith((".yaml", ".yml")) or Path(argv[i]).is_file():
        return [*argv[:i], "open", *argv[i:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_file_shortcut(list(sys.argv[1:] if argv is None
                                                         else argv)))
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        _say("Stopped. Everything you answered was saved.")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
