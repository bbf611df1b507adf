"""`accord grant USERNAME --role ROLE [--framework SLUG --organization CODE --entity ID]`:
give an existing user a role (idempotent). Writes the membership and ``is_staff``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accord.accounts.management.commands._roles import (
    add_role_arguments,
    existing_user,
    one_line,
    scope,
)
from accord.accounts.users import grant


class Command(BaseCommand):
    help = "Give a user a role, e.g. accord grant carol --role focal-point --framework un-oic --entity un.ohchr."

    def add_arguments(self, parser):
        parser.add_argument("username")
        add_role_arguments(parser, role_required=True)

    def handle(self, *args, **options):
        user = existing_user(options["username"])
        try:
            membership, created = grant(user, options["role"], **scope(options))
        except ValidationError as exc:
            raise CommandError(one_line(exc)) from exc
        self.stdout.write(f"{'granted' if created else 'already granted'}: {membership}")
