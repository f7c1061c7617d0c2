"""``cjcoach serve`` serves the app's page over HTTP on the loopback address."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_for(ws: object, marker: str, seconds: float = 20) -> tuple[str, list[object]]:
    """Read the app's output until ``marker`` shows; also collect JSON messages."""
    import aiohttp

    received, messages = "", []
    deadline = time.monotonic() + seconds
    while marker not in received and time.monotonic() < deadline:
        try:
            frame = await ws.receive(timeout=2)  # type: ignore[attr-defined]
        except TimeoutError:
            continue
        if frame.type == aiohttp.WSMsgType.BINARY:
            received += frame.data.decode("utf-8", "replace")
        elif frame.type == aiohttp.WSMsgType.TEXT:
            messages.append(json.loads(frame.data))
            if marker in frame.data:
                break
        elif frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    return received, messages


async def export_in_the_browser(port: int) -> str:
    """Open the demo, preview the report, press ctrl+s: what the browser downloads."""
    import aiohttp

    async with aiohttp.ClientSession() as client, client.ws_connect(
            f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
        await wait_for(ws, "Klantreis")
        for keys, marker in (("\x10", "Search"), ("Demo in het Engels", "Engels"),
                             ("\r", "demo-en-"), ("\x12", "Customer journey of"),
                             ("\x13", "deliver_file_start")):
            await ws.send_json(["stdin", keys])
            screen, messages = await wait_for(ws, marker)
        keys_seen = [m for m in messages if isinstance(m, list) and m[0] == "deliver_file_start"]
        assert keys_seen, screen[-2000:]
        async with client.get(f"http://127.0.0.1:{port}/download/{keys_seen[0][1]}") as got:
            assert got.status == 200
            assert "attachment" in got.headers.get("Content-Disposition", "")
            return await got.text()


async def screen_over_websocket(port: int) -> str:
    """What the browser's terminal receives in its first seconds: the app's home screen."""
    import aiohttp

    received = ""
    async with aiohttp.ClientSession() as client, client.ws_connect(
            f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
        deadline = time.monotonic() + 20
        while "Klantreis" not in received and time.monotonic() < deadline:
            try:
                frame = await ws.receive(timeout=5)
            except TimeoutError:
                break
            if frame.type == aiohttp.WSMsgType.BINARY:
                received += frame.data.decode("utf-8", "replace")
            elif frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
    return received


def test_serve_answers_with_the_app_page_on_loopback(user_home: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    server = subprocess.Popen([sys.executable, "-m", "cjcoach", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        page = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    assert reply.status == 200
                    page = reply.read().decode("utf-8")
                    break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
        assert page, server.stdout.read().decode() if server.poll() is not None else "no page"
        assert "textual.js" in page
        assert f"ws://127.0.0.1:{port}/ws" in page
        assert "Klantreis-workshop" in asyncio.run(screen_over_websocket(port))
        downloaded = asyncio.run(export_in_the_browser(port))
        assert downloaded.startswith("# Customer journey of Hartley & Finch")
        assert not list((user_home / "Documents" / "cjcoach").glob("*-report.md"))
        with socket.socket() as probe:  # not reachable on other addresses
            probe.settimeout(1)
            outside = socket.gethostbyname(socket.gethostname())
            if not outside.startswith("127."):
                assert probe.connect_ex((outside, port)) != 0
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
