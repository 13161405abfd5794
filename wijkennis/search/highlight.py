"""Snippets with the matched words marked, and which expansion made a result match."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text
from .expansion import Term

Token = tuple[int, int, str]  # start, end, stem


def tokens(body: str) -> list[Token]:
    return [(m.start(), m.end(), text.stem(m.group())) for m in text.WORD.finditer(body)]


def snippet(body: str, terms: list[Term], width: int = 30, body_tokens=None) -> SafeString:
    """About `width` words around the first match, matched words in <mark> (HTML-escaped)."""
    wanted = {stem for term in terms for stem in term.stems}
    body_tokens = tokens(body) if body_tokens is None else body_tokens
    if not body_tokens:
        return mark_safe("")  # noqa: S308 - empty string
    first = next((i for i, token in enumerate(body_tokens) if token[2] in wanted), 0)
    start = max(0, first - width // 3)
    end = min(len(body_tokens), start + width)
    pieces, position = [], body_tokens[start][0]
    for token_start, token_end, stem in body_tokens[start:end]:
        pieces.append(escape(body[position:token_start]))
        word = escape(body[token_start:token_end])
        pieces.append(f"<mark>{word}</mark>" if stem in wanted else word)
        position = token_end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(body_tokens) else ""
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
