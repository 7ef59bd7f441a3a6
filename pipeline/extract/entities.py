"""Organizations (ORG) and roles (ROLE) named in a report.

See `pipeline.extract.entity_rules` for the idea: a head found by one regex, extended to the
left only over known prefix pieces (places, level words, domains), so spans never take verbs.
Pure regex and set look-ups: about a millisecond per thousand characters.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import entity_rules as R
from pipeline.patterns import is_han
from pipeline.places import TOWNSHIP_SUFFIXES, division_index
from pipeline.records import Entity


def _not_before(words) -> str:
    return f"(?!{'|'.join(map(re.escape, words))})" if words else ""


def _head_pattern() -> re.Pattern[str]:
    alts: list[tuple[str, str]] = []
    for h in R.ORG_HEADS_STANDALONE + R.ORG_HEADS_NEED_PREFIX:
        guard = R.SINGLE_CHAR_HEAD_NOT_BEFORE.get(h, "")
        words = ([f"[{re.escape(guard)}]"] if guard else []) + [re.escape(w) for w in R.HEAD_NOT_BEFORE.get(h, ())]
        alts.append((h, re.escape(h) + (f"(?!{'|'.join(words)})" if words else "")))
    alts += [(h, re.escape(h)) for h in R.ROLE_HEADS]
    alts += [(s, re.escape(s) + _not_before(R.HEAD_NOT_BEFORE.get(s, ()))) for s in TOWNSHIP_SUFFIXES]
    alts.sort(key=lambda a: -len(a[0]))
    return re.compile("|".join(p for _, p in alts))


_HEADS = _head_pattern()
_ROLE_HEADS = set(R.ROLE_HEADS)
_STANDALONE = set(R.ORG_HEADS_STANDALONE)
_TOWNSHIP = set(TOWNSHIP_SUFFIXES)
_PIECES = set(R.DOMAIN_WORDS) | set(R.PARTY_PREFIXES)
_LEVELS = set(R.LEVEL_WORDS)
_TOWNSHIP_THEN_HEAD = re.compile("|".join(map(re.escape, sorted(TOWNSHIP_SUFFIXES, key=len, reverse=True))))
_FREE_NAME = set(R.FREE_NAME_HEADS)
# a bare body right before a role (办公室主任): the role takes it
_HEAD_BEFORE = re.compile(
    "(?:" + "|".join(map(re.escape, sorted((h for h in R.ORG_HEADS_NEED_PREFIX if len(h) > 1), key=len, reverse=True))) + ")$"
)
_FREE_CUT = re.compile("|".join(map(re.escape, sorted(R.FREE_NAME_CUT_AFTER, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """County-level and higher names of the division data (北碚区, 重庆市 …), as pipeline.places reads it."""
    index = division_index()
    divisions = [d for group in (*index.counties.values(), *index.cities.values()) for d in group]
    names = {name for d in divisions for name in (d.province, d.city, d.county)}
    return frozenset(n for n in names if len(n) >= 2 and n != "市辖区")


def _township_name_start(text: str, suffix_start: int) -> int | None:
    """Start of a 2–3 character township name ending at `suffix_start` (复兴|街道), or None."""
    for n in R.TOWNSHIP_NAME_LEN:
        s = suffix_start - n
        if s < 0:
            break
        name = text[s:suffix_start]
        if not all(is_han(ch) for ch in name) or any(ch in R.TOWNSHIP_NAME_BAD_CHARS for ch in name):
            continue
        after_place = s > 0 and _piece_ends_at(text, s)
        if name[-1] in R.TOWNSHIP_NAME_BAD_END and not after_place:  # 新型城镇; but 微山县两城镇
            continue
        before = text[s - 1] if s > 0 else " "
        if not is_han(before) or before in R.LEVEL_BOUNDARY_CHARS or after_place:
            return s
    return None


def _anchored_townships(text: str) -> set[str]:
    """Township names written as a body (复兴街道办事处) or after a place (北碚区复兴街道)."""
    names: set[str] = set()
    for m in _TOWNSHIP_THEN_HEAD.finditer(text):
        s = _township_name_start(text, m.start())
        if s is None:
            continue
        after = m.end()
        head = _HEADS.match(text, after)
        if (head and head.group() not in _TOWNSHIP) or (s > 0 and _piece_ends_at(text, s)):
            names.add(text[s:m.end()])
    return names


def _extend_left(text: str, pos: int, townships: set[str] | None = None) -> int:
    """Move `pos` left over prefix pieces (places, townships, level and domain words)."""
    places = _place_names()
    while pos > 0:
        best = 0
        for n in range(min(R.MAX_PIECE_LEN, pos), 0, -1):
            piece = text[pos - n:pos]
            if piece in _PIECES or piece in places:
                best = n
                break
            if piece in _LEVELS:
                if piece in _TOWNSHIP:
                    t = _township_name_start(text, pos - n)
                    if t is not None and (townships is None or text[t:pos] in townships):
                        best = pos - t
                        break
                if text[pos - n - 1:pos] not in R.LEVEL_GLUED_WORDS:
                    best = n
                    break
        if not best:
            break
        pos -= best
    return pos


def _free_name_start(text: str, head_start: int) -> int:
    """Start of a free-text name before 委员会/领导小组, back to a boundary and past verbs."""
    s = head_start
    floor = max(0, head_start - R.FREE_NAME_MAX_LEN)
    while s > floor and is_han(text[s - 1]) and text[s - 1] not in R.LEVEL_BOUNDARY_CHARS:
        s -= 1
    if s == floor and s > 0 and is_han(text[s - 1]) and text[s - 1] not in R.LEVEL_BOUNDARY_CHARS:
        return head_start  # no boundary in reach: do not guess
    last_cut = None
    for m in _FREE_CUT.finditer(text, s, head_start):
        last_cut = m.end()
    return last_cut if last_cut is not None else s


def _piece_ends_at(text: str, end: int) -> bool:
    places = _place_names()
    for n in range(min(R.MAX_PIECE_LEN, end), 0, -1):
        piece = text[end - n:end]
        if piece in _PIECES or piece in places or piece in _LEVELS:
            return True
    return False


def extract_entities(text: str) -> list[Entity]:
    """Every organization and role in `text`, without overlaps, in text order."""
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int, str]] = []
    townships = _anchored_townships(text)
    for m in _HEADS.finditer(text):
        head = m.group()
        hs, he = m.span()
        if head in _ROLE_HEADS:
            continue  # roles are joined below, once organizations are known
        if head in _TOWNSHIP:
            t = _township_name_start(text, hs)
            if t is not None and text[t:he] in townships:
                spans.append((_extend_left(text, t, townships), he, "ORG"))
            continue
        start = _extend_left(text, hs, townships)
        if head in _FREE_NAME:  # 市委全面依法治市委员会: the free name goes on past the prefix
            start = _free_name_start(text, start)
        if start < hs or head in _STANDALONE:
            spans.append((start, he, "ORG"))
    orgs = _resolve(spans)
    orgs = _chain(text, orgs)
    org_by_end = {e: s for s, e, _ in orgs}
    roles: list[tuple[int, int, str]] = []
    for m in _HEADS.finditer(text):
        if m.group() not in _ROLE_HEADS:
            continue
        hs, he = m.span()
        start = org_by_end.get(hs)
        if start is None:
            before = _HEAD_BEFORE.search(text, max(0, hs - R.MAX_PIECE_LEN), hs)
            start = before.start() if before else _extend_left(text, hs, townships)
        roles.append((start, he, "ROLE"))
    # a role absorbs the organization it is written with; otherwise organizations win
    final = _resolve(roles + orgs, prefer_label="ROLE")
    return [Entity(text[s:e], label, s, e) for s, e, label in final if e > s]


def _resolve(spans: list[tuple[int, int, str]], prefer_label: str = "") -> list[tuple[int, int, str]]:
    """Non-overlapping spans, longest first (ties: `prefer_label`)."""
    ranked = sorted(spans, key=lambda x: (-(x[1] - x[0]), x[2] != prefer_label, x[0]))
    taken: list[tuple[int, int, str]] = []
    for s, e, label in ranked:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, label))
    return sorted(taken)


def _chain(text: str, orgs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """北碚区人民政府 + 复兴街道办事处 written together name one body."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in orgs:
        if out and out[-1][1] == s and text[out[-1][0]:out[-1][1]].endswith(R.ORG_CHAIN_ENDS):
            out[-1] = (out[-1][0], e, label)
        else:
            out.append((s, e, label))
    return out
