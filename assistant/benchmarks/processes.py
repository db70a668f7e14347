"""Real processes for the app benchmarks: app workers, a Chroma server, a round-robin TCP
forwarder — started on free localhost ports and always stopped (terminate, then kill)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

OFFLINE_ENV = {
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
}
# inherited settings that would change what is measured (another engine, logins, a store)
DROPPED_ENV = ("COACH_LLM_MODEL", "COACH_AUTH", "COACH_CHROMA_URL", "COACH_DATA_DIR")
START_TIMEOUT_S = 180.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(data_dir: Path, chroma_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    env.update(OFFLINE_ENV, COACH_DATA_DIR=str(data_dir))
    if chroma_url:
        env["COACH_CHROMA_URL"] = chroma_url
    return env


def command(name: str) -> list[str]:
    """A console script of this venv; the CLI through the interpreter when it is missing."""
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    if name == "strategy-coach":
        return [sys.executable, "-c", "from assistant.cli import main; main()"]
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"the {name!r} command is not installed")
    return [found]


def stop(process: subprocess.Popen) -> None:
    """Terminate, then kill if it does not go within 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def log_tail(log: IO[bytes], limit: int = 1500) -> str:
    log.flush()
    return Path(log.name).read_text(encoding="utf-8", errors="replace")[-limit:]


class Running(NamedTuple):
    url: str
    port: int
    spawned: float  # time.perf_counter() just before the spawn
    ready_s: float  # spawn -> first HTTP 200 of ``probe`` (polled every 50 ms)


@contextlib.contextmanager
def serving(args: list[str], env: dict, log_dir: Path, port: int, probe: str) -> Iterator[Running]:
    """A server process (output in a log file) answering ``probe``; always stopped after."""
    import httpx

    log_dir.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{port}/"
    with tempfile.NamedTemporaryFile(dir=log_dir, suffix=".log", delete=False) as log:
        started = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while time.perf_counter() - started < START_TIMEOUT_S:
                if process.poll() is not None:
                    raise RuntimeError(f"{args[0]} exited early:\n{log_tail(log)}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(url + probe, timeout=2).status_code == 200:
                        break
                time.sleep(0.05)
            else:
                raise RuntimeError(f"{url} silent for {START_TIMEOUT_S:.0f} s:\n{log_tail(log)}")
            yield Running(url, port, started, time.perf_counter() - started)
        finally:
            stop(process)


def app_process(data_dir: Path, log_dir: Path, chroma_url: str | None = None):
    """``strategy-coach ui`` on a free port, answering ``/`` (a context manager: Running)."""
    port = free_port()
    args = [*command("strategy-coach"), "ui", "--host", "127.0.0.1", "--port", str(port)]
    return serving(args, environment(data_dir, chroma_url), log_dir, port, "")


def prepare_data_dir(data_dir: Path, chroma_url: str | None = None) -> Path:
    """``strategy-coach ingest`` into ``data_dir`` (or into the Chroma server)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [*command("strategy-coach"), "ingest"],
        env=environment(data_dir, chroma_url),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"strategy-coach ingest failed:\n{done.stderr[-1500:]}")
    return data_dir


def chroma_server(path: Path, log_dir: Path):
    """``chroma run`` on a free port, its heartbeat answering (a context manager: Running)."""
    port = free_port()
    args = [*command("chroma"), "run", "--path", str(path), "--host", "127.0.0.1"]
    args += ["--port", str(port)]
    return serving(args, environment(path), log_dir, port, "api/v2/heartbeat")


# ----- a round-robin TCP forwarder (what a load balancer without stickiness does) -----
class RoundRobinForwarder:
    """Each new client connection goes to the next backend; bytes are piped both ways."""

    def __init__(self, backends: list[tuple[str, int]]) -> None:
        self.backends = backends
        self.connections = [0] * len(backends)
        self.port = 0
        self._turn = itertools.count()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._tasks: set[asyncio.Task] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
            if writer.can_write_eof():
                writer.write_eof()  # pass a half-close on

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._tasks.add(task := asyncio.current_task())  # type: ignore[arg-type]
        index = next(self._turn) % len(self.backends)
        self.connections[index] += 1
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.backends[index])
            try:
                await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
            finally:
                up_writer.close()
        except (OSError, asyncio.CancelledError):  # a backend down, or shutting down
            pass
        finally:
            writer.close()
            self._tasks.discard(task)  # type: ignore[arg-type]

    def __enter__(self) -> RoundRobinForwarder:
        self._thread.start()
        start = asyncio.start_server(self._handle, "127.0.0.1", 0)
        self._server = asyncio.run_coroutine_threadsafe(start, self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def _shutdown(self) -> None:
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def __exit__(self, *_: object) -> None:
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()


# ----- measurements -----
