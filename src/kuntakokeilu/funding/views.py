"""The funding pages (issue 18 items 3, 5 and 6): the ministry's allocation across the ELY centres, an ELY
centre's quotas across its trial areas (the computation's inputs and result, the adjustment with a reason),
the area's own funding and state staff, and the CSV/.xlsx exports of the allocation tables. Every write goes
through `services`, which refuses bad input with a localised message and changes nothing. Aggregates of
municipalities and areas, no person's data: nothing is written to the access log."""

from __future__ import annotations

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.roles import Role
from kuntakokeilu.regions.models import ElyCentre, TrialArea
from kuntakokeilu.rules.parameters import default_store

from . import charts, export, queries, services
from .forms import (
    AdjustForm,
    AllocationForm,
    ComputeForm,
    ExpenditureImportForm,
    OwnResourcingForm,
    PersonYearsForm,
)
from .models import Method
from .volumes import area_volumes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request, today) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or today.year)
    except ValueError:
        year = today.year
    return year if services.FIRST_YEAR <= year <= services.LAST_YEAR else today.year


def ely_or_404(request, ely_code):
    return get_object_or_404(ElyCentre, code=ely_code)


def area_or_404(request, area_no):
    return get_object_or_404(TrialArea.objects.select_related("ely"), number=area_no)


def _refused(form, refused: services.Refused) -> None:
    form.add_error(refused.field if refused.field in form.fields else None, refused.message)


@requires("funding.view_quotas")
def home(request):
    """The navigation's entry: the ministry's allocations, the ELY official's centre, the manager's area."""
    today = clock.today()
    grants = grants_for(request.user, "funding.view_quotas", today)
    if any(g.role == Role.MINISTRY for g in grants):
        return redirect("funding:allocations")
    elys = sorted(code for g in grants if g.role == Role.ELY for code in g.elys)
    if elys:
        return redirect("funding:ely", ely_code=elys[0])
    areas = sorted(n for g in grants if g.role == Role.AREA_MANAGER for n in g.trial_areas)
    if areas:
        return redirect("funding:area", area_no=areas[0])
    raise PermissionDenied


@requires("funding.allocate")
def allocations(request):
    today = clock.today()
    year = _year(request, today)
    form = AllocationForm(request.POST or None, initial={"decided_on": today})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.allocate(request.user, year=year, today=today, **data)
            except services.Refused as refused:
                _refused(form, refused)
            else:
                flash.success(request, _("The allocation is saved."))
                return redirect(f"{reverse('funding:allocations')}?year={year}")
    rows = list(queries.allocations(year))
    use = {(r.place.pk, r.instrument): r for r in queries.ministry_use(year)}
    for row in rows:
        row.use = use.get((row.ely_id, row.instrument))
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.get_instrument_display()] = totals.get(row.get_instrument_display(), 0) + row.amount
    context = {
        "year": year,
        "years": range(services.FIRST_YEAR, services.LAST_YEAR + 1),
        "rows": rows,
        "totals": sorted(totals.items()),
        "form": form,
    }
    return render(request, "funding/allocations.html", context, status=status)


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires("funding.allocate")
def allocations_csv(request):
    year = _year(request, clock.today())
    return _download(
        export.as_csv(export.allocation_rows(year)), "text/csv; charset=utf-8", f"allocations-{year}.csv"
    )


@requires("funding.allocate")
def allocations_xlsx(request):
    year = _year(request, clock.today())
    return _download(
        export.as_xlsx(export.allocation_rows(year), f"allocations {year}"), XLSX, f"allocations-{year}.xlsx"
    )


def _ely_page(request, ely, year, compute_form=None, adjust_forms=None, status=200):
    today = clock.today()
    areas = services.ely_areas(ely)
    items = queries.ely_quotas(ely, year)
    use = {(r.place.pk, r.instrument): r for r in queries.ely_use(ely, year)}
    adjust_forms = adjust_forms or {}
    for item in items:
        for row in item.rows:
            row.use = use.get((row.area.pk, item.instrument))
        item.committed = sum((r.use.committed for r in item.rows if r.use), queries.ZERO)
        item.paid = sum((r.use.paid for r in item.rows if r.use), queries.ZERO)
        item.remaining = item.total - item.committed
        if item.computation is not None and item.instrument not in adjust_forms:
            initial = {f"area_{r.area.number}": r.quota.current for r in item.rows}
            adjust_forms[item.instrument] = AdjustForm(
                areas=[r.area for r in item.rows],
                initial={"instrument": item.instrument, **initial},
                prefix=item.instrument,
            )
        item.adjust_form = adjust_forms.get(item.instrument)
    context = {
        "ely": ely,
        "year": year,
        "years": range(services.FIRST_YEAR, services.LAST_YEAR + 1),
        "areas": areas,
        "items": items,
        "may_set": can(request.user, "funding.set_quotas", ely, today),
        "compute_form": compute_form or ComputeForm(initial={"volume_date": today}),
    }
    return render(request, "funding/ely.html", context, status=status)


@requires("funding.view_quotas", get_object=ely_or_404)
def ely_quotas(request, ely):
    return _ely_page(request, ely, _year(request, clock.today()))


def _back_to_ely(ely, year):
    return redirect(f"{reverse('funding:ely', args=[ely.code])}?year={year}")


@requires("funding.set_quotas", get_object=ely_or_404)
def compute(request, ely):
    today = clock.today()
    year = _year(request, today)
    if request.method != "POST":
        return _back_to_ely(ely, year)
    form = ComputeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.compute_quotas(
                request.user,
                ely=ely,
                year=year,
                instrument=data["instrument"],
                method=Method.BY_VOLUME,
                volumes=area_volumes(ely, data["volume_date"]),
                volume_date=data["volume_date"],
                today=today,
            )
        except services.Refused as refused:
            _refused(form, refused)
        else:
            flash.success(request, _("The quotas are computed."))
            return _back_to_ely(ely, year)
    return _ely_page(request, ely, year, compute_form=form, status=400)


@requires("funding.set_quotas", get_object=ely_or_404)
def adjust(request, ely):
    today = clock.today()
    year = _year(request, today)
    instrument = request.POST.get("instrument", "")
    if request.method != "POST":
        return _back_to_ely(ely, year)
    computation = services.current_computation(ely, year, instrument)
    if computation is None:
        raise PermissionDenied
    areas = [
        q.trial_area for q in computation.quotas.select_related("trial_area").order_by("trial_area__number")
    ]
    form = AdjustForm(request.POST, areas=areas, prefix=instrument)
    if form.is_valid():
        try:
            services.adjust_quotas(
                request.user,
                ely=ely,
                year=year,
                instrument=instrument,
                amounts=form.amounts(),
                reason=form.cleaned_data["reason"],
                today=today,
            )
        except services.Refused as refused:
            _refused(form, refused)
        else:
            flash.success(request, _("The quotas are adjusted."))
            return _back_to_ely(ely, year)
    return _ely_page(request, ely, year, adjust_forms={instrument: form}, status=400)


@requires("funding.view_quotas", get_object=ely_or_404)
def ely_csv(request, ely):
    year = _year(request, clock.today())
    rows = export.quota_rows(ely, year)
    return _download(export.as_csv(rows), "text/csv; charset=utf-8", f"quotas-{ely.code}-{year}.csv")


@requires("funding.view_quotas", get_object=ely_or_404)
def ely_xlsx(request, ely):
    year = _year(request, clock.today())
    rows = export.quota_rows(ely, year)
    return _download(
        export.as_xlsx(rows, f"quotas {ely.code} {year}"), XLSX, f"quotas-{ely.code}-{year}.xlsx"
    )


def _members(area):
    return [m.municipality for m in area.members.select_related("municipality").order_by("position")]


def _choices_named(municipalities):
    attr = "name_sv" if (get_language() or "fi").startswith("sv") else "name_fi"
    return [type("M", (), {"code": m.code, "name_fi": getattr(m, attr)}) for m in municipalities]


def _area_page(
    request, area, year, own_form=None, import_form=None, years_form=None, import_errors=(), status=200
):
    today = clock.today()
    members = _members(area)
    rows = queries.own_funding(area, year, default_store())
    context = {
        "area": area,
        "year": year,
        "years": range(services.FIRST_YEAR, services.LAST_YEAR + 1),
        "rows": rows,
        "totals": {
            "expenditure": sum(r.expenditure or 0 for r in rows),
            "reference": sum(r.reference.amount for r in rows if r.reference),
            "planned": sum(r.resourcing.planned_eur for r in rows if r.resourcing),
            "realised": sum(r.resourcing.realised_eur or 0 for r in rows if r.resourcing),
            "shortfall": sum(r.shortfall or 0 for r in rows),
        },
        "person_years": queries.person_years(area),
        "quotas": queries.area_quotas(area, year)
        if can(request.user, "funding.view_quotas", area, today)
        else None,
        "may_record": can(request.user, "funding.record_own_funding", area, today),
        "may_record_years": can(request.user, "funding.record_person_years", area, today),
        "own_form": own_form
        or OwnResourcingForm(municipalities=_choices_named(members), initial={"year": year}),
        "import_form": import_form or ExpenditureImportForm(),
        "years_form": years_form or PersonYearsForm(initial={"year": year}),
        "import_errors": import_errors,
    }
    return render(request, "funding/area.html", context, status=status)


@requires("funding.view_own_funding", get_object=area_or_404)
def area_funding(request, area):
    return _area_page(request, area, _year(request, clock.today()))


def _back_to_area(area, year):
    return redirect(f"{reverse('funding:area', args=[area.number])}?year={year}")


@requires("funding.record_own_funding", get_object=area_or_404)
def record_own(request, area):
    today = clock.today()
    year = _year(request, today)
    if request.method != "POST":
        return _back_to_area(area, year)
    members = {m.code: m for m in _members(area)}
    form = OwnResourcingForm(request.POST, municipalities=_choices_named(members.values()))
    if form.is_valid():
        data = dict(form.cleaned_data)
        municipality = members[data.pop("municipality")]
        try:
            services.record_own_resourcing(
                request.user, area=area, municipality=municipality, today=today, **data
            )
        except services.Refused as refused:
            _refused(form, refused)
        else:
            flash.success(request, _("The own resourcing is saved."))
            return _back_to_area(area, data["year"])
    return _area_page(request, area, year, own_form=form, status=400)


@requires("funding.record_own_funding", get_object=area_or_404)
def import_expenditure(request, area):
    today = clock.today()
    year = _year(request, today)
    if request.method != "POST":
        return _back_to_area(area, year)
    form = ExpenditureImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            report = services.import_expenditure(
                request.user, area=area, data=form.cleaned_data["file"].read(), today=today
            )
        except services.ImportRefused as refused:
            return _area_page(request, area, year, import_form=form, import_errors=refused.errors, status=400)
        except services.Refused as refused:
            _refused(form, refused)
        else:
            flash.success(
                request,
                _(
                    "The 2018 expenditure is imported: %(created)s new, %(updated)s changed, "
                    "%(unchanged)s unchanged."
                )
                % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged},
            )
            return _back_to_area(area, year)
    return _area_page(request, area, year, import_form=form, status=400)


@requires("funding.record_person_years", get_object=area_or_404)
def record_person_years(request, area):
    today = clock.today()
    year = _year(request, today)
    if request.method != "POST":
        return _back_to_area(area, year)
    form = PersonYearsForm(request.POST)
    if form.is_valid():
        try:
            services.record_person_years(request.user, area=area, today=today, **form.cleaned_data)
        except services.Refused as refused:
            _refused(form, refused)
        else:
            flash.success(request, _("The person-years are saved."))
            return _back_to_area(area, form.cleaned_data["year"])
    return _area_page(request, area, year, years_form=form, status=400)


# --- quota use (issue 18 item 6; R-RES-2): the area manager's page, its chart and its exports -------------

COMMITTED_COLOUR, PAID_COLOUR, QUOTA_COLOUR, FORECAST_COLOUR = "#0b5394", "#38761d", "#990000", "#0b5394"


def _month_names() -> list[str]:
    return [str(MONTHS_3[m]) for m in range(1, 13)]


def use_chart(item: queries.InstrumentUse, area, year: int) -> str:
    """The SVG of one instrument's use: committed and paid cumulative by month, the quota as a line and
    the forecast at the current pace dashed from today's commitment to the year end."""
    series = [(0.0, 0.0)]
    paid = [(0.0, 0.0)]
    elapsed = float(item.forecast.months_elapsed) if item.forecast else 0.0
    for point in item.months:
        x = min(float(point.month), elapsed) if elapsed else float(point.month)
        series.append((x, float(point.committed)))
        paid.append((x, float(point.paid)))
    lines = [
        charts.Line(_("committed"), tuple(series), COMMITTED_COLOUR),
        charts.Line(_("paid"), tuple(paid), PAID_COLOUR),
    ]
    if item.quota is not None:
        lines.append(charts.Line(_("quota"), ((0.0, item.quota), (12.0, item.quota)), QUOTA_COLOUR))
    if item.forecast is not None and item.months:
        last = item.months[-1].committed
        lines.append(
            charts.Line(
                _("forecast at the current pace"),
                ((elapsed, float(last)), (12.0, float(item.forecast.year_end))),
                FORECAST_COLOUR,
                dashed=True,
            )
        )
    title = _("Quota use: %(instrument)s, %(area)s %(year)s") % {
        "instrument": item.label,
        "area": getattr(area, "name_sv" if (get_language() or "fi").startswith("sv") else "name_fi"),
        "year": year,
    }
    desc = _(
        "Committed and paid euros cumulative by month, the quota as a horizontal line and the forecast at "
        "the current pace dashed to the year end. The same figures are in the table beside the chart."
    )
    return charts.line_chart(
        chart_id=f"chart-{item.instrument}",
        title=title,
        desc=desc,
        lines=lines,
        x_labels=_month_names(),
        y_label=_("euros"),
    )


@requires("funding.view_quotas", get_object=area_or_404)
def quota_use(request, area):
    today = clock.today()
    year = _year(request, today)
    items = queries.quota_use(area, year, today)
    for item in items:
        item.chart = mark_safe(use_chart(item, area, year))  # noqa: S308 (every text escaped in charts)
        item.month_names = [str(MONTHS[p.month]) for p in item.months]
        item.rows = list(zip(item.month_names, item.months, strict=True))
    context = {
        "area": area,
        "year": year,
        "today": today,
        "years": range(services.FIRST_YEAR, services.LAST_YEAR + 1),
        "items": items,
        "colours": {"committed": COMMITTED_COLOUR, "paid": PAID_COLOUR, "quota": QUOTA_COLOUR},
    }
    return render(request, "funding/quota_use.html", context)


def _table(request) -> str:
    return "months" if request.GET.get("table") == "months" else "summary"


@requires("funding.view_quotas", get_object=area_or_404)
def quota_use_csv(request, area):
    today = clock.today()
    year, table = _year(request, today), _table(request)
    rows = export.use_rows(area, year, today, table)
    return _download(
        export.as_csv(rows), "text/csv; charset=utf-8", f"quota-use-{area.number}-{year}-{table}.csv"
    )


@requires("funding.view_quotas", get_object=area_or_404)
def quota_use_xlsx(request, area):
    today = clock.today()
    year, table = _year(request, today), _table(request)
    rows = export.use_rows(area, year, today, table)
    return _download(
        export.as_xlsx(rows, f"quota use {area.number} {year}"),
        XLSX,
        f"quota-use-{area.number}-{year}-{table}.xlsx",
    )
