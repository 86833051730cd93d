"""The open document: every edit is a step, counted, unsaved and announced to its views."""

from pathlib import Path

from okrtui import facilitation, workshop
from okrtui.document import Change, Document, Name
from okrtui.workshop import new_session


def document() -> Document:
    return Document(new_session("Doc", "en", team="Product"), Path("/tmp/doc.toml"))


def test_an_edit_is_announced_with_its_ids_and_can_be_undone_by_name() -> None:
    doc = document()
    heard: list[Change] = []
    doc.subscribe(heard.append)
    objective = workshop.commit_objective(doc.session, doc.team, "Grow referrals")
    change = doc.edited(Name.of("undo.objective", tag="O1"), [objective.id])
    assert heard == [change]
    assert change.kind == "edit" and change.ids == {objective.id}
    assert doc.dirty and doc.changes == 1 and doc.history_is_current

    undone = doc.undo()
    assert undone is not None and undone.kind == "undo"
    assert undone.name == Name.of("undo.objective", tag="O1")
    assert doc.team.objectives == []
    redone = doc.redo()
    assert redone is not None and redone.name == Name.of("undo.objective", tag="O1")
    assert [o.text for o in doc.team.objectives] == ["Grow referrals"]
    assert heard == [change, undone, redone]
    assert doc.undo() is not None and doc.undo() is None  # nothing more to undo


def test_navigation_is_saved_but_never_undone() -> None:
    doc = document()
    workshop.add_idea(doc.session, doc.team, "ambition", "An idea", None)
    doc.edited(Name.of("undo.idea"))
    facilitation.step_phase(doc.team, "ambition", 1)
    change = doc.navigated()
    assert change.kind == "navigation" and doc.dirty and not doc.history_is_current
    doc.undo()
    assert doc.team.ideas == []
    assert facilitation.current_phase(doc.team, "ambition") == "converge"


def test_a_save_clears_dirty_only_when_nothing_changed_since_it_began() -> None:
    doc = document()
    doc.edited()
    began = doc.changes
    doc.edited()  # an edit while the file is written
    doc.saved(Path("/tmp/other.toml"), began)
    assert doc.dirty and doc.path == Path("/tmp/other.toml")
    doc.saved(Path("/tmp/other.toml"), doc.changes)
    assert not doc.dirty


def test_a_listener_that_unsubscribes_hears_nothing_more() -> None:
    doc = document()
    heard: list[Change] = []
    doc.subscribe(heard.append)
    doc.edited()
    doc.unsubscribe(heard.append)
    doc.edited()
    assert len(heard) == 1


def test_the_team_on_screen_is_the_first_until_another_is_chosen() -> None:
    doc = document()
    second = workshop.add_team(doc.session, "Data")
    assert doc.team is doc.session.teams[0]
    doc.team_id = second.id
    assert doc.team is second
    doc.team_id = "gone"
    assert doc.team is doc.session.teams[0]
