"""`accord grant USERNAME --role ROLE [--framework SLUG --organization CODE --entity ID]
[--by USERNAME]`: give an existing user a role (idempotent). Writes the membership and
``is_staff``. Its history names who granted it: the user ``--by`` names (who must be
allowed to grant that role: an administrator, or for a focal point's role a coordinator
of the entity's side, as the permissions module says), or, without ``--by``, no user and
the change reason "command line"."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accord.accounts import permissions
from accord.accounts.management.commands._roles import (
    add_role_arguments,
    existing_user,
    one_line,
    scope,
)
from accord.accounts.models import Membership
from accord.accounts.users import grant, role_of

FROM_THE_COMMAND_LINE = "command line"


def granter(username: str | None, role: str, where: dict):
    """The user ``--by`` names, if they may grant ``role`` there (CommandError if not);
    None without ``--by``."""
    if username is None:
        return None
    by = existing_user(username)
    allowed = by.is_active and (
        permissions.is_administrator(by)
        or (
            role_of(role) == Membership.Role.FOCAL_POINT
            and permissions.can_grant_focal_role(by, where["framework"], where["entity"])
        )
    )
    if not allowed:
        raise CommandError(f"{username} may not grant the role {role} here")
    return by


class Command(BaseCommand):
    help = (
        "Give a user a role, e.g. accord grant carol --role focal-point --framework un-oic "
        "--entity un.ohchr --by alice."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        add_role_arguments(parser, role_required=True)
        parser.add_argument(
            "--by",
            metavar="USERNAME",
            help='who grants the role, named in its history (default: nobody, "command line")',
        )

    def handle(self, *args, **options):
        user = existing_user(options["username"])
        where = scope(options)
        by = granter(options["by"], options["role"], where)
        reason = None if by is not None else FROM_THE_COMMAND_LINE
        try:
            membership, created = grant(user, options["role"], **where, by=by, reason=reason)
        except ValidationError as exc:
            raise CommandError(one_line(exc)) from exc
        self.stdout.write(f"{'granted' if created else 'already granted'}: {membership}")
