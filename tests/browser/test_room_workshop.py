"""Five people in five browsers and the facilitator: silent writing, reveal, dot vote,
commit; the session file holds every idea with its author, or no author at all in an
anonymous session."""

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from okrtui.i18n import catalog
from okrtui.storage import load_session, save_session
from tests.browser.conftest import Visitors
from tests.browser.served import Served

pytestmark = pytest.mark.browser

NAMES = ["Ana", "Bruno", "Chloé", "Dalia", "Étienne"]
IDEAS = [
    ["Un parcours d’accueil guidé", "Des modèles de projet"],
    ["Inviter depuis l’éditeur", "Une démo en direct chaque semaine"],
    ["Des tutoriels vidéo courts", "Un score de santé du compte"],
    ["Un essai de 30 jours sans carte", "Une aide contextuelle"],
    ["Importer depuis un tableur", "Un forum d’entraide"],
]


@pytest.mark.parametrize("anonymous", [False, True], ids=["named", "anonymous"])
def test_five_people_write_vote_and_the_file_keeps_who_wrote_what(
        anonymous: bool, serve: Callable[..., Served], visitors: Visitors,
        tmp_path: Path) -> None:
    served = serve(language="fr", anonymous=anonymous, dots=3)
    tr = catalog("fr")
    board = visitors.page("desktop")
    board.goto(served.board_url)
    people = [visitors.page("phone" if number % 2 == 0 else "desktop")
              for number in range(len(NAMES))]
    for page, name in zip(people, NAMES, strict=True):  # everyone at once, as in a room
        page.goto(served.join_url)
        if not anonymous:
            page.get_by_label(tr("room.name_label")).fill(name)
        page.get_by_role("button", name=tr("room.join")).click()
    for page in people:
        expect(page.get_by_label(tr("room.write_label"))).to_be_visible()

    mine = "#mine" if anonymous else "#live"
    for round_ in range(2):
        for page, ideas in zip(people, IDEAS, strict=True):
            page.get_by_label(tr("room.write_label")).fill(ideas[round_])
            page.get_by_role("button", name=tr("room.send")).click()
        for page, ideas in zip(people, IDEAS, strict=True):
            expect(page.locator(f"{mine} li")).to_have_text(ideas[: round_ + 1])
    hidden = tr("silent.ideas", count=10)
    if not anonymous:
        hidden = tr("room.hidden", ideas=hidden, people=tr("silent.people", count=5))
    expect(board.locator(".hidden")).to_have_text(hidden)
    visitors.shoot(people[0], "writing")
    visitors.shoot(board, "board-writing")

    assert served.reveal() == 10
    served.phase("converge")
    every_idea = [ideas[round_] for round_ in range(2) for ideas in IDEAS]  # as written
    for page in people:
        expect(page.locator(".ballot .idea")).to_have_text(every_idea)
    choices = [[every_idea[0], every_idea[0], every_idea[number + 1]]
               for number in range(len(people))]
    for round_ in range(3):
        for page, chosen in zip(people, choices, strict=True):
            row = page.locator(".ballot li", has_text=chosen[round_])
            row.get_by_role("button", name=tr("room.add_dot")).click()
        for page in people:
            expect(page.locator(".left")).to_have_text(tr("room.dots_left", count=2 - round_))
    expect(board.locator("#live")).to_contain_text(tr("room.voted", count=5, total=5))

    served.phase("formalize")
    expect(board.locator(".ranking li").first).to_have_text(
        f"1 {every_idea[0]} {tr('room.dots', count=10)}")
    served.commit(every_idea[0], ["Passer de 35 % à 60 % de comptes actifs en sept jours"])
    expect(board.locator(".objectives > li")).to_contain_text(every_idea[0])
    for page in people:
        expect(page.locator("#live")).to_contain_text(tr("room.waiting"))
    visitors.shoot(board, "board-committed")

    path = tmp_path / "atelier.toml"
    served.call(lambda: save_session(served.document.session, path))
    saved = load_session(path)
    team = saved.teams[0]
    authors = {idea.text: saved.participant_name(idea.author) if idea.author else None
               for idea in team.ideas}
    if anonymous:
        assert authors == dict.fromkeys(every_idea)
        assert "author" not in path.read_text(encoding="utf-8")
    else:
        assert authors == {idea: name for name, ideas in zip(NAMES, IDEAS, strict=True)
                           for idea in ideas}
    assert sum(vote.dots for vote in team.votes) == 15
    assert [o.text for o in team.objectives] == [every_idea[0]]
