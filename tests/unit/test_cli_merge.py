"""`okrtui merge` and `okrtui compare --save`, on the example sessions: report, files written
(or not), exit codes."""

import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import tomli_w

from okrtui import lock
from okrtui.cli import main
from okrtui.models import KeyResult, Objective, Session, Team
from okrtui.storage import load_session, save_session

from .conftest import SESSIONS, run_okrtui, write

DATA = SESSIONS / "equipe-data.toml"
PRODUCT = SESSIONS / "equipe-produit.toml"
BOTH = SESSIONS / "startup-ia.toml"
TITLE = "Atelier OKR — Start-up IA : Data science et Produit & Marketing"


def okrtui(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def teams(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the two example team files, to write into."""
    return (Path(shutil.copy(DATA, tmp_path / "equipe-data.toml")),
            Path(shutil.copy(PRODUCT, tmp_path / "equipe-produit.toml")))


def hold(path: Path, pid: int) -> None:
    """Lock path as another live okrtui (process pid) would."""
    table = {"host": socket.gethostname(), "pid": pid, "since": datetime(2027, 1, 5, 9, 30)}
    lock.lock_path(path).write_text(tomli_w.dumps(table), encoding="utf-8")


@pytest.fixture
def other_process() -> Iterator[int]:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    yield other.pid
    other.kill()
    other.wait()


# --- merge --------------------------------------------------------------------------------


def test_merge_the_two_example_teams(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "startup.toml"
    code, out, err = okrtui(capsys, "merge", DATA, PRODUCT, "-o", out_path, "--title", TITLE)
    assert code == 0, err
    assert err == ""
    assert out == (
        f"{PRODUCT}\u00a0: 25 identifiants déjà pris dans un fichier précédent, renommés avec "
        "tout ce qui y renvoie\u00a0: p1…p3 → p4…p6, team1 → team2, i1…i5 → i6…i10, o1…o3 → o4…o6, "
        "k1…k7 → k8…k14, t1…t3 → t4…t6, a1…a3 → a4…a6.\n"
        f"{out_path}\u00a0: 2 équipes, 6 participant·es, fusionnés depuis 2 fichiers.\n")
    merged = load_session(out_path)
    assert [team.name for team in merged.teams] == ["Data science", "Produit & Marketing"]
    assert merged.title == TITLE


def test_the_example_is_the_merge_of_the_teams_with_their_comparison_saved(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "startup-ia.toml"
    assert okrtui(capsys, "merge", DATA, PRODUCT, "-o", out_path, "--title", TITLE)[0] == 0
    assert okrtui(capsys, "compare", out_path, "--save")[0] == 0
    assert out_path.read_bytes() == BOTH.read_bytes()


def test_merge_reports_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = okrtui(capsys, "merge", DATA, PRODUCT, "-o", tmp_path / "a.toml", "--lang",
                          "en")
    assert code == 0
    assert out.splitlines()[0] == (
        f"Title taken from {DATA}: “Atelier OKR — Data science” (--title to choose another).")
    assert "25 ids already used by an earlier file" in out
    assert out.endswith("2 teams, 6 participants, merged from 2 files.\n")


def test_merge_never_overwrites_without_force(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    existing = write(tmp_path / "all.toml", "not mine to lose\n")
    code, out, err = okrtui(capsys, "merge", DATA, PRODUCT, "-o", existing, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err == (f"okrtui: {existing}: already exists: choose another output file, or "
                   "--force to replace it.\n")
    assert existing.read_text() == "not mine to lose\n"
    assert okrtui(capsys, "merge", DATA, PRODUCT, "-o", existing, "--force")[0] == 0
    assert len(load_session(existing).teams) == 2


def test_merge_refuses_an_output_another_okrtui_is_editing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], other_process: int) -> None:
    existing = write(tmp_path / "all.toml", "x\n")
    hold(existing, other_process)
    code, _, err = okrtui(capsys, "merge", DATA, PRODUCT, "-o", existing, "--force", "--lang",
                          "en")
    assert code == 2
    assert f"is open in okrtui (host {socket.gethostname()}, process {other_process})" in err
    assert existing.read_text() == "x\n"


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"title = \n", ["TOML", "line 1"]), (b'[project]\nname = "x"\n', ["schema_version"])],
    ids=["not-toml", "not-a-session"],
)
def test_merge_an_unusable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        content: bytes, words: list[str]) -> None:
    bad = write(tmp_path / "bad.toml", content)
    out_path = tmp_path / "all.toml"
    code, out, err = okrtui(capsys, "merge", DATA, bad, "-o", out_path, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err.startswith(f"okrtui: {bad}: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err
    assert not out_path.exists()


def test_merge_needs_two_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = okrtui(capsys, "merge", DATA, DATA, "-o", tmp_path / "a.toml", "--lang", "en")
    assert code == 2
    assert err == f"okrtui: {DATA}: merge needs at least two session files.\n"
    assert not (tmp_path / "a.toml").exists()


def test_merge_into_a_missing_folder_exits_2(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = okrtui(capsys, "merge", DATA, PRODUCT, "-o", tmp_path / "nope" / "a.toml")
    assert code == 2
    assert err.startswith("okrtui: ") and "Traceback" not in err


def test_merge_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["merge", str(DATA), str(PRODUCT), "--lang", "en"])
    assert done.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_merge_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["merge", "--help", "--lang", "en"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: okrtui merge")
    assert "--force" in out and "--title" in out and "multi-team" in out
    with pytest.raises(SystemExit):
        main(["--help", "--lang", "en"])
    assert "merge" in capsys.readouterr().out


def test_merge_does_not_import_the_ui(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "merge", DATA, PRODUCT, "-o", tmp_path / "a.toml",
                        python_flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")]
    assert "okrtui.merge" in imported
    assert [name for name in imported if name.split(".")[0] == "textual"] == []


# --- compare --save -----------------------------------------------------------------------


def test_compare_save_writes_the_shared_section_into_both_files(
        teams: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    data, product = teams
    before = {path: path.read_text(encoding="utf-8") for path in teams}
    code, out, err = okrtui(capsys, "compare", data, product, "--save")
    assert code == 0, err
    assert "Ce qu’elles ont en commun (5)" in out  # the comparison is shown as usual
    saved = "\u00a0: 3 points enregistrés comme «\u00a0ce que nous avons en commun\u00a0».\n"
    assert err == f"{data}{saved}{product}{saved}"
    for path in teams:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(before[path] + "\n[[common]]\nid = \"c1\"\n")
        session = load_session(path)
        assert [(c.id, c.kind) for c in session.common] == [
            ("c1", "shared"), ("c2", "shared"), ("c3", "opposed")]
    assert load_session(data).common == load_session(product).common


def test_compare_save_twice_gives_the_same_files(teams: tuple[Path, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    okrtui(capsys, "compare", *teams, "--save")
    once = [path.read_bytes() for path in teams]
    okrtui(capsys, "compare", *teams, "--save", "--format", "json")
    assert [path.read_bytes() for path in teams] == once


def test_compare_save_keeps_common_points_written_by_hand(
        teams: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    data, product = teams
    with data.open("a", encoding="utf-8") as file:
        file.write('\n[[common]]\nid = "c1"\ntext = "Ancienne comparaison"\n'
                   '\n[[common]]\nid = "note1"\ntext = "Un point écrit à la main"\n')
    assert okrtui(capsys, "compare", data, product, "--save")[0] == 0
    common = load_session(data).common
    assert [c.id for c in common] == ["c1", "c2", "c3", "note1"]
    assert common[0].text == "Indicateur\u00a0: taux d'acceptation"
    assert common[-1].text == "Un point écrit à la main"


def test_compare_save_writes_each_file_in_its_language(
        tmp_path: Path, teams: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, product = teams
    english = tmp_path / "success.toml"
    save_session(Session(title="Customer success", language="en", teams=[Team(
        id="team1", name="Success", objectives=[Objective(
            id="o1", text="Keep our paying merchants past their first year", key_results=[
                KeyResult(id="k1", text="Cut monthly churn of paying customers from 6% to 2%",
                          baseline=6, target=2, unit="%")])])]), english)
    assert okrtui(capsys, "compare", english, product, "--save")[0] == 0
    assert load_session(english).common[0].text == "Metric: churn · users: paying customers"
    assert load_session(product).common[0].text == (
        "Indicateur\u00a0: attrition · utilisateurs\u00a0: clients payants")


def test_compare_save_into_the_multi_team_example(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    both = Path(shutil.copy(BOTH, tmp_path / "startup-ia.toml"))
    code, _, err = okrtui(capsys, "compare", both, "--save", "--lang", "en")
    assert code == 0
    assert err == f"{both}: 3 points saved as “what we have in common”.\n"
    assert both.read_bytes() == BOTH.read_bytes()


def test_compare_save_refuses_a_file_another_okrtui_is_editing(
        teams: tuple[Path, Path], capsys: pytest.CaptureFixture[str], other_process: int) -> None:
    data, product = teams
    before = {path: path.read_bytes() for path in teams}
    hold(product, other_process)
    code, out, err = okrtui(capsys, "compare", data, product, "--save", "--lang", "en")
    assert code == 2
    assert out == ""
    assert err.startswith(f"okrtui: {product}: is open in okrtui (host ")
    assert "nothing was saved" in err
    assert {path: path.read_bytes() for path in teams} == before


def test_compare_without_save_writes_nothing(teams: tuple[Path, Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = {path: path.read_bytes() for path in teams}
    assert okrtui(capsys, "compare", *teams)[0] == 0
    assert {path: path.read_bytes() for path in teams} == before


def test_compare_help_offers_save(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help", "--lang", "en"])
    assert "--save" in capsys.readouterr().out


# --- the roadmap example ------------------------------------------------------------------


def test_the_product_roadmap_example_imports_into_the_multi_team_example(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both = Path(shutil.copy(BOTH, tmp_path / "startup-ia.toml"))
    code, out, err = okrtui(capsys, "import-roadmap", SESSIONS / "feuille-de-route-produit.md",
                            both, "--team", "Produit & Marketing")
    assert code == 0, err
    assert out.startswith("10 éléments de feuille de route ajoutés à Produit & Marketing")
    data, product = load_session(both).teams
    assert data.roadmap == []
    titles = [item.text for item in product.roadmap]
    assert titles[0] == ("Refaire la fiche de l'app store Shopify : captures d'écran et trois "
                         "cas d'usage")
    assert "Connecteur WooCommerce" in titles  # serves none of the team's OKRs (all Shopify)
    assert [item.id for item in product.roadmap] == [f"r{n}" for n in range(1, 11)]
    assert okrtui(capsys, "check", both)[0] == 0
