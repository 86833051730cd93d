"""Oversized input in the domain: a 100 KB text goes through the file format, the text
cleaning, the coach and the undo history whole (tests/ui/test_oversized_input.py opens a
10 MB file and 50,000 ideas in the app)."""

from okrtui.coach import coach
from okrtui.history import History
from okrtui.storage import dumps_session, parse_session
from okrtui.text import clean_line
from okrtui.workshop import add_idea, commit_objective, new_session


def long_text(size: int, line_every: int = 0) -> str:
    """size characters of words; a newline every line_every words when asked."""
    words = [f"word{n}" for n in range(size // 5)]
    if line_every:
        words = [word + "\n" if n % line_every == line_every - 1 else word
                 for n, word in enumerate(words)]
    return " ".join(words)[:size].strip()


def test_a_100_kb_idea_and_objective_round_trip_whole_and_byte_stable() -> None:
    text = long_text(100_000, line_every=50)
    session = new_session("Long", "en", participants=["Ana"])
    team = session.teams[0]
    add_idea(session, team, "ambition", text, "p1")
    commit_objective(session, team, text)
    written = dumps_session(session)
    reloaded = parse_session(written.encode("utf-8"))
    assert reloaded.teams[0].ideas[0].text == text
    assert reloaded.teams[0].objectives[0].text == text
    assert dumps_session(reloaded) == written


def test_a_pasted_100_kb_line_is_cleaned_whole() -> None:
    pasted = "\x1b[31m" + long_text(100_000).replace(" ", "\t", 10) + "\r\n"
    cleaned = clean_line(pasted)
    assert cleaned.startswith("word0 word1") and "\x1b" not in cleaned and "\t" not in cleaned
    assert len(cleaned) == len(long_text(100_000))


def test_the_coach_reads_a_100_kb_wording_and_finds_it_too_long() -> None:
    text = long_text(100_000)
    for kind in ("objective", "kr", "tactic", "action"):
        assert "text.too_long" in coach(kind, text, "en")  # type: ignore[arg-type]


def test_undo_keeps_a_100_kb_idea_whole() -> None:
    session = new_session("Long", "en")
    history = History(session)
    text = long_text(100_000)
    add_idea(session, session.teams[0], "ambition", text, None)
    history.commit(session)
    session.teams[0].ideas[0].text = "short"
    history.commit(session)
    assert history.undo(session)
    assert session.teams[0].ideas[0].text == text
