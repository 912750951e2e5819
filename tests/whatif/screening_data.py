"""Applications for the screening what-if's tests (pages and browser)."""

from kuntakokeilu.applications.models import Application, ApplicationStatus, Round
from kuntakokeilu.regions.models import Municipality


def submit_three() -> dict[str, Application]:
    """Three applications submitted in the supplementary round 2020, on real municipalities: Hanko (8,000
    inhabitants) and Loviisa (14,700) in the Uusimaa ELY area, both under the minimum population of 30,000;
    Kotka (51,000) in Kaakkois-Suomi."""
    round_ = Round.objects.get(code="supplementary-2020")
    made = {}
    for name, code in (("Hanko", "078"), ("Loviisa", "434"), ("Kotka", "285")):
        place = Municipality.objects.get(code=code)
        application = Application.objects.create(
            round=round_,
            name=f"{name} kokeilu",
            lead=place,
            status=ApplicationStatus.SUBMITTED,
            own_resourcing_eur=500_000,
            own_resourcing_person_years=6,
            service_model="Nopea kontaktointi.",
            cooperation_structure="Kunta, ELY-keskus, TE-toimisto.",
            premises="Kaupungintalo.",
        )
        application.municipalities.set([place])
        made[name] = application
    return made
