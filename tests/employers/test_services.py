"""The employer side's services (R-SP-7; issue 17 item 4 and item 9): employers with a checked business id,
vacancies, presenting only with a stored written consent (refused with the reason, nothing changed, all or
nothing), job offers and their outcome judged by the rule `job-offer-refusal`."""

import pytest
from django.utils import translation

from kuntakokeilu.employers import services
from kuntakokeilu.employers.models import Employer, JobOffer, Presentation, PresentationConsent, Vacancy
from kuntakokeilu.regions.models import Municipality
from tests.customers.conftest import TODAY

from .conftest import D, initial_interview

pytestmark = pytest.mark.django_db


def _texts(refused):
    with translation.override("fi"):
        fi = str(refused.message)
    with translation.override("sv"):
        sv = str(refused.message)
    return fi, sv


@pytest.mark.parametrize(
    ("business_id", "fi", "sv"),
    [("1618033-4", "tarkistusnumero", "kontrollsiffra"), ("1618033", "seitsemän numeroa", "sju siffror")],
)
def test_a_bad_business_id_is_refused_in_fi_and_sv(world, business_id, fi, sv):
    with pytest.raises(services.Refused) as refused:
        services.add_employer(
            world["aino"],
            business_id=business_id,
            name="X Oy",
            municipality=Municipality.objects.get(code="091"),
            today=TODAY,
        )
    assert refused.value.field == "business_id"
    assert (fi in _texts(refused.value)[0], sv in _texts(refused.value)[1]) == (True, True)
    assert Employer.objects.count() == 1


def test_a_business_id_is_recorded_once_and_only_in_ones_own_municipality(world):
    helsinki, porvoo = Municipality.objects.get(code="091"), Municipality.objects.get(code="638")
    with pytest.raises(services.Refused, match="1618033-3"):
        services.add_employer(
            world["aino"], business_id="1618033-3", name="Y", municipality=helsinki, today=TODAY
        )
    with pytest.raises(services.Refused) as refused:
        services.add_employer(
            world["aino"], business_id="2236067-2", name="Y", municipality=porvoo, today=TODAY
        )
    assert refused.value.field == "municipality"
    assert Employer.objects.count() == 1


def test_a_vacancy_needs_the_assignment_and_dates_in_order(world):
    base = {
        "title": "kokki",
        "municipality": world["employer"].municipality,
        "published_on": D("2023-05-20"),
        "apply_by": D("2023-05-31"),
        "assignment_date": D("2023-05-19"),
        "assignment_text": "Toimeksianto",
    }
    for change, field in (
        ({"assignment_text": " "}, "assignment_text"),
        ({"apply_by": D("2023-05-19")}, "apply_by"),
        ({"assignment_date": D("2023-05-21")}, "assignment_date"),
        ({"assignment_date": D("2023-06-02"), "published_on": D("2023-06-02")}, "assignment_date"),
    ):
        with pytest.raises(services.Refused) as refused:
            services.add_vacancy(world["aino"], world["employer"], today=TODAY, **(base | change))
        assert refused.value.field == field
    assert Vacancy.objects.count() == 1


def test_presenting_without_consent_is_refused_with_the_reason_and_nothing_changes(world):
    """Issue 17 item 9: a candidate presented without consent — a clear localised message, nothing changed."""
    with pytest.raises(services.Refused) as refused:
        services.present(world["aino"], world["vacancy"], [world["lahtinen"]], today=TODAY)
    fi, sv = _texts(refused.value)
    assert "Mikael Lahtinen" in fi and "kirjallista suostumusta" in fi and "1.6.2023" in fi
    assert "skriftligt samtycke" in sv
    assert not Presentation.objects.exists()


def test_with_the_stored_written_consent_the_job_seeker_is_presented(world):
    consent = services.record_consent(
        world["aino"],
        world["lahtinen"],
        given_on=D("2023-05-30"),
        document="Allekirjoitettu lomake 30.5.2023",
        scope="all",
        today=TODAY,
    )
    [presentation] = services.present(world["aino"], world["vacancy"], [world["lahtinen"]], today=TODAY)
    assert (presentation.consent, presentation.presented_on, presentation.presented_by) == (
        consent,
        TODAY,
        world["aino"],
    )
    with pytest.raises(services.Refused) as refused:
        services.present(world["aino"], world["vacancy"], [world["lahtinen"]], today=TODAY)
    assert "jo esitelty" in _texts(refused.value)[0]


def test_a_withdrawn_or_other_employers_consent_does_not_allow_it(world):
    other = services.add_employer(
        world["aino"],
        business_id="2236067-2",
        name="Toinen Oy",
        municipality=world["employer"].municipality,
        today=TODAY,
    )
    services.record_consent(
        world["aino"],
        world["lahtinen"],
        given_on=D("2023-05-01"),
        document="Lomake",
        scope="one",
        employer=other,
        today=TODAY,
    )
    everyone = services.record_consent(
        world["aino"],
        world["lahtinen"],
        given_on=D("2023-05-02"),
        document="Lomake 2",
        scope="all",
        today=TODAY,
    )
    services.withdraw_consent(world["aino"], everyone, withdrawn_on=D("2023-05-31"), today=TODAY)
    with pytest.raises(services.Refused):
        services.present(world["aino"], world["vacancy"], [world["lahtinen"]], today=TODAY)
    assert not Presentation.objects.exists()


def test_several_candidates_are_all_or_nothing(world, demo_customers):
    from kuntakokeilu.customers.models import Person

    warsame = Person.objects.get(last_name="Warsame")
    from tests.customers.conftest import make_customer

    make_customer(warsame, "091")
    services.record_consent(
        world["aino"], warsame, given_on=D("2023-05-02"), document="Lomake", scope="all", today=TODAY
    )
    with pytest.raises(services.Refused, match="Lahtinen"):
        services.present(world["aino"], world["vacancy"], [warsame, world["lahtinen"]], today=TODAY)
    assert not Presentation.objects.exists()


def test_consent_needs_the_written_document(world):
    with pytest.raises(services.Refused) as refused:
        services.record_consent(
            world["aino"], world["lahtinen"], given_on=D("2023-05-02"), document=" ", scope="all", today=TODAY
        )
    assert refused.value.field == "document" and "Suullinen" in _texts(refused.value)[0]
    assert not PresentationConsent.objects.exists()


def test_another_municipalitys_case_worker_records_nothing_for_the_person(world):
    for call in (
        lambda: services.record_consent(
            world["linnea"],
            world["lahtinen"],
            given_on=D("2023-05-02"),
            document="x",
            scope="all",
            today=TODAY,
        ),
        lambda: services.make_offer(
            world["linnea"],
            world["lahtinen"],
            offered_on=TODAY,
            apply_by=TODAY,
            offered_by="authority",
            job="x",
            today=TODAY,
        ),
    ):
        with pytest.raises(services.Refused):
            call()
    assert not PresentationConsent.objects.exists() and not JobOffer.objects.exists()


def _offer(world, offered_on, apply_by):
    return services.make_offer(
        world["aino"],
        world["lahtinen"],
        offered_on=D(offered_on),
        apply_by=D(apply_by),
        offered_by="authority",
        vacancy=world["vacancy"],
        today=TODAY,
    )


def test_a_refusal_more_than_6_months_after_the_initial_interview_counts(world):
    """Done-when of issue 17 item 4, R-SP-7: from 2.5.2022 only ≥ 6 months after the initial interview."""
    initial_interview(world["lahtinen"], D("2022-10-03"))
    done = services.record_outcome(
        world["aino"],
        _offer(world, "2023-05-20", "2023-05-31"),
        outcome="refused",
        outcome_on=D("2023-05-25"),
        refusal_reason="Ei kiinnosta.",
        today=TODAY,
    )
    assert done.judgement.result["counts"] is True
    assert done.offer.outcome == "refused" and done.offer.refusal_reason == "Ei kiinnosta."


def test_a_refusal_earlier_does_not_count(world):
    initial_interview(world["lahtinen"], D("2023-01-10"))
    initial_interview(world["lahtinen"], D("2023-05-26"))  # after the offer: not the one that counts
    done = services.record_outcome(
        world["aino"],
        _offer(world, "2023-05-20", "2023-05-31"),
        outcome="refused",
        outcome_on=D("2023-05-25"),
        refusal_reason="Ei kiinnosta.",
        today=TODAY,
    )
    assert done.judgement.result == {"counts": False, "model": "nordic", "passed": D("2023-07-10")}


def test_applied_is_not_judged_and_no_answer_waits_for_the_date_to_apply_by(world):
    offer = _offer(world, "2023-05-20", "2023-05-31")
    with pytest.raises(services.Refused) as refused:
        services.record_outcome(
            world["aino"], offer, outcome="no_answer", outcome_on=D("2023-05-31"), today=TODAY
        )
    assert refused.value.field == "outcome_on" and "31.5.2023" in str(refused.value.message)
    with pytest.raises(services.Refused) as refused:
        services.record_outcome(
            world["aino"], offer, outcome="refused", outcome_on=D("2023-05-25"), today=TODAY
        )
    assert refused.value.field == "refusal_reason"
    offer.refresh_from_db()
    assert offer.outcome == ""
    done = services.record_outcome(
        world["aino"], offer, outcome="applied", outcome_on=D("2023-05-25"), today=TODAY
    )
    assert done.judgement is None
    assert (
        services.record_outcome(
            world["aino"],
            _offer(world, "2023-05-02", "2023-05-10"),
            outcome="no_answer",
            outcome_on=D("2023-05-11"),
            today=TODAY,
        ).judgement.result["counts"]
        is False
    )


def test_an_offer_needs_a_job_and_dates_in_order(world):
    base = {
        "offered_on": D("2023-05-20"),
        "apply_by": D("2023-05-31"),
        "offered_by": "authority",
        "job": "siivooja",
    }
    for change, field in (
        ({"job": ""}, "job"),
        ({"apply_by": D("2023-05-19")}, "apply_by"),
        ({"offered_on": D("2023-06-02"), "apply_by": D("2023-06-10")}, "offered_on"),
        ({"offered_by": "friend"}, "offered_by"),
    ):
        with pytest.raises(services.Refused) as refused:
            services.make_offer(world["aino"], world["lahtinen"], today=TODAY, **(base | change))
        assert refused.value.field == field
    assert not JobOffer.objects.exists()
