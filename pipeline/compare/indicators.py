"""Canonical indicators: the catalog (indicators.toml) and the rules that map a metric onto it.

`classify_indicator(subject, sentence, unit)` is a pure function over one metric: the subject
(what is counted), the sentence it stands in and its unit. The catalog's rules look at the
subject first, then at the clause of the sentence that holds the subject (so that 排查 in one
clause does not leak into the 化解 figure of the next) and, where a rule says so, at the whole
sentence. The first indicator whose rules all hold wins; a metric that no rule claims stays
unclassified ("") — precision matters more than coverage, because a wrong code puts a figure
into the wrong comparison.
"""
from __future__ import annotations

import functools
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.normalize import to_simplified

CATALOG_PATH = Path(__file__).with_name("indicators.toml")

# Clause boundaries inside a sentence: a clause is the stretch between these marks; a phrase is
# a clause cut at list commas (、) too, so that one list item's words do not exclude the next.
_CLAUSE_BREAKS = re.compile(r"[，,；;：:。！？!?\n]")
_PHRASE_BREAKS = re.compile(r"[，,；;：:。！？!?\n、]")
# A figure: Arabic or Chinese numerals (the metric's number is next to its subject).
_NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万]+")
# Titles (《…》) name documents; a subject found inside one is not the thing counted.
_TITLE = re.compile(r"《[^》]*》")


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    units: frozenset[str]
    part: str
    topic: str
    subject: tuple[re.Pattern, ...]
    context: tuple[re.Pattern, ...] = ()
    sentence: tuple[re.Pattern, ...] = ()
    exclude: tuple[re.Pattern, ...] = ()
    exclude_subject: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True)
class Catalog:
    version: str
    indicators: tuple[Indicator, ...]
    by_code: dict = field(default_factory=dict, compare=False, hash=False)


def _patterns(entry: dict, key: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in entry.get(key, ()))


@functools.lru_cache(maxsize=4)
def load_catalog(path: str | Path = CATALOG_PATH) -> Catalog:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    items: list[Indicator] = []
    first: dict[str, dict] = {}
    for e in data.get("indicator", []):
        head = first.setdefault(e["code"], e)  # later blocks of a code inherit its name, unit, part
        items.append(Indicator(
            code=e["code"], name=head["name"], unit=head.get("unit", ""),
            units=frozenset(e.get("units", head.get("units", ()))),
            part=head.get("part", "achievements"), topic=head.get("topic", ""),
            subject=_patterns(e, "subject"), context=_patterns(e, "context"),
            sentence=_patterns(e, "sentence"), exclude=_patterns(e, "exclude"),
            exclude_subject=_patterns(e, "exclude_subject"),
        ))
    by_code: dict[str, Indicator] = {}
    for i in items:
        by_code.setdefault(i.code, i)
    return Catalog(version=str(data.get("version", "")), indicators=tuple(items), by_code=by_code)


def _span(text: str, start: int, end: int, breaks: re.Pattern) -> str:
    starts = [m.end() for m in breaks.finditer(text, 0, start)]
    m = breaks.search(text, end)
    return text[(starts[-1] if starts else 0):(m.start() if m else len(text))]


def _subject_position(subject: str, sentence: str) -> int:
    """Where the subject stands in the sentence: of its occurrences outside 《》 titles, the
    one closest to a numeral in its own clause (a sentence may name a thing twice)."""
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(sentence)]
    best, best_dist = -1, None
    i = sentence.find(subject)
    while i >= 0:
        end = i + len(subject)
        if not any(a <= i < b for a, b in titles):
            clause_start = max([m.end() for m in _CLAUSE_BREAKS.finditer(sentence, 0, i)] or [0])
            m = _CLAUSE_BREAKS.search(sentence, end)
            clause_end = m.start() if m else len(sentence)
            dists = [min(abs(n.start() - end), abs(i - n.end()))
                     for n in _NUMERAL.finditer(sentence, clause_start, clause_end)
                     if n.end() <= i or n.start() >= end]
            dist = min(dists) if dists else 10**6
            if best_dist is None or dist < best_dist:
                best, best_dist = i, dist
        i = sentence.find(subject, i + 1)
    return best


def clause_of(subject: str, sentence: str, breaks: re.Pattern = _CLAUSE_BREAKS) -> str:
    """The clause of `sentence` that holds `subject` (the subject itself when it is not there)."""
    if not subject:
        return ""
    i = _subject_position(subject, sentence)
    if i < 0:
        return subject
    return _span(sentence, i, i + len(subject), breaks)


def _any(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def classify_indicator(subject: str, sentence: str, unit: str) -> str:
    """The canonical indicator code of one metric, or "" when no catalog rule claims it."""
    subject = to_simplified((subject or "").strip())
    sentence = to_simplified(sentence or "")
    unit = to_simplified((unit or "").strip())
    if not subject:
        return ""
    clause = clause_of(subject, sentence)
    phrase = clause_of(subject, sentence, _PHRASE_BREAKS)
    for ind in load_catalog().indicators:
        if ind.units and unit not in ind.units:
            continue
        if not _any(ind.subject, subject):
            continue
        if ind.context and not _any(ind.context, clause):
            continue
        if ind.sentence and not _any(ind.sentence, sentence):
            continue
        if ind.exclude and (_any(ind.exclude, subject) or _any(ind.exclude, phrase)):
            continue
        if ind.exclude_subject and _any(ind.exclude_subject, subject):
            continue
        return ind.code
    return ""


def score_indicators(pairs_path: str | Path) -> dict:
    """Score `classify_indicator` against annotated metric→indicator pairs (JSON lines).

    Each pair: subject, sentence, unit and the gold `indicator` ("" where none applies).
    precision: of the metrics the rules classify, the share given the right code;
    recall: of the metrics that have a gold code, the share given that code;
    coverage: the share of all annotated metrics that get a code.
    """
    pairs = [json.loads(line) for line in Path(pairs_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = right = gold_coded = found = 0
    errors = []
    for p in pairs:
        got = classify_indicator(p.get("subject", ""), p.get("sentence", ""), p.get("unit", ""))
        gold = p.get("indicator", "")
        if got:
            predicted += 1
            right += got == gold
        if gold:
            gold_coded += 1
            found += got == gold
        if got != gold:
            errors.append({"id": p.get("id", ""), "subject": p.get("subject", ""), "raw": p.get("raw", ""),
                           "gold": gold, "got": got})
    return {
        "pairs": len(pairs),
        "predicted": predicted,
        "precision": right / predicted if predicted else 1.0,
        "recall": found / gold_coded if gold_coded else 1.0,
        "coverage": predicted / len(pairs) if pairs else 0.0,
        "gold_coverage": gold_coded / len(pairs) if pairs else 0.0,
        "catalog_version": load_catalog().version,
        "errors": errors,
    }
