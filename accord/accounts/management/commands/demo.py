"""`accord demo`: set up the demo: the UN-OIC framework bootstrapped from the founding
resolution (`accord bootstrap accord/documents/demo/A_RES_73_135.md --yes`), the labelled
demo matrix (`accord demo-data`), then one user per role, whose logins are printed.

Reads the demo resolution. Writes through those commands, then the demo users and their
memberships. Idempotent: a second run finds everything and changes nothing (demo users
keep, or get back, the demo password). A step whose command is not installed is skipped
with a printed line, so `accord demo` works with whatever exists.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.db import transaction

from accord.accounts.users import grant, resolve_scope

DEMO_RESOLUTION = Path(__file__).resolve().parents[3] / "documents" / "demo" / "A_RES_73_135.md"

DEMO_PASSWORD = "accord-demo"  # noqa: S105 - demo data only, printed on purpose

# username, role, framework, organization, entity, what the login is for
DEMO_USERS = [
    ("admin", "administrator", None, None, None, "administrator: everything"),
    ("un-coordinator", "coordinator", "un-oic", "un", None, "UN secretariat coordinator of UN-OIC"),
    (
        "oic-coordinator",
        "coordinator",
        "un-oic",
        "oic",
        None,
        "OIC secretariat coordinator of UN-OIC",
    ),
    ("ohchr-focal", "focal-point", "un-oic", None, "un.ohchr", "focal point of OHCHR (UN side)"),
    (
        "iphrc-focal",
        "focal-point",
        "un-oic",
        None,
        "oic.iphrc",
        "focal point of the IPHRC (OIC side)",
    ),
    (
        "viewer",
        "viewer",
        "un-oic",
        None,
        None,
        "viewer of UN-OIC: reads everything, writes nothing",
    ),
]


class Command(BaseCommand):
    help = (
        "Set up the demo: bootstrap UN-OIC from resolution 73/135, load the [DEMO] matrix, create one "
        "user per role, and print their logins. Idempotent; skips (and says so) a step not installed."
    )

    def handle(self, *args, **options):
        commands = get_commands()
        if "bootstrap" in commands:
            call_command("bootstrap", str(DEMO_RESOLUTION), yes=True, stdout=self.stdout)
        else:
            self.stdout.write(
                "skipped: framework bootstrap (the `bootstrap` command is not installed)"
            )
        if "demo_data" in commands:
            call_command("demo_data", stdout=self.stdout)
        else:
            self.stdout.write("skipped: demo matrix (the `demo_data` command is not installed)")
        self.users()

    @transaction.atomic
    def users(self) -> None:
        User = get_user_model()
        lines = []
        for username, role, framework, organization, entity, label in DEMO_USERS:
            try:
                scope = resolve_scope(framework=framework, organization=organization, entity=entity)
            except Exception as exc:  # noqa: BLE001 - the framework may be missing: say so, go on
                self.stdout.write(f"skipped: user {username} ({exc})")
                continue
            user, _created = User.objects.get_or_create(username=username)
            if not user.check_password(DEMO_PASSWORD):
                user.set_password(DEMO_PASSWORD)
                user.save()
            fw, org, ent = scope
            grant(user, role, framework=fw, organization=org, entity=ent)
            lines.append(f"  {username:<16} {label}")
        self.stdout.write(f"Demo users (password for all: {DEMO_PASSWORD}):")
        for line in lines:
            self.stdout.write(line)
