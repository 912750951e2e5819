"""Decision records become compact (issue 13 item 2): each stored `Outcome.to_record()` of a customership or
a due transfer is rewritten by `rules.records.compact`, its rule version stored once (`RuleVersion`).

A version recorded before versions were stored gets no code hash; its parameters' history is the parameter
files' of the day of conversion only where its parameter fingerprint shows they are the same — otherwise every
parameter value a check used stays in the check's shape, exactly as recorded. Reversible: `expand` gives
back the full records. (The conversion uses the live `rules.records`, whose format is versioned by
`records.FORMAT`; a later format change brings its own migration.)
"""

from django.db import migrations

BATCH = 2000
MODELS = ("Customership", "DueTransfer")


def _histories(records):
    from kuntakokeilu.rules.parameters import default_store
    from kuntakokeilu.rules.registry import get_rule

    store = default_store()
    found = {}
    for rule_name, version in {(r["rule"], r["rule_version"]) for r in records}:
        names = get_rule(rule_name).parameters
        same = version.rsplit(".", 1)[-1] == store.fingerprint(names)
        found[(rule_name, version)] = {n: list(store.history(n)) for n in names} if same else {}
    return found


def compact_all(apps, schema_editor):
    from kuntakokeilu.rules.outcome import Outcome
    from kuntakokeilu.rules.records import compact, is_compact
    from kuntakokeilu.rules.storage import history_to_json

    RuleVersion = apps.get_model("rules", "RuleVersion")
    RecordPart = apps.get_model("rules", "RecordPart")
    for name in MODELS:
        model = apps.get_model("customers", name)
        rows = [r for r in model.objects.exclude(decision=None).only("pk", "decision") if not is_compact(r.decision)]
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            histories = _histories([r.decision for r in chunk])
            parts = {}
            for row in chunk:
                key = (row.decision["rule"], row.decision["rule_version"])
                row.decision = compact(Outcome.from_record(row.decision), histories[key], parts)
            RuleVersion.objects.bulk_create(
                [RuleVersion(rule=r, version=v, parameters=history_to_json(h)) for (r, v), h in histories.items()],
                ignore_conflicts=True,
            )
            RecordPart.objects.bulk_create(
                [RecordPart(key=k, value=v) for k, v in parts.items()], ignore_conflicts=True
            )
            model.objects.bulk_update(chunk, ["decision"])


def expand_all(apps, schema_editor):
    from kuntakokeilu.rules.records import expand, is_compact
    from kuntakokeilu.rules.storage import history_from_json

    RuleVersion = apps.get_model("rules", "RuleVersion")
    RecordPart = apps.get_model("rules", "RecordPart")
    parts = dict(RecordPart.objects.values_list("key", "value"))
    histories = {(v.rule, v.version): history_from_json(v.parameters) for v in RuleVersion.objects.all()}
    for name in MODELS:
        model = apps.get_model("customers", name)
        rows = [r for r in model.objects.exclude(decision=None).only("pk", "decision") if is_compact(r.decision)]
        for row in rows:
            record = row.decision
            row.decision = expand(record, parts, histories[(record["rule"], record["version"])]).to_record()
        model.objects.bulk_update(rows, ["decision"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0007_verbose_names"),
        ("rules", "0001_decision_storage"),
    ]

    operations = [migrations.RunPython(compact_all, expand_all)]
