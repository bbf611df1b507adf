"""What `accord create-user`, `accord grant` and `accord revoke` share: the role options
and turning their values into rows, with one-line errors."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from accord.accounts.users import ROLE_NAMES, UnknownName, resolve_scope


def add_role_arguments(parser, *, role_required: bool) -> None:
    parser.add_argument(
        "--role",
        required=role_required,
        choices=sorted(ROLE_NAMES),
        help="administrator, coordinator (of one side of a framework), focal-point (of an entity) "
        "or viewer (of a framework)",
    )
    parser.add_argument(
        "--framework",
        metavar="SLUG",
        help='the framework, e.g. "un-oic" (all roles but administrator)',
    )
    parser.add_argument(
        "--organization",
        metavar="CODE",
        help='the side a coordinator edits: the organization\'s code, e.g. "oic" or "un"',
    )
    parser.add_argument(
        "--entity", metavar="ID", help='a focal point\'s entity: its gazetteer id, e.g. "un.ohchr"'
    )


def scope(options) -> dict:
    try:
        fw, org, ent = resolve_scope(
            framework=options.get("framework"),
            organization=options.get("organization"),
            entity=options.get("entity"),
        )
    except UnknownName as exc:
        raise CommandError(str(exc)) from exc
    return {"framework": fw, "organization": org, "entity": ent}


def one_line(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)


def existing_user(username: str):
    """The user named ``username``, or a one-line CommandError."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"no user named {username!r}")
    return user
