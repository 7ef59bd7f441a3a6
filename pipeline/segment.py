"""Headings, the section tree, and sentences."""
from __future__ import annotations

import re

from pipeline.records import Sentence

# A sentence ends at 。！？； (full or half width) or at a line break; closing quotes and
# brackets that follow the stop stay with the sentence.
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』)）]*|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with offsets; blank stretches are skipped."""
    sentences: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        _append_trimmed(text, pos, end, sentences)
        pos = m.end()
    _append_trimmed(text, pos, len(text), sentences)
    return sentences


def _append_trimmed(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))
