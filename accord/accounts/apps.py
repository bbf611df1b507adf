from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accord.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_after_sign_in, dispatch_uid="accord-after-sign-in")


def _after_sign_in(sender, request, user, **kwargs):
    """Remember whether this session must still give a TOTP code, and start its idle clock."""
    import time

    from django_otp import user_has_device

    from accord.accounts.middleware import OTP_REQUIRED, SEEN

    if request is not None and hasattr(request, "session"):
        request.session[OTP_REQUIRED] = user_has_device(user, confirmed=True)
        request.session[SEEN] = int(time.time())
