"""The public comparison page and its CSV file (R-MON-6): no sign-in (action `publicstats.view`, public).

`/statistics/?area=7` (or `?area=pilot`, the default): the chosen trial area's (or all pilot municipalities')
monthly series beside the rest of mainland Finland's, as SVG charts and a table, from `CONTEXT_FROM` (three
years before the pilot, as context) to the last month of the shipped statistics; `/statistics/series.csv`
the same table as CSV in the page's language.
"""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kuntakokeilu.access.decorators import requires

from . import charts, queries, series, table

CONTEXT_FROM = "2018-01"


def _lang() -> str:
    return (translation.get_language() or "fi")[:2]


def _chosen(request) -> tuple[str, series.Comparison | None]:
    key = request.GET.get("area", "pilot").strip() or "pilot"
    return key, queries.comparison(key, CONTEXT_FROM, series.LAST_MONTH)


def _charts(comparison: series.Comparison, lang: str) -> list[tuple[str, str]]:
    """(title, SVG markup) of each chart."""
    months = list(comparison.months)
    group, rest = comparison.group.name(lang), comparison.rest.name(lang)
    marker = (table.PILOT_START, _("The pilot begins"))
    rate_title = _("Unemployment rate, %")
    rate = charts.line_chart(
        title=rate_title,
        desc=_("%(group)s and %(rest)s by month, %(first)s–%(last)s; the figures are in the table below.")
        % {"group": group, "rest": rest, "first": months[0], "last": months[-1]},
        labels=months,
        lines=[
            charts.Line(group, [p.unemployment_rate for p in comparison.group_points]),
            charts.Line(rest, [p.unemployment_rate for p in comparison.rest_points]),
        ],
        lang=lang,
        decimals=1,
        marker=marker,
        chart_id="chart-rate",
    )
    out = [(rate_title, rate)]
    for code, label in (
        ("unemployed_jobseekers", _("Unemployed job seekers, index (March 2021 = 100)")),
        ("open_vacancies", _("Open vacancies, index (March 2021 = 100)")),
    ):
        out.append(
            (
                label,
                charts.line_chart(
                    title=label,
                    desc=_(
                        "%(group)s and %(rest)s by month as an index, so that areas of different size "
                        "compare; the counts are in the table below."
                    )
                    % {"group": group, "rest": rest},
                    labels=months,
                    lines=[
                        charts.Line(
                            group,
                            table.index(
                                [p.value(code) for p in comparison.group_points], table.PILOT_START, months
                            ),
                        ),
                        charts.Line(
                            rest,
                            table.index(
                                [p.value(code) for p in comparison.rest_points], table.PILOT_START, months
                            ),
                        ),
                    ],
                    lang=lang,
                    marker=marker,
                    chart_id=f"chart-{code.replace('_', '-')}",
                ),
            )
        )
    return out


def _shown(value, lang: str) -> str:
    """A figure as the page writes it; an empty string where nothing was published."""
    if value is None:
        return ""
    return charts.number(value, lang, 1 if isinstance(value, Decimal) else 0)


@requires("publicstats.view")
def comparison_page(request):
    lang = _lang()
    key, comparison = _chosen(request)
    context = {
        "choices": queries.area_choices(lang),
        "chosen": key,
        "series": series.SERIES,
        "source": series.SOURCE,
    }
    if comparison is None:
        context["error"] = _("There is no trial area %(number)s.") % {"number": key}
        return render(request, "publicstats/comparison.html", context, status=404)
    context.update(
        comparison=comparison,
        group_name=comparison.group.name(lang),
        rest_name=comparison.rest.name(lang),
        charts=[(title, mark_safe(svg)) for title, svg in _charts(comparison, lang)],  # noqa: S308  (charts.py escapes)
        columns=table.columns(comparison, lang),
        rows=[
            [row["month"], *(_shown(row[k], lang) for k, _h in table.columns(comparison, lang))]
            for row in table.rows(comparison)
        ],
        pilot_start=table.PILOT_START,
    )
    return render(request, "publicstats/comparison.html", context)


@requires("publicstats.view")
def comparison_csv(request):
    key, comparison = _chosen(request)
    if comparison is None:
        return HttpResponse(
            _("There is no trial area %(number)s.") % {"number": key},
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(table.to_csv(comparison, _lang()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistics-{comparison.group.key}.csv"'
    return response
