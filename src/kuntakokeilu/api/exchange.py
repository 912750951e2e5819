"""The exchange formats under the API docs, and the status of export and import jobs (issue 20 items 1
and 6; R-INT-1).

`/api/docs/formats/` lists every published JSON Schema (public, as the API description is) and
`/api/docs/formats/<name>.v<N>.json` serves one; `/api/v1/exchange/jobs/` and `…/jobs/<id>/` give the
admins the jobs' status, progress and result (an import's errors with file, line, field and the message in
the request's language)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.exchange import queries, schemas, services

from .base import CatalogueView, ErrorSerializer

TAGS = ["exchange"]


class FormatSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="The record type, e.g. persons; its file is <type>.jsonl.")
    version = serializers.IntegerField()
    title = serializers.CharField()
    schema = serializers.CharField(help_text="The JSON Schema's URL.")


class Formats(CatalogueView):
    """Every exchange format: one versioned JSON Schema per record type (docs/formats/exchange.md)."""

    kk_action = "api.view_schema"

    @extend_schema(tags=TAGS, responses={200: FormatSerializer(many=True)})
    def get(self, request):
        rows = [
            {
                "type": name,
                "version": version,
                "title": schemas.schema(name, version)["title"],
                "schema": request.build_absolute_uri(
                    reverse("api:exchange-format", args=[schemas.file_name(name, version)])
                ),
            }
            for name, version in schemas.published()
        ]
        return Response(FormatSerializer(rows, many=True).data)


class FormatSchema(CatalogueView):
    """One exchange format's JSON Schema, as published in docs/formats/schemas/."""

    kk_action = "api.view_schema"
    not_found = ("format_not_found", gettext_lazy("No such exchange format."))

    @extend_schema(tags=TAGS, responses={200: dict, 404: ErrorSerializer})
    def get(self, request, schema_name: str):
        for name, version in schemas.published():
            if schemas.file_name(name, version) == schema_name:
                return Response(schemas.schema(name, version))
        raise self.object_not_found()


class ErrorItemSerializer(serializers.Serializer):
    file = serializers.CharField()
    line = serializers.IntegerField(help_text="The record's line; 0 for the file as a whole.")
    field = serializers.CharField(allow_blank=True)
    message = serializers.CharField(help_text="The message in the request's language.")


class JobSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=["export", "import"])
    status = serializers.ChoiceField(choices=["READY", "RUNNING", "SUCCESSFUL", "FAILED"])
    enqueued_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    percent = serializers.IntegerField()
    step = serializers.CharField(allow_blank=True)
    manifest = serializers.DictField(allow_null=True, help_text="An export's manifest.")
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="An import's records by type.")
    errors = ErrorItemSerializer(many=True, help_text="An import's errors: nothing was imported.")


def _job(summary: dict) -> dict:
    language = get_language() or "fi"
    errors = [
        {"file": e["file"], "line": e["line"], "field": e["field"], "message": services.render(e, language)}
        for e in summary["errors"]
    ]
    return {**summary, "errors": errors}


class JobList(CatalogueView):
    """The newest export and import jobs (admins)."""

    kk_action = "exchange.view_jobs"

    @extend_schema(tags=TAGS, responses={200: JobSerializer(many=True)})
    def get(self, request):
        return Response(JobSerializer([_job(queries.summary(j)) for j in queries.jobs()], many=True).data)


class JobDetail(CatalogueView):
    """One export or import job: status, progress and result (admins)."""

    kk_action = "exchange.view_jobs"
    not_found = ("job_not_found", gettext_lazy("No such export or import job."))

    @extend_schema(tags=TAGS, responses={200: JobSerializer, 404: ErrorSerializer})
    def get(self, request, job_id):
        found = queries.job(job_id)
        if found is None:
            raise self.object_not_found()
        return Response(JobSerializer(_job(queries.summary(found))).data)
