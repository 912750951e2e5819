"""What the rule engine stores: each rule version once, and the parts that many decision records share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleVersion(models.Model):
    """One version of a rule (R-REF-3), stored once: the code it is (its modules and their hash) and every
    dated value of the parameters it reads, the whole history. A decision names its version and nothing more.
    A version recorded before versions were stored has an empty `code_hash` (and `parameters` only where its
    parameter fingerprint is that of the files of the day the records were converted)."""

    rule = models.CharField(max_length=60)
    version = models.CharField(max_length=80)
    code_hash = models.CharField(max_length=64, blank=True)
    modules = models.JSONField(default=list)
    parameters = models.JSONField(default=dict)  # {name: [{"from", "to", "value", "unit", "reference"}]}
    first_seen = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rule version")
        verbose_name_plural = _("rule versions")
        ordering = ["rule", "first_seen"]
        constraints = [models.UniqueConstraint(fields=["rule", "version"], name="rule_version_once")]

    def __str__(self) -> str:
        return f"{self.rule} {self.version}"


class RecordPart(models.Model):
    """A check's shape, or a value, that many decision records share (`records.py`), stored once under the
    hash of its content: the same key always means the same value, so a row is never changed."""

    key = models.CharField(max_length=16, primary_key=True)
    value = models.JSONField()

    class Meta:
        verbose_name = _("part of a stored decision")
        verbose_name_plural = _("parts of stored decisions")

    def __str__(self) -> str:
        return self.key
