"""A session a quarter after its workshop, for the export tests: the example
sessions/publication-autonome.toml with check-ins, grades, reviews, what was learned, a
"not doing" list, dot votes and a decision log; hostile() fills it with text that looks
like markup."""

import shutil
from datetime import date
from pathlib import Path

from okrtui.facilitation import log_decision, park, set_paper_total
from okrtui.models import CheckIn, DecisionReview, KeyResult, Session
from okrtui.progress import add_check_in
from okrtui.storage import load_session

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "publication-autonome.toml"
HOSTILE = "<script>alert(1)</script> [/] &amp; \"quoted\" 'single' \x07\x1b[31m"


def _check_ins(kr: KeyResult, *points: tuple[str, float, int | None]) -> None:
    for day, value, confidence in points:
        add_check_in(kr, CheckIn(date=date.fromisoformat(day), value=value,
                                 confidence=confidence))


def quarter_session(folder: Path) -> Session:
    copy = folder / "publication-autonome.toml"
    shutil.copy(EXAMPLE, copy)
    session = load_session(copy)
    team = session.teams[0]
    o1, o2, o3 = team.objectives
    k1, k2, k3 = o1.key_results
    k4, k5, k6 = o2.key_results
    k7, k8 = o3.key_results
    _check_ins(k1, ("2027-02-07", 10.8, 7), ("2027-01-10", 11.5, 8), ("2027-03-07", 10.2, 6))
    k1.check_ins[-1].note = "Le pré-remplissage ne couvre pas encore les meubles"
    _check_ins(k2, ("2027-01-10", 60, 5), ("2027-03-07", 64, 3))
    _check_ins(k3, ("2027-02-07", 48, 6))
    _check_ins(k4, ("2027-01-10", 12, 9), ("2027-02-07", 18, 8), ("2027-03-07", 27, 9))
    _check_ins(k6, ("2027-03-07", 80, 2))
    _check_ins(k7, ("2027-02-07", 45, 7))
    for kr, grade in ((k1, 0.75), (k2, 0.36), (k3, 0.54), (k4, 1.0), (k5, 0.2), (k6, 0.1),
                      (k7, 0.3)):
        kr.grade = grade
    o2.kind = "aspirational"
    o1.reviews = [
        DecisionReview(decision=o1.decisions[0], outcome="kept",
                       evidence="80 % des fiches publiées viennent de ce segment"),
        DecisionReview(decision=o1.decisions[1], outcome="changed",
                       evidence="Le web a été avancé en février"),
    ]
    o2.reviews = [DecisionReview(decision=o2.decisions[1], outcome="dropped")]
    o1.learned = ("La photo suffit pour les vêtements, pas pour les meubles.\n"
                  "Mesurer avant de construire nous a fait gagner un mois.")
    o3.key_results.append(KeyResult(id="k9", text="Appeler chaque nouveau vendeur",
                                    set_aside=True, not_doing="still_right",
                                    not_doing_note="Trop cher pour ce trimestre"))
    ideas = {idea.id: idea for idea in team.ideas}
    park(ideas["i9"])
    ideas["i9"].not_doing = "still_right"
    park(ideas["i15"])
    ideas["i15"].not_doing, ideas["i15"].not_doing_note = "reconsider", "Le web a pris du retard"
    for idea_id, dots in (("i2", 5), ("i3", 3), ("i4", 3), ("i1", 1),
                          ("i7", 4), ("i8", 2), ("i10", 2), ("i12", 1)):
        set_paper_total(team, ideas[idea_id], dots)
    kept = log_decision(session, "Les vendeurs professionnels d'abord", "Ils publient le plus")
    kept.outcome, kept.evidence = "kept", "Deux tiers des nouvelles fiches"
    log_decision(session, "Pas de publicité payante ce trimestre")
    return session


def hostile(session: Session) -> Session:
    """Every kind of user text the page shows holds HOSTILE."""
    team = session.teams[0]
    objective = team.objectives[0]
    session.title = f"Titre {HOSTILE}"
    session.period = f"T1 {HOSTILE}"
    session.participants[0].name = f"Camille {HOSTILE}"
    team.name = f"Équipe {HOSTILE}"
    objective.text = f"Objectif {HOSTILE}"
    objective.learned = f"Appris {HOSTILE}"
    objective.key_results[0].text = f"KR {HOSTILE}"
    objective.key_results[0].unit = f"min {HOSTILE}"
    objective.key_results[0].check_ins[-1].note = f"Note {HOSTILE}"
    objective.tactics[0].text = f"Tactique {HOSTILE}"
    objective.tactics[0].actions[0].first_step = f"Pas {HOSTILE}"
    objective.reviews[0].evidence = f"Preuve {HOSTILE}"
    team.ideas[1].text = f"Idée {HOSTILE}"
    objective.decisions[2] = "Levier" + "Unmotsansespace" * 6
    team.ideas[2].text = "Unmotsansespace" * 8  # wider than a phone, wrapped anyway
    team.ideas[8].not_doing_note = f"Parking {HOSTILE}"
    session.decision_log[0].text = f"Décision {HOSTILE}"
    return session
