"""`okrtui report` on the command line: files it refuses (exit 2, nothing written), the
output it never replaces by mistake, user text kept as data in HTML, Markdown and JSON, and
both languages."""

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from okrtui.cli import main
from okrtui.html_page import escape
from okrtui.i18n import catalog
from okrtui.models import Session
from okrtui.report import build_report
from okrtui.report_html import CSS, to_html
from okrtui.report_text import to_markdown

from .conftest import run_okrtui, write
from .report_support import HOSTILE, data_team, growth_team, write_team


def report(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["report", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def teams(tmp_path: Path) -> list[Path]:
    return [write_team(tmp_path, growth_team(), "growth.toml"),
            write_team(tmp_path, data_team(), "data.toml")]


def test_a_bad_file_among_many_is_named_and_nothing_is_written(
        tmp_path: Path, teams: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path / "broken.toml", 'title = "x"\n[[teams]\n')
    out = tmp_path / "report.html"
    code, _, err = report(capsys, teams[0], broken, teams[1], "--to", "html", "-o", out,
                          "--lang", "en")
    assert code == 2
    assert str(broken) in err and str(teams[0]) not in err
    assert not out.exists()
    code, _, err = report(capsys, teams[0], tmp_path / "missing.toml", "--to", "md")
    assert code == 2 and "missing.toml" in err


def test_the_output_is_never_replaced_without_force(
        tmp_path: Path, teams: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = write(tmp_path / "report.md", "mine")
    code, _, err = report(capsys, *teams, "--to", "md", "-o", out, "--lang", "en")
    assert code == 2 and "--force" in err
    assert out.read_text() == "mine"
    code, _, err = report(capsys, *teams, "--to", "md", "-o", out, "--force", "--lang", "en")
    assert code == 0 and err == f"Report written to {out}.\n"
    assert out.read_text().startswith("# OKR report\n")


def test_an_input_is_never_written_over_even_with_force(
        tmp_path: Path, teams: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = teams[1].read_bytes()
    link = tmp_path / "link.toml"
    link.symlink_to(teams[1])
    for output in (teams[1], link):
        code, _, err = report(capsys, *teams, "--to", "json", "-o", output, "--force")
        assert code == 2 and "session files of the report" in err
        assert teams[1].read_bytes() == before


def test_the_format_is_required(teams: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", *map(str, teams), "--lang", "en"])
    assert stopped.value.code == 2
    assert "--to" in capsys.readouterr().err


def test_as_a_process_to_standard_output(tmp_path: Path, teams: list[Path]) -> None:
    done = run_okrtui(tmp_path, "report", *teams, "--to", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["teams"][1]["name"] == "Data"


def hostile_sources() -> list[tuple[str, Session]]:
    growth = growth_team(HOSTILE)
    objective = growth.teams[0].objectives[0]
    objective.text = HOSTILE
    objective.key_results[0].text = HOSTILE
    objective.key_results[2].check_ins[-1].note = HOSTILE + "\x1b[31m\x07"
    return [(f"{HOSTILE}.toml", growth), ("data.toml", data_team(text=HOSTILE))]


def test_user_text_is_data_in_html() -> None:
    page = to_html(build_report(hostile_sources()), catalog("en"))
    assert "<script" not in page and "[b]" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;q&quot; &#x27;a&#x27; &amp;" in page
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", page)
    assert escape("a\x1b[31m\x07<") == "a[31m&lt;"


def test_user_text_is_data_in_markdown_and_json(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    text = to_markdown(build_report(hostile_sources()), catalog("en"))
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\[/\\] \\[b\\]gras\\[/b\\]" in text
    assert "\\*x\\* \\#1 \\| \\`c\\`" in text
    path = write_team(tmp_path, growth_team(HOSTILE), "hostile.toml")
    code, out, _ = report(capsys, path, "--to", "json")
    assert code == 0
    assert json.loads(out)["teams"][0]["name"] == HOSTILE


def test_the_page_loads_nothing_and_allows_only_its_own_style() -> None:
    page = to_html(build_report([("g", growth_team()), ("d", data_team())]), catalog("en"))
    style = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(style) == 1 and style[0].endswith(CSS)
    digest = base64.b64encode(hashlib.sha256(style[0].encode()).digest()).decode()
    assert (f'content="default-src \'none\'; style-src \'sha256-{digest}\'; '
            "base-uri 'none'; form-action 'none'\"") in page
    loads = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:", loads)
    assert page.index("Off track (2)") < page.index("Teams at a glance") < page.index(
        "Shared themes") < page.index("<h3>O1 — Win professional sellers")


def test_in_french_with_french_typography(tmp_path: Path, teams: list[Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, *teams, "--to", "md", "--lang", "fr")
    assert code == 0
    assert out.startswith("# Rapport OKR\n\n2 équipes dans 2 fichiers, 9 résultats clés.\n")
    assert "## En difficulté (2)" in out
    assert "progression 50\u202f% · 200 (de 100 à 300) · confiance 8/10, en bonne voie" in out
    assert "1\u202f600 (de 0 à 2\u202f000)" in out  # numbers as French writes them
    assert "*aspirationnel · note 0,75 (réussi)*" in out
    assert "progression inconnue\u00a0: mesurez d’abord le point de départ" in out
    assert "pas encore de point d’étape" in out
    assert "**indicateur\u00a0: attrition / rétention** — 2 équipes\u00a0: Growth, Data" in out
    page = to_html(build_report([("g", growth_team()), ("d", data_team())]), catalog("fr"))
    assert '<html lang="fr">' in page and "Progression moyenne" in page
    assert "56\u202f%" in page


def test_in_english(teams: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, *teams, "--to", "md", "--lang", "en")
    assert code == 0
    assert "2 teams in 2 files, 9 key results." in out
    assert "progress 50% · 200 (from 100 to 300) · confidence 8/10, on track" in out
    assert "1,600 (from 0 to 2,000)" in out
    assert "*aspirational · grade 0.75 (succeeded)*" in out
    assert "| Growth | 7 | 4 | 1 | 1 | 1 | 56% |" in out
    assert ("- **Data** · Data: retain paying sellers · O1.KR1 Reduce monthly churn from 5% "
            "to 3% — confidence 1/10, on 2027-02-20 — Data note") in out


def test_one_file_named_twice_is_one_team(tmp_path: Path, teams: list[Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(teams[0])
    twice = tmp_path / "." / teams[0].name
    code, out, _ = report(capsys, teams[0], twice, link, teams[1], "--to", "json")
    assert code == 0
    assert len(json.loads(out)["teams"]) == 2
