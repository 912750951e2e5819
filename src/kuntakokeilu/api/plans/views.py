"""The plans' endpoints (R-SP-5): actions `plans.view` (GET) and `plans.record` (POST). A refusal of the
services is a 400 naming each field (`steps.1.due_on`, …) with the message in the request's language, and
nothing is written; another person's plan is a missing one (404). Every answer is logged (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.plans import queries, services
from kuntakokeilu.plans.models import Plan

from ..customers import PersonView
from ..errors import ApiError
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid
from .serializers import ApprovalSerializer, NewPlanSerializer, PlanSerializer, VersionSerializer

TAGS = ["plans"]


def refused(exc: services.Refused) -> ApiError:
    fields = {f: texts for f, texts in exc.by_field(None).items() if f}
    return ApiError(400, "plan_refused", exc.texts(None)[0], fields or None)


class _ByMethod(PersonView):
    kk_action = "plans.view"
    method_actions = {"POST": "plans.record"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)


class PersonPlans(_ByMethod):
    """GET: a job seeker's plans with their versions (the newest first), steps, services and approvals.
    POST: a new plan and its first version, dated today or earlier; a step due before the plan, a version
    outside the municipality's customership and the like are refused (400)."""

    @extend_schema(tags=TAGS, responses={200: PlanSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            audit.record(request.user, [person], "api:person-plans", Purpose.CUSTOMER_SERVICE)
            return Response(PlanSerializer(queries.plans_of(person), many=True).data)

    @extend_schema(tags=TAGS, request=NewPlanSerializer, responses={201: VersionSerializer, **ERRORS})
    def post(self, request, person_id):
        body = NewPlanSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        content = body.content()
        kind = content.pop("kind")
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                version = services.create_plan(request.user, person, kind, today=clock.today(), **content)
                audit.record(request.user, [person], "api:person-plans", Purpose.CUSTOMER_SERVICE)
                data = VersionSerializer(version).data
        except services.Refused as exc:
            raise refused(exc) from None
        return Response(data, status=201)


class _PlanView(_ByMethod):
    not_found = ("plan_not_found", services.NO_SUCH_PLAN)

    def get_kk_object(self):
        plan = (
            Plan.objects.select_related("person")
            .filter(pk=self.kwargs["plan_id"], person_id=self.kwargs["person_id"])
            .first()
        )
        if plan is None:
            raise self.object_not_found()
        return plan

    def object_not_found(self) -> ApiError:
        code, message = self.not_found
        return ApiError(404, code, gettext(message))


class PlanVersions(_PlanView):
    """GET: the plan's versions, the newest first. POST: a new version (the older ones stay as they are)."""

    @extend_schema(tags=TAGS, responses={200: VersionSerializer(many=True), **ERRORS})
    def get(self, request, person_id, plan_id):
        with transaction.atomic():
            plan = self.get_kk_object()
            audit.record(request.user, [plan.person], "api:plan-versions", Purpose.CUSTOMER_SERVICE)
            versions = queries.versions_prefetched().filter(plan=plan).order_by("-number")
            return Response(VersionSerializer(versions, many=True).data)

    @extend_schema(tags=TAGS, request=VersionSerializer, responses={201: VersionSerializer, **ERRORS})
    def post(self, request, person_id, plan_id):
        body = VersionSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                plan = self.get_kk_object()
                version = services.add_version(
                    request.user, plan.person, plan, today=clock.today(), **body.content()
                )
                audit.record(request.user, [plan.person], "api:plan-versions", Purpose.CUSTOMER_SERVICE)
                data = VersionSerializer(version).data
        except services.Refused as exc:
            raise refused(exc) from None
        return Response(data, status=201)


class PlanApprovals(_PlanView):
    """POST: a party's approval of the version (once per party, not before the plan's date nor after
    today). The version's approvals are in its GET."""

    kk_action = "plans.record"
    method_actions = {}

    @extend_schema(tags=TAGS, request=ApprovalSerializer, responses={201: ApprovalSerializer, **ERRORS})
    def post(self, request, person_id, plan_id, version_no):
        body = ApprovalSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                plan = self.get_kk_object()
                version = queries.version_of(plan.person, plan.pk, version_no)
                if version is None:
                    raise ApiError(404, "version_not_found", gettext(services.NO_SUCH_VERSION))
                approval = services.record_approval(
                    request.user, plan.person, version, today=clock.today(), **body.validated_data
                )
                audit.record(request.user, [plan.person], "api:plan-approvals", Purpose.CUSTOMER_SERVICE)
                data = ApprovalSerializer(approval).data
        except services.Refused as exc:
            raise refused(exc) from None
        return Response(data, status=201)
