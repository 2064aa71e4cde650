"""``conflictnlp evaluate stories``: grouping and disagreements of ``compare`` against a gold file.

Gold format, one story a line (JSONL)::

    {"id": "bryansk-depot",
     "articles": [{"id": "a1", "source": "Northline Wire", "published": "2023-05-12", "title": "...", "text": "..."}],
     "incidents": [["a1", "a2"], ["a3"]],          // optional: default, all articles are one incident
     "disagreements": [{"kind": "distance", "match": "border", "articles": ["a1", "a2"]}],
     "traps": [{"kind": "stance", "match": "", "articles": ["a1", "a2"], "why": "paraphrase"}]}

A predicted disagreement matches a gold one (one to one, greedily) when it has the same
``kind``, ``match`` occurs (case-insensitively) in its ``about`` or in one of its values' texts,
and it shares at least two articles with the gold's (one, when the prediction is within one
article). Gold marked ``"optional": true`` is true but not required: matching it is no false
positive, missing it no false negative. A prediction left unmatched is invented (a false
positive); one that matches a trap (paraphrases of one statement, unrelated statements) is
counted as invented and listed. Grouping is scored on pairs of articles: a pair is positive when
both are in one predicted story, true when both are in one gold incident.

All articles of the selected part are compared in one run, so a story can also be split or
joined with another gold story's articles.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from .scoring import PRF, format_table, numbered_records

if TYPE_CHECKING:
    from ..stories.similarity import Mode


def _articles(story: dict[str, Any]) -> set[str]:
    return {a["id"] for a in story["articles"]}


def _matches(predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    if predicted["kind"] != gold["kind"]:
        return False
    needle = (gold.get("match") or "").lower()
    texts = [predicted.get("about") or ""] + [v.get("text") or "" for v in predicted["values"]]
    if needle and not any(needle in t.lower() for t in texts):
        return False
    involved = {v["article"] for v in predicted["values"]}
    return len(involved & set(gold["articles"])) >= min(2, len(involved))


def score_story(predicted: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    """Disagreements of the predicted stories over one gold story's articles, scored."""
    wanted = [g for g in gold.get("disagreements", ())]
    found, invented, traps = [], [], []
    free = list(wanted)
    for d in predicted:
        hit = next((g for g in free if _matches(d, g)), None)
        if hit is not None:
            free.remove(hit)
            if not hit.get("optional"):
                found.append(d)
            continue
        trap = next((t for t in gold.get("traps", ()) if _matches(d, t)), None)
        invented.append(d)
        if trap is not None:
            traps.append({"story": gold["id"], "why": trap.get("why", ""), "kind": d["kind"], "about": d["about"]})
    missed = [g for g in free if not g.get("optional")]
    return {"found": found, "invented": invented, "missed": missed, "traps": traps}


def _pairs(groups: list[set[str]]) -> set[tuple[str, str]]:
    return {(a, b) for g in groups for a, b in itertools.combinations(sorted(g), 2)}


def score(stories: dict[str, Any], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores of ``compare``'s output (the ``Stories`` dict) against gold stories."""
    disagreements, grouping = PRF(), PRF()
    kinds: dict[str, PRF] = {}
    details = []
    predicted_groups = [set(s["articles"]) for s in stories["stories"]]
    gold_groups = [set(i) for g in gold for i in (g.get("incidents") or [sorted(_articles(g))])]
    true_pairs, predicted_pairs = _pairs(gold_groups), _pairs(predicted_groups)
    grouping.add(len(true_pairs & predicted_pairs), len(predicted_pairs - true_pairs), len(true_pairs - predicted_pairs))
    for g in gold:
        ids = _articles(g)
        predicted = [
            d for s in stories["stories"] for d in s["disagreements"] if {v["article"] for v in d["values"]} & ids
        ]
        result = score_story(predicted, g)
        disagreements.add(len(result["found"]), len(result["invented"]), len(result["missed"]))
        for name, items in (("tp", result["found"]), ("fp", result["invented"]), ("fn", result["missed"])):
            for item in items:
                kinds.setdefault(item["kind"], PRF()).add(**{name: 1})
        details.append(
            {
                "story": g["id"],
                "invented": [f"{d['kind']}: {d['about']}" for d in result["invented"]],
                "missed": [f"{d['kind']}: {d.get('match', '')} {d['articles']}" for d in result["missed"]],
                "traps": result["traps"],
            }
        )
    return {
        "stories": len(gold),
        "articles": sum(len(g["articles"]) for g in gold),
        "disagreements": disagreements.as_dict(),
        "by_kind": {k: v.as_dict() for k, v in sorted(kinds.items())},
        "grouping_pairs": grouping.as_dict(),
        "details": details,
    }


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, part: str = "all", similarity: Mode = "lexical") -> dict:
    """Extract every gold article, compare them all, score; returns the report ``render`` prints."""
    import conflictnlp

    from ..pipeline import process
    from ..reading import ArticleInput

    stories_gold = [record for _, record in numbered_records(gold, limit, part)]
    nlp = conflictnlp.load(model) if model else conflictnlp.load()
    inputs = [
        ArticleInput(text=a["text"], id=a["id"], source=a.get("source"), published=a.get("published"), title=a.get("title"))
        for g in stories_gold
        for a in g["articles"]
    ]
    records = list(process(inputs, nlp))
    stories = conflictnlp.compare(records, similarity=similarity).to_dict()
    report = score(stories, stories_gold)
    report["similarity"] = similarity
    return report


def render(report: dict) -> str:
    """The report as text: the scores, then what was invented, missed or fell into a trap."""
    rows = [["disagreements", *_row(report["disagreements"])]]
    rows += [[f"  {kind}", *_row(s)] for kind, s in report["by_kind"].items()]
    rows.append(["grouping (article pairs)", *_row(report["grouping_pairs"])])
    header = f"stories: {report['stories']} gold stories, {report['articles']} articles, similarity {report.get('similarity')}\n"
    lines = []
    for d in report["details"]:
        for kind, items in (("invented", d["invented"]), ("missed", d["missed"])):
            lines += [f"  {d['story']}: {kind} {item}" for item in items]
        lines += [f"  {d['story']}: trap fired ({t['why']}): {t['kind']}: {t['about']}" for t in d["traps"]]
    return header + format_table(rows, ["", "P", "R", "F1", "tp", "fp", "fn"]) + ("\n" + "\n".join(lines) if lines else "")


def _row(s: dict) -> list:
    return [s["precision"], s["recall"], s["f1"], s["tp"], s["fp"], s["fn"]]
