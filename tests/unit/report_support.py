"""Team files mid-quarter for the company report's tests (unit and browser)."""

from datetime import date
from pathlib import Path

from okrtui import workshop
from okrtui.models import CheckIn, KeyResult, Session
from okrtui.progress import add_check_in
from okrtui.storage import save_session

HOSTILE = "<script>alert(1)</script> [/] [b]gras[/b] \"q\" 'a' & *x* #1 | `c`"


def check_in(kr: KeyResult, day: int, value: float, confidence: int | None,
             note: str | None = None) -> None:
    add_check_in(kr, CheckIn(date=date(2027, 2, day), value=value, confidence=confidence,
                             note=note))


def growth_team(name: str = "Growth", language: str = "en") -> Session:
    """Two committed objectives of five key results: on track at half way, past its target
    at risk, off track with a note; never checked in, baseline unknown; and an
    aspirational objective graded 0.7 and 0.8 with a reduction half done, on track."""
    session = workshop.new_session(f"OKR {name}", language, "2027-Q1", name)  # type: ignore[arg-type]
    team = session.teams[0]
    first = workshop.commit_objective(session, team, "Win professional sellers on mobile")
    on = workshop.add_key_result(session, first, "Raise weekly active sellers", 100, 300)
    check_in(on, 1, 150, 9)
    check_in(on, 15, 200, 8)
    past = workshop.add_key_result(session, first, "Reach 40% conversion", 20, 40, "%")
    check_in(past, 15, 48, 5)
    off = workshop.add_key_result(session, first, "Cut churn of paying sellers", 8, 4, "%")
    check_in(off, 1, 8, 6)
    check_in(off, 15, 9, 2, "The payment vendor is late")
    second = workshop.commit_objective(session, team, "Grow by word of mouth")
    workshop.add_key_result(session, second, "Grow referrals", 10, 20)
    unknown = workshop.add_key_result(session, second, "Halve support tickets", None, None)
    unknown.baseline_unknown = True
    check_in(unknown, 15, 300, 7)
    third = workshop.commit_objective(session, team, "Make publishing effortless")
    third.kind = "aspirational"
    reduction = workshop.add_key_result(session, third, "Cut time to publish", 12, 9,
                                        "minutes")
    check_in(reduction, 15, 10.5, 8)
    reduction.grade = 0.7
    graded = workshop.add_key_result(session, third, "Pre-fill listings", 0, 2000)
    check_in(graded, 15, 1600, 7)
    graded.grade = 0.8
    aside = workshop.add_key_result(session, third, "Set-aside KR off track", 0, 10)
    check_in(aside, 15, 0, 0)
    aside.set_aside = True
    return session


def data_team(name: str = "Data", language: str = "en", text: str = "Data") -> Session:
    """One objective whose key results name churn and the mobile app, both off track or
    at risk; text words the objective, the key result and the note."""
    session = workshop.new_session(f"OKR {name}", language, "2027-Q1", name)  # type: ignore[arg-type]
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, f"{text}: retain paying sellers")
    churn = workshop.add_key_result(session, objective, "Reduce monthly churn from 5% to 3%",
                                    5, 3, "%")
    check_in(churn, 20, 5.5, 1, f"{text} note")
    app = workshop.add_key_result(session, objective, "Ship the mobile app to 2000 sellers",
                                  0, 2000)
    check_in(app, 20, 500, 5)
    return session


def write_team(folder: Path, session: Session, name: str) -> Path:
    path = folder / name
    save_session(session, path)
    return path
