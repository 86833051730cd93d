"""The objective's rules: its form, its number, a generic ambition, a deliverable."""

from okrtui.coach.lexicon import Lexicon
from okrtui.coach.rules import MAX_WORDS, Sentence


def objective_rules(sentence: Sentence) -> list[str]:
    lex = sentence.lexicon
    rules = []
    if (not sentence.is_verb(sentence.opening) or sentence.opening in lex.negation
            or sentence.opens_with_adverb):
        rules.append("objective.form")
    has_number = sentence.has_number()
    if has_number:
        rules.append("objective.has_number")
    if is_vague(sentence):
        rules.append("objective.vague")  # then it names no deliverable either
    elif sentence.starts_with(lex.objective_output_verbs) or creates_a_thing(sentence):
        rules.append("objective.is_output")
    if sentence.word_count > MAX_WORDS:
        rules.append("text.too_long")
    return rules


def is_generic(word: str, lexicon: Lexicon) -> bool:
    """A word every company uses, in the singular or the plural (« abonnés », "subscriber")."""
    generic = lexicon.generic_words
    return word in generic or (word[-1:] in ("s", "x") and word[:-1] in generic) or (
        word + "s" in generic)


def is_vague(sentence: Sentence) -> bool:
    """Only generic words after the verb; a value every company claims with at most one
    other word ("Engineering excellence", « Viser l'excellence commerciale »); or be / être
    + one word, maybe a comparative before it ("Be profitable", « Être plus efficaces »):
    an adjective about ourselves names no one."""
    lex = sentence.lexicon
    words = sentence.content_words()
    if all(is_generic(word, lex) for word in words) or names_a_value(sentence):
        return True
    rest = sentence.words[sentence.opening_index + 1 :]
    if rest and rest[0] in lex.comparatives:
        rest = rest[1:]
    return (sentence.opening in lex.weak_verbs and len(rest) == 1
            and all(token.kind == "word" for token in sentence.tokens))


def names_a_value(sentence: Sentence) -> bool:
    """A value word and at most one other word after the verb (or in a phrase with no verb),
    no preposition between them: "in cardiology" would name where the value is sought."""
    lex = sentence.lexicon
    start = sentence.opening_index + 1 if sentence.is_verb(sentence.opening) else 0
    tokens = sentence.tokens[start:]
    while tokens and tokens[0].text in lex.stop_words:
        tokens = tokens[1:]
    return (0 < len(tokens) <= 2 and all(token.kind == "word" for token in tokens)
            and any(token.text in lex.value_words for token in tokens))


def creates_a_thing(sentence: Sentence) -> bool:
    """A creation verb and an indefinite article: a new thing to deliver ("Build a data
    warehouse…", « Créer une académie en ligne »), unless what is made is generic ("Create
    an outstanding experience", "Build a strong brand")."""
    lex = sentence.lexicon
    verb = sentence.starts_with(lex.creation_verbs)
    if verb is None:
        return False
    start = sentence.opening_index + verb.count(" ") + 1
    tokens = sentence.tokens[start:]
    if not tokens or tokens[0].text not in lex.indefinite:
        return False
    phrase = []
    for token in tokens[1:]:
        if token.kind != "word" or token.text in lex.stop_words:
            break
        phrase.append(token.text)
    if lex.language == "fr":
        phrase = [word for word in phrase if word not in lex.before_noun][:1]
    head = phrase[-1:] if phrase else []
    return bool(head) and not is_generic(head[0], lex) and head[0] not in lex.grown_things
