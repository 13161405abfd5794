"""Snippets with the matched words marked, and which expansion made a result match."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text
from .expansion import Term


def _stem_positions(body: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), text.stem(m.group())) for m in text.WORD.finditer(body)]


def snippet(body: str, terms: list[Term], width: int = 30) -> SafeString:
    """About `width` words around the first match, matched words in <mark> (HTML-escaped)."""
    wanted = {stem for term in terms for stem in term.stems}
    tokens = _stem_positions(body)
    hits = [i for i, (_s, _e, stem) in enumerate(tokens) if stem in wanted]
    if not tokens:
        return mark_safe("")  # noqa: S308 - empty string
    first = hits[0] if hits else 0
    start = max(0, first - width // 3)
    end = min(len(tokens), start + width)
    pieces, position = [], tokens[start][0]
    for index in range(start, end):
        token_start, token_end, stem = tokens[index]
        pieces.append(escape(body[position:token_start]))
        word = escape(body[token_start:token_end])
        pieces.append(f"<mark>{word}</mark>" if stem in wanted else word)
        position = token_end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every part escaped


def matched_via(document_text: str, expansions: list[Term]) -> list[tuple[str, str]]:
    """(query words, vocabulary label) for each expansion that occurs in the document."""
    present = [stem for _s, _e, stem in _stem_positions(document_text)]
    present_set = set(present)
    found = []
    for term in expansions:
        if len(term.stems) == 1:
            hit = term.stems[0] in present_set
        else:
            meaningful = [s for s in present if s not in _STOP_STEMS]
            n = len(term.stems)
            hit = any(tuple(meaningful[i : i + n]) == term.stems for i in range(len(meaningful)))
        if hit:
            found.append((term.via, term.label))
    return found


_STOP_STEMS = {text.stem(word) for word in text.STOPWORDS}
