"""Realistic large sessions for the benchmarks: thousands of ideas in French and English,
with authors, three committed objectives with key results, tactics and actions."""

import random
from datetime import date, timedelta
from pathlib import Path

from okrtui import workshop
from okrtui.models import LEVELS, Session
from okrtui.storage import save_session

NAMES = ["Camille Durand", "Julien Moreau", "Sarah Benali", "Thomas Lefèvre", "Inès Garnier",
         "Priya Raman", "Daniel Okafor", "Emma Lindqvist", "Marcus Bell", "Sofia Alvarez",
         "Yusuf Öztürk", "Léa Martin"]
VERBS = {"fr": ["Réduire", "Augmenter", "Permettre", "Simplifier", "Tester", "Automatiser",
                "Proposer", "Fidéliser", "Conquérir", "Diviser par deux"],
         "en": ["Reduce", "Increase", "Enable", "Simplify", "Test", "Automate", "Offer",
                "Retain", "Win", "Halve"]}
THINGS = {"fr": ["le temps de mise en ligne d'un objet", "les abandons du formulaire",
                 "les vendeurs professionnels", "le parrainage entre vendeurs",
                 "les fiches pré-remplies par l'IA", "le support en direct",
                 "l'onboarding mobile", "les notifications de relance"],
          "en": ["the time to publish an item", "sign-up drop-offs", "professional sellers",
                 "seller referrals", "AI pre-filled listings", "live support",
                 "mobile onboarding", "reminder notifications"]}


def idea_text(rng: random.Random, number: int) -> str:
    language = "fr" if number % 2 else "en"
    verb, thing = rng.choice(VERBS[language]), rng.choice(THINGS[language])
    return f"{verb} {thing} ({rng.randint(5, 60)} %) #{number}"


def large_session(ideas: int, seed: int = 7) -> Session:
    rng = random.Random(seed)
    session = workshop.new_session(f"Benchmark — {ideas} ideas", "fr", "2027", "Produit",
                                   NAMES)
    team = session.teams[0]
    for number in range(1, ideas + 1):
        author = rng.choice(session.participants).id if rng.random() < 0.9 else None
        workshop.add_idea(session, team, rng.choice(LEVELS), idea_text(rng, number), author)
    for o in range(3):
        objective = workshop.commit_objective(
            session, team, f"Permettre aux vendeurs de la région {'ABC'[o]} de publier seuls")
        krs = [workshop.add_key_result(session, objective, f"Réduire de {20 + k} % le délai {k}",
                                       12 + k, 9 + k, "minutes") for k in range(3)]
        tactic = workshop.add_tactic(session, objective, "Pré-remplir la fiche depuis la photo",
                                     [kr.id for kr in krs])
        workshop.add_action(session, tactic, "Tester avec 20 vendeurs", owner="p1",
                            due=date(2027, 1, 15) + timedelta(days=o))
    return session


def write(ideas: int, folder: Path) -> Path:
    path = folder / f"session-{ideas}.toml"
    save_session(large_session(ideas), path)
    return path
