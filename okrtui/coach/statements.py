"""What a wording says beside its opening verb: a date's numbers, a baseline given beside the
target, and the verb of a statement ("Chrome reaches 20M users", « 80 % des tickets sont
résolus »)."""

import re

from okrtui.coach.lexicon import Lexicon

_QUARTER = re.compile(r"^(q|t|h|s)[1-4]$")
_FRENCH_PARTICIPLE = ("é", "ée", "és", "ées", "u", "us", "ue", "ues", "is", "ise", "ises", "it",
                      "its", "ite", "ites")


def is_quarter(word: str) -> bool:
    """Q3, T1, H2, S1: a period, not a measure."""
    return bool(_QUARTER.match(word))


def date_numbers(words: list[str], kinds: list[str], lexicon: Lexicon) -> set[int]:
    """The places of numbers that are a date's day or year: "by March 7", « le 7 mars »,
    "Q3 2027", « d'ici 2027 »."""
    found = set()
    for index, kind in enumerate(kinds):
        if kind != "number" or not words[index].isdigit():
            continue
        value = int(words[index])
        before = words[index - 1] if index else ""
        following = words[index + 1 : index + 3]
        if following and following[0] in lexicon.ordinal_suffixes:  # « 1er juillet », "June 1st"
            following = following[1:]
        after = following[0] if following else ""
        if 1 <= value <= 31 and (before in lexicon.months or after in lexicon.months):
            found.add(index)
        elif 1990 <= value <= 2100 and (before in lexicon.months or before in lexicon.before_year
                                        or is_quarter(before)):
            found.add(index)
    return found


def named_numbers(words: list[str], kinds: list[str], lexicon: Lexicon,
                  task: bool) -> set[int]:
    """The places of numbers that name or select rather than measure: a version ("version
    10", "release 4"), after a task verb the size of a list to work through ("Fix the top 10
    issues", « Identifier les 5 principaux freins »; "Be in the top 3 apps" is a rank), and
    an age that names a segment ("customers over 70", « de plus de 60 ans »)."""
    found = set()
    for index, kind in enumerate(kinds):
        if kind != "number":
            continue
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if before in lexicon.name_words or (index > 1 and index - 2 in found
                                             and before in lexicon.baseline_to):  # "18 to 25"
            found.add(index)
        elif task and before == "top" and is_list_head(after, lexicon):
            found.add(index)
        elif task and after in lexicon.list_sizers:
            found.add(index)
        elif after in lexicon.age_units or before == "aged" or (
                before in lexicon.age_markers and index > 1
                and words[index - 2] in lexicon.people_words):
            found.add(index)
    return found


def is_list_head(word: str, lexicon: Lexicon) -> bool:
    """After "top 5": a noun starts a list ("top 5 bugs"); "of" / « des » starts a chart
    ("the top 5 of the charts", « le top 5 des ventes »), a rank reached."""
    return bool(word) and word.isalpha() and word not in lexicon.stop_words


def baseline_beside(words: list[str], kinds: list[str], lexicon: Lexicon) -> bool:
    """A baseline marker followed by a number: "(vs 600 today)", "up from 8%",
    "(current is 125k)", « contre 320 aujourd'hui », « (actuellement 4 jours) »."""
    text = " ".join(words)
    for marker in lexicon.baseline_markers:
        start = 0
        while (found := text.find(marker, start)) >= 0:
            start = found + 1
            if found and text[found - 1] != " ":
                continue
            index = text[:found].count(" ") + marker.count(" ") + 1
            if any(kind == "number" for kind in kinds[index : index + 3]):
                return True
    return _baseline_after(text, kinds, lexicon)


def _baseline_after(text: str, kinds: list[str], lexicon: Lexicon) -> bool:
    """A baseline written after its number: "(2.4% currently)", « (2,4 % actuellement) »."""
    for marker in lexicon.baseline_after:
        start = 0
        while (found := text.find(marker, start)) >= 0:
            start = found + 1
            end = found + len(marker)
            if (found and text[found - 1] != " ") or (end < len(text) and text[end] != " "):
                continue
            index = text[:found].count(" ")
            if "number" in kinds[max(index - 2, 0) : index]:  # "2.4 % currently"
                return True
    return False


def statement_verb(words: list[str], accented: list[str], start: int,
                   lexicon: Lexicon) -> str | None:
    """The main verb of a statement whose subject comes first: "form" for an action verb
    ("reaches", "users convert", a passive « sont résolus »), "weak" for être / avoir /
    be / have, None when there is no verb at all ("Churn below 2%")."""
    opening = accented[start - 1] if 0 < start <= len(accented) else ""
    if _is_participle(opening, lexicon):  # "Reduced churn by…" has no subject
        return None
    for index in range(max(start, 1), len(words)):
        word, before = words[index], words[index - 1]
        if word in lexicon.weak_verbs:
            after = [w for w in accented[index + 1 : index + 3] if w not in ("be", "been", "being")]
            return "form" if after and _is_participle(after[0], lexicon) else "weak"
        if before in lexicon.stop_words:
            continue
        if _is_finite(word, before, lexicon) or _acts_as_verb(words, index, lexicon) or (
                _is_moving(words, index, lexicon) and not _is_participle(accented[index], lexicon)):
            return "form"
    return None


_ENGLISH_OBJECT_START = frozenset({"a", "an", "the", "their", "its", "our", "one", "two"})
_ENGLISH_AMOUNT_LINK = frozenset({"for", "to", "from", "at", "by", "over", "under", "above",
                                  "below", "past"})
_FRENCH_PLURAL_SUBJECT = frozenset({"les", "des", "nos", "vos", "leurs", "ces", "mes", "ses"})


def _acts_as_verb(words: list[str], index: int, lexicon: Lexicon) -> bool:
    """A verb the lists take for a noun, told by where it stands: after a plural subject
    and before its object ("30% of sellers list a second item"), in the singular before an
    amount ("Mobile checkout accounts for 55% of orders"), or a French plural present after
    a plural subject, before an amount (« Les ventes en ligne représentent 30 % du CA »)."""
    word, before = words[index], words[index - 1]
    after = words[index + 1] if index + 1 < len(words) else ""
    amount_next = _is_number(after) or (after in _ENGLISH_AMOUNT_LINK and index + 2 < len(words)
                                        and _is_number(words[index + 2]))
    if lexicon.language == "fr":
        return (word.endswith("ent") and not word.endswith("ment") and len(word) > 5
                and words[0] in _FRENCH_PLURAL_SUBJECT and _is_number(after))
    if word in lexicon.not_verbs or before in lexicon.stop_words:
        return False
    plural_before = before.endswith("s") and not before.endswith("ss")
    if word in lexicon.also_nouns:
        return plural_before and (after in _ENGLISH_OBJECT_START or amount_next)
    return (word.endswith("s") and word[:-1] in lexicon.also_nouns and not plural_before
            and amount_next)


def _is_moving(words: list[str], index: int, lexicon: Lexicon) -> bool:
    """A French present of a verb the lists do not hold, told by what follows it: a level
    (« descend sous les 48 heures », « grimpe à 50 ») or « de X à Y » (« grimpe de 42 € »)."""
    if lexicon.language != "fr" or index + 1 >= len(words):
        return False
    word, after = words[index], words[index + 1]
    if word in lexicon.not_verbs or word.endswith(lexicon.adjective_endings):
        return False
    conjugated = (word.endswith("e") and len(word) > 4) or (word + "re").endswith(
        lexicon.verb_endings)
    if not conjugated:
        return False
    if after in lexicon.level_markers or _is_number(after):
        return True
    return after in lexicon.baseline_from and index + 2 < len(words) and _is_number(
        words[index + 2])


def _is_number(word: str) -> bool:
    return word[:1].isdigit()


def _is_finite(word: str, before: str, lexicon: Lexicon) -> bool:
    if lexicon.language == "fr":
        return word in lexicon.finite_forms or (
            word.endswith("ent") and not word.endswith("ment") and len(word) > 5
            and before.endswith(("s", "x")))
    if word in lexicon.not_verbs:
        return False
    if _is_verb_lemma(word, lexicon):
        return before.endswith("s") and not before.endswith("ss")
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(ending) and _is_verb_lemma(word[: -len(ending)] + replacement, lexicon):
            return True
    return False


def _is_verb_lemma(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.mostly_verbs or word in lexicon.verbs


def _is_participle(word: str, lexicon: Lexicon) -> bool:
    if len(word) < 4 or word in lexicon.stop_words:
        return False
    if lexicon.language == "fr":
        return word.endswith(_FRENCH_PARTICIPLE)
    if word in lexicon.irregular:
        return True
    return word.endswith("ed")


def participle_lemmas(word: str, lexicon: Lexicon) -> list[str]:
    """The infinitives a past participle may come from: "approved" → approve, "rebuilt" →
    rebuild, « validée » → valider."""
    if lexicon.language == "fr":
        stem = word.rstrip("s")
        for ending, infinitive in (("ee", "er"), ("e", "er"), ("ie", "ir"), ("i", "ir")):
            if stem.endswith(ending) and len(stem) > len(ending) + 2:
                return [stem[: -len(ending)] + infinitive]
        return []
    if word in lexicon.irregular:
        return [lexicon.irregular[word]]
    if not word.endswith("ed") or len(word) < 5:
        return []
    stem = word[:-2]
    lemmas = [stem, stem + "e"]
    if stem.endswith("i"):
        lemmas.append(stem[:-1] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        lemmas.append(stem[:-1])
    return lemmas
