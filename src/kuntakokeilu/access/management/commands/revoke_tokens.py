"""`kuntakokeilu revoke_tokens USERNAME`: revoke (delete) every API token of a user at once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from kuntakokeilu.access.usernames import normalise


class Command(BaseCommand):
    help = "Revoke every API token of a user."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=normalise(username)).first()
        if user is None:
            raise CommandError(f"No user {username}.")
        count, _ = Token.objects.filter(user=user).delete()
        self.stdout.write(f"{user.username}: {'token revoked' if count else 'no token'}.")
