"""make eval's scoring: multiset matching, the order misses are shown in, and the report."""
from __future__ import annotations

import json
import shutil

from conftest import CORPUS
from pipeline.evaluate import Score, run_eval, score_dev, worst_first


def test_multiset_scoring_counts_repeats():
    score = Score()
    matched = score.add("f", ["a", "a", "b"], ["a", "c"])
    assert (score.tp, score.fp, score.fn) == (1, 1, 2) and matched == {"a": 1}
    assert round(score.f1, 3) == round(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), 3)
    assert worst_first([("x", "1"), ("y", "1"), ("y", "2")])[:2] == [("y", "1"), ("y", "2")]


def test_scores_a_real_annotated_page_and_prints_the_targets(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    gold = {json.loads(line)["id"]: line for line in (CORPUS / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()}
    for folder, ids in (("dev", ["d001", "d010"]), ("docnums", ["m001"]), ("unlabeled", ["d121"])):
        (corpus / folder).mkdir(parents=True)
        for i in ids:
            for suffix in (".txt", ".txt.meta.json"):
                shutil.copyfile(CORPUS / folder / f"{i}{suffix}", corpus / folder / f"{i}{suffix}")
    (corpus / "dev" / "gold.jsonl").write_text(gold["d001"] + "\n" + gold["d010"] + "\n", encoding="utf-8")
    docnums_gold = (CORPUS / "docnums" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    (corpus / "docnums" / "gold.jsonl").write_text(next(l for l in docnums_gold if '"m001"' in l) + "\n", encoding="utf-8")

    scores = score_dev(corpus / "dev")
    assert scores["report_year"].right == 2 and scores["metrics"].tp >= 2
    assert run_eval(corpus, worst=2) == 0
    out = capsys.readouterr().out
    assert out.rstrip().splitlines()[-1].startswith("== issue targets:")
    assert "metrics                P" in out and "== worst misses" in out
