"""Charts as geometry for our SVG templates (no JavaScript, nothing fetched): a metric over time,
with dates placed to scale and every point keeping the link to its sentence, and bars of
articles per month. Pure functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bilateral import display

PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 24, 20, 36


def day(text: str) -> dt.date:
    """'2021', '2021-05' or '2021-05-17' as a date (the first day of a year or a month)."""
    parts = [int(p) for p in text[:10].split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _ticks(first: dt.date, last: dt.date, place: Any) -> list[dict[str, Any]]:
    if first == last:
        return [{"x": place(first), "label": first.isoformat()}]
    years = range(first.year, last.year + 1)
    if len(years) >= 2:
        step = max(1, len(years) // 6)
        marks = [dt.date(y, 1, 1) for y in years[::step] if first <= dt.date(y, 1, 1) <= last]
        labels = [str(m.year) for m in marks]
    else:
        months = [
            dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
            for i in range((last.year - first.year) * 12 + last.month - first.month + 1)
        ]
        marks = [m for m in months if first <= m <= last] or [first]
        labels = [m.isoformat()[:7] for m in marks]
    if len(marks) < 2:
        marks, labels = [first, last], [first.isoformat(), last.isoformat()]
    return [{"x": place(m), "label": label} for m, label in zip(marks, labels, strict=True)]


def time_chart(points: list[dict[str, Any]], width: int = 640, height: int = 220) -> dict[str, Any]:
    """points: {"when", "value", "unit", "label", "href"}. One unit is charted (the commonest);
    x is the date to scale, y the value from zero. Returns what the SVG template draws."""
    dated = [p for p in points if p.get("when")]
    if not dated:
        return {"points": [], "width": width, "height": height}
    units = [p["unit"] for p in dated]
    unit = max(sorted(set(units)), key=units.count)
    chosen = sorted((p for p in dated if p["unit"] == unit), key=lambda p: day(p["when"]))
    first, last = day(chosen[0]["when"]), day(chosen[-1]["when"])
    span = max(1, (last - first).days)
    inner_w = width - PAD_LEFT - PAD_RIGHT
    inner_h = height - PAD_TOP - PAD_BOTTOM
    top = max(p["value"] for p in chosen) or 1.0

    def place(when: dt.date) -> float:
        if first == last:
            return round(PAD_LEFT + inner_w / 2, 1)
        return round(PAD_LEFT + inner_w * (when - first).days / span, 1)

    placed = [
        {
            "x": place(day(p["when"])),
            "y": round(PAD_TOP + inner_h * (1 - p["value"] / top), 1),
            "label": p["label"],
            "href": p["href"],
        }
        for p in chosen
    ]
    # the line joins one value per date (the median of its reports, the higher of two): several
    # sources for one date stay points, not a zigzag between them
    by_x: dict[float, list[float]] = {}
    for p in placed:
        by_x.setdefault(p["x"], []).append(p["y"])
    line = [{"x": x, "y": sorted(ys)[(len(ys) - 1) // 2]} for x, ys in sorted(by_x.items())]
    return {
        "width": width,
        "height": height,
        "unit": unit,
        "points": placed,
        "line": line,
        "left": PAD_LEFT,
        "right": width - PAD_RIGHT,
        "top_y": PAD_TOP,
        "base_y": PAD_TOP + inner_h,
        "top_label": display.value(top, unit),
        "ticks": _ticks(first, last, place),
        "left_out": len(dated) - len(chosen),
    }


def month_bars(
    activity: list[dict[str, Any]], top: int | None = None, width: int = 220, height: int = 36
) -> dict[str, Any]:
    """Articles per month as bars, from the first month with articles to the last; `top` is the
    count a full bar stands for (the busiest month of all pairs, so pairs compare), and a bar is
    at most 12 pixels wide."""
    counts = {a["month"]: a["articles"] for a in activity}
    if not counts:
        return {"bars": [], "width": width, "height": height}
    first, last = day(min(counts)), day(max(counts))
    months: list[str] = []
    at = first
    while at <= last and len(months) < 600:
        months.append(at.isoformat()[:7])
        at = dt.date(at.year + at.month // 12, at.month % 12 + 1, 1)
    top = max(top or 0, *counts.values())
    step = min(12.0, width / len(months))
    bars = [
        {
            "x": round(i * step, 1),
            "w": round(max(1.0, step - 1), 1),
            "h": round((height - 2) * counts.get(m, 0) / top, 1),
            "label": f"{m}: {counts.get(m, 0)} article{'s' if counts.get(m, 0) != 1 else ''}",
        }
        for i, m in enumerate(months)
    ]
    for b in bars:
        b["y"] = round(height - b["h"], 1)
    return {"bars": bars, "width": width, "height": height, "first": months[0], "last": months[-1]}
