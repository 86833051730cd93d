"""The room costs nothing until it opens: aiohttp and segno are imported by
okrtui.room.server and okrtui.room.qr only. And its QR code reads back as the link."""

import subprocess
import sys

import pytest
import segno

from okrtui.room.qr import qr_lines, qr_svg

URL = "http://192.168.1.20:54321/j/abcdefghijklmnopqrstuv"


def test_the_app_and_the_rooms_rules_import_no_web_server() -> None:
    code = ("import sys, okrtui.cli, okrtui.screens.app, okrtui.room.room, okrtui.room.pages, "
            "okrtui.room.keys; print(sorted(m for m in ('aiohttp', 'segno') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"
    code = "import sys, okrtui.room.server; print('aiohttp' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "True"  # the check above can see it


def test_the_terminal_qr_code_is_square_with_its_quiet_zone() -> None:
    lines = qr_lines(URL)
    width = len(lines[0])
    assert all(len(line) == width for line in lines)
    assert set("".join(lines)) <= set(" ▀▄█")
    assert abs(2 * len(lines) - width) <= 1  # two modules per line: square on screen
    assert lines[0] == lines[1] == "█" * width  # the quiet zone is light (blocks)


def test_the_terminal_qr_code_holds_the_modules_of_the_link() -> None:
    import segno

    matrix = [list(row) for row in segno.make(URL, error="m").matrix_iter(border=4)]
    lines = qr_lines(URL)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            cell = lines[y // 2][x]
            light_drawn = cell == "█" or cell == ("▀" if y % 2 == 0 else "▄")
            assert light_drawn == (not dark)


def test_the_board_qr_code_is_a_scalable_svg_dark_on_white() -> None:
    svg = qr_svg(URL)
    assert svg.startswith("<svg viewBox=") and 'fill="#fff"' in svg
    assert "width=" not in svg.split(">", 1)[0]
    assert "<script" not in svg and "style=" not in svg


def test_a_links_qr_code_is_made_once_however_often_it_is_shown(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen shows the code again after every change (each idea a participant posts):
    making it costs ~35 ms."""
    made = []
    make = segno.make

    def counted(*args: object, **kwargs: object) -> segno.QRCode:
        made.append(args)
        return make(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(segno, "make", counted)
    url = URL.replace("54321", "54322")
    lines = [qr_lines(url) for _ in range(3)]
    svg = [qr_svg(url) for _ in range(3)]
    assert len(made) == 1
    assert lines[0] == lines[2] and svg[0] == svg[2]
    lines[0].append("changed by its caller")
    assert qr_lines(url) == lines[1]
