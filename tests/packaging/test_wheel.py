"""The wheel, built and installed as a user installs it: one top-level package (okrtui), the
UI and the example sessions inside it, the command line and the home screen working from a
fresh virtual environment, away from the repository.

Built with `pip wheel` (build isolation: setuptools comes from the package index) from a
copy of the files it packages, so nothing is written in the repository. The new virtual
environment has no pip and no dependencies of its own: the wheel is installed into it by
this interpreter's pip (`pip --python`), and a .pth file points at this environment's
site-packages for Textual, pydantic and the rest (a path from a .pth file is not a site
folder: the editable install's own .pth there is not run). About 15-30 s in all.
"""

import json
import os
import shutil
import site
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from okrtui import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGED = ("pyproject.toml", "README.md", "okrtui", "screens", "sessions")
EXAMPLES = sorted(path.name for path in (REPO / "sessions").glob("*.toml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in PACKAGED:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", ".*.recover", ".*.lock"))
        else:
            shutil.copy2(origin, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--wheel-dir", str(out), str(source)],
                   check=True, cwd=out, timeout=300)
    (built,) = out.glob("okrtui-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True,
                   timeout=120)
    python = root / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True).stdout.strip()
    dependencies = site.getsitepackages()[0]
    Path(purelib, "_okrtui_test_dependencies.pth").write_text(dependencies + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--disable-pip-version-check", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=300)
    return root


def run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command of the new environment, from a folder away from the repository."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}}
    env.update(PYTHONIOENCODING="utf-8", OKRTUI_DATA_DIR=str(cwd / "data"),
               PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    return subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_the_wheel_holds_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"okrtui", f"okrtui-{__version__}.dist-info"}
    assert "okrtui/screens/app.py" in names and "okrtui/screens/widgets/__init__.py" in names
    assert "okrtui/screens/forms/__init__.py" in names
    assert "okrtui/screens/app.tcss" in names
    assert {f"okrtui/examples/{name}" for name in EXAMPLES} <= set(names)
    assert any(name.startswith("okrtui/examples/") and name.endswith(".md") for name in names)
    record = next(name for name in names if name.endswith(".dist-info/RECORD"))
    recorded = zipfile.ZipFile(wheel).read(record).decode("utf-8").splitlines()
    assert {line.split("/")[0].split(",")[0] for line in recorded if line} == top


def test_okrtui_version(venv: Path, tmp_path: Path) -> None:
    result = run(venv, "okrtui", "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout


def test_okrtui_check_an_installed_example(venv: Path, tmp_path: Path) -> None:
    where = run(venv, "python", "-c",
                "from importlib.resources import files; print(files('okrtui.examples'))",
                cwd=tmp_path)
    folder = Path(where.stdout.strip())
    assert folder.is_relative_to(venv), where.stderr
    examples = sorted(folder.glob("*.toml"))
    assert [path.name for path in examples] == EXAMPLES
    result = run(venv, "okrtui", "check", *map(str, examples), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    for path in examples:
        assert str(path) in result.stdout


def test_the_home_screen_lists_the_installed_examples(venv: Path, tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import asyncio, json, sys
        import okrtui.screens.app
        from okrtui.screens.app import OkrApp
        from okrtui.screens.home import example_files

        async def main():
            app = OkrApp(lang="en")
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                entries = app.screen.query_one("#home-entries")
                texts = [str(entries.get_option_at_index(i).prompt)
                         for i in range(entries.option_count)]
            print(json.dumps({"texts": texts, "files": [str(p) for p in example_files()],
                              "ui": okrtui.screens.app.__file__,
                              "bare_screens": "screens" in sys.modules}))

        asyncio.run(main())
    """)
    result = run(venv, "python", "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(shown["ui"]).is_relative_to(venv)
    assert not shown["bare_screens"]
    assert [Path(name).name for name in shown["files"]] == EXAMPLES
    assert all(Path(name).is_relative_to(venv) for name in shown["files"])
    for name in EXAMPLES:
        assert any(text.endswith(f"— {name}") or text.strip() == name for text in shown["texts"])
