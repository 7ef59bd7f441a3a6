"""Text reuse: pairs of reports that share sentences or long passages.

Sentences are normalized (the report's own place names removed, digits folded to 0, punctuation
and spaces dropped) so that a report copied from a neighbour's or last year's, with the names
and figures changed, still matches. MinHash LSH over character shingles of whole reports finds
candidate pairs without comparing every pair; shared sentences are then matched exactly and
consecutive ones merged into passages. Sentences that most reports share (boilerplate such as
现将有关情况报告如下) are not counted as reuse.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd
from datasketch import MinHash, MinHashLSH

from pipeline.tables import compare_columns

MIN_SENTENCE_CHARS = 15     # shorter sentences are headings and set phrases
SHINGLE = 5                 # characters per shingle for MinHash
NUM_PERM = 64
LSH_THRESHOLD = 0.2         # candidate pairs: estimated Jaccard of shingle sets at least this
MIN_SHARED_CHARS = 100      # a pair is reported from this much shared (normalized) text
BOILERPLATE_SHARE = 0.5     # a sentence in more than this share of reports (and >= 4) is boilerplate

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_DIGITS = re.compile(r"[0-9]+(\.[0-9]+)?")


@dataclass
class Sentence:
    start: int
    end: int
    key: str  # normalized text


def sentences(text: str, own_names: list[str]) -> list[Sentence]:
    out, start = [], 0
    names = sorted({n for n in own_names if n and len(n) >= 2}, key=len, reverse=True)
    for m in list(_SENTENCE_END.finditer(text)) + [None]:
        end = m.end() if m else len(text)
        raw = text[start:end]
        key = raw
        for n in names:
            key = key.replace(n, "")
        key = _DROP.sub("", _DIGITS.sub("0", key))
        if len(key) >= MIN_SENTENCE_CHARS:
            lead = len(raw) - len(raw.lstrip())
            out.append(Sentence(start + lead, end, key))
        start = end
        if m is None:
            break
    return out


def _own_names(doc) -> list[str]:
    names = [doc.township, doc.county, doc.city, doc.issuer]
    short = [re.sub(r"(街道办事处|街道|办事处|镇人民政府|乡人民政府|人民政府|镇|乡)$", "", n or "") for n in names]
    return [n for n in names + short if n]


def find_reuse(docs: pd.DataFrame, texts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    pair_cols, passage_cols = compare_columns("reuse_pairs"), compare_columns("reuse_passages")
    text_of = dict(zip(texts["doc_id"], texts["text"]))
    meta = {d.doc_id: d for d in docs.itertuples()}
    sents: dict[str, list[Sentence]] = {}
    for doc_id in sorted(meta):
        text = text_of.get(doc_id) or ""
        sents[doc_id] = sentences(text, _own_names(meta[doc_id]))
    df = defaultdict(int)
    for ss in sents.values():
        for key in {s.key for s in ss}:
            df[key] += 1
    limit = max(4, BOILERPLATE_SHARE * len(sents))
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for doc_id, ss in sents.items():
        body = "".join(s.key for s in ss if df[s.key] <= limit)
        if len(body) < MIN_SHARED_CHARS:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=7)
        mh.update_batch([body[i:i + SHINGLE].encode() for i in range(len(body) - SHINGLE + 1)])
        hashes[doc_id] = mh
        lsh.insert(doc_id, mh)
    candidates = sorted({tuple(sorted((a, b))) for a in hashes for b in lsh.query(hashes[a]) if a != b})
    pairs, passages = [], []
    for a, b in candidates:
        keys_b = defaultdict(list)
        for j, s in enumerate(sents[b]):
            keys_b[s.key].append(j)
        matches = [(i, keys_b[s.key][0]) for i, s in enumerate(sents[a]) if s.key in keys_b and df[s.key] <= limit]
        shared_chars = sum(len(sents[a][i].key) for i, _ in matches)
        if shared_chars < MIN_SHARED_CHARS:
            continue
        runs, run = [], [matches[0]]
        for prev, cur in zip(matches, matches[1:]):
            if cur[0] == prev[0] + 1 and cur[1] == prev[1] + 1:
                run.append(cur)
            else:
                runs.append(run)
                run = [cur]
        runs.append(run)
        total_a = sum(len(s.key) for s in sents[a]) or 1
        total_b = sum(len(s.key) for s in sents[b]) or 1
        shared_b = sum(len(sents[b][j].key) for j in {j for _, j in matches})
        da, db = meta[a], meta[b]
        longest = 0
        for r in runs:
            sa, sb = sents[a][r[0][0]], sents[b][r[0][1]]
            ea, eb = sents[a][r[-1][0]], sents[b][r[-1][1]]
            chars = sum(len(sents[a][i].key) for i, _ in r)
            longest = max(longest, chars)
            passages.append({"doc_a": a, "doc_b": b, "a_start": sa.start, "a_end": ea.end, "b_start": sb.start,
                             "b_end": eb.end, "chars": chars, "text_a": text_of[a][sa.start:ea.end]})
        pairs.append({"doc_a": a, "doc_b": b, "place_a": da.place, "place_b": db.place,
                      "year_a": da.report_year, "year_b": db.report_year, "same_place": da.place == db.place,
                      "shared_sentences": len(matches), "shared_chars": shared_chars,
                      "share_a": round(shared_chars / total_a, 4), "share_b": round(min(1.0, shared_b / total_b), 4),
                      "n_passages": len(runs), "longest_passage": longest})
    pair_df = pd.DataFrame(pairs, columns=pair_cols)
    if not pair_df.empty:
        pair_df = pair_df.sort_values(["share_a", "doc_a", "doc_b"], ascending=[False, True, True]).reset_index(drop=True)
    return pair_df, pd.DataFrame(passages, columns=passage_cols)
