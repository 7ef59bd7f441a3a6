"""Build the final normalized text from blocks, keeping heading offsets right."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.normalize import normalize_text

# Paragraphs are separated by a blank line, as on the pages the corpus was copied from;
# the lines of one block (table rows, a header block) by a single newline.
PARAGRAPH_SEPARATOR = "\n\n"
LINE_SEPARATOR = "\n"


@dataclass
class Block:
    text: str
    heading_level: int | None = None  # 0 = the document title, 1.. = heading levels
    tight: bool = False  # joined to the previous block by a single newline (table rows)


def assemble(blocks: list[Block]) -> tuple[str, list[tuple[int, int, int]]]:
    """Join blocks into normalized text; return it with (start, end, level) heading hints."""
    parts: list[str] = []
    hints: list[tuple[int, int, int]] = []
    pos = 0
    for block in blocks:
        piece = normalize_text(block.text)
        if not piece:
            continue
        if parts:
            sep = LINE_SEPARATOR if block.tight else PARAGRAPH_SEPARATOR
            parts.append(sep)
            pos += len(sep)
        if block.heading_level is not None and "\n" not in piece:
            hints.append((pos, pos + len(piece), block.heading_level))
        parts.append(piece)
        pos += len(piece)
    text = "".join(parts)
    if normalize_text(text) != text:  # cannot happen for stripped, non-empty pieces; be safe
        text = normalize_text(text)
        hints = []
    return text, hints
