"""The benchmarks run (in their quick smoke mode): their figures are in the README."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_coach_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "coach.py"), "--smoke"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "coach, one sentence" in result.stdout and "whole session" in result.stdout


def test_the_workshop_benchmarks_run() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "save 50 ideas" in result.stdout and "cursor down the ideas" in result.stdout


def test_the_edit_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "edit.py"), "--smoke"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "add idea (enter)" in result.stdout and "undo (ctrl+z)" in result.stdout


def test_the_compare_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "compare.py"), "--smoke"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "load the files" in result.stdout and "compare, text" in result.stdout


def test_the_room_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "room.py"), "--quick"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "idea posted → facilitator's screen" in result.stdout
    assert "phase change → all 10 pages" in result.stdout
    assert "memory per participant" in result.stdout


def test_the_report_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "report.py"), "--smoke"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "| html |" in result.stdout and "| json |" in result.stdout
