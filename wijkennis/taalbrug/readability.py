"""Readability of Dutch text: sentences, words, syllables, Flesch–Douma and a B1 verdict.

Pure functions on a string; nothing here touches the database or logs the text. Offsets in the
results point into the text as given, so the page can mark long sentences and long words.

How a text is cut into sentences:
- A blank line, or a line that starts with a list marker ("-", "•", "1.", "a)"), always starts a
  new sentence. Another line break does too, unless the next line starts with a lower-case letter
  (then it is a wrapped line, as in text copied from a PDF).
- ".", "!", "?" and "…" end a sentence when a space or the end of the text follows. A full stop
  after a known abbreviation ("bijv.", "o.a.", "art.", "nr.") or an initial ("J. de Vries") does
  not; nor does one followed by a lower-case letter (nearly always an abbreviation we do not
  know). Numbers such as "1.250,00" have no space after the dot, so they never split.
- A word is a run of letters and digits (hyphens and apostrophes inside it allowed) with at least
  one letter: amounts, dates and numbers are not counted as words.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from wijkennis.search.text import WORD

# Thresholds, each with the reason for its value.
# B1 writing guides advise 15 words per sentence on average; past 20 words many B1 readers lose
# the thread, so such a sentence is marked as long.
LONG_SENTENCE_WORDS = 20
# The best-known B1 guideline: no more than 15 words per sentence on average.
MAX_AVERAGE_SENTENCE_LENGTH = 15
# Everyday words often have 3 syllables ("gemeente", "betalen", "rekening"): counting those would
# mark one word in six of a plain text. 4 syllables or 13 letters catches what is hard in Dutch:
# long compounds and formal words ("beslaglegging", "terugvordering", "geïnformeerd").
LONG_WORD_SYLLABLES = 4
LONG_WORD_LETTERS = 13
# Plain B1 letters we measured stay under 1 long word in 10; formal letters go far above that.
MAX_LONG_WORD_SHARE = 0.10
# On Douma's scale 60–70 is "fairly easy": the usual lower bound for text at B1 level.
MIN_FLESCH_DOUMA = 60
# Under 50 words the figures depend on a single sentence: we still show them, with a warning.
RELIABLE_MIN_WORDS = 50

# Abbreviations whose full stop never ends a sentence (lower case, with their dots).
ABBREVIATIONS = frozenset(
    """a.d.h.v. adv. afd. apr. art. aug. bijl. bijv. blz. bv. c.q. ca. d.d. d.m.v. d.w.z. dec.
    dhr. dr. drs. e.e.a. evt. excl. feb. fig. hfst. i.c.m. i.o.m. i.p.v. i.s.m. i.v.m. incl. ing.
    ir. jan. jhr. jl. jr. jul. jun. lid. m.b.t. m.b.v. m.i.v. m.n. m.u.v. max. mevr. min. mld.
    mln. mr. mrt. mw. n.a.v. nl. nov. nr. nrs. o.a. o.b.v. okt. ong. p. par. pag. pp. prof. resp.
    sep. sept. sr. st. t.a.v. t.b.v. t.g.v. t.o.v. t.w. t.z.t. tel. vgl. vlg. vnl. vs. z.o.z.
    z.s.m. zgn.""".split()
)
# Abbreviations that may also close a sentence: they end one when a capital follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("a.s. e.a. e.d. enz. etc. o.i.d.".split())

LIST_MARKER = re.compile(r"[ \t]*(?:[-*•·‣▪◦●○–—]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[A-Z]\))[ \t]+")
SENTENCE_END = re.compile(r"(?:[.!?…]+)[\"'”’»)\]]*(?=\s|$)")
LAST_TOKEN = re.compile(r"\S+$")
DOTTED = re.compile(r"(?:\w{1,3}\.){2,}")
INITIAL = re.compile(r"[A-Z]\.")
OPENING = "\"'“‘«([„"
VOWEL_GROUP = re.compile(r"[äëïöü][aeiouyáéíóúàèâêîôû]*|[aeiouyáéíóúàèâêîôû]+")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    syllables: int

    @property
    def letters(self) -> int:
        return sum(c.isalpha() for c in self.text)

    @property
    def is_long(self) -> bool:
        return self.syllables >= LONG_WORD_SYLLABLES or self.letters >= LONG_WORD_LETTERS


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def word_count(self) -> int:
        return len(self.words)

    @property
    def is_long(self) -> bool:
        return self.word_count > LONG_SENTENCE_WORDS


@dataclass(frozen=True)
class Figures:
    """Counts of a text and the figures computed from them (0 for a text without words)."""

    sentences: int
    words: int
    syllables: int
    long_words: int
    long_sentences: int

    @property
    def average_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    @property
    def long_sentence_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else 0.0

    @property
    def long_word_percent(self) -> float:
        return 100 * self.long_word_share

    @property
    def long_sentence_percent(self) -> float:
        return 100 * self.long_sentence_share

    @property
    def flesch_douma(self) -> float:
        """206.84 − 0.77 × syllables per 100 words − 0.93 × average sentence length."""
        if not self.words:
            return 0.0
        return 206.84 - 0.77 * 100 * self.syllables_per_word - 0.93 * self.average_sentence_length


@dataclass(frozen=True)
class Check:
    """One condition of the verdict: `value` against `limit`."""

    name: str  # "flesch_douma", "average_sentence_length" or "long_word_share"
    value: float
    limit: float
    passed: bool


@dataclass(frozen=True)
class Verdict:
    checks: tuple[Check, ...]
    reliable: bool  # False for texts under RELIABLE_MIN_WORDS words

    @property
    def is_b1(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.passed)


@dataclass(frozen=True)
class Readability:
    text: str
    sentences: tuple[Sentence, ...]
    figures: Figures
    verdict: Verdict

    @property
    def long_words(self) -> list[Word]:
        return [word for sentence in self.sentences for word in sentence.words if word.is_long]


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    # left/right = 1: also allow one-letter syllables at the edges of a word ("i-dee").
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@lru_cache(maxsize=50_000)
def count_syllables(word: str) -> int:
    """Syllables of one word: pyphen's Dutch hyphenation, checked per part for missed vowels.

    Hyphenation patterns skip breaks that would leave one letter ("idee", "over", "vrije"), so
    each hyphenated part counts its vowel groups (with "j" as a consonant and "ë", "ï" starting a
    new syllable). Abbreviations without vowels ("BSN") count as one syllable.
    """
    word = unicodedata.normalize("NFC", word.lower())
    total = 0
    for part in re.split(r"[-'’]", word):
        if part:
            for piece in _hyphenator().inserted(part).split("-"):
                total += len(VOWEL_GROUP.findall(piece))
    return max(total, 1)


def words_in(text: str, start: int = 0, end: int | None = None) -> tuple[Word, ...]:
    """The words of text[start:end], with offsets into `text`."""
    end = len(text) if end is None else end
    return tuple(
        Word(start + m.start(), start + m.end(), m.group(), count_syllables(m.group()))
        for m in WORD.finditer(text[start:end])
        if any(c.isalpha() for c in m.group())
    )


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans that no sentence crosses: paragraphs, list items and lines that start anew."""
    blocks: list[list[int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        line_start, position = position, position + len(line)
        content = line.rstrip("\r\n")
        if not content.strip():
            blocks.append([])  # a blank line closes the block before it
            continue
        marker = LIST_MARKER.match(content)
        first = content.lstrip()[0]
        wrapped = not marker and first.islower() and blocks and blocks[-1]
        if wrapped:
            blocks[-1][1] = line_start + len(content)
        else:
            begin = line_start + (marker.end() if marker else len(content) - len(content.lstrip()))
            blocks.append([begin, line_start + len(content)])
    return [(b[0], b[1]) for b in blocks if b]


def _ends_sentence(block: str, match: re.Match) -> bool:
    rest = block[match.end() :].lstrip()
    following = rest[:1]
    punctuation = match.group().rstrip("\"'”’»)]")
    if punctuation != ".":  # "!", "?", "…", "..." and the like always end a sentence
        return True
    token = LAST_TOKEN.search(block[: match.start() + 1]).group().lstrip(OPENING)
    lowered = token.lower()
    if lowered in ABBREVIATIONS or INITIAL.fullmatch(token):
        return False
    if lowered in SENTENCE_FINAL_ABBREVIATIONS or DOTTED.fullmatch(lowered):
        return following.isupper()
    return not following.islower()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trimmed, in order; spans without words dropped."""
    spans = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        begin = 0
        for match in SENTENCE_END.finditer(block):
            if _ends_sentence(block, match):
                spans.append((block_start + begin, block_start + match.end()))
                begin = match.end()
        spans.append((block_start + begin, block_end))
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if start < end and any(c.isalpha() for c in text[start:end]):
            trimmed.append((start, end))
    return trimmed


def verdict(figures: Figures) -> Verdict:
    """Probably B1 when all three checks pass (limits: the constants at the top)."""
    checks = (
        Check(
            "flesch_douma",
            figures.flesch_douma,
            MIN_FLESCH_DOUMA,
            figures.flesch_douma >= MIN_FLESCH_DOUMA,
        ),
        Check(
            "average_sentence_length",
            figures.average_sentence_length,
            MAX_AVERAGE_SENTENCE_LENGTH,
            figures.average_sentence_length <= MAX_AVERAGE_SENTENCE_LENGTH,
        ),
        Check(
            "long_word_share",
            figures.long_word_share,
            MAX_LONG_WORD_SHARE,
            figures.long_word_share < MAX_LONG_WORD_SHARE,
        ),
    )
    return Verdict(checks=checks, reliable=figures.words >= RELIABLE_MIN_WORDS)


def analyse(text: str) -> Readability:
    sentences = tuple(
        Sentence(start, end, words_in(text, start, end)) for start, end in split_sentences(text)
    )
    sentences = tuple(s for s in sentences if s.words)
    words = [word for sentence in sentences for word in sentence.words]
    figures = Figures(
        sentences=len(sentences),
        words=len(words),
        syllables=sum(word.syllables for word in words),
        long_words=sum(word.is_long for word in words),
        long_sentences=sum(sentence.is_long for sentence in sentences),
    )
    return Readability(text=text, sentences=sentences, figures=figures, verdict=verdict(figures))
