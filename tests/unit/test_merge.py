"""Several team files into one session: every team, author and id kept, collisions renamed
with every reference, one person per name, and a report of what could not be reconciled."""

import re
from pathlib import Path
from typing import Any

import pytest

import okrtui.models as models
from okrtui.i18n import catalog
from okrtui.merge import Merged, Note, fold, merge_sessions
from okrtui.models import Session, Team
from okrtui.storage import dumps_session, load_session, parse_session, save_session

from .conftest import SESSIONS, rich_session

DATA = SESSIONS / "equipe-data.toml"
PRODUCT = SESSIONS / "equipe-produit.toml"


def merge(*sessions: Session, title: str | None = None) -> Merged:
    return merge_sessions([(f"{n}.toml", s) for n, s in enumerate(sessions, start=1)], title)


def texts(merged: Merged, language: str = "en") -> list[str]:
    return [note.text(catalog(language)) for note in merged.notes]


def keys(merged: Merged) -> list[str]:
    return [note.key for note in merged.notes]


def small(title: str = "Atelier", language: str = "en", **top: Any) -> dict[str, Any]:
    """A session as a table: one participant, one team, one idea promoted to an objective."""
    return {"title": title, "language": language, **top,
            "participants": [{"id": "p1", "name": "Ana Costa"}],
            "teams": [{"id": "team1", "name": "Core",
                       "ideas": [{"id": "i1", "level": "ambition", "text": "Idea",
                                  "author": "p1", "promoted_to": "o1"}],
                       "objectives": [{"id": "o1", "text": "Enable sellers"}]}]}


def full_session() -> Session:
    """Every kind of item and every kind of reference a file can hold."""
    table = rich_session().model_dump()
    team = table["teams"][0]
    team["ideas"].append({"id": "i9", "level": "ambition", "text": "Group",
                          "members": [{"text": "One", "author": "p1"},
                                      {"text": "Two", "author": "p2"}]})
    team["votes"] = [{"idea": "i9", "participant": "p3", "dots": 2}, {"idea": "i1", "dots": 4}]
    team["kpis"] = [{"id": "k9", "text": "Keep uptime at 99.9%", "from_objective": "o1"}]
    team["roadmap"] = [{"id": "r1", "text": "Guided publishing", "serves": ["o1", "k1"],
                        "became": "t1"}]
    team["objectives"][0]["tactics"][0]["actions"][1]["measures"] = "k2"
    table["decision_log"] = [{"id": "d1", "text": "Pros first", "level": "ambition"}]
    table["common"] = [{"id": "c1", "text": "Same users", "items": ["A — x", "B — y"]},
                       {"id": "note1", "text": "Written by hand"}]
    return Session.model_validate(table)


def reference_fields() -> dict[str, str]:
    """Every field of the models that holds ids: name → model (read from the models, so a new
    reference cannot be forgotten by this test)."""
    found = {}
    for name, cls in vars(models).items():
        if isinstance(cls, type) and issubclass(cls, models.Model):
            for field_name, info in cls.model_fields.items():
                if "A-Za-z0-9_-" in repr(info.annotation) + repr(info.metadata):
                    found[field_name] = name
    return found


def resolved(session: Session, team: Team) -> Any:
    """The team as a reader sees it: every id replaced by the text or name it stands for."""
    labels = {p.id: f"person {p.name}" for p in session.participants}
    for item in _walk(session.model_dump()):
        if "id" in item and ("text" in item or "name" in item):
            labels[item["id"]] = item.get("text", item.get("name"))
    fields = reference_fields()

    def relabel(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: (labels[value] if key in fields and isinstance(value, str)
                          else [labels[v] for v in value] if key in fields
                          and isinstance(value, list) else relabel(value))
                    for key, value in node.items()}
        if isinstance(node, list):
            return [relabel(item) for item in node]
        return node

    return relabel(team.model_dump())


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


# --- the example teams --------------------------------------------------------------------


@pytest.fixture(scope="module")
def examples() -> Merged:
    return merge_sessions([(str(DATA), load_session(DATA)), (str(PRODUCT), load_session(PRODUCT))])


def test_the_example_teams_become_one_session(examples: Merged) -> None:
    session = examples.session
    assert [team.name for team in session.teams] == ["Data science", "Produit & Marketing"]
    assert [p.name for p in session.participants] == [
        "Léa Martin", "Karim Haddad", "Sophie Nguyen", "Camille Durand", "Julien Moreau",
        "Inès Garnier"]
    assert (session.title, session.period, session.language) == (
        "Atelier OKR — Data science", "2027-Q1", "fr")
    assert session.teams[0] == load_session(DATA).teams[0]  # the first file's ids are kept


def test_the_second_team_is_renumbered_after_the_first(examples: Merged) -> None:
    renamed = examples.renamed[str(PRODUCT)]
    assert renamed["team1"] == "team2" and renamed["p1"] == "p4" and renamed["i5"] == "i10"
    assert [o.id for o in examples.session.teams[1].objectives] == ["o4", "o5", "o6"]
    assert renamed["k7"] == "k14" and renamed["a3"] == "a6"
    assert len(renamed) == 25


def test_the_second_team_reads_as_before(examples: Merged) -> None:
    product = load_session(PRODUCT)
    assert resolved(examples.session, examples.session.teams[1]) == resolved(
        product, product.teams[0])
    first_tactic = examples.session.teams[1].objectives[0].tactics[0]
    assert first_tactic.moves == ["k8", "k9", "k10"]
    assert examples.session.participant_name(first_tactic.actions[0].owner) == "Julien Moreau"


def test_the_report_on_the_example_teams(examples: Merged) -> None:
    assert texts(examples) == [
        f"Title taken from {DATA}: “Atelier OKR — Data science” (--title to choose another).",
        f"{PRODUCT}: 25 ids already used by an earlier file, renamed with everything that "
        "refers to them: p1…p3 → p4…p6, team1 → team2, i1…i5 → i6…i10, o1…o3 → o4…o6, "
        "k1…k7 → k8…k14, t1…t3 → t4…t6, a1…a3 → a4…a6.",
    ]
    assert texts(examples, "fr")[1].startswith(
        f"{PRODUCT}\u00a0: 25 identifiants déjà pris dans un fichier précédent")


def test_a_title_given_is_used_and_not_reported() -> None:
    merged = merge(load_session(DATA), load_session(PRODUCT), title="Start-up IA")
    assert merged.session.title == "Start-up IA"
    assert "merge.title" not in keys(merged)


# --- ids and references -------------------------------------------------------------------


def test_every_reference_follows_its_renamed_item() -> None:
    full = full_session()
    merged = merge(full, full)
    session = merged.session
    assert len(session.teams) == 4
    for before, after in zip(full.teams, session.teams[2:], strict=True):
        assert resolved(session, after) == resolved(full, before)
    assert session.teams[2].kpis[0].id == "k10"  # after k1…k9 of both files
    assert [d.id for d in session.decision_log] == ["d1", "d2"]


def test_the_merge_knows_every_field_that_holds_an_id() -> None:
    from okrtui.merge import REFERENCE_LISTS, REFERENCES

    assert set(reference_fields()) == {"id", *REFERENCES, *REFERENCE_LISTS}


def test_ids_that_do_not_collide_are_kept() -> None:
    second = small()
    second["participants"][0].update(id="p7", name="Leo Martin")
    second["teams"][0]["ideas"][0].update(id="i4", author="p7")
    merged = merge(Session.model_validate(small()), Session.model_validate(second))
    assert merged.renamed["2.toml"] == {"team1": "team2", "o1": "o2"}
    assert [i.id for i in merged.session.teams[1].ideas] == ["i4"]
    assert merged.session.teams[1].ideas[0].promoted_to == "o2"


def test_a_renamed_id_never_takes_one_the_later_file_uses() -> None:
    second = small()
    second["teams"][0]["objectives"].append({"id": "o2", "text": "Other"})
    first = small()
    first["teams"][0]["objectives"].append({"id": "o2", "text": "Again"})
    second["teams"][0]["objectives"].append({"id": "o3", "text": "Third"})
    merged = merge(Session.model_validate(first), Session.model_validate(second))
    assert [o.id for o in merged.session.teams[1].objectives] == ["o4", "o5", "o3"]


def test_an_id_without_a_number_gets_one() -> None:
    first, second = small(), small()
    for table in (first, second):
        table["teams"][0]["id"] = "growth"
    merged = merge(Session.model_validate(first), Session.model_validate(second))
    assert [team.id for team in merged.session.teams] == ["growth", "growth-2"]


def test_three_files_are_numbered_in_turn() -> None:
    session = Session.model_validate(small())
    merged = merge(session, session, session)
    assert [team.id for team in merged.session.teams] == ["team1", "team2", "team3"]
    assert [o.id for t in merged.session.teams for o in t.objectives] == ["o1", "o2", "o3"]


def test_the_sessions_given_are_not_changed() -> None:
    full = full_session()
    before = full.model_dump()
    merge(full, full)
    assert full.model_dump() == before


# --- people -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Ana Costa", "ana costa", "  ANA   COSTA ", "Aná Cósta"])
def test_the_same_name_is_one_participant(name: str) -> None:
    second = small()
    second["participants"] = [{"id": "p1", "name": name}, {"id": "p2", "name": "Leo Martin"}]
    second["teams"][0]["ideas"].append({"id": "i2", "level": "tactic", "text": "Bet",
                                        "author": "p2"})
    merged = merge(Session.model_validate(small()), Session.model_validate(second))
    session = merged.session
    assert [(p.id, p.name) for p in session.participants] == [("p1", "Ana Costa"),
                                                              ("p2", "Leo Martin")]
    assert [i.author for i in session.teams[1].ideas] == ["p1", "p2"]
    assert merged.unified == {"2.toml": {"p1": "p1"}}
    assert f"2.toml: “{name}” is also in 1.toml: one person (p1)." in texts(merged)


def test_a_person_in_both_files_keeps_votes_and_actions_in_both_teams() -> None:
    full = full_session()
    merged = merge(full, full)
    assert len(merged.session.participants) == 3
    assert merged.session.teams[2].votes[0].participant == "p3"
    owners = [a.owner for o in merged.session.teams[2].objectives for t in o.tactics
              for a in t.actions]
    assert owners == ["p2", None]


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  Inès   GARNIER") == fold("ines garnier") == "ines garnier"


# --- what could not be reconciled ---------------------------------------------------------


def test_settings_that_differ_keep_the_first_file_and_say_so() -> None:
    first = small(period="2027-Q1")
    second = small(language="fr", period="2027-Q2", dots_per_person=5,
                   timebox={"diverge": 5, "converge": 10, "formalize": 20}, title="Autre")
    merged = merge(Session.model_validate(first), Session.model_validate(second))
    session = merged.session
    assert (session.language, session.period, session.dots_per_person) == ("en", "2027-Q1", 3)
    assert session.timebox == Session.model_validate(first).timebox
    said = texts(merged)
    assert ("2.toml is in French; the merged session stays in English, the first file's "
            "language (the coach's and the export's for every team).") in said
    assert "2.toml: 5 dots per person; the merged session keeps the first file's 3." in said
    assert ("2.toml: phases of 5/10/20 min (diverge/converge/formalize); the merged session "
            "keeps the first file's, 10/10/15 min.") in said
    assert "2.toml: period “2027-Q2”; the merged session keeps “2027-Q1”." in said
    assert "Title taken from 1.toml: “Atelier” (--title to choose another)." in said
    assert ("2.toml est en français\u202f; la session fusionnée reste en anglais, la langue du "
            "premier fichier (celle du coach et de l’export pour toutes les équipes).") in texts(
        merged, "fr")


def test_a_period_only_a_later_file_has_is_taken() -> None:
    merged = merge(Session.model_validate(small()),
                   Session.model_validate(small(period="2027-Q3")))
    assert merged.session.period == "2027-Q3"
    assert "merge.period" not in keys(merged)


def test_anonymous_and_named_sessions_keep_every_author() -> None:
    anonymous = small(anonymous=True)
    del anonymous["teams"][0]["ideas"][0]["author"]
    merged = merge(Session.model_validate(anonymous), Session.model_validate(small()))
    assert merged.session.anonymous is False
    assert merged.session.teams[1].ideas[0].author == "p1"
    assert merged.session.teams[0].ideas[0].author is None
    assert ("1.toml: an anonymous session, the others are not: the merged session keeps the "
            "authors; the ideas of the anonymous sessions stay without one.") in texts(merged)


def test_anonymous_sessions_stay_anonymous() -> None:
    anonymous = small(anonymous=True)
    del anonymous["teams"][0]["ideas"][0]["author"]
    session = Session.model_validate(anonymous)
    merged = merge(session, session)
    assert merged.session.anonymous is True
    assert "merge.anonymous" not in keys(merged)


def test_two_teams_of_the_same_name_are_reported() -> None:
    session = Session.model_validate(small())
    merged = merge(session, session)
    assert ("Two teams are called “Core” (team1 and team2): rename one (its name key in the "
            "file) to tell them apart.") in texts(merged)


def test_decision_logs_and_common_points_of_every_file_are_kept() -> None:
    full = full_session()
    other = full_session().model_dump()
    other["common"][0]["text"] = "Same metric"
    merged = merge(full, Session.model_validate(other))
    session = merged.session
    assert [d.text for d in session.decision_log] == ["Pros first", "Pros first"]
    assert [(c.id, c.text) for c in session.common] == [
        ("c1", "Same users"), ("note1", "Written by hand"), ("c2", "Same metric")]
    assert "2.toml: 1 logged decision joins the session's single decision log" in " ".join(
        texts(merged))


def test_a_common_point_saved_in_both_files_is_kept_once() -> None:
    full = full_session()
    merged = merge(full, full)
    assert [c.id for c in merged.session.common] == ["c1", "note1"]
    assert "2.toml: 2 common points already in an earlier file, kept once." in texts(merged)


# --- the result ---------------------------------------------------------------------------


def test_the_merged_session_round_trips(tmp_path: Path) -> None:
    full = full_session()
    merged = merge(full, full, load_session(DATA)).session
    assert parse_session(dumps_session(merged).encode("utf-8")) == merged
    path = tmp_path / "all.toml"
    save_session(merged, path)
    assert load_session(path) == merged
    before = path.read_bytes()
    save_session(load_session(path), path)
    assert path.read_bytes() == before


def test_nothing_to_merge_is_an_error() -> None:
    with pytest.raises(ValueError):
        merge_sessions([])


def test_every_note_is_worded_in_both_languages() -> None:
    source = (Path(__file__).parents[2] / "okrtui" / "merge.py").read_text(encoding="utf-8")
    used = set(re.findall(r"[\"'](merge\.[a-z_.]+[a-z])[\"']", source))
    used |= {"merge.language_name.fr", "merge.language_name.en"}
    assert len(used) >= 10
    for language in ("fr", "en"):
        assert sorted(key for key in used if key not in catalog(language)) == []
    note = Note("merge.dots", {"source": "a.toml", "dots": 5, "kept": 3})
    assert "{" not in note.text(catalog("fr")) and "merge." not in note.text(catalog("fr"))
