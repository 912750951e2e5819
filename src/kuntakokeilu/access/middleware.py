"""Nothing personal in a cache (R-X-1, R-X-2): every response to a signed-in user and every API response
is marked `Cache-Control: no-store, private`, so that no browser, proxy or shared cache keeps a person's
data (pages, notices, PDFs, API answers). Public pages to anonymous visitors stay cacheable."""

from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith("/api/") or (user is not None and user.is_authenticated):
            patch_cache_control(response, no_store=True, private=True)
        return response
