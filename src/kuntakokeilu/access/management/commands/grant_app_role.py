"""`kuntakokeilu grant_app_role ROLE`: give the application's PostgreSQL role its rights (issue 12, item 5;
R-X-2). Run by the tables' owner after every `migrate` (`make serve` does when `MIGRATE_DATABASE_URL` is
set; docs/operations.md); idempotent.

The role may read and write every table of the schema (SELECT, INSERT, UPDATE, DELETE) and use its
sequences (USAGE, SELECT: no setval), but on the access log and its seals only SELECT and INSERT: it can
neither change nor remove an entry or a seal, nor TRUNCATE, nor lift the append-only trigger (only an
owner can). Its earlier rights on the schema's tables and sequences are revoked first, in the same
transaction, so that the result is exactly this whatever was granted before. The role itself (LOGIN,
password) is the database administrator's to create; it must be neither the owner nor a superuser.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from kuntakokeilu.access.models import AccessLogEntry, AccessLogSeal

APPEND_ONLY = (AccessLogEntry, AccessLogSeal)


def append_only_tables() -> list[str]:
    return [model._meta.db_table for model in APPEND_ONLY]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_statements(role: str, schema: str) -> list[str]:
    """The SQL that gives `role` its rights in `schema`: first everything revoked, then granted."""
    role, schema = quote(role), quote(schema)
    tables = ", ".join(quote(t) for t in append_only_tables())
    return [
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"REVOKE UPDATE, DELETE ON {tables} FROM {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
    ]


class Command(BaseCommand):
    help = (
        "Grant the application's PostgreSQL role its rights: read and write every table, but only SELECT "
        "and INSERT on the access log and its seals. Run as the tables' owner after migrate; idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the application connects as (its DATABASE_URL's user)")

    def handle(self, *args, role: str, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                _("grant_app_role is for PostgreSQL only; on SQLite every connection is the owner."),
                returncode=2,
            )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT r.rolsuper, pg_has_role(r.oid, t.tableowner, 'USAGE'), "
                "pg_has_role(current_user, t.tableowner, 'USAGE'), current_schema() "
                "FROM pg_roles r LEFT JOIN pg_tables t "
                "ON t.schemaname = current_schema() AND t.tablename = %s WHERE r.rolname = %s",
                [AccessLogEntry._meta.db_table, role],
            )
            found = cursor.fetchone()
            if found is None:
                raise CommandError(
                    _("There is no role %(role)s: the database administrator creates it first.")
                    % {"role": role}
                )
            superuser, role_owns, i_own, schema = found
            if not i_own:  # also when the tables do not exist yet (NULL)
                raise CommandError(_("Run grant_app_role as the tables' owner, after migrate."))
            if superuser or role_owns:
                raise CommandError(
                    _(
                        "%(role)s is a superuser or the tables' owner: the application needs a role of "
                        "its own."
                    )
                    % {"role": role}
                )
            for statement in grant_statements(role, schema):
                cursor.execute(statement)
        self.stdout.write(
            _(
                "%(role)s may read and write the tables; on %(tables)s only SELECT and INSERT "
                "(no UPDATE, DELETE or TRUNCATE)."
            )
            % {"role": role, "tables": ", ".join(append_only_tables())}
        )
