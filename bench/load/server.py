"""gunicorn with the production configuration on a free loopback port, stopped for sure."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Gunicorn:
    """`workers` processes of `threads` threads each, logging to the run's folder."""

    def __init__(self, env: dict, folder: Path, workers: int = 2, threads: int = 1):
        self.env, self.folder = env, folder
        self.workers, self.threads = workers, threads
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log = folder / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        """The project's gunicorn.conf.py (what `make serve` uses), with the run's workers,
        port and log files given on the command line, which takes precedence."""
        worker_class = "gthread" if self.threads > 1 else "sync"
        config = ROOT / "gunicorn.conf.py"
        return [
            sys.executable,
            "-m",
            "gunicorn",
            *([f"--config={config}"] if config.exists() else []),
            f"--workers={self.workers}",
            f"--worker-class={worker_class}",
            f"--threads={self.threads}",
            f"--bind={HOST}:{self.port}",
            "--backlog=256",
            "--timeout=60",
            f"--error-logfile={self.log}",
            f"--access-logfile={self.folder / 'access.log'}",
            "roster:create_app()",
        ]

    def start(self, wait: float = 90.0) -> None:
        """Start and wait until /healthz answers 200."""
        # Its own session: a Ctrl-C in the terminal reaches the runner, which stops it.
        self.process = subprocess.Popen(
            self.command(),
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start; see {self.log}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer /healthz in {wait:.0f} s:\n{self.tail()}")

    def settle(self, wait: float = 120.0) -> None:
        """Wait until the workers are idle: wrk leaves requests queued when it stops, and
        they must not be served during the next scenario and counted against it."""
        deadline = time.monotonic() + wait
        quick = 0
        while quick < 3 and time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=wait) as answer:  # noqa: S310
                    answer.read()
            except (urllib.error.URLError, OSError):
                pass
            quick = quick + 1 if time.perf_counter() - started < 0.2 else 0
            time.sleep(0.2)

    def cpu_seconds(self) -> float:
        """User and system CPU time of the master and its workers so far (Linux /proc; 0.0
        elsewhere): per request, a cost that does not depend on how busy the machine is."""
        if self.process is None:
            return 0.0
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(stat.parent.name), int(fields[1])
            if self.process.pid in (pid, ppid):
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / tick

    def tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Graceful stop, then kill the whole process group if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
