"""Every French string follows French typography (../shared/glossary.md): a no-break space
(U+00A0) before « : » and inside « guillemets », a narrow one (U+202F) before ; ? ! % and
between thousands, and the apostrophe ’."""

import re

import pytest

from okrtui.i18n import catalog

FRENCH = catalog("fr").strings
RULES = [
    ("a straight apostrophe", re.compile(r"'")),
    # a colon glued to what follows is syntax, not punctuation: 10:00, ADRESSE[:PORT], a link
    ("no U+00A0 before a colon", re.compile(r"(?<!\u00a0):(?=\s|$)")),
    ("no U+202F before ; ? ! or %", re.compile(r"(?<![\u202f])[;?!%]")),
    ("no U+00A0 after «", re.compile(r"«(?!\u00a0)")),
    ("no U+00A0 before »", re.compile(r"(?<!\u00a0)»")),
    ("English quotes", re.compile(r"[“”]")),
    ("thousands not grouped by U+202F", re.compile(r"\d[ \u00a0]\d{3}(?!\d)")),
]


@pytest.mark.parametrize(("fault", "pattern"), RULES, ids=[fault for fault, _ in RULES])
def test_no_french_string_breaks_the_rule(fault: str, pattern: re.Pattern[str]) -> None:
    broken = {key: value for key, value in FRENCH.items() if pattern.search(value)}
    assert broken == {}, fault


def test_the_rules_see_a_faulty_string() -> None:
    faulty = "Pas de point de départ : d'où part-on ? « 2 000 » vendeurs, 20 %"
    assert [fault for fault, pattern in RULES if pattern.search(faulty)] == [
        fault for fault, _ in RULES if fault != "English quotes"]
