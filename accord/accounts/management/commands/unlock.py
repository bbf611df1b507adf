"""accord unlock NAME... | --all: lift the sign-in lockout of django-axes."""

from axes.utils import reset
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Lift the lockout after too many wrong passwords, for the users named or for all."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="*", metavar="NAME")
        parser.add_argument("--all", action="store_true", help="every locked user")

    def handle(self, *args, usernames, all, **options):
        if all == bool(usernames):
            raise CommandError("give one or more user names, or --all")
        count = reset() if all else sum(reset(username=name) for name in usernames)
        self.stdout.write(f"{count} lockout record(s) removed")
