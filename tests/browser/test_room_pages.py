"""The participant's page and the board in Chromium, on a phone (in French) and a laptop (in
English): join, silent writing, reveal, the dot vote up to the budget, the ranking and the
committed objectives in full, every change arriving live (Server-Sent Events)."""

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from okrtui.i18n import catalog
from tests.browser.conftest import Visitors
from tests.browser.people import join, mark_loaded, still_loaded, vote, write
from tests.browser.served import Served

pytestmark = pytest.mark.browser

OBJECTIVE = ("Faire de l’onboarding en libre-service le chemin par défaut des nouvelles "
             "équipes clientes, sans appel commercial ni intervention du support")
KEY_RESULTS = [
    "Faire passer de 35 % à 60 % la part des comptes qui invitent un coéquipier dans les "
    "sept jours suivant leur inscription",
    "Ramener de 9 à 3 jours le délai médian entre l’inscription et le premier projet publié",
]


@pytest.mark.parametrize(("profile", "language"), [("phone", "fr"), ("desktop", "en")])
def test_a_workshop_from_writing_to_committed_objectives(
        profile: str, language: str, serve: Callable[..., Served],
        visitors: Visitors) -> None:
    served = serve(language=language, dots=3)
    tr = catalog(language)
    board = visitors.page("desktop")
    board.goto(served.board_url)
    expect(board.locator("#live h1")).to_have_text(served.room.session.title)
    expect(board.locator(".phase")).to_contain_text(tr("phase.diverge"))
    expect(board.locator(".qr svg")).to_be_visible()
    mark_loaded(board)

    ana, bob = visitors.page(profile), visitors.page(profile)
    ana.goto(served.join_url)
    visitors.shoot(ana, "join")
    join(ana, served, tr, "Ana")
    join(bob, served, tr, "Bob")
    mark_loaded(ana)
    mark_loaded(bob)

    ideas = ["Un parcours d’accueil guidé" if language == "fr" else "A guided first run",
             "Des modèles de projet" if language == "fr" else "Project templates",
             "Inviter depuis l’éditeur" if language == "fr" else "Invite from the editor"]
    write(ana, tr, ideas[0])
    write(ana, tr, ideas[1])
    write(bob, tr, ideas[2])
    expect(ana.locator("#live li")).to_have_text(ideas[:2])
    expect(bob.locator("#live li")).to_have_text(ideas[2:])
    hidden = tr("room.hidden", ideas=tr("silent.ideas", count=3),
                people=tr("silent.people", count=2))
    expect(board.locator("#live")).to_contain_text(hidden)
    for idea in ideas:
        expect(board.locator("#live")).not_to_contain_text(idea)
    visitors.shoot(ana, "diverge")
    visitors.shoot(board, "board-diverge")

    assert served.reveal() == 3
    served.phase("converge")
    expect(ana.locator(".phase")).to_contain_text(tr("phase.converge"))
    expect(ana.locator(".ballot li")).to_have_count(3)
    expect(board.locator(".phase")).to_contain_text(tr("phase.converge"))
    expect(board.locator("#live li")).to_have_text(ideas)
    expect(board.locator("#live")).to_contain_text(tr("room.voted", count=0, total=2))

    vote(ana, tr, ideas[1], 2)
    vote(ana, tr, ideas[0], 1)
    expect(ana.locator("#live")).to_contain_text(tr("room.dots_left", count=0))
    visitors.refusals.add(409)
    ana.locator(".ballot li", has_text=ideas[2]).get_by_role(
        "button", name=tr("room.add_dot")).click()
    expect(ana.locator("#note")).to_have_text(tr("room.no_dots_left"))
    expect(ana.locator(".ballot li", has_text=ideas[2])).to_contain_text(
        tr("room.my_dots", count=0))
    visitors.shoot(ana, "vote")
    vote(bob, tr, ideas[1], 1)
    expect(board.locator("#live")).to_contain_text(tr("room.voted", count=1, total=2))
    visitors.shoot(board, "board-converge")

    served.phase("formalize")
    expect(ana.locator("#live")).to_contain_text(tr("room.waiting"))
    expect(board.locator(".ranking li")).to_have_text(  # an idea without a dot is not ranked
        [f"1 {ideas[1]} {tr('room.dots', count=3)}", f"2 {ideas[0]} {tr('room.dots', count=1)}"])
    served.commit(OBJECTIVE, KEY_RESULTS)
    objective = board.locator(".objectives > li")
    expect(objective).to_contain_text(OBJECTIVE)
    expect(objective.locator("li")).to_have_text(KEY_RESULTS)
    for text in [OBJECTIVE, *KEY_RESULTS]:
        assert board.get_by_text(text).is_visible()
    visitors.shoot(ana, "waiting")
    visitors.shoot(board, "board-formalize")
    assert still_loaded(ana) and still_loaded(bob) and still_loaded(board)


def test_the_pages_fit_a_360_pixel_wide_phone(serve: Callable[..., Served],
                                               visitors: Visitors) -> None:
    """Nothing wider than the screen: no sideways scrolling, even with a long word."""
    served = serve(language="fr")
    tr = catalog("fr")
    page = visitors.page("narrow")
    join(page, served, tr, "Anastasia-Bérénice")
    write(page, tr, "Supercalifragilisticexpialidocious" * 3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    served.reveal()
    served.phase("converge")
    expect(page.locator(".ballot li")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    visitors.shoot(page, "ballot")


def test_a_full_board_fits_the_projector_without_scrolling(
        serve: Callable[..., Served], visitors: Visitors) -> None:
    from okrtui.facilitation import add_dot
    from okrtui.workshop import add_idea, add_participant

    served = serve(language="fr", dots=10)
    long = ("Faire de l’onboarding en libre-service le chemin par défaut des nouvelles "
            "équipes clientes, idée numéro {}")

    def a_long_vote() -> None:
        session, team = served.document.session, served.room.team
        voter = add_participant(session, "Ana")
        for number in range(1, 11):
            idea = add_idea(session, team, "ambition", long.format(number), voter.id)
            add_dot(session, team, voter.id, idea)
        served.document.edited()

    served.call(a_long_vote)
    served.phase("formalize")
    served.commit(OBJECTIVE, KEY_RESULTS + [KEY_RESULTS[0] + ", et le garder"])
    board = visitors.page("desktop")
    board.goto(served.board_url)
    expect(board.locator("#live")).to_contain_text(KEY_RESULTS[1])
    expect(board.locator(".ranking li")).to_have_count(10)
    visitors.shoot(board, "full")
    height, shown, size = board.evaluate(
        "[document.documentElement.scrollHeight, window.innerHeight,"
        " parseFloat(getComputedStyle(document.body).fontSize)]")
    assert height <= shown, f"the board is {height} px tall on a {shown} px screen"
    assert size >= 12
