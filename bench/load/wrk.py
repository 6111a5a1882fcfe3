"""wrk: found or installed from Debian, run with a scenario's script, its result parsed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPTS = Path(__file__).with_name("scripts")
MARKER = "LOAD-RESULT "


def ensure_wrk() -> str:
    """The wrk binary; installed with apt-get when missing and running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: apt-get install -y wrk")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(
            ["apt-get", "-o", "DPkg::Lock::Timeout=120", "install", "-y", "-q", "wrk"],
            check=True,
            env=env,
        )
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(
        "make load needs wrk (an HTTP benchmarking tool). Install it with "
        "`sudo apt-get install wrk` (Debian/Ubuntu) or from https://github.com/wg/wrk."
    )


def script_for(scenario: str, folder: Path) -> Path:
    """The scenario's script with the shared part before it, written to the run's folder."""
    text = (SCRIPTS / "common.lua").read_text() + "\n" + (SCRIPTS / f"{scenario}.lua").read_text()
    path = folder / f"{scenario}.lua"
    path.write_text(text)
    return path


@dataclass
class Result:
    """One wrk run as the shared script's done() reports it."""

    requests: int
    duration_us: int
    ok: int
    failed: int  # answers other than 2xx/3xx
    connect: int
    read: int
    write: int
    status: int
    timeout: int
    p50_us: int
    p99_us: int
    max_us: int
    confirmed: int  # updates whose success answer named the expert
    server_cpu_s: float = 0.0  # the runner fills it in: gunicorn's CPU time during the run

    @property
    def errors(self) -> int:
        """Answers other than 2xx/3xx plus socket errors (connect, read, write, timeout)."""
        return self.failed + self.connect + self.read + self.write + self.timeout

    @property
    def cpu_ms(self) -> float:
        """The server's CPU time per request (queued requests finished later not included)."""
        return 1000 * self.server_cpu_s / self.requests if self.requests else 0.0

    @property
    def rps(self) -> float:
        return self.requests / (self.duration_us / 1e6) if self.duration_us else 0.0


def parse(output: str) -> Result:
    """The result line that scripts/common.lua prints; ValueError when it is missing."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            return Result(**json.loads(line.removeprefix(MARKER)))
    raise ValueError("wrk printed no LOAD-RESULT line:\n" + output[-2000:])


def run(
    wrk: str,
    url: str,
    scenario: str,
    folder: Path,
    env: dict,
    *,
    threads: int = 2,
    connections: int = 16,
    duration: int = 15,
) -> tuple[Result, str]:
    """Drive url with the scenario for `duration` seconds; returns the result and wrk's text."""
    script = script_for(scenario, folder)
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    command += ["--timeout=5s", "-s", str(script), url]
    done = subprocess.run(
        command,
        env=dict(os.environ, **env, LOAD_THREADS=str(threads)),
        capture_output=True,
        text=True,
        timeout=duration + 60,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}):\n{done.stderr}{done.stdout}")
    return parse(done.stdout), done.stdout
