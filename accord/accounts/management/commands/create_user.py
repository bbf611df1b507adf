"""`accord create-user USERNAME [--role ROLE --framework SLUG --organization CODE --entity ID]
[--email E] [--password-stdin]`: create a user (or reuse one) and grant a role.

Reads the password from standard input with --password-stdin, else generates one and
prints it. Writes the user and the membership (history names no user: the operator).
A bad role or name ends with a one-line error and nothing written: the username and
e-mail are checked like the pages check them (``UserFields``: Django's username rule,
150 characters at most, no control character or bidi override; a valid e-mail).
"""

from __future__ import annotations

import sys

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accord.accounts.management.commands._roles import add_role_arguments, one_line, scope
from accord.accounts.users import create_user
from accord.core.text import LIMITS, errors_by_field, validate_name


class UserFields(forms.Form):
    """What the command line gives of a new user, checked before anything is written."""

    username = forms.CharField(
        max_length=LIMITS["username"], validators=[UnicodeUsernameValidator(), validate_name]
    )
    email = forms.EmailField(required=False, max_length=254)


class Command(BaseCommand):
    help = (
        "Create a user with a role: e.g. accord create-user bob --role coordinator --framework un-oic "
        "--organization oic. Prints a generated password unless --password-stdin."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        add_role_arguments(parser, role_required=False)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )

    def handle(self, *args, **options):
        fields = UserFields({"username": options["username"], "email": options["email"]})
        if not fields.is_valid():
            raise CommandError(errors_by_field(fields))
        password = None
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
            if not password:
                raise CommandError("no password on standard input")
        try:
            with transaction.atomic():
                user, password, created = create_user(
                    options["username"],
                    password=password,
                    email=options["email"],
                    role=options["role"],
                    **scope(options),
                )
        except ValidationError as exc:
            raise CommandError(one_line(exc)) from exc
        self.stdout.write(
            f"{'created' if created else 'updated'} user {user.username}"
            + (f" ({options['role']})" if options["role"] else "")
        )
        if password and not options["password_stdin"]:
            self.stdout.write(f"password: {password}")
