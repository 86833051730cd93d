"""Builders shared by the domain tests: sessions made with the workshop helpers or small TOML."""

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from okrtui import workshop
from okrtui.i18n import Catalog, catalog
from okrtui.models import KeyResult, Objective, Session, Tactic, Team

REPO = Path(__file__).resolve().parents[2]
SESSIONS = REPO / "sessions"

HEADER = 'schema_version = 1\ntitle = "Atelier"\nlanguage = "{language}"\n'


def session_toml(body: str, language: str = "en") -> str:
    """A session file: the usual header, then body (teams, participants…)."""
    return HEADER.format(language=language) + body


MINIMAL_TOML = session_toml('\n[[teams]]\nid = "team1"\nname = "Core"\n')


def build_session(
    kr_counts: list[int],
    *,
    language: str = "en",
    set_aside_objectives: int = 0,
    set_aside_krs: int = 0,
    decided: bool = True,
) -> Session:
    """One team; one committed objective per entry of kr_counts with that many committed
    key results (built straight from the models, so limits can be exceeded as in a file),
    each with the decision it embodies unless not decided, plus set-aside objectives (with
    no decision) and set-aside key results on the first objective."""
    objectives = []
    number = 0
    for o, count in enumerate(kr_counts, start=1):
        krs = []
        for _ in range(count):
            number += 1
            krs.append(KeyResult(id=f"k{number}", text=f"Reduce delay {number} by 20%",
                                 baseline=10, target=8))
        region = "ABCDEFG"[o - 1]
        decisions = [f"Segment: sellers of region {region}"] if decided else []
        objectives.append(Objective(id=f"o{o}", text=f"Enable sellers of region {region}",
                                    decisions=decisions, key_results=krs))
    if objectives:
        for _ in range(set_aside_krs):
            number += 1
            objectives[0].key_results.append(
                KeyResult(id=f"k{number}", text=f"Set-aside KR {number}", set_aside=True)
            )
    for extra in range(set_aside_objectives):
        o = len(kr_counts) + extra + 1
        objectives.append(Objective(id=f"o{o}", text=f"Parked goal {o}", set_aside=True))
    team = Team(id="team1", name="Core", objectives=objectives)
    return Session(title="Atelier", language=language, teams=[team])


def cover_every_kr(session: Session) -> None:
    """Give each committed objective one tactic moving all its key results, with one action,
    so that only the findings under test remain."""
    for team in session.teams:
        for objective in team.objectives:
            moves = [kr.id for kr in objective.key_results]
            tactic = workshop.add_tactic(session, objective, "Bet", moves)
            workshop.add_action(session, tactic, "Do it")


def rich_session() -> Session:
    """A session that sets every field of every model at least once."""
    session = workshop.new_session(
        "Atelier OKR — Publication \"autonome\" 🎯",
        "fr",
        period="2027-T2",
        team="Produit & Tech",
        participants=["Amélie Durand", "Yusuf Öztürk", "نور"],
    )
    team = session.teams[0]
    idea_o1 = workshop.add_idea(session, team, "ambition", "Permettre l'autonomie", "p1")
    workshop.add_idea(session, team, "ambition", "Acquérir de nouveaux utilisateurs", None)
    idea_t = workshop.add_idea(session, team, "tactic", "Un assistant pas à pas", "p2")
    idea_a = workshop.add_idea(session, team, "execution", "Mesurer le délai", "p3")
    workshop.add_idea(session, team, "tactic", "Ligne 1\nLigne 2\tavec tabulation", "p1")
    o1 = workshop.commit_objective(
        session,
        team,
        "Permettre à nos utilisateurs prioritaires une autonomie totale",
        from_idea=idea_o1,
    )
    o1.decisions = ["Segment : les pros", 'Plateforme : web "seulement" \\ pas mobile']
    k1 = workshop.add_key_result(
        session, o1, "Réduire de 20 % le temps de mise en ligne", 12, 9, "minutes"
    )
    k2 = workshop.add_key_result(session, o1, "Faire passer le taux d'abandon", 0.35, 0.2)
    k3 = workshop.add_key_result(session, o1, "Augmenter le NPS", None, 40.0)
    workshop.set_aside(k3)
    tactic = workshop.add_tactic(session, o1, "Guider la première publication", [k1.id, k2.id],
                                 from_idea=idea_t)
    workshop.add_action(
        session,
        tactic,
        "Mesurer le délai actuel",
        owner="p2",
        due=date(2027, 5, 3),
        first_step="Extraire les logs",
        from_idea=idea_a,
    )
    workshop.add_action(session, tactic, "Prototype papier")
    workshop.add_tactic(session, o1, "Sans KR visé", [])
    parked = workshop.commit_objective(session, team, "Développer le canal partenaires")
    workshop.add_key_result(session, parked, "Signer 5 partenaires", 0, 5)
    workshop.set_aside(parked)
    second = Team(id="team2", name="Data")
    session.teams.append(second)
    workshop.add_idea(session, second, "ambition", "Fiabiliser les données", "p3")
    return Session.model_validate(session.model_dump())


@pytest.fixture
def en() -> Catalog:
    return catalog("en")


@pytest.fixture
def fr() -> Catalog:
    return catalog("fr")


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def okrtui_env(tmp_path: Path) -> dict[str, str]:
    """An environment with no locale preference (English) and a private data folder."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}
    }
    env["PYTHONIOENCODING"] = "utf-8"
    env["OKRTUI_DATA_DIR"] = str(tmp_path / "data")
    return env


def run_okrtui(
    tmp_path: Path, *args: str | Path, python_flags: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """`python -m okrtui ARGS` in tmp_path, never waiting on a terminal."""
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "okrtui", *map(str, args)],
        cwd=tmp_path,
        env=okrtui_env(tmp_path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
    )


def tactic_named(session: Session, text: str) -> Tactic:
    for team in session.teams:
        for objective in team.objectives:
            for tactic in objective.tactics:
                if tactic.text == text:
                    return tactic
    raise LookupError(text)


def null_device(folder: Path) -> Path:
    """A character device like /dev/null, made in folder: a test that goes wrong replaces
    this one, never the system's (run as root, an old bug renamed a file over /dev/null)."""
    node = folder / "null-device"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


def finishes(call: Callable[[], object], seconds: float = 5.0) -> object:
    """call's result, or the exception it raised, failing the test if it has not returned
    within seconds (opening or reading a named pipe would wait for ever)."""
    result: list[object] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as error:  # noqa: BLE001 - handed to the test
            result.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: hung on a special file"
    return result[0]


def unblock(fifo: Path) -> None:
    """Open the FIFO's other end, so that a thread stuck opening it returns (a test that
    failed leaves no thread waiting)."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass
