"""The account pages Django does not provide: the TOTP second factor."""

from __future__ import annotations

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from accord.accounts import permissions, services
from accord.accounts.middleware import OTP_REQUIRED


class CodeForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("Code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": gettext_lazy("Enter the six digits of the code.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """The second step of signing in, for users with a confirmed device."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("This code is wrong or has expired."))
    return render(request, "registration/otp_verify.html", {"form": form, "next": _next(request)})


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Enrol (or remove) a TOTP authenticator: administrators and coordinators."""
    permissions.require(permissions.can_use_second_factor(request.user))
    user = request.user
    enrolled = user_has_device(user, confirmed=True)
    form = CodeForm(request.POST if "token" in request.POST else None)
    if request.method == "POST" and "remove" in request.POST:
        services.totp_device_remove(user=user)
        request.session[OTP_REQUIRED] = False
        messages.success(request, _("The second factor is removed."))
        return redirect("otp-setup")
    if request.method == "POST" and form.is_valid():
        device = services.totp_device_confirm(user=user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            request.session[OTP_REQUIRED] = True
            messages.success(request, _("The second factor is on: sign-in will ask for a code."))
            return redirect("otp-setup")
        form.add_error("token", _("This code is wrong or has expired."))
    if enrolled and request.method == "GET":
        return render(request, "registration/otp_setup.html", {"enrolled": True})
    device = services.totp_device_pending(user=user)
    if device is None or request.method == "GET":
        device = services.totp_device_start(user=user)
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, light="#fff")
    key = b32encode(device.bin_key).decode()
    context = {"enrolled": enrolled, "form": form, "qr": qr, "key": key}
    return render(request, "registration/otp_setup.html", context)
