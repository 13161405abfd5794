"""Turning a text and its spans into pieces a template can highlight."""

from dataclasses import dataclass


@dataclass
class Part:
    text: str
    span: object | None = None


def highlighted(text: str, spans) -> list[Part]:
    """Split `text` into plain parts and span parts, in order (spans must not overlap)."""
    parts, position = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > position:
            parts.append(Part(text[position : span.start]))
        parts.append(Part(text[span.start : span.end], span))
        position = span.end
    if position < len(text):
        parts.append(Part(text[position:]))
    return parts
