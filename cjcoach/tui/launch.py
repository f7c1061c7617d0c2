"""What the command line calls to start the workshop room (``cjcoach``, ``new``, ``open``,
``demo``) or to serve it to a browser (``serve``)."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from cjcoach.model import Language
from cjcoach.tui.app import Options, create_app


def _paths(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    return getattr(args, "prompts", None), getattr(args, "templates", None)


def _run(options: Options) -> int:
    options.handle_signals = True
    app = create_app(options)
    app.run()
    return app.return_code or 0


def run_tui(args: argparse.Namespace) -> int:
    """``cjcoach`` (home), ``cjcoach new FILE [--lang]`` and ``cjcoach open FILE``."""
    prompts, templates = _paths(args)
    command = getattr(args, "command", None)
    if command == "new":
        options = Options("new", Path(args.file), getattr(args, "lang", None), prompts,
                          templates)
    elif command == "open":
        options = Options("open", Path(args.file), None, prompts, templates)
    else:
        options = Options("home", None, None, prompts, templates)
    return _run(options)


def run_demo(lang: Language, args: argparse.Namespace) -> int:
    """``cjcoach demo``: a fresh copy of the bundled demo, opened in the chat."""
    prompts, templates = _paths(args)
    return _run(Options("demo", None, lang, prompts, templates))


def serve_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for every browser that connects."""
    words = [sys.executable, "-m", "cjcoach"]
    prompts, templates = _paths(args)
    if prompts is not None:
        words += ["--prompts", str(Path(prompts).absolute())]
    if templates is not None:
        words += ["--templates", str(Path(templates).absolute())]
    return shlex.join(words)


def run_serve(args: argparse.Namespace) -> int:
    """``cjcoach serve``: the same app in a browser, on 127.0.0.1 unless told otherwise."""
    from textual_serve.server import Server

    host = getattr(args, "host", "127.0.0.1") or "127.0.0.1"
    port = int(getattr(args, "port", 8000))
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Warning: cjcoach serve has no login. Anyone who can reach {host}:{port} "
              "can open and change your workshops.", file=sys.stderr)
    server = Server(serve_command(args), host=host, port=port, title="cjcoach")
    try:
        server.serve()
    except OSError as exc:
        print(f"cjcoach could not listen on {host}:{port} ({exc.strerror or exc}); "
              "try another --port.", file=sys.stderr)
        return 1
    return 0
