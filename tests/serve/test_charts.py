"""The briefing's charts as geometry: dates to scale, one unit, every point keeps its link."""

from __future__ import annotations

from bilateral.brief.chart import day, month_bars, time_chart


def _point(when: str, value: float, unit: str = "USD") -> dict[str, object]:
    return {"when": when, "value": value, "unit": unit, "label": when, "href": f"/d#{when}"}


def test_dates_are_placed_to_scale_and_values_from_zero() -> None:
    c = time_chart([_point("2020", 10.0), _point("2021-01-01", 20.0), _point("2024", 5.0)])
    xs = [p["x"] for p in c["points"]]
    assert xs[0] == c["left"] and xs[-1] == c["right"]
    # 2020-01-01 -> 2021-01-01 is a quarter of the way to 2024-01-01 (366 of 1461 days)
    assert abs((xs[1] - xs[0]) / (xs[2] - xs[0]) - 366 / 1461) < 0.01
    top = min(p["y"] for p in c["points"])
    assert top == c["top_y"] and c["top_label"] == "$20"
    assert [t["label"] for t in c["ticks"]][:2] == ["2020", "2021"]
    assert [p["href"] for p in c["points"]] == ["/d#2020", "/d#2021-01-01", "/d#2024"]


def test_one_unit_is_charted_and_one_value_per_date_joined() -> None:
    points = [_point("2022", 1.0), _point("2022", 3.0), _point("2023", 2.0)]
    c = time_chart([*points, _point("2022", 50.0, "percent")])
    assert c["unit"] == "USD" and c["left_out"] == 1 and len(c["points"]) == 3
    assert len(c["line"]) == 2  # two dates, two reports of the first: the line has two points
    assert time_chart([_point("", 1.0)])["points"] == []


def test_month_bars_fill_the_months_without_articles() -> None:
    bars = month_bars([{"month": "2021-11", "articles": 2}, {"month": "2022-02", "articles": 1}])
    assert len(bars["bars"]) == 4 and bars["first"] == "2021-11" and bars["last"] == "2022-02"
    assert [b["h"] > 0 for b in bars["bars"]] == [True, False, False, True]
    assert day("2021-05") == day("2021-05-01")


def test_month_bars_of_pairs_share_one_scale() -> None:
    quiet = month_bars([{"month": "2020-01", "articles": 1}], top=4)
    busy = month_bars([{"month": "2020-01", "articles": 4}], top=4)
    assert quiet["bars"][0]["h"] * 4 == busy["bars"][0]["h"]
    assert quiet["bars"][0]["w"] <= 12
