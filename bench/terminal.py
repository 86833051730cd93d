"""What a person at the keyboard feels, measured in a real terminal (tmux, 120×40):
time to first screen, peak memory, and keystroke latency in the idea field."""

import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SESSION = f"okrtui-bench-{os.getpid()}"
"""Each run its own tmux session: two benchmarks at once must not close each other's pane."""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(marker: str, timeout: float = 30.0) -> float:
    """Poll the pane until marker shows; the moment it showed (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if marker in screen():
            return time.perf_counter()
        time.sleep(0.005)
    raise TimeoutError(f"{marker!r} never showed:\n{screen()}")


def peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def stop() -> None:
    """Close the pane and wait for its app to be gone: a session file's lock held by an app
    still exiting would make the next start ask whether another window is editing it."""
    pid = tmux("display", "-p", "-t", SESSION, "#{pane_pid}").strip()
    tmux("kill-session", "-t", SESSION)
    deadline = time.perf_counter() + 10
    while pid.isdigit() and Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        time.sleep(0.01)


def start(command: list[str], marker: str, env: dict[str, str]) -> tuple[float, int]:
    """Start command in a fresh 120×40 tmux pane; seconds to marker, and the app's pid."""
    stop()
    line = " ".join(shlex.quote(part) for part in command)
    env_line = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    began = time.perf_counter()
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40",
         f"exec env -u PYTHONDONTWRITEBYTECODE {env_line} {line}")
    shown = wait_for(marker)
    pid = int(tmux("display", "-p", "-t", SESSION, "#{pane_pid}").strip())
    return shown - began, pid


def first_screens(commands: dict[str, tuple[list[str], str]], runs: int,
                  env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """For each named (command, marker): median seconds to first screen and median peak
    resident memory (KiB) once shown. The commands take turns in each run, so a busy moment
    of the machine hits them all. One unmeasured start of each first: it writes the bytecode
    a user's installed copy has (Python compiles a module from source only the first time),
    and warms the disk cache."""
    for command, marker in commands.values():
        start(command, marker, env)
    samples: dict[str, tuple[list[float], list[int]]] = {name: ([], []) for name in commands}
    for _ in range(runs):
        for name, (command, marker) in commands.items():
            elapsed, pid = start(command, marker, env)
            time.sleep(0.3)  # let the first frame settle before reading memory
            samples[name][0].append(elapsed)
            samples[name][1].append(peak_rss_kib(pid))
    stop()
    return {name: (statistics.median(seconds), statistics.median(memory))
            for name, (seconds, memory) in samples.items()}


def keystrokes(command: list[str], marker: str, env: dict[str, str], count: int) -> float:
    """Median seconds from a key sent to the character on screen, in the idea field."""
    start(command, marker, env)
    tmux("send-keys", "-t", SESSION, "i")
    time.sleep(0.5)
    typed = ""
    latencies = []
    for index in range(count):
        char = "abcdefghijklmnopqrstuvwxyz"[index % 26]
        typed += char
        began = time.perf_counter()
        tmux("send-keys", "-t", SESSION, "-l", char)
        latencies.append(wait_for(typed[-12:]) - began)
    stop()
    return statistics.median(latencies)


def okrtui_command(path: Path) -> list[str]:
    return [PYTHON, "-m", "okrtui", str(path)]


def bare_command() -> list[str]:
    return [PYTHON, str(ROOT / "bench" / "bare_app.py")]


def deps_command() -> list[str]:
    return [PYTHON, "-m", "bench.deps_app"]


def environment(data_dir: Path) -> dict[str, str]:
    return {"OKRTUI_DATA_DIR": str(data_dir), "TERM": "xterm-256color",
            "PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "")}
