from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.regions.models import TrialArea

from . import queries, services
from .actions import can
from .decorators import requires
from .forms import AssignmentForm, SignInForm, StaffMemberForm
from .models import RoleAssignment


class SignInView(LoginView):
    template_name = "access/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        language = services.user_language(form.get_user())
        if language:
            translation.activate(language)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


sign_in = requires("access.sign_in")(SignInView.as_view())
sign_out = requires("access.sign_in")(LogoutView.as_view())


@requires("access.manage_staff")
def staff_index(request):
    """The trial areas whose staff the user manages (an area manager usually has one: go straight there)."""
    today = clock.today()
    areas = [a for a in TrialArea.objects.all() if can(request.user, "access.manage_staff", a, today)]
    if len(areas) == 1:
        return redirect("access:staff-area", number=areas[0].number)
    return render(request, "access/staff_index.html", {"areas": areas})


def _area(request, number):
    return get_object_or_404(TrialArea.objects.select_related("ely"), number=number)


@requires("access.manage_staff", get_object=_area)
def staff_area(request, area):
    today = clock.today()
    form = StaffMemberForm(request.POST or None, area=area, initial={"valid_from": today, "language": "fi"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_staff_member(
                request.user,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                language=data["language"],
                password=data["password"],
                assignment=form.assignment(),
                on=today,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except PermissionDenied:
            form.add_error(None, _("You cannot give this role."))
        else:
            return redirect("access:staff-user", user_id=user.pk)
    return render(
        request,
        "access/staff_area.html",
        {"area": area, "staff": queries.area_staff(area, today), "form": form, "today": today},
    )


def _staff_user(request, user_id):
    return get_object_or_404(get_user_model(), pk=user_id)


@requires("access.manage_user", get_object=_staff_user)
def staff_user(request, user):
    today = clock.today()
    area = queries.home_area_of(user, today)
    form = None
    if area is not None:
        form = AssignmentForm(request.POST or None, area=area, initial={"valid_from": today})
        if request.method == "POST" and form.is_valid():
            try:
                services.add_assignment(request.user, user, form.assignment(), today)
            except ValidationError as exc:
                form.add_error(None, exc)
            except PermissionDenied:
                form.add_error(None, _("You cannot give this role."))
            else:
                return redirect("access:staff-user", user_id=user.pk)
    assignments = user.role_assignments.select_related("municipality", "trial_area", "te_office", "ely")
    return render(
        request,
        "access/staff_user.html",
        {"staff_user": user, "assignments": assignments, "form": form, "area": area, "today": today},
    )


@require_POST
@requires(
    "access.manage_user", get_object=lambda request, user_id, assignment_id: _staff_user(request, user_id)
)
def end_assignment(request, user):
    assignment = get_object_or_404(
        RoleAssignment, pk=request.resolver_match.kwargs["assignment_id"], user=user
    )
    services.end_assignment(request.user, assignment, clock.today())
    return redirect("access:staff-user", user_id=user.pk)


@requires("access.view_catalogue")
def catalogue(request):
    """The action catalogue generated from the registered actions, for admins (R-X-1)."""
    from .catalogue import entries

    return render(request, "access/catalogue.html", {"rows": entries()})
