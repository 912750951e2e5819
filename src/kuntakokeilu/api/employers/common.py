"""What the employer side's endpoints share: their tag, the per-method action and the refusal as a 400."""

from __future__ import annotations

from kuntakokeilu.service_process.services import Refused

from ..errors import ApiError

TAGS = ["employers"]


class PerMethodAction:
    """A view whose methods ask different catalogue actions (`method_actions`)."""

    kk_action: str
    method_actions: dict[str, str] = {}

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]


def refusal(refused: Refused, code: str) -> ApiError:
    message = str(refused.message)
    fields = {refused.field: [message]} if refused.field else None
    return ApiError(400, code, message, fields)
