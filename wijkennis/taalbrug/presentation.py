"""The analysis of a text as the page shows it: figures, verdict, policy terms and the marked text.

The marked text is built here with `format_html` rather than in a template, because every
character between the marks must come out exactly as written (a template's line breaks and
indentation would add spaces inside words and sentences). Every piece of the text is escaped.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import bridge, readability
from .bridge import TermMatch
from .readability import Readability, Sentence


@dataclass(frozen=True)
class TermSummary:
    """One policy term of the text, once, with how often it occurs."""

    label: str
    written: str  # how the text wrote it the first time
    kind: str
    everyday: tuple[str, ...]
    definitions: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Analysis:
    readability: Readability
    terms: tuple[TermMatch, ...]

    @property
    def figures(self) -> readability.Figures:
        return self.readability.figures

    @property
    def verdict(self) -> readability.Verdict:
        return self.readability.verdict

    @property
    def term_summary(self) -> list[TermSummary]:
        summary: dict[str, TermSummary] = {}
        for term in self.terms:
            known = summary.get(term.label)
            summary[term.label] = TermSummary(
                label=term.label,
                written=known.written if known else term.text,
                kind=term.kind,
                everyday=term.everyday,
                definitions=tuple(s.definition for s in term.suggestions if s.definition),
                count=known.count + 1 if known else 1,
            )
        return list(summary.values())

    @property
    def marked_text(self) -> SafeString:
        return marked_text(self.readability, self.terms)


def analyse_text(text: str) -> Analysis:
    result = readability.analyse(text)
    terms = tuple(
        term
        for sentence in result.sentences
        for term in bridge.find_policy_terms(text, sentence.start, sentence.end)
    )
    return Analysis(readability=result, terms=terms)


def _plain(text: str, line_breaks: bool = True) -> SafeString:
    """Escaped text; line breaks between sentences stay, inside a sentence they become spaces."""
    escaped = str(escape(text))
    escaped = escaped.replace("\n", "<br>") if line_breaks else escaped.replace("\n", " ")
    return mark_safe(escaped)  # noqa: S308 - escaped just above


def _term(text: str, term: TermMatch) -> str:
    plain = ""
    if term.everyday:
        plain = format_html(
            ' <span class="tb-term__plain">{}</span>',
            _("(in everyday words: %(words)s)") % {"words": " / ".join(term.everyday)},
        )
    return format_html(
        '<mark class="tb-term">{}</mark>{}', _plain(text[term.start : term.end], False), plain
    )


def _long_word(word: str) -> str:
    return format_html(
        '<span class="tb-long-word">{}<span class="visually-hidden"> {}</span></span>',
        word,
        _("(long word)"),
    )


def _sentence(text: str, sentence: Sentence, terms: list[TermMatch]) -> str:
    parts: list[str] = []
    position = sentence.start
    pieces = [(t.start, t.end, t) for t in terms]
    pieces += [
        (w.start, w.end, None)
        for w in sentence.words
        if w.is_long and not any(t.start <= w.start < t.end for t in terms)
    ]
    for start, end, term in sorted(pieces, key=lambda piece: piece[0]):
        parts.append(_plain(text[position:start], False))
        parts.append(_term(text, term) if term else _long_word(text[start:end]))
        position = end
    parts.append(_plain(text[position : sentence.end], False))
    inner = mark_safe("".join(parts))  # noqa: S308 - every part above is escaped
    if not sentence.is_long:
        return format_html('<span class="tb-sentence">{}</span>', inner)
    flag = ngettext(
        "Long sentence: %(count)s word", "Long sentence: %(count)s words", sentence.word_count
    ) % {"count": sentence.word_count}
    return format_html(
        '<span class="tb-sentence tb-sentence--long"><span class="tb-flag">{}</span> {}</span>',
        flag,
        inner,
    )


def marked_text(result: Readability, terms: tuple[TermMatch, ...]) -> SafeString:
    """The text as HTML: policy terms in <mark> with everyday words beside them, long words
    underlined (with hidden text for screen readers), long sentences flagged in words."""
    text = result.text
    parts: list[str] = []
    position = 0
    for sentence in result.sentences:
        parts.append(_plain(text[position : sentence.start]))
        inside = [t for t in terms if sentence.start <= t.start < sentence.end]
        parts.append(_sentence(text, sentence, inside))
        position = sentence.end
    parts.append(_plain(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or format_html
