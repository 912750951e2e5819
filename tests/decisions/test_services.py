"""Benefit decisions prepared, accepted (maker–checker), cancelled and corrected (R-BEN-1, issue 18 item 2
and item 7: bad input refused with a localised message, nothing changed)."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.utils import translation

from kuntakokeilu.access.models import RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind
from kuntakokeilu.decisions import services
from kuntakokeilu.decisions.models import Decision, DecisionLetter, Kind, LetterTemplate, Status
from kuntakokeilu.regions.models import Municipality
from tests.decisions.conftest import ON, WAGE_FACTS
from tests.letters.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def _prepare(world, **changes):
    args = {
        "person": world["jari"],
        "instrument": "wage-subsidy",
        "facts": WAGE_FACTS,
        "amount": Decimal("9000.00"),
        "percent": 50,
        "start": dt.date(2023, 10, 1),
        "end": dt.date(2024, 7, 31),
        "by": world["ville"],
        "on": ON,
    }
    return services.prepare(**{**args, **changes})


def test_prepare_stores_a_draft_with_the_rules_outcome(world):
    """R-BEN-1: the rule runs on the decision date and its outcome is stored with the draft."""
    decision = _prepare(world)
    assert decision.status == Status.DRAFT and decision.kind == Kind.ORIGINAL
    assert decision.municipality.code == "205"
    assert decision.diary_number.startswith("205/2023/")
    assert decision.outcome["rule"] == "wage-subsidy"


@pytest.mark.parametrize(
    ("changes", "field", "fi"),
    [
        ({"percent": 70}, "percent", "enintään 50 prosenttia"),
        ({"end": dt.date(2024, 8, 1)}, "end", "enintään 10 kuukautta"),
        ({"end": dt.date(2023, 9, 1)}, "end", "päättyy ennen"),
        ({"amount": Decimal(0)}, "amount", "euroina"),
        ({"facts": {**WAGE_FACTS, "employer_type": "this_pilot_municipality"}}, None, "TE-toimisto"),
        ({"facts": {**WAGE_FACTS, "employment_started_before_decision": True}}, None, "eivät salli"),
        ({"facts": {**WAGE_FACTS, "age": "x"}}, "age", "Ikä"),
        ({"instrument": "no-such"}, "instrument", "Valitse"),
    ],
)
def test_prepare_refuses_what_the_rule_does_not_allow(world, changes, field, fi):
    """R-BEN-1, issue 18 item 7: beyond the rule → a localised message naming the field, nothing saved."""
    with pytest.raises(services.Refused) as refused:
        _prepare(world, **changes)
    assert refused.value.field == field
    with translation.override("fi"):
        assert fi in str(refused.value.message)
    assert not Decision.objects.exists()


def test_prepare_refuses_another_municipality_and_approvers(world):
    """R-X-1: only the customer municipality's case workers prepare."""
    for user in (world["linnea"], world["antti"]):
        with pytest.raises(services.Refused):
            _prepare(world, by=user)
    assert not Decision.objects.exists()


def test_maker_checker_and_the_stored_letter(world):
    """R-BEN-1: the preparer can never accept; the approver's acceptance stores the Finnish letter once."""
    decision = _prepare(world)
    RoleAssignment.objects.create(  # the preparer an approver too: still never both on one decision
        user=world["ville"],
        role=Role.APPROVER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="205"),
        valid_from=dt.date(2021, 1, 1),
    )
    with pytest.raises(services.Refused) as refused:
        services.accept(decision, world["ville"], ON)
    with translation.override("fi"):
        assert "toisen henkilön" in str(refused.value.message)
    decision.refresh_from_db()
    assert decision.status == Status.DRAFT and not DecisionLetter.objects.exists()
    with pytest.raises(services.Refused):
        services.accept(decision, world["ulrika"], ON)  # Porvoo's approver
    services.accept(decision, world["antti"], ON)
    decision.refresh_from_db()
    assert decision.status == Status.ACCEPTED and decision.approved_by == world["antti"]
    letter = decision.letter
    assert letter.language == "fi"
    assert letter.checksum == hashlib.sha256(bytes(letter.pdf)).hexdigest()
    assert letter.template.legal_review_pending
    with pytest.raises(services.Refused):
        services.accept(decision, world["antti"], ON)  # accepted already


def test_pdf_text_in_finnish(world):
    """R-BEN-1: the Finnish letter has the grounds and the instructions for a request for rectification."""
    from kuntakokeilu.decisions import decision_letter
    from kuntakokeilu.letters.pdf import render_pdf

    decision = services.accept(_prepare(world), world["antti"], ON)
    letter = decision_letter.from_json(decision.letter.content)
    shown = pdf_text(render_pdf(letter, compress=False))
    assert "Perustelut" in shown and "Oikaisuvaatimusohje" in shown
    assert "50 prosenttia" in shown and "Kajaani" in shown


def test_porvoo_decision_in_swedish(world):
    """R-BEN-1: a Swedish-speaking Porvoo customer's letter is in Swedish."""
    decision = _prepare(
        world,
        person=world["johan"],
        by=world["linnea"],
        facts={**WAGE_FACTS, "unemployed_months_last_14": 3},
        end=dt.date(2024, 2, 29),  # 50 % for 5 months (JTYPL 7:9 as 371/2023)
    )
    services.accept(decision, world["ulrika"], ON)
    content = Decision.objects.get(pk=decision.pk).letter.content
    assert content["language"] == "sv"
    assert content["appeal"]["heading"] == "Anvisning om begäran om omprövning"
    assert content["title"].startswith("Beslut")


def test_correction_and_cancellation_are_new_decisions(world):
    """R-BEN-1: nothing is edited in place; the old decision's status changes when the new one is accepted."""
    old = services.accept(_prepare(world), world["antti"], ON)
    fix = services.correct(
        old,
        facts=WAGE_FACTS,
        amount=Decimal("8000"),
        percent=40,
        start=dt.date(2023, 10, 1),
        end=dt.date(2024, 6, 30),
        by=world["emma"],
        on=ON,
        reason="Väärä prosentti",
    )
    assert fix.replaces == old and fix.kind == Kind.CORRECTION
    with pytest.raises(services.Refused):
        services.cancel(old, world["emma"], ON, "Toinen")  # one pending at a time
    services.accept(fix, world["antti"], ON)
    old.refresh_from_db()
    assert old.status == Status.CORRECTED
    gone = services.cancel(fix, world["ville"], ON, "Työsuhde ei alkanut")
    services.accept(gone, world["antti"], ON)
    fix.refresh_from_db()
    assert fix.status == Status.CANCELLED and gone.kind == Kind.CANCELLATION
    with pytest.raises(services.Refused):
        services.cancel(fix, world["ville"], ON, "Uudelleen")


def test_a_new_template_version_leaves_the_stored_letter(world):
    decision = services.accept(_prepare(world), world["antti"], ON)
    used = decision.letter.template
    LetterTemplate.objects.create(
        instrument="all",
        language="fi",
        valid_from=ON,
        grounds_intro="Uusi",
        appeal_heading="Uusi ohje",
        appeal_text="Teksti",
        legal_review_pending=False,
    )
    stored = DecisionLetter.objects.get(pk=decision.letter.pk)
    assert stored.template == used and "Uusi ohje" not in str(stored.content)
    with pytest.raises(ValueError):
        used.save()


def test_the_stored_pdf_reads_back_in_finnish(world):
    """R-BEN-1: the stored (compressed) PDF itself shows the grounds and the rectification instructions."""
    from tests.decisions.pdf import stored_text

    decision = services.accept(_prepare(world), world["antti"], ON)
    shown = stored_text(bytes(decision.letter.pdf))
    assert "Perustelut" in shown and "Oikaisuvaatimusohje" in shown and "oikaisua" in shown


def test_explain_as_of_puts_the_stored_outcome_beside_todays_rules(world):
    """R-BEN-1, issue 18 item 2 (recompute as of): a decision of 1.6.2023 under 1456/2016 (40 % for 12
    months after 12 of 14 months unemployed) beside the rules of 15.9.2023 (371/2023: 50 % for 10 months)."""
    from kuntakokeilu.decisions.queries import explain_as_of

    decision = _prepare(world, on=dt.date(2023, 6, 1), percent=40, end=dt.date(2024, 9, 30))
    as_of = explain_as_of(decision, ON)
    assert as_of.stored.on == dt.date(2023, 6, 1) and as_of.now.on == ON
    assert as_of.stored.result["max_percent"] == 40 and as_of.now.result["max_percent"] == 50
    assert set(as_of.changed) == {"max_percent", "max_months"}
    assert any(differs for _code, _old, _new, differs in as_of.rows)
    same = explain_as_of(
        _prepare(world, person=world["johan"], by=world["linnea"], end=dt.date(2024, 7, 31)), ON
    )
    assert same.changed == () and not any(differs for *_rest, differs in same.rows)
