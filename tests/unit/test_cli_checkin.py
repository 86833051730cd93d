"""`okrtui checkin` and `okrtui status`, run as a script runs them: exit codes, what is
written (or not) and what is printed."""

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import tomli_w

from okrtui import lock
from okrtui.cli import main
from okrtui.models import CheckIn
from okrtui.storage import load_session, save_session

from .conftest import SESSIONS, build_session, run_okrtui
from .test_kr_refs import two_teams

ESC = "\x1b"


def okrtui(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def french(tmp_path: Path) -> Path:
    """O1 with KR1, KR2 (from 10 to 8 minutes), O2 with KR1; a French session."""
    session = build_session([2, 1], language="fr")
    session.teams[0].objectives[0].key_results[0].unit = "minutes"
    path = tmp_path / "atelier.toml"
    save_session(session, path)
    return path


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.toml"
    save_session(build_session([1]), path)
    return path


def check_ins(path: Path, kr_id: str) -> list[CheckIn]:
    for objective in load_session(path).teams[0].objectives:
        for kr in objective.key_results:
            if kr.id == kr_id:
                return kr.check_ins
    raise LookupError(kr_id)


# --- checkin ------------------------------------------------------------------------------


def test_checkin_records_a_decimal_comma_and_says_so_in_french(
        french: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = okrtui(capsys, "checkin", french, "O1.KR1", "9,6", "--confidence", "8",
                            "--note", "Bon début", "--date", "2025-02-03")
    assert (code, err) == (0, "")
    assert check_ins(french, "k1") == [CheckIn(date=date(2025, 2, 3), value=9.6, confidence=8,
                                               note="Bon début")]
    assert out == ("Point d’étape enregistré pour O1.KR1 «\u00a0Reduce delay 1 by 20%\u00a0» le "
                   "2025-02-03\u00a0: 9,6 minutes, progression 20\u202f%, "
                   "confiance 8/10\u00a0: en bonne voie.\n")


@pytest.mark.parametrize("typed", ["2 000", "2\u202f000", "2\u00a0000", "2000"])
def test_checkin_reads_french_thousands(french: Path, capsys: pytest.CaptureFixture[str],
                                        typed: str) -> None:
    assert okrtui(capsys, "checkin", french, "k2", typed, "--date", "2025-02-03")[0] == 0
    assert check_ins(french, "k2")[0].value == 2000


def test_checkin_in_english_reads_both_marks(english: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert okrtui(capsys, "checkin", english, "O1.KR1", "9,5", "--date", "2025-01-10")[0] == 0
    assert okrtui(capsys, "checkin", english, "O1.KR1", "2,000", "--date", "2025-01-11")[0] == 0
    code, out, _ = okrtui(capsys, "checkin", english, "k1", "9", "--date", "2025-01-12")
    assert [c.value for c in check_ins(english, "k1")] == [9.5, 2000, 9]
    assert out == ('Check-in recorded for O1.KR1 "Reduce delay 1 by 20%" on 2025-01-12: 9, '
                   "progress 50%, confidence not given.\n")


@pytest.mark.parametrize(("typed", "value"), [("-3,5", -3.5), ("0,125", 0.125), ("1.200", 1.2)])
def test_checkin_in_english_reads_negative_and_small_values(
        english: Path, capsys: pytest.CaptureFixture[str], typed: str, value: float) -> None:
    assert okrtui(capsys, "checkin", english, "k1", typed, "--date", "2025-01-10")[0] == 0
    assert check_ins(english, "k1")[0].value == value


def test_checkin_dates_today_by_default(english: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert okrtui(capsys, "checkin", english, "k1", "9")[0] == 0
    assert check_ins(english, "k1")[0].date == date.today()


@pytest.mark.parametrize(
    ("args", "words"),
    [(["O1.KR1", "abc"], ["argument VALEUR", "«\u00a0abc\u00a0» n’est pas un nombre"]),
     (["O1.KR1", "1.200"], ["argument VALEUR", "1,2 ou 1\u202f200"]),
     (["O1.KR1", "9", "--confidence", "11"], ["argument --confidence", "de 0 à 10"]),
     (["O1.KR1", "9", "--confidence", "sept"], ["argument --confidence", "«\u00a0sept\u00a0»"]),
     (["O1.KR1", "9", "--date", "2025-02-30"], ["argument --date", "AAAA-MM-JJ"]),
     (["O1.KR1", "9", "--date", "03/02/2025"], ["argument --date", "AAAA-MM-JJ"]),
     (["O1.KR1", "9", "--date", "2999-01-01"], ["argument --date", "après aujourd’hui"]),
     (["O3.KR1", "9"], ["pas de résultat clé «\u00a0O3.KR1\u00a0»", "O1.KR1, O1.KR2, O2.KR1"])],
    ids=["not-a-number", "two-readings", "confidence-11", "confidence-word", "no-such-day",
         "not-iso", "future", "no-such-kr"],
)
def test_bad_input_exits_2_and_writes_nothing(french: Path, capsys: pytest.CaptureFixture[str],
                                              args: list[str], words: list[str]) -> None:
    before = french.read_bytes()
    code, out, err = okrtui(capsys, "checkin", french, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("okrtui\u00a0: ")
    for word in words:
        assert word in err
    assert french.read_bytes() == before


def test_bad_input_is_told_in_english_when_asked(french: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = okrtui(capsys, "checkin", french, "O1.KR1", "9", "--confidence", "12",
                          "--lang", "en")
    assert code == 2
    assert err.startswith('okrtui: argument --confidence: "12" is not a confidence')


def test_an_ambiguous_label_lists_the_choices(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "teams.toml"
    save_session(two_teams(), path)
    before = path.read_bytes()
    code, _, err = okrtui(capsys, "checkin", path, "O1.KR1", "2")
    assert code == 2
    assert "O1.KR1 names a key result in several teams" in err
    assert "data.O1.KR1, produit.O1.KR1" in err
    assert path.read_bytes() == before
    assert okrtui(capsys, "checkin", path, "produit.O1.KR1", "2", "--date", "2025-03-01")[0] == 0
    session = load_session(path)
    assert session.teams[1].objectives[0].key_results[0].check_ins[0].value == 2


@pytest.fixture
def other_process() -> Iterator[int]:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    yield other.pid
    other.kill()
    other.wait()


def test_checkin_refuses_a_file_open_in_okrtui(french: Path, other_process: int,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    table = {"host": socket.gethostname(), "pid": other_process,
             "since": datetime(2025, 1, 5, 9, 30)}
    lock.lock_path(french).write_text(tomli_w.dumps(table), encoding="utf-8")
    before = french.read_bytes()
    code, out, err = okrtui(capsys, "checkin", french, "O1.KR1", "9", "--lang", "en")
    assert (code, out) == (2, "")
    assert f"is open in okrtui (host {socket.gethostname()}, process {other_process})" in err
    assert "nothing was saved" in err
    assert french.read_bytes() == before


def test_a_hostile_note_is_saved_clean_and_printed_as_text(
        french: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = f"[/] [b]x {ESC}[31m"
    assert okrtui(capsys, "checkin", french, "k1", "9", "--note", note, "--confidence", "2",
                  "--date", "2025-02-03")[0] == 0
    assert check_ins(french, "k1")[0].note == "[/] [b]x"
    code, out, _ = okrtui(capsys, "status", french)
    assert code == 1
    assert "commentaire\u00a0: «\u00a0[/] [b]x\u00a0»" in out
    assert ESC not in out


def test_a_hostile_reference_is_written_out(french: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = okrtui(capsys, "checkin", french, f"{ESC}]0;owned{ESC}\\", "9")
    assert code == 2
    assert ESC not in out + err
    assert "\\x1b]0;owned" in err


# --- status -------------------------------------------------------------------------------


def test_status_prints_every_key_result_and_exits_0_when_none_is_off_track(
        french: Path, capsys: pytest.CaptureFixture[str]) -> None:
    okrtui(capsys, "checkin", french, "O1.KR1", "9", "--confidence", "5", "--date", "2025-01-06")
    okrtui(capsys, "checkin", french, "O1.KR1", "8,5", "--confidence", "7", "--date",
           "2025-02-03")
    code, out, err = okrtui(capsys, "status", french)
    assert (code, err) == (0, "")
    assert ("    O1.KR1 · Reduce delay 1 by 20%\n"
            "      de 10 minutes à 8 minutes\u202f; dernière valeur 8,5 minutes le 2025-02-03"
            "\u202f; progression 75\u202f%\u202f; confiance 7/10\u00a0: en bonne voie\n") in out
    assert ("O2.KR1 · Reduce delay 3 by 20%\n"
            "      de 10 à 8\u202f; pas encore de point d’étape") in out
    assert "  O1 · Enable sellers of region A (engagé)" in out
    assert out.endswith("3 résultats clés\u00a0: 1 en bonne voie, 0 à risque, 0 en difficulté, "
                        "2 sans confiance donnée.\n")


def test_status_exits_1_and_names_what_is_off_track(french: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    okrtui(capsys, "checkin", french, "O2.KR1", "11", "--confidence", "3", "--date", "2025-01-06")
    code, out, _ = okrtui(capsys, "status", french, "--lang", "en")
    assert code == 1
    assert "progress -50%; confidence 3/10: off track" in out
    assert out.endswith("Off track: O2.KR1.\n")


def test_status_says_why_a_progress_is_unknown(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    session = build_session([1], language="fr")
    kr = session.teams[0].objectives[0].key_results[0]
    kr.baseline, kr.baseline_unknown = None, True
    kr.check_ins = [CheckIn(date=date(2025, 1, 6), value=3, confidence=6)]
    path = tmp_path / "unknown.toml"
    save_session(session, path)
    code, out, _ = okrtui(capsys, "status", path)
    assert code == 0
    assert ("point de départ inconnu, cible 8\u202f; dernière valeur 3 le 2025-01-06\u202f; "
            "progression inconnue\u00a0: mesurez d’abord le point de départ") in out


def test_status_json_has_its_documented_shape(french: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    okrtui(capsys, "checkin", french, "k1", "9", "--confidence", "2", "--note", "Lent",
           "--date", "2025-01-06")
    session = load_session(french)
    session.teams[0].objectives[0].key_results[0].grade = 0.5
    session.teams[0].objectives[0].key_results[1].grade = 0.5
    session.teams[0].objectives[1].kind = "aspirational"
    save_session(session, french)
    code, out, _ = okrtui(capsys, "status", french, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["file"] == str(french)
    assert (report["title"], report["period"], report["language"]) == ("Atelier", "", "fr")
    assert report["summary"] == {"key_results": 3, "on_track": 0, "at_risk": 0, "off_track": 1,
                                 "not_told": 2}
    (team,) = report["teams"]
    assert (team["id"], team["name"]) == ("team1", "Core")
    first, second = team["objectives"]
    assert first == {
        "id": "o1", "label": "O1", "text": "Enable sellers of region A", "kind": "committed",
        "grade": 0.5, "succeeded": False, "key_results": first["key_results"]}
    assert first["key_results"][0] == {
        "id": "k1", "label": "O1.KR1", "text": "Reduce delay 1 by 20%", "unit": "minutes",
        "baseline": 10, "baseline_unknown": False, "target": 8,
        "latest": {"date": "2025-01-06", "value": 9, "confidence": 2, "note": "Lent"},
        "check_ins": 1, "progress": 0.5, "progress_unknown": None,
        "confidence_state": "off_track", "grade": 0.5}
    assert first["key_results"][1]["latest"] is None
    assert first["key_results"][1]["progress_unknown"] == "no_check_in"
    assert second["kind"] == "aspirational"
    assert second["grade"] is None and second["succeeded"] is None


def test_status_json_labels_are_what_checkin_takes(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "teams.toml"
    save_session(two_teams(), path)
    report = json.loads(okrtui(capsys, "status", path, "--format", "json")[1])
    labels = [kr["label"] for team in report["teams"] for objective in team["objectives"]
              for kr in objective["key_results"]]
    assert labels[:3] == ["data.O1.KR1", "data.O1.KR2", "produit.O1.KR1"]
    for label in labels:
        assert okrtui(capsys, "checkin", path, label, "2", "--date", "2025-01-06")[0] == 0


def test_status_of_an_unusable_file_exits_2(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("title = \n")
    code, out, err = okrtui(capsys, "status", path)
    assert (code, out) == (2, "")
    assert "TOML" in err


# --- as a process -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["checkin", "status"])
def test_the_commands_have_help_in_both_languages(tmp_path: Path, command: str) -> None:
    english = run_okrtui(tmp_path, command, "--help")
    french = run_okrtui(tmp_path, command, "--help", "--lang", "fr")
    assert english.returncode == french.returncode == 0
    assert english.stdout.startswith(f"usage: okrtui {command}")
    assert french.stdout.startswith(f"utilisation\u00a0: okrtui {command}")
    assert command in run_okrtui(tmp_path, "--help").stdout


def test_the_commands_do_not_import_textual(tmp_path: Path, english: Path) -> None:
    for args in (("checkin", english, "k1", "9"), ("status", english)):
        result = run_okrtui(tmp_path, *args, python_flags=("-X", "importtime"))
        assert result.returncode == 0, result.stderr
        imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                    if line.startswith("import time:")]
        assert "okrtui.cli_progress" in imported
        assert [name for name in imported if name.split(".")[0] == "textual"] == []


def test_the_mid_quarter_example_is_off_track_on_one_key_result(
        capsys: pytest.CaptureFixture[str]) -> None:
    example = SESSIONS / "publication-autonome-t1.toml"
    code, out, _ = okrtui(capsys, "status", example, "--format", "json")
    assert code == 1
    report = json.loads(out)
    krs = [kr for objective in report["teams"][0]["objectives"]
           for kr in objective["key_results"]]
    assert [kr["label"] for kr in krs if kr["confidence_state"] == "off_track"] == ["O2.KR1"]
    assert [kr["label"] for kr in krs if kr["progress_unknown"] == "no_baseline"] == ["O1.KR3"]
    assert all(3 <= kr["check_ins"] <= 4 for kr in krs)
    code, out, _ = okrtui(capsys, "status", example)
    assert "point de départ mesuré par l’action «\u00a0Instrumenter le parcours" in out


def test_a_file_changed_during_the_check_in_is_not_written_over(
        french: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two check-ins at once: the one that saves second would drop the other's."""
    from okrtui import kr_refs

    found = kr_refs.find_kr

    def meanwhile(session: object, ref: str) -> object:
        monkeypatch.setattr(kr_refs, "find_kr", found)
        okrtui(capsys, "checkin", french, "k1", "7", "--confidence", "8")  # the other one
        return found(session, ref)  # type: ignore[arg-type]

    monkeypatch.setattr(kr_refs, "find_kr", meanwhile)
    code, _, err = okrtui(capsys, "checkin", french, "k2", "5")
    assert code == 2 and "a changé pendant ce point d’étape" in err
    kr1, kr2 = load_session(french).teams[0].objectives[0].key_results[:2]
    assert [c.value for c in kr1.check_ins] == [7] and kr2.check_ins == []
