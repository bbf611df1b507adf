"""`accord revoke USERNAME --role ROLE [--framework SLUG --organization CODE --entity ID]`:
take a role away (soft delete, kept in history); without a scope, every membership of
that role. Writes the memberships and ``is_staff``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from accord.accounts.management.commands._roles import add_role_arguments, existing_user, scope
from accord.accounts.users import revoke


class Command(BaseCommand):
    help = "Take a role away from a user, e.g. accord revoke dan --role viewer --framework un-oic."

    def add_arguments(self, parser):
        parser.add_argument("username")
        add_role_arguments(parser, role_required=True)

    def handle(self, *args, **options):
        user = existing_user(options["username"])
        count = revoke(user, options["role"], **scope(options))
        if not count:
            raise CommandError(f"{user.username} has no such role")
        self.stdout.write(f"revoked {count} role(s) of {user.username}")
