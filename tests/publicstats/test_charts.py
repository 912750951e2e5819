"""The SVG line charts (issue 19 item 6; R-MON-6): well-formed, accessible, escaped, deterministic."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from kuntakokeilu.publicstats import charts

pytestmark = pytest.mark.nodb
NS = {"svg": "http://www.w3.org/2000/svg"}
MONTHS = ["2020-12", "2021-01", "2021-02", "2021-03"]


def chart(**kwargs):
    arguments = {
        "title": "Työttömyysaste, %",
        "desc": "Kainuu <ja> muu Manner-Suomi & taulukko",
        "labels": MONTHS,
        "lines": [
            charts.Line("Kainuu", [Decimal("12.0"), None, 11.5, 11.2]),
            charts.Line("Muu <Suomi>", [10, 10.5, 11, 11.2]),
        ],
        "lang": "fi",
        "decimals": 1,
        "marker": ("2021-03", "Kokeilu alkaa"),
    }
    return charts.line_chart(**(arguments | kwargs))


def test_the_chart_is_well_formed_accessible_and_escaped():
    svg = chart()
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "chart-title chart-desc"
    assert root.find("svg:title", NS).text == "Työttömyysaste, %"
    assert root.find("svg:desc", NS).text == "Kainuu <ja> muu Manner-Suomi & taulukko"
    assert "<Suomi>" not in svg and "Muu &lt;Suomi&gt;" in svg
    paths = root.findall("svg:path", NS)
    assert [p.find("svg:title", NS).text for p in paths] == ["Kainuu", "Muu <Suomi>"]
    assert paths[0].get("d").count("M") == 2  # the missing month breaks the line
    assert paths[1].get("stroke-dasharray")  # told apart without colour
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Kokeilu alkaa" in texts and "2021" in texts and "2020" in texts


def test_output_is_deterministic_and_numbers_follow_the_language():
    assert chart() == chart()
    assert charts.number(Decimal("11.2"), "fi", 1) == "11,2"
    assert charts.number(84922, "sv") == "84\u202f922"
    assert charts.number(84922, "en") == "84,922"
    texts_fi = [
        t.text
        for t in ET.fromstring(chart(lines=[charts.Line("a", [0.5, 1, 1.5, 2.5])])).iter(
            "{http://www.w3.org/2000/svg}text"
        )
    ]
    assert "0,5" in texts_fi


def test_ticks_cover_the_values():
    assert charts.nice_ticks(0, 11.2) == [0, 2.5, 5, 7.5, 10, 12.5]
    assert charts.nice_ticks(0, 84922)[-1] >= 84922


def test_every_line_needs_a_value_per_month():
    with pytest.raises(ValueError):
        chart(lines=[charts.Line("a", [1, 2])])
