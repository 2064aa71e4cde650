"""A self-contained HTML page of the event table: the events as points on a lon/lat graticule
(an inline SVG drawn here, no tile server, no script) and the rows below it."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

WIDTH, HEIGHT, PAD = 960, 480, 30
COLOURS = {
    "battles": "#c0392b", "explosions_remote_violence": "#e67e22", "violence_against_civilians": "#8e44ad",
    "protests": "#2980b9", "riots": "#16a085", "strategic_developments": "#7f8c8d",
}


def _extent(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """West, east, south, north around the points with a margin, widened on one axis to the
    panel's shape so the drawing fills it (degrees at one scale on both axes)."""
    if not points:
        return -180.0, 180.0, -90.0, 90.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    margin = 2.0
    west, east, south, north = min(lons) - margin, max(lons) + margin, min(lats) - margin, max(lats) + margin
    aspect = (WIDTH - 2 * PAD) / (HEIGHT - 2 * PAD)
    if (east - west) < aspect * (north - south):
        middle, half = (west + east) / 2, aspect * (north - south) / 2
        west, east = middle - half, middle + half
    else:
        middle, half = (south + north) / 2, (east - west) / aspect / 2
        south, north = middle - half, middle + half
    return west, east, south, north


def svg_map(rows: list[dict[str, Any]]) -> str:
    """The events with coordinates as circles (area by deaths) on a graticule."""
    placed = [r for r in rows if r.get("latitude") is not None and r.get("longitude") is not None]
    west, east, south, north = _extent([(r["longitude"], r["latitude"]) for r in placed])
    scale = min((WIDTH - 2 * PAD) / max(east - west, 1e-6), (HEIGHT - 2 * PAD) / max(north - south, 1e-6))

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - west) * scale, HEIGHT - PAD - (lat - south) * scale

    step = next((s for s in (1, 2, 5, 10, 20, 30) if (east - west) / s <= 12), 60)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f7f7f2"/>']
    for lon in range(math.ceil(west / step) * step, math.floor(east) + 1, step):
        x1, y1 = xy(lon, south)
        x2, y2 = xy(lon, north)
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#ccc"/><text x="{x1 + 2:.1f}" y="{HEIGHT - 8}" font-size="10">{lon}°</text>')
    for lat in range(math.ceil(south / step) * step, math.floor(north) + 1, step):
        x1, y1 = xy(west, lat)
        x2, y2 = xy(east, lat)
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#ccc"/><text x="4" y="{y1 - 2:.1f}" font-size="10">{lat}°</text>')
    labelled: set[str] = set()
    for row in placed:
        x, y = xy(row["longitude"], row["latitude"])
        radius = 3 + 2 * math.sqrt(row.get("best") or 0)
        colour = COLOURS.get(row.get("event_type") or "", "#333")
        title = html.escape(row.get("notes") or "")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" fill-opacity="0.6" stroke="#222"><title>{title}</title></circle>')
        place = row.get("where_description") or ""
        if place and place not in labelled:  # each place named once, beside its first event
            labelled.add(place)
            parts.append(f'<text x="{x + radius + 2:.1f}" y="{y + 3:.1f}" font-size="11" fill="#333">{html.escape(place)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def write_map(rows: list[dict[str, Any]], path: Path) -> None:
    legend = " ".join(f'<span style="color:{c}">&#9679; {t.replace("_", " ")}</span>' for t, c in COLOURS.items())
    items = "\n".join(
        f"<tr><td>{html.escape(str(r.get('date_start') or 'no date'))}</td><td>{html.escape(str(r.get('where_description') or ''))}</td>"
        f"<td>{html.escape(r.get('notes') or '')}</td><td>{html.escape(', '.join(r.get('disagreements') or []))}</td></tr>"
        for r in rows
    )
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>conflictnlp events</title>"
        "<style>body{font-family:sans-serif;margin:1em}td{border-top:1px solid #ddd;padding:2px 6px;vertical-align:top}</style></head><body>"
        f"<h1>{len(rows)} events</h1><p>{legend}</p>{svg_map(rows)}"
        f"<table><tr><th>day</th><th>place</th><th>event</th><th>sources disagree on</th></tr>{items}</table></body></html>\n"
    )
    Path(path).write_text(page, encoding="utf-8")
