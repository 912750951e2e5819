"""The OpenAPI description and its Swagger UI (R-INT-3), both public (action api.view_schema).

The UI's init script is served from its own URL (the split view), so the Content-Security-Policy
`script-src 'self'` holds; its template has no inline style either.
"""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .permissions import Catalogue


class SchemaView(SpectacularAPIView):
    kk_action = "api.view_schema"
    permission_classes = [Catalogue]


class DocsView(SpectacularSwaggerSplitView):
    kk_action = "api.view_schema"
    permission_classes = [Catalogue]
    template_name = "api/swagger_ui.html"
    url_name = "api:schema"
