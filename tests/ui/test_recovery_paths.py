"""Recovery files against hostile paths and other windows (issue 14): where the journal
writes, what it keeps, and what a restore may write to."""

from pathlib import Path

from okrtui import recovery
from okrtui.problems import SaveError
from okrtui.storage import load_session, save_session
from screens.app import OkrApp

from .conftest import fill
from .support import session_with_three_objectives


def saved_session(folder: Path, name: str = "workshop.toml") -> Path:
    path = folder / name
    save_session(session_with_three_objectives(), path)
    return path


def warnings(app: OkrApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]


async def test_the_first_failed_autosave_warns_at_once(isolated: Path, monkeypatch) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise SaveError(path, "save.failed", reason="No space left on device")

    monkeypatch.setattr(recovery, "atomic_write", refuse)
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await fill(pilot, "Only one edit")
        await pilot.pause(0.7)
        assert app.journal.flush()
        await pilot.pause()
        found = [w for w in warnings(app) if "Autosave cannot write" in w]
        assert len(found) == 1 and "No space left on device" in found[0]
