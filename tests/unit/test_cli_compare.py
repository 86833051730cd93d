"""`okrtui compare`, run in-process on the example sessions: output, formats, exit codes."""

import json
from pathlib import Path

import pytest

from okrtui.cli import main
from okrtui.models import Session
from okrtui.storage import load_session, save_session

from .conftest import SESSIONS, run_okrtui, write

DATA = SESSIONS / "equipe-data.toml"
PRODUCT = SESSIONS / "equipe-produit.toml"


def compare(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["compare", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_the_two_example_teams(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = compare(capsys, DATA, PRODUCT)
    assert code == 0, err
    assert err == ""
    assert out.startswith("Équipes comparées\u00a0: Data science")
    assert "Ce qu’elles ont en commun (5)" in out
    assert "Tirent en sens contraire (1)" in out
    assert "indicateur\u00a0: requêtes · utilisateurs\u00a0: utilisateurs gratuits" in out
    assert "Propre à une seule équipe" in out


def test_compare_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = compare(capsys, DATA, PRODUCT, "--lang", "en")
    assert code == 0
    assert "What they share (5)" in out
    assert "Pulling opposite ways (1)" in out
    assert "metric: requests · users: free users" in out
    assert "↓ down Data science · key result k4" in out
    assert "↑ up Produit & Marketing · key result k2" in out


def test_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = compare(capsys, DATA, PRODUCT, "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert [t["name"] for t in data["teams"]] == ["Data science", "Produit & Marketing"]
    assert {theme["label"] for theme in data["themes"]} == {
        "merchants", "acceptance rate", "requests", "free users"}
    assert data["opposed"][0]["metric"] == "requests"
    assert "É" not in out or "\\u" not in out  # accents readable, not escaped


def test_compare_one_file_with_several_teams(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data, product = load_session(DATA), load_session(PRODUCT)
    other = product.teams[0].model_copy(update={"id": "team2"})
    for objective in other.objectives:  # ids are unique across a whole file
        objective.id = f"p{objective.id}"
        for kr in objective.key_results:
            kr.id = f"p{kr.id}"
        for tactic in objective.tactics:
            tactic.id = f"p{tactic.id}"
            tactic.moves = [f"p{move}" for move in tactic.moves]
            for action in tactic.actions:
                action.id, action.owner = f"p{action.id}", None
    other.ideas = []
    both = Session.model_validate({**data.model_dump(), "teams": [
        data.teams[0].model_dump(), other.model_dump()]})
    path = tmp_path / "deux-equipes.toml"
    save_session(both, path)
    code, out, err = compare(capsys, path, "--lang", "en")
    assert code == 0, err
    assert out.startswith(f"Teams compared: Data science, Produit & Marketing ({path})\n")
    assert "What they share (5)" in out


def test_compare_needs_two_teams(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = compare(capsys, DATA, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err.startswith(f"okrtui: {DATA}: holds one team only")


def test_the_same_file_twice_is_one_set_of_teams(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = compare(capsys, DATA, DATA, "--lang", "en")
    assert code == 2
    assert "one team only" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"title = \n", ["TOML", "line 1"]), (b'[project]\nname = "x"\n', ["schema_version"])],
    ids=["not-toml", "not-a-session"],
)
def test_compare_an_unusable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          content: bytes, words: list[str]) -> None:
    bad = write(tmp_path / "bad.toml", content)
    code, out, err = compare(capsys, DATA, bad, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err.startswith(f"okrtui: {bad}: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err
    assert bad.read_bytes() == content


def test_compare_a_missing_file_exits_2(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = compare(capsys, DATA, tmp_path / "nope.toml", "--lang", "en")
    assert code == 2
    assert "nope.toml: no such file" in err


def test_compare_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["compare", "--help", "--lang", "en"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: okrtui compare")
    assert "--lang" in out and "--format" in out and "several teams" in out


def test_compare_is_listed_in_the_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help", "--lang", "en"])
    assert "compare" in capsys.readouterr().out


def test_compare_does_not_import_the_ui(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "compare", DATA, PRODUCT, python_flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")]
    assert "okrtui.compare" in imported
    assert [name for name in imported if name.split(".")[0] == "textual"] == []
