"""``conflictnlp evaluate events``: incidents per report and across outlets against a gold file.

Gold format (JSONL), one line per *case*: the reports of one or a few incidents, by two to four
outlets, or a single report (the set-aside part is drawn by case id, so no incident is split
between the parts)::

    {"id": "ev017", "reports": [
      {"id": "ev017a", "source": "AP", "published": "2023-05-02", "form": "headline",
       "text": "Four civilians killed in drone strike on Kherson",
       "events": [{"incident": "i1", "type": "explosions_remote_violence",
                   "sub_type": "air_drone_strike", "perpetrator": null, "target": "civilians",
                   "place": "Kherson", "date": "2023-05-02", "fatalities": 4,
                   "violence": null}]}]}

``type``/``sub_type`` as in docs/contract.md; ``perpetrator``/``target`` are actor kinds (null when
the report names none); ``place`` the most specific place named (its gazetteer name);
``date`` the event's first day (the publication date where the report says none);
``fatalities`` the report's own toll (null where it gives none, 0 for "no one was killed";
cumulative tolls are not the event's); ``incident`` ties events of one case together. A report
with ``"events": []`` (a flood, an accident, an ordinary crime) should give no event.

Scores, each a share of gold events (predicted events are paired with gold ones greedily, by
place, type and sub-type): a gold event with no predicted one is wrong on every field, a
predicted event with no gold one counts against ``type``; a report with no gold event is right
on ``type`` when nothing is predicted. ``actors`` is right when both kinds are (either order
for battles). ``place`` compares the gold place with the predicted location's name or text (each also less a
direction word before it and an area word after it: "northwest Pakistan" and "Kursk Oblast" are
Pakistan and Kursk read at their precision); ``date`` the
``date_start``; ``fatalities`` the ``best``. ``grouping`` is the pairwise F1 of
``conflictnlp.events`` over each case's reports: two gold events of one incident should be in
one row, two of different incidents in two.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .scoring import PRF, errors_warning, format_table, read_jsonl

FIELDS = ("type", "sub_type", "actors", "place", "date", "fatalities", "violence")


#: words around a place's name that say which part of it or what kind of area it is, not another
#: place: "northwest Pakistan" is Pakistan read at its precision, "Kursk region" / "Kursk Oblast" Kursk
_DIRECTIONS = frozenset(f"{side}{end}" for side in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                                                     "southwest", "central") for end in ("", "ern"))
_AREA_WORDS = frozenset({"region", "oblast", "province", "state", "governorate", "district", "county", "territory"})


def _bare_name(name: str) -> str:
    """The name less a direction word in lower case before it ("northwest Pakistan", not "South
    Sudan") and an area word after it, lower-cased."""
    words = name.split()
    if len(words) > 1 and words[0] in _DIRECTIONS:
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _AREA_WORDS:
        words = words[:-1]
    return " ".join(words)


def _place_names(record: dict[str, Any], event: dict[str, Any]) -> set[str]:
    """The gazetteer name and the text of the event's location, lower-cased (the gazetteer
    may spell it otherwise: "Ma'rib" for "Marib"), each also less a direction or area word."""
    loc = next((loc for loc in record.get("locations", []) if loc["id"] == event.get("location")), None)
    names = [value for value in (loc.get("name"), loc.get("text")) if value] if loc else []
    return {name.lower() for name in names} | {_bare_name(name).lower() for name in names}


def _kinds(event: dict[str, Any]) -> tuple[str | None, str | None]:
    actors = event.get("actors") or {}
    return tuple((actors.get(role) or {}).get("kind") for role in ("perpetrator", "target"))  # type: ignore[return-value]


def field_checks(gold: dict[str, Any], event: dict[str, Any], record: dict[str, Any]) -> dict[str, bool]:
    """Which fields of one predicted event agree with its gold event."""
    perp, target = _kinds(event)
    pair = (gold.get("perpetrator"), gold.get("target"))
    places = _place_names(record, event)
    gold_place = (gold.get("place") or "").lower() or None
    best = (event.get("fatalities") or {}).get("best")
    return {
        "type": event["type"] == gold["type"],
        "sub_type": event["sub_type"] == gold["sub_type"],
        "actors": (perp, target) == pair or (gold["type"] == "battles" and (target, perp) == pair),
        "place": gold_place in places if gold_place else not places,
        "date": event.get("date_start") == gold.get("date"),
        "fatalities": (best is None and gold.get("fatalities") is None)
        or (best is not None and gold.get("fatalities") is not None and float(best) == float(gold["fatalities"])),
        "violence": event.get("violence") == gold.get("violence"),
    }


def pair_events(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], record: dict[str, Any]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedily by agreement on place, type, sub-type."""
    scored = []
    for g, gold_event in enumerate(gold):
        for p, event in enumerate(predicted):
            checks = field_checks(gold_event, event, record)
            scored.append((-(2 * checks["place"] + checks["type"] + checks["sub_type"] + checks["date"]), g, p))
    pairs, used_g, used_p = [], set(), set()
    for _, g, p in sorted(scored):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return pairs


def score_reports(items: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Scores of (gold report, predicted record) pairs."""
    right = dict.fromkeys(FIELDS, 0)
    total = dict.fromkeys(FIELDS, 0)
    detection = PRF()
    misses: list[dict[str, Any]] = []
    for gold_report, record in items:
        gold, predicted = gold_report["events"], record.get("events", [])
        if not gold:
            total["type"] += 1
            right["type"] += not predicted
        pairs = pair_events(gold, predicted, record)
        detection.add(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
        total["type"] += max(0, len(predicted) - len(gold)) if gold else len(predicted)
        for field in FIELDS:
            total[field] += len(gold)
        for g, p in pairs:
            checks = field_checks(gold[g], predicted[p], record)
            for field in FIELDS:
                right[field] += checks[field]
            wrong = [f for f in FIELDS if not checks[f]]
            if wrong:
                misses.append({"report": gold_report["id"], "wrong": wrong})
        for _missed in set(range(len(gold))) - {g for g, _ in pairs}:
            misses.append({"report": gold_report["id"], "wrong": ["missed"]})
        if len(predicted) > len(pairs):
            misses.append({"report": gold_report["id"], "wrong": ["spurious"] * (len(predicted) - len(pairs))})
    scores = {field: (right[field] / total[field] if total[field] else None) for field in FIELDS}
    return {"scores": scores, "counts": {"right": right, "total": total}, "detection": detection.as_dict(), "misses": misses}


def grouping_f1(cases: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Pairwise F1 of the cross-outlet rows over all the cases' reports together: pairs of
    (report, gold event) that share a row against pairs that share a gold incident of one case
    (so a row that joins two cases is wrong too)."""
    from ..events.table import event_rows

    ids = [r["id"] for case in cases for r in case["reports"] if r["id"] in records]
    row_of: dict[tuple[str, str], int] = {}
    for n, row in enumerate(event_rows(records[i] for i in ids)):
        for member in row["members"]:
            row_of[(member["article"], member["event"])] = n
    items = []
    for case in cases:
        for report in case["reports"]:
            record = records.get(report["id"])
            if record is None:
                continue
            for g, p in pair_events(report["events"], record.get("events", []), record):
                event_id = record["events"][p]["id"]
                items.append(((case["id"], report["events"][g]["incident"]), row_of.get((report["id"], event_id))))
    prf = PRF()
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            same_gold = items[i][0] == items[j][0]
            same_row = items[i][1] is not None and items[i][1] == items[j][1]
            prf.add(tp=same_gold and same_row, fp=same_row and not same_gold, fn=same_gold and not same_row)
    return prf.as_dict()


def run(gold: Path, model: str | None = None, limit: int | None = None, part: str = "all") -> dict[str, Any]:
    import conflictnlp

    cases = list(read_jsonl(gold, limit, part))
    reports = [r for case in cases for r in case["reports"]]
    nlp = conflictnlp.load(model) if model else None
    inputs = [{k: r.get(k) for k in ("id", "source", "published", "text", "title")} for r in reports]
    # every gold report has an id, so every article does
    records = {a.id: a.to_dict() for a in conflictnlp.extract_many(inputs, nlp=nlp) if a.id is not None}
    report = score_reports((r, records[r["id"]]) for r in reports)
    report["grouping"] = grouping_f1(cases, records)
    report["cases"], report["reports"] = len(cases), len(reports)
    report["errors"] = [f"{r['id']}: {message}" for r in reports for message in records[r["id"]].get("errors") or []]
    return report


def render(report: dict[str, Any]) -> str:
    scores = report["scores"]
    counts = report["counts"]
    rows = [[field, f"{scores[field]:.3f}" if scores[field] is not None else "-", f"{counts['right'][field]}/{counts['total'][field]}"]
            for field in FIELDS]
    detection, grouping = report["detection"], report["grouping"]
    rows.append(["events found (F1)", f"{detection['f1']:.3f}", f"P {detection['precision']:.3f} R {detection['recall']:.3f}"])
    if grouping.get("tp", 0) + grouping.get("fp", 0) + grouping.get("fn", 0):
        rows.append(["grouping (pairwise F1)", f"{grouping['f1']:.3f}", f"P {grouping['precision']:.3f} R {grouping['recall']:.3f}"])
    else:  # one report per incident and no row joining two: nothing to score
        rows.append(["grouping (pairwise F1)", "n/a", "no pair of reports of one incident"])
    header = f"{report['reports']} reports in {report['cases']} cases"
    warning = errors_warning(report.get("errors") or [])
    return header + "\n" + format_table(rows, ["field", "score", "right/total"]) + (f"\n\n{warning}" if warning else "")
