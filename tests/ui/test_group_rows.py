"""A merged group shows, under its name, every idea it holds and who proposed it."""

from pathlib import Path

from okrtui.facilitation import merge
from okrtui.models import Session
from okrtui.screens.app import OkrApp
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.workshop import add_idea, new_session

from .support import option_texts


def grouped() -> Session:
    session = new_session("Groups", "en", team="Product", participants=["Ana", "Bruno"])
    team = session.teams[0]
    ana, bruno = (p.id for p in session.participants)
    first = add_idea(session, team, "ambition", "Referral bonus", ana)
    second = add_idea(session, team, "ambition", "Invite a friend [b]now[/b]", bruno)
    merge(session, team, [first, second], "Grow through referrals")
    return session


async def test_a_group_row_lists_its_members_and_their_authors(isolated: Path) -> None:
    app = OkrApp(session=grouped(), path=isolated / "groups.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        [row] = option_texts(app.screen.query_one("#ambition-ideas", IdeaList))
        assert row.split("\n") == ["• Grow through referrals  ⧉2",
                                   "    ↳ Referral bonus — Ana",
                                   "    ↳ Invite a friend [b]now[/b] — Bruno"]
