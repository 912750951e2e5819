"""Retention runs' status (R-X-4; issue 20 item 3): the admins follow a run queued from the page or the
command — its status, the period applied and its counts. No person is named."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.retention import queries
from kuntakokeilu.retention.models import RetentionRun, Status

from .base import CatalogueView
from .transfers.common import ERRORS

TAGS = ["retention"]


class RetentionRunSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=Status.choices)
    cleared = serializers.DictField(
        child=serializers.IntegerField(), help_text="Rows cleared per table (app.Model → rows)."
    )

    class Meta:
        model = RetentionRun
        fields = [
            "id",
            "on",
            "dry_run",
            "status",
            "period_months",
            "examined",
            "due",
            "anonymised",
            "kept",
            "cleared",
            "created_at",
            "started_at",
            "finished_at",
            "error",
        ]


class RetentionRuns(CatalogueView):
    """The latest retention runs, newest first (at most 100)."""

    kk_action = "retention.view_runs"

    @extend_schema(tags=TAGS, responses={200: RetentionRunSerializer(many=True), **ERRORS})
    def get(self, request):
        return Response(RetentionRunSerializer(queries.runs(), many=True).data)


class RetentionRunDetail(CatalogueView):
    """One retention run: its status and counts."""

    kk_action = "retention.view_runs"
    not_found = ("retention_run_not_found", gettext_lazy("Not found."))

    def get_kk_object(self):
        run = RetentionRun.objects.filter(pk=self.kwargs["run_id"]).first()
        if run is None:
            raise self.object_not_found()
        return run

    @extend_schema(tags=TAGS, responses={200: RetentionRunSerializer, **ERRORS})
    def get(self, request, run_id):
        return Response(RetentionRunSerializer(self.get_kk_object()).data)
