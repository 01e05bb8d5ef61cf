"""How search reads words in every script: the same folding for what is indexed and what is typed.

SQLite's unicode61 tokenizer already folds case and Latin accents. What it cannot do is done here,
before the text reaches it:

- Arabic: harakat and tatweel are dropped, alef/hamza forms, ta marbuta and alef maksura are
  folded, and the article and attached prefixes (ال، و، ف، ب، ل، ك and their combinations وال، بال،
  فال، لل...) are stripped, so "جفاف" and "والجفاف" both find "الجفاف". A light prefix stripper,
  not a stemmer: Snowball's Arabic stemmer leaves "والجفاف" and "والزراعة" as they are, and its stem
  of a half-typed word is not a prefix of the whole word's stem ("والمه" -> "والم", "والمهاج" ->
  "والمهاج"), which search-as-you-type needs.
- Scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): unicode61 reads a
  whole run as one token, so a run is indexed as overlapping pairs of characters (a character with
  its combining marks counts as one): "劳工移民政策" is "劳工 工移 移民 民政 政策 策", and "移民"
  is looked for as the phrase "移民 民*".
- Combining marks (Devanagari, Bengali, Thai vowel signs) belong to the word: the tokenizer is told
  so (TOKENIZER's categories), and so is the query splitter here.

The index keeps the text as shown apart from the text as indexed (an FTS5 external content table),
and both must split into the same number of words in the same order, so that FTS5's snippets mark
the right words of the shown text: every fold here turns one word into one word, and a run without
spaces is shown with a zero-width space between its characters (removed again from every snippet).
"""

# ruff: noqa: RUF001  (Arabic letters are meant, not Latin look-alikes)

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
ZERO_WIDTH_SPACE = "\u200b"

# Letters of the scripts written without spaces between words (punctuation of those blocks left out).
_NO_SPACE_LETTERS = (
    "\u0e01-\u0e3a\u0e40-\u0e4e\u0e50-\u0e59"  # Thai
    "\u0e81-\u0ece\u0ed0-\u0edf"  # Lao
    "\u1000-\u1049\u1050-\u109f"  # Myanmar
    "\u1780-\u17d3\u17d7\u17dc\u17dd\u17e0-\u17e9"  # Khmer
    "\u3005-\u3007\u3041-\u3096\u3099-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"  # Han
)
# Han beyond the first 65,536 code points, in a class of its own (see _marks).
_NO_SPACE_OTHER = "\U00020000-\U0003134f"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
_LATIN_MARKS = "\u0300-\u036f"


class _Patterns:
    """The regular expressions, compiled on first use: the app imports this module (through
    kiosk.core.search) at start-up, and compiling them there would cost ten milliseconds."""

    def __init__(self) -> None:
        # A Han or kana character is a word's worth of meaning: one is as much as two Latin letters.
        self.ideographic = re.compile(
            "[\u3005-\u3007\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\U00020000-\U0003134f]"
        )
        self.no_space = re.compile(f"[{_NO_SPACE_LETTERS}]|[{_NO_SPACE_OTHER}]")
        self.needs_folding = re.compile(f"[{_NO_SPACE_LETTERS}{_ARABIC}{_LATIN_MARKS}]|[{_NO_SPACE_OTHER}]")
        self.has_arabic = re.compile(f"[{_ARABIC}]")
        self.has_latin_marks = re.compile(f"[{_LATIN_MARKS}]")
        self.needs_word_folding = re.compile(f"[{_ARABIC}{_LATIN_MARKS}]")
        self.arabic_marks = re.compile(
            "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"
        )


@cache
def _rx() -> _Patterns:
    return _Patterns()


_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",  # Persian and Urdu yeh, kaf: the same letters typed on another keyboard
        "ک": "ك",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
# Article with what attaches before it, longest first; then one attached letter (and, so, with,
# for, like). What is left must still be a word: two letters after an article, three after a letter.
ARABIC_ARTICLES = ("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
ARABIC_ATTACHED = "وفبلك"
_AFTER_ARTICLE = 2
_AFTER_LETTER = 3


@cache
def _marks() -> str:
    """Every combining mark (Mn, Mc, Me) as a regex alternative: Python's \\w has none of them.

    Two classes, one for the first 65,536 code points and one for the others: a class that has
    only the former is a bitmap to Python's re, one lookup per character, where a class with both
    is a list of ranges read one by one."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for code in [*range(0x20000), *range(0xE0100, 0xE01F0)]:
        is_mark = unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append((start, code - 1))
            start = None
    if start is not None:
        ranges.append((start, 0xE01EF))

    def characters(pairs: list[tuple[int, int]]) -> str:
        return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in pairs)

    basic = characters([pair for pair in ranges if pair[1] < 0x10000])
    other = characters([pair for pair in ranges if pair[0] >= 0x10000])
    return f"[{basic}]|[{other}]"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    marks = _marks()
    word = re.compile(f"(?:[^\\W_]|{marks})+")
    letter = f"[{_NO_SPACE_LETTERS}]|[{_NO_SPACE_OTHER}]"
    no_space_run = re.compile(f"(?:{letter})(?:{letter}|{marks})*")
    # A character with the marks that follow it; a mark with nothing before it stands alone. (The
    # marks of the scripts without spaces are all among the first 65,536 code points.)
    basic_marks = marks.partition("|")[0]
    unit = re.compile(f"{basic_marks}+|.{basic_marks}*", re.DOTALL)
    return word, no_space_run, unit


def words(text: str) -> list[str]:
    """The words of a text as the index's tokenizer splits them (marks stay in their word)."""
    return _patterns()[0].findall(unicodedata.normalize("NFC", text))


def shown_and_indexed(text: str) -> tuple[str, str]:
    """The text as a snippet shows it, and as it is indexed: the same words, folded in the second."""
    text = unicodedata.normalize("NFC", text)
    if not _rx().needs_folding.search(text):
        return text, text  # most texts: unicode61 folds Latin letters by itself
    _word, no_space_run, _unit = _patterns()
    shown_parts: list[str] = []
    indexed_parts: list[str] = []
    position = 0
    for run in no_space_run.finditer(text):
        units = _units(run.group())
        before = text[position : run.start()]
        shown_parts += [before, _spaced(units)]
        indexed_parts += [before, " ", " ".join(_pairs(units)), " "]
        position = run.end()
    shown = "".join([*shown_parts, text[position:]])
    indexed = "".join([*indexed_parts, text[position:]])
    if _rx().needs_word_folding.search(indexed):
        indexed = _patterns()[0].sub(lambda word: fold_word(word.group()), indexed)
    return shown, indexed


def count_without_spaces(text: str) -> int:
    """How many letters of a text belong to scripts written without spaces."""
    return len(_rx().no_space.findall(text)) if _rx().no_space.search(text) else 0


def without_zero_width_spaces(text: str) -> str:
    return text.replace(ZERO_WIDTH_SPACE, "")


def _units(run: str) -> list[str]:
    return _patterns()[2].findall(run)


def _spaced(units: list[str]) -> str:
    return ZERO_WIDTH_SPACE + ZERO_WIDTH_SPACE.join(units) + ZERO_WIDTH_SPACE


def _pairs(units: list[str]) -> list[str]:
    return [first + second for first, second in itertools.pairwise(units)] + units[-1:]


def fold_word(word: str) -> str:
    """One word as it is indexed (for a word of a script with spaces): never empty, never two words."""
    if _rx().has_arabic.search(word):
        folded = arabic_stem(word)
    elif _rx().has_latin_marks.search(word) and _is_latin_like(word):
        folded = strip_marks(word)
    else:
        return word
    return folded or word


def _is_latin_like(word: str) -> bool:
    return all(ord(character) < 0x0530 for character in word)


def strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def arabic_letters(word: str) -> str:
    """Arabic spelled one way: no harakat or tatweel, one alef, ta marbuta as ha, alef maksura as ya."""
    return _rx().arabic_marks.sub("", word).translate(_ARABIC_LETTERS)


def arabic_stem(word: str) -> str:
    """The word without its article and attached prefixes, as the index keeps it."""
    letters = arabic_letters(word)
    return letters[len(_arabic_prefix(letters)) :]


def _arabic_prefix(letters: str) -> str:
    for article in ARABIC_ARTICLES:
        if letters.startswith(article) and len(letters) - len(article) >= _AFTER_ARTICLE:
            return article
    if letters[:1] and letters[0] in ARABIC_ATTACHED and len(letters) - 1 >= _AFTER_LETTER:
        return letters[0]
    return ""


def arabic_split(word: str) -> tuple[str, str]:
    """(prefix, rest) of a word as written, harakat removed: "والجَفاف" -> ("وال", "جفاف")."""
    plain = _rx().arabic_marks.sub("", word)
    prefix = _arabic_prefix(plain.translate(_ARABIC_LETTERS))
    return plain[: len(prefix)], plain[len(prefix) :]


def _arabic_typed_forms(word: str) -> tuple[set[str], int]:
    """What a typed (maybe half-typed) Arabic word may be in the index, and its letters counted
    without a prefix. A word typed so far is shorter than the word it is the start of, so a prefix
    the index stripped from the whole word must be tried off the typed part too."""
    letters = arabic_letters(word)
    forms = {letters}
    shortest = len(letters)
    # Even one letter after a prefix is tried: with another word typed before it, "العمال الم" must
    # go on finding "العمال المهاجرين" while the second word is typed.
    for prefix in (*ARABIC_ARTICLES, *ARABIC_ATTACHED):
        if letters.startswith(prefix):
            rest = letters[len(prefix) :]
            shortest = min(shortest, len(rest))
            if rest:
                forms.add(rest)
    return forms, shortest


def query_terms(query: str, max_words: int) -> tuple[list[str], int]:
    """The typed words as FTS5 terms (every one must match, each as the start of a word), and how
    many letters were typed, counted as the search counts them."""
    _word, no_space_run, _unit = _patterns()
    terms: list[str] = []
    letters = 0
    for word in words(query)[:max_words]:
        position = 0
        pieces: list[tuple[str, bool]] = []
        for run in no_space_run.finditer(word):
            if run.start() > position:
                pieces.append((word[position : run.start()], False))
            pieces.append((run.group(), True))
            position = run.end()
        if position < len(word):
            pieces.append((word[position:], False))
        for piece, without_spaces in pieces:
            if without_spaces:
                terms.append(_no_space_term(_units(piece)))
                units = _units(piece)
                letters += sum(2 if _rx().ideographic.match(unit) else 1 for unit in units)
            elif _rx().has_arabic.search(piece):
                forms, counted = _arabic_typed_forms(piece)
                terms.append(_any_of(forms))
                letters += counted
            else:
                terms.append(_any_of(latin_spellings(piece)))
                letters += len(piece)
    return terms, letters


# Letters written as one on some keyboards and two on others: "oeuvre" must find "œuvre".
LIGATURES = {"œ": "oe", "æ": "ae"}


def latin_spellings(word: str) -> set[str]:
    lowered = word.lower()
    if _is_latin_like(lowered):
        lowered = strip_marks(lowered) if _rx().has_latin_marks.search(lowered) else lowered
    spellings = {lowered}
    for joined, apart in LIGATURES.items():
        spellings |= {spelling.replace(apart, joined) for spelling in spellings}
        spellings |= {spelling.replace(joined, apart) for spelling in spellings}
    return spellings


def _no_space_term(units: list[str]) -> str:
    """Typed characters as the index's pairs, one phrase: "移民政" is "移民" "民政" "政*". The last
    two are prefixes: the last character typed may still lack its vowel signs (Thai "ชาต", on its way
    to "ชาติ")."""
    if len(units) == 1:
        return _quoted(units[0])
    pairs = _pairs(units)
    exact = " ".join(pairs[:-2])
    return (f'"{exact}" + ' if exact else "") + f"{_quoted(pairs[-2])} + {_quoted(pairs[-1])}"


def _quoted(term: str) -> str:
    return f'"{term}"*'


def _any_of(forms: set[str]) -> str:
    terms = [_quoted(form) for form in sorted(forms)]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


# -- spelling: the closest word of the index to a word it does not know ---------------------------


def spelling_key(word: str) -> str | None:
    """A typed word as the index's vocabulary spells it, or None where spelling cannot be guessed
    (scripts without spaces, whose index words are pairs of characters)."""
    _word, no_space_run, _unit = _patterns()
    word = unicodedata.normalize("NFC", word)
    if no_space_run.search(word):
        return None
    if _rx().has_arabic.search(word):
        return arabic_stem(word)
    lowered = word.lower()
    return strip_marks(lowered) if _is_latin_like(lowered) else lowered


def is_vocabulary_word(term: str) -> bool:
    """Whether an index word can be offered as a spelling: a word of at least four letters, no digits,
    no pair of characters of a script without spaces."""
    return len(term) >= 4 and not any(c.isdigit() for c in term) and not _rx().no_space.search(term)


def trigrams(word: str) -> list[str]:
    return sorted({word[i : i + 3] for i in range(len(word) - 2)})


def typo_distance(typed: str, word: str, limit: int) -> int:
    """Edits (a letter added, left out, changed, or two swapped) from what was typed to the word, or
    to its start: a visitor may stop typing before the end of a word. More than `limit` is limit + 1."""
    whole = _edits(typed, word, limit)
    if whole <= limit or len(word) <= len(typed):
        return whole
    return min(whole, _edits(typed, word[: len(typed)], limit))


def _edits(first: str, second: str, limit: int) -> int:
    """Optimal string alignment distance, given up (limit + 1) as soon as it must exceed `limit`."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i] * (len(second) + 1)
        lowest = i
        for j, b in enumerate(second, 1):
            best = previous[j - 1] if a == b else previous[j - 1] + 1
            if previous[j] + 1 < best:
                best = previous[j] + 1
            if current[j - 1] + 1 < best:
                best = current[j - 1] + 1
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b and previous2[j - 2] + 1 < best:
                best = previous2[j - 2] + 1
            current[j] = best
            if best < lowest:
                lowest = best
        if lowest > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def allowed_typos(word: str) -> int:
    return 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3
