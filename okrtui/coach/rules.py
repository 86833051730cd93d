"""The wording rules: what a sentence says about itself, read with one language's lexicon.

Deterministic and offline: a sentence is cut into words and numbers, then each rule looks
at the opening verb, the numbers, the words after the verb, and a "from X to Y" baseline.
"""

import re
from dataclasses import dataclass

from okrtui.coach.lexicon import Lexicon, fold
from okrtui.coach.statements import (
    baseline_beside,
    date_numbers,
    is_list_head,
    named_numbers,
    participle_lemmas,
    statement_verb,
)
from okrtui.numbers import parse_number

MAX_WORDS = 25

_TOKEN = re.compile(
    r"(?P<symbol>[%€$£×])"
    r"|(?P<number>\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?)"
    r"|(?P<word>[^\W_]+(?:-[^\W_]+)*)"  # letters, and codes such as b2b or q1
)
_MULTIPLIER = re.compile(r"^x\d+$")
_RANK = re.compile(r"-\d")
_NUMBER_SUFFIXES = frozenset({"x", "k", "m", "bn", "md", "fois"})


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "number" or "symbol"
    text: str


def normalise(text: str) -> str:
    return fold(text.replace("’", "'").replace("‘", "'"))


def tokenise(text: str, folded: bool = True) -> list[Token]:
    tokens = []
    text = text.replace("’", "'").replace("‘", "'")
    for match in _TOKEN.finditer(normalise(text) if folded else text.lower()):
        kind = match.lastgroup or "word"
        value = match.group(kind)
        if kind == "word" and _MULTIPLIER.match(value):
            kind = "number"
        tokens.append(Token(kind, value))
    return _split_multipliers(tokens)


def _split_multipliers(tokens: list[Token]) -> list[Token]:
    """"3x", "20k", "€2M" are read as a number then a word: make them one number."""
    merged: list[Token] = []
    for token in tokens:
        if (token.kind == "word" and token.text in _NUMBER_SUFFIXES and merged
                and merged[-1].kind == "number"):
            continue
        merged.append(token)
    return merged


class Sentence:
    """One wording, read with a lexicon: its words, its opening verb, its numbers."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = normalise(text)
        self.lexicon = lexicon
        self.tokens = tokenise(text)
        self.words = [t.text for t in self.tokens if t.kind == "word"]
        self.raw_text = text
        self.opening_index = self._opening_index()

    def _opening_index(self) -> int:
        """Where the opening verb should be: past a reflexive pronoun (« s'assurer ») or an
        adverb ("Significantly improve…")."""
        lex = self.lexicon
        index = 0
        tokens = self.tokens
        while index < len(tokens) - 1 and tokens[index].text in lex.reflexive:
            index += 1
        if index < len(tokens) - 1 and self.is_adverb(tokens[index].text):
            self.opening_index = index + 1  # is_verb judges a word as the opening one
            if self.is_verb(tokens[index + 1].text):
                return index + 1
        return index

    def is_adverb(self, word: str) -> bool:
        ending = self.lexicon.adverb_ending
        if word in self.lexicon.intensifiers:  # "truly" is as short as "italy"
            return True
        return bool(ending) and len(word) > len(ending) + 3 and word.endswith(ending) and (
            word not in self.lexicon.not_adverbs)

    @property
    def opens_with_adverb(self) -> bool:
        """"Significantly boost…", « Fortement améliorer… »: the verb is not the first word."""
        index = self.opening_index
        return index > 0 and self.is_adverb(self.tokens[index - 1].text)

    @property
    def opening(self) -> str:
        if self.opening_index < len(self.tokens):
            token = self.tokens[self.opening_index]
            return token.text if token.kind == "word" else ""
        return ""

    def starts_with(self, phrases: tuple[str, ...] | frozenset[str]) -> str | None:
        rest = " ".join(t.text for t in self.tokens[self.opening_index:])
        for phrase in sorted(phrases, key=len, reverse=True):
            if rest == phrase or rest.startswith(phrase + " "):
                return phrase
        return None

    def is_verb(self, word: str) -> bool:
        lex = self.lexicon
        if not word or word in lex.not_verbs:
            return False
        if word == self.opening and self.starts_with(lex.noun_openings):
            return False
        if word in lex.verbs or word in lex.task_verbs or word in lex.run_verbs:
            return True
        if lex.language == "fr":
            return (len(word) > 3 and word.endswith("er")) or (
                len(word) > 4 and word.endswith(lex.verb_endings))
        if word in lex.mostly_verbs:
            return True
        if word in lex.also_nouns:
            return word == self.opening and self._object_follows()
        return len(word) > 5 and word.endswith(("ize", "ise", "ify"))

    def _object_follows(self) -> bool:
        """An imperative whose verb is mostly a noun takes an object: "Post 30 times", "Host
        the conference"; "Access to care" does not."""
        following = self.tokens[self.opening_index + 1 : self.opening_index + 2]
        return bool(following) and (following[0].kind == "number"
                                    or following[0].text in self.lexicon.object_openers)

    @property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.kind in ("word", "number"))

    def date_numbers(self) -> set[int]:
        return date_numbers([t.text for t in self.tokens], [t.kind for t in self.tokens],
                            self.lexicon)

    def named_numbers(self) -> set[int]:
        return named_numbers([t.text for t in self.tokens], [t.kind for t in self.tokens],
                             self.lexicon, self.opening in self.lexicon.task_verbs)

    def has_number(self, dates_count: bool = True) -> bool:
        """A digit, a number word; a date's year only when `dates_count` (an objective's
        year is a number, a key result's deadline is no measure). A date's day, a version,
        the size of a list ("the top 5 bugs") or an age naming a segment measure nothing."""
        lex = self.lexicon
        ignored = self.named_numbers() | {
            i for i in self.date_numbers()
            if not dates_count or int(self.tokens[i].text) <= 31}
        if any(t.kind == "number" and i not in ignored for i, t in enumerate(self.tokens)):
            return True
        if any(_RANK.search(t.text) and not self._sizes_a_list(i)
               for i, t in enumerate(self.tokens) if t.kind == "word"):  # "top-5", "day-7"
            return True
        if any(word in lex.number_words for word in self.words):
            return True
        return any(phrase in self.text for phrase in lex.number_phrases)

    def _sizes_a_list(self, index: int) -> bool:
        """"top-5 reasons" sizes a list; "the top-5 of the charts" is a rank."""
        after = self.tokens[index + 1].text if index + 1 < len(self.tokens) else ""
        return (self.opening in self.lexicon.task_verbs and self.tokens[index].text.startswith(
            "top-") and is_list_head(after, self.lexicon))

    def content_words(self) -> list[str]:
        """The words after the opening verb that carry meaning (no small words)."""
        start = self.opening_index + 1 if self.is_verb(self.opening) else 0
        return [t.text for t in self.tokens[start:]
                if t.kind == "word" and t.text not in self.lexicon.stop_words
                and not self.is_adverb(t.text)]

    def has_baseline(self) -> bool:
        """A "from X to Y" / « de X à Y », or a baseline beside the target ("vs 600 today")."""
        if baseline_and_target(self.tokens, self.lexicon) is not None:
            return True
        return baseline_beside([t.text for t in self.tokens], [t.kind for t in self.tokens],
                               self.lexicon)

    def statement(self) -> str | None:
        """The main verb's kind when the subject comes first: "form", "weak" or None."""
        words = [t.text for t in self.tokens]
        accented = [t.text for t in tokenise(self.raw_text, folded=False)]
        if len(accented) != len(words):
            accented = words
        return statement_verb(words, accented, self.opening_index + 1, self.lexicon)

    def has_outcome_measure(self) -> bool:
        """A number that measures a result (a rate, money, users, reaching a level), not
        one that counts things produced ("3 workshops")."""
        lex = self.lexicon
        tokens = self.tokens
        if self._everyone_within_a_delay():
            return True
        people_count = not self.starts_with(lex.activity_verbs)
        reaching = people_count and any(
            word in lex.outcome_words and not self._qualifies_an_output(index)
            for index, word in enumerate(self.words) if index)
        dates = self.date_numbers() | self.named_numbers()
        for index, token in enumerate(tokens):
            if token.kind != "number" or index in dates:
                continue
            if index and tokens[index - 1].text == "top":  # a rank in a chart
                continue
            after = [t.text for t in tokens[index + 1 : index + 4]]
            if any(word in lex.output_words for word in after):
                continue
            beside = [t.text for t in tokens[max(index - 1, 0) : index + 2]]
            if any(mark in beside for mark in "%€$£") or (
                    people_count and any(w in lex.outcome_words for w in after)):
                return True
            if reaching:
                return True
        return False

    def _qualifies_an_output(self, index: int) -> bool:
        """"user interviews", « entretiens clients »: the users name the output's kind."""
        beside = self.words[max(index - 1, 0) : index] + self.words[index + 1 : index + 2]
        return any(word in self.lexicon.output_words for word in beside)

    def _everyone_within_a_delay(self) -> bool:
        """"every new hire within 14 days", « tous les arrivants en moins de 30 jours »:
        a service level (100 % within a delay), not a count of tasks."""
        lex = self.lexicon
        if not any(word in lex.coverage_words for word in self.words[1:]) or any(
                word in lex.output_words for word in self.words):
            return False  # "all 3 features within 2 months" is a deadline for outputs
        for marker in lex.delay_markers:
            found = self.text.find(f" {marker} ")
            if found >= 0:
                after = tokenise(self.text[found + len(marker) + 2 :])[:2]
                if any(token.kind == "number" for token in after) or any(
                        token.text in lex.number_words for token in after):
                    return True
        return False

    def is_output(self) -> bool:
        """Opens with a task verb or a task noun (« Installation de… »), has a task or an
        approval done by others (« faire homologuer », « faire valider », "get the policy
        approved", "have the page redesigned"), or says a thing was delivered with no verb
        or with avoir / have (« Avoir le produit X terminé »)."""
        lex = self.lexicon
        if self.opening in lex.task_verbs or self.starts_with(lex.task_verbs):
            return True
        if self.opening in lex.contract_verbs:
            return any(word in lex.output_words for word in self.words[1:5])
        if self.opening in lex.causative and self.opening_index + 1 < len(self.tokens):
            following = self.tokens[self.opening_index + 1].text
            if following in lex.task_verbs or following in lex.approval_verbs:
                return True
        if self.starts_with(lex.task_nouns):
            return True
        if self.opening in lex.causative and any(
                self._is_participle_of(word, lex.approval_verbs) for word in self.words[1:]):
            return True
        done = any(word in lex.task_participles or self._is_participle_of(word, lex.task_verbs)
                   for word in self.words[1:])
        return done and (self.opening in lex.weak_verbs or lex.causative
                         and self.opening in lex.causative or not self.is_verb(self.opening))

    def _is_participle_of(self, word: str, verbs: frozenset[str]) -> bool:
        return any(lemma in verbs for lemma in participle_lemmas(word, self.lexicon))

    def keeps_a_level(self) -> bool:
        lex = self.lexicon
        if self.starts_with(lex.run_openings):
            return True
        opening = self.opening
        if not self.is_verb(opening) and any(word in lex.run_forms for word in self.words):
            return True
        if opening in lex.ambiguous_run_verbs:
            return any(word in lex.level_markers for word in self.words[1:])
        return opening in lex.run_verbs


def baseline_and_target(tokens: list[Token], lexicon: Lexicon) -> tuple[float, float] | None:
    """The X and Y of "from X to Y" / « de X à Y » / « passer de X à Y » in a wording cut by
    `tokenise`, or None. The coach's `kr.no_baseline` and the similarity's direction (which
    way a key result moves) both read it here."""
    for index, token in enumerate(tokens):
        if token.text not in lexicon.baseline_from:
            continue
        first = _number_within(tokens, index + 1, 4)  # "from a baseline of 40", "from about €2"
        if first is None:
            continue
        for to_index in range(first + 1, min(first + 5, len(tokens))):  # "40 % a week to"
            if tokens[to_index].text not in lexicon.baseline_to:
                continue
            second = _number_within(tokens, to_index + 1, 3)  # "to about €3"
            if second is not None:
                return (number_value(tokens[first].text, lexicon.language),
                        number_value(tokens[second].text, lexicon.language))
    return None


def number_value(text: str, language: str) -> float:
    """The value of a number token in language: "1 200" → 1200, "x3" → 3, « 0,125 » → 0.125
    in French, "2,000" → 2000 in English.

    `parse_number` is strict for typed fields; a sentence may also hold "1.200.000" or
    "12345,678", read here as digits grouped by their separators, never refused.
    """
    digits = text.lstrip("x")
    try:
        value = parse_number(digits, language)
    except ValueError:
        return float(re.sub(r"\D", "", digits))
    return 0.0 if value is None else float(value)  # None only for empty text


def _number_within(tokens: list[Token], start: int, span: int) -> int | None:
    for index in range(start, min(start + span, len(tokens))):
        if tokens[index].kind == "number":
            return index
    return None


def key_result_rules(sentence: Sentence, baseline_known: bool = False) -> list[str]:
    lex = sentence.lexicon
    rules = []
    if not sentence.has_number(dates_count=False):
        rules.append("kr.no_number")
    opening = sentence.opening
    negated = opening in lex.negation
    if opening in lex.weak_verbs:
        rules.append("kr.weak_verb")
    elif not negated and not sentence.is_verb(opening):
        rules.append("kr.form" if sentence.statement() == "form" else "kr.weak_verb")
    keeps = sentence.keeps_a_level()
    if keeps:
        rules.append("kr.is_kpi")
    elif sentence.is_output() and not sentence.has_outcome_measure():
        rules.append("kr.is_task")
    if not baseline_known and not sentence.has_baseline():
        rules.append("kr.no_baseline")
    if sentence.word_count > MAX_WORDS:
        rules.append("text.too_long")
    return rules


def plain_rules(sentence: Sentence) -> list[str]:
    """Tactics and actions: only the length rule applies to their wording."""
    return ["text.too_long"] if sentence.word_count > MAX_WORDS else []
