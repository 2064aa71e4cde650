"""``conflictnlp evaluate places``: toponym detection and resolution against LGL-style gold.

Gold records (JSONL) have ``text`` and ``toponyms``: ``span`` [start, end) plus, where the
annotators resolved it, ``lat``/``lon`` (GeoNames). Scores:

* detection P/R/F1, a prediction matching a gold span when they overlap (one to one);
* the same with gold demonyms left out ("Sudanese", "Egyptian"): LGL annotates adjectives of
  people as toponyms, which this library by design does not (only "Russian soil"-like uses);
* accuracy@161km on gold spans: the gold span strings resolved in their article's context
  (the resolver sees the other gold spans, not our detections);
* accuracy@161km end to end: gold toponyms with coordinates whose overlapping prediction lies
  within 161 km (missed ones count as wrong).

Conflict gold (``tests/fixtures/places_conflict_dev.jsonl``) adds, per toponym, ``country``
(ISO alpha-2), and per record ``not_places``: spans of organisations, media, alliances,
directions and people named like places (``kind`` says which). Then also:

* found with the right country: gold toponyms with a country whose overlapping prediction has
  that country code (missed ones count as wrong);
* not-places made places: predictions overlapping a ``not_places`` span, by kind (the target is 0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from spacy.language import Language

import conflictnlp

from ..pipeline import make_doc
from ..places.gazetteer import distance_km, get_gazetteer
from ..places.matcher import PlaceMatcher
from ..places.resolve import Resolver
from ..reading.sources import read_record
from .scoring import PRF, article_errors, errors_warning, format_table, numbered_records

ACCURACY_KM = 161.0  # 100 miles, the customary geoparsing threshold


def _overlap_pairs(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs of overlapping spans, greedily by overlap."""
    candidates = []
    for i, (ps, pe) in enumerate(predicted):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _correct(lat: Optional[float], lon: Optional[float], gold: dict[str, Any]) -> bool:
    return lat is not None and lon is not None and distance_km(lat, lon, gold["lat"], gold["lon"]) <= ACCURACY_KM


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None,
        nlp: Optional[Language] = None, part: str = "all") -> dict[str, Any]:
    """Score the pipeline's places on a gold file; returns the report ``render`` prints.
    ``nlp``: an already loaded pipeline to use instead of loading ``model``."""
    if nlp is None:
        # only what places need: the article body and this component
        nlp = conflictnlp.load(model, enable=["article", "places"])
    gazetteer = get_gazetteer()
    matcher, resolver = PlaceMatcher(gazetteer), Resolver(gazetteer)
    detection, detection_no_demonyms = PRF(), PRF()
    on_gold = {"correct": 0, "total": 0}
    end_to_end = {"correct": 0, "total": 0}
    right_country = {"correct": 0, "total": 0}
    not_places: dict[str, int] = {}
    wrong: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    processing_errors: list[str] = []
    documents = 0
    for line, record in numbered_records(gold, limit=limit, part=part):
        documents += 1
        text = record["text"]
        doc = nlp(make_doc(nlp, read_record({"text": text, "id": record.get("id"), "published": record.get("dct")})))
        processing_errors += article_errors(record, line, doc._.errors)
        predicted = doc._.locations
        gold_items = record["toponyms"]
        gold_spans = [tuple(item["span"]) for item in gold_items]
        pred_spans = [tuple(loc.span) for loc in predicted]
        pairs = _overlap_pairs(pred_spans, gold_spans)
        detection.add(tp=len(pairs), fp=len(pred_spans) - len(pairs), fn=len(gold_spans) - len(pairs))
        demonym = [gazetteer.country_of_demonym(text[s:e]) is not None for s, e in gold_spans]
        kept = [j for j in range(len(gold_spans)) if not demonym[j]]
        kept_pairs = [(i, j) for i, j in pairs if not demonym[j]]
        # a prediction paired with a left-out gold demonym counts neither way
        detection_no_demonyms.add(tp=len(kept_pairs), fp=len(pred_spans) - len(pairs),
                                  fn=len(kept) - len(kept_pairs))

        resolved = resolver.resolve(matcher.mentions_for_spans(doc, gold_spans))
        matched = dict((j, i) for i, j in pairs)
        for j, item in enumerate(gold_items):
            if item.get("lat") is None:
                continue
            place = resolved[j]
            on_gold["total"] += 1
            ok = place is not None and _correct(place.lat, place.lon, item)
            on_gold["correct"] += ok
            if not ok and len(errors) < 200:
                errors.append({"id": record.get("id"), "text": text[item["span"][0]:item["span"][1]],
                               "gold": [item.get("gaz_name"), item.get("admin1"), item.get("country")],
                               "got": [place.name, place.admin1, place.country_code] if place else None})
            end_to_end["total"] += 1
            if j in matched:
                loc = predicted[matched[j]]
                end_to_end["correct"] += _correct(loc.lat, loc.lon, item)
        if "not_places" in record:  # conflict gold: countries are codes
            _score_countries(text, gold_items, predicted, matched, right_country, wrong)
        _score_not_places(text, record.get("not_places") or [], pred_spans, not_places, wrong)
    return {
        "part": part,
        "documents": documents,
        "detection": detection.as_dict(),
        "detection_without_gold_demonyms": detection_no_demonyms.as_dict(),
        "accuracy_161km_gold_spans": round(on_gold["correct"] / on_gold["total"], 4) if on_gold["total"] else 0.0,
        "accuracy_161km_end_to_end": round(end_to_end["correct"] / end_to_end["total"], 4) if end_to_end["total"] else 0.0,
        "resolvable_gold_toponyms": on_gold["total"],
        "right_country": round(right_country["correct"] / right_country["total"], 4) if right_country["total"] else None,
        "gold_with_country": right_country["total"],
        "not_places_made_places": not_places,
        "country_errors": wrong[:200],
        "resolution_errors_on_gold_spans": errors,
        "processing_errors": processing_errors,
    }


def _score_countries(text: str, gold_items: list[dict[str, Any]], predicted: list, matched: dict[int, int],
                     tally: dict[str, int], wrong: list[dict[str, Any]]) -> None:
    """Gold toponyms with a country: found (overlapping prediction) with that country code."""
    for j, item in enumerate(gold_items):
        if "country" not in item:
            continue
        tally["total"] += 1
        loc = predicted[matched[j]] if j in matched else None
        got = loc.country_code if loc is not None else None
        if loc is not None and (got or None) == (item["country"] or None):
            tally["correct"] += 1
        else:
            s, e = item["span"]
            wrong.append({"text": text[s:e], "gold": item["country"], "got": got if loc is not None else "missed"})


def _score_not_places(text: str, traps: list[dict[str, Any]], pred_spans: list[tuple[int, int]],
                      tally: dict[str, int], wrong: list[dict[str, Any]]) -> None:
    """Count predictions overlapping an organisation, medium, direction or person span."""
    for trap in traps:
        s, e = trap["span"]
        if any(ps < e and s < pe for ps, pe in pred_spans):
            tally[trap["kind"]] = tally.get(trap["kind"], 0) + 1
            wrong.append({"text": text[s:e], "gold": trap["kind"], "got": "place"})


def render(report: dict[str, Any]) -> str:
    """The report as a plain text table."""
    rows = []
    for key, label in (("detection", "detection (overlap)"),
                       ("detection_without_gold_demonyms", "detection, gold demonyms left out")):
        scores = report[key]
        rows.append([label, scores["precision"], scores["recall"], scores["f1"]])
    table = format_table(rows, ["places", "P", "R", "F1"])
    warning = errors_warning(report.get("processing_errors") or [])
    return (
        f"{report['documents']} documents, {report['resolvable_gold_toponyms']} gold toponyms with coordinates\n"
        f"{table}\n"
        f"accuracy@161km on gold spans: {report['accuracy_161km_gold_spans']:.3f}\n"
        f"accuracy@161km end to end:    {report['accuracy_161km_end_to_end']:.3f}"
    ) + _render_conflict(report) + ("\n" + warning if warning else "")


def _render_conflict(report: dict[str, Any]) -> str:
    """The conflict gold's lines, where the gold has countries."""
    if report.get("right_country") is None:
        return ""
    made = report["not_places_made_places"]
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(made.items())) or "none"
    return (f"\nfound with the right country: {report['right_country']:.3f} of {report['gold_with_country']}"
            f"\nnot-places made places: {sum(made.values())} ({kinds})")
