"""Snippets with the matched words marked, and which expansion made a result match."""

from html import escape
from itertools import islice

from django.utils.safestring import SafeString, mark_safe

from . import text
from .expansion import Term


def body_stems(body: str) -> list[str]:
    """The stem of every word, in order: one pass in C, the stems from a cache."""
    return list(map(text.stem, text.WORD.findall(body)))


def snippet(body: str, terms: list[Term], width: int = 30, stems=None) -> SafeString:
    """About `width` words around the first match, matched words in <mark> (HTML-escaped;
    the standard library's escape, as Django's, without its per-call wrapper).

    `stems` are `body_stems(body)` when the caller has them already.
    """
    wanted = {stem for term in terms for stem in term.stems}
    stems = body_stems(body) if stems is None else stems
    if not stems:
        return mark_safe("")  # noqa: S308 - empty string
    first = next((i for i, stem in enumerate(stems) if stem in wanted), 0)
    start = max(0, first - width // 3)
    end = min(len(stems), start + width)
    # Only the words shown need their place in the text.
    shown = islice(text.WORD.finditer(body), start, end)
    pieces, position = [], None
    for match, stem in zip(shown, stems[start:end], strict=True):
        if position is not None:
            pieces.append(escape(body[position : match.start()]))
        word = escape(match.group())
        pieces.append(f"<mark>{word}</mark>" if stem in wanted else word)
        position = match.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(stems) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every part escaped


def matched_via(stems: list[str], expansions: list[Term]) -> list[tuple[str, str]]:
    """(query words, vocabulary label) for each expansion whose stems occur in `stems`.

    A phrase is compared without function words, as the index stores it.
    """
    present = set(stems)
    meaningful = [stem for stem in stems if stem not in _STOP_STEMS]
    phrases: dict[int, set[tuple[str, ...]]] = {}
    found = []
    for term in expansions:
        size = len(term.stems)
        if size == 1:
            hit = term.stems[0] in present
        else:
            if size not in phrases:
                phrases[size] = set(zip(*(meaningful[i:] for i in range(size)), strict=False))
            hit = term.stems in phrases[size]
        if hit:
            found.append((term.via, term.label))
    return found


_STOP_STEMS = {text.stem(word) for word in text.STOPWORDS}
