"""Transfer requests become work items: the deciding TE office is stored (the TE office of the person's
place when the request was asked), so that worklists filter on it in SQL. Existing requests get it from
the register as `transfer_requests.deciding_te_office` would have named it."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q


def _place(Fact, person_id, on):
    """The kotikunta on `on` (with temporary protection and none, the residence); before the first
    kotikunta, the first one (as `queries.home_municipality_code`)."""
    facts = Fact.objects.filter(person_id=person_id, superseded=False)

    def held(kind):
        return facts.filter(kind=kind, valid_from__lte=on).order_by("-valid_from").first()

    kotikunta, protected = held("kotikunta"), held("temporary_protection")
    if kotikunta is None and protected is not None and protected.flag:
        residence = held("residence")
        if residence is not None:
            return residence.municipality_id
    if kotikunta is not None:
        return kotikunta.municipality_id
    first = facts.filter(kind="kotikunta").order_by("valid_from").first()
    return first.municipality_id if first else None


def fill_handlers(apps, schema_editor):
    TransferRequest = apps.get_model("customers", "TransferRequest")
    Fact = apps.get_model("customers", "Fact")
    RegionalMembership = apps.get_model("regions", "RegionalMembership")
    for request in TransferRequest.objects.filter(handler_te_office__isnull=True):
        municipality = _place(Fact, request.person_id, request.asked_on)
        on = request.asked_on
        membership = (
            RegionalMembership.objects.filter(municipality_id=municipality, valid_from__lte=on)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
            .first()
        )
        if membership is not None:
            request.handler_te_office_id = membership.te_office_id
            request.save(update_fields=["handler_te_office"])


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0004_worklist_and_requests"),
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="transferrequest",
            name="handler_te_office",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="regions.teoffice",
                verbose_name="deciding TE office",
            ),
        ),
        migrations.RunPython(fill_handlers, migrations.RunPython.noop),
    ]
