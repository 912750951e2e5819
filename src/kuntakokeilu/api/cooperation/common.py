"""What the network's endpoints share: the tag, the area lookup and the method's action."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kuntakokeilu.cooperation import services
from kuntakokeilu.regions.models import TrialArea

from ..base import CatalogueView
from ..errors import ApiError
from ..transfers.common import MethodCatalogueSchema

TAGS = ["co-operation network"]


class AreaView(CatalogueView):
    """GET with `cooperation.view`, POST with `cooperation.manage`, both on the trial area of the path."""

    kk_action = "cooperation.view"
    method_actions = {"POST": "cooperation.manage"}
    schema = MethodCatalogueSchema()
    not_found = ("trial_area_not_found", gettext_lazy("No such trial area."))

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    def get_kk_object(self) -> TrialArea:
        area = TrialArea.objects.filter(number=self.kwargs["number"]).first()
        if area is None:
            raise self.object_not_found()
        return area


def refusal(refused: services.Refused, code: str) -> ApiError:
    message = str(refused.message)
    fields = {refused.field: [message]} if refused.field else None
    return ApiError(400, code, message, fields)
