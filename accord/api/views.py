"""The page of a user's personal API tokens (``/accounts/tokens/``): the list (name, key
prefix, scope, expiry, last use), a form to create one (its key is shown once, on the
page after the form), and a button to revoke each. Writes through ``accord.api.tokens``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accord.api.models import ApiToken
from accord.api.tokens import token_create, token_revoke
from accord.core.errors import AccordError
from accord.core.text import guard_text_fields

DAYS = [(30, gettext_lazy("30 days")), (90, gettext_lazy("90 days")), (365, gettext_lazy("1 year"))]


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the token"), max_length=100)
    scope = forms.ChoiceField(label=gettext_lazy("Scope"), choices=ApiToken.Scope.choices)
    days = forms.TypedChoiceField(
        label=gettext_lazy("Valid for"), choices=DAYS, coerce=int, initial=90
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


NEW_KEY = "api-token-new-key"  # the session holds a new key from the POST to the next GET


@login_required
def tokens(request):
    """The list and the creation form. A new token's key is shown once, on the page the
    form redirects to (so that reloading it neither shows the key again nor makes a token)."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _token, key = token_create(user=request.user, **form.cleaned_data)
        except AccordError as error:
            form.add_error(None, str(error))
        else:
            request.session[NEW_KEY] = key
            return redirect("api-tokens")
    context = {
        "form": form,
        "key": request.session.pop(NEW_KEY, None) if request.method == "GET" else None,
        "tokens": ApiToken.objects.filter(user=request.user),
    }
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_revoke(token=token, user=request.user)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("api-tokens")
