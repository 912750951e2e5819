"""The links of the shell and of each role's home page, each behind its action in the catalogue.

Apps append their entries to their own section; a link shows only to users the catalogue allows.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.applications.messages import NAV_APPLICATIONS, NAV_APPLICATIONS_HELP
from kuntakokeilu.cooperation.labels import NAV_NETWORK, NAV_NETWORK_HELP
from kuntakokeilu.customers.labels import (
    NAV_CUSTOMER_COUNTS,
    NAV_CUSTOMER_COUNTS_HELP,
    NAV_DUE_TRANSFERS,
    NAV_DUE_TRANSFERS_HELP,
    NAV_REQUESTS,
    NAV_REQUESTS_HELP,
)
from kuntakokeilu.decisions.labels import NAV_DECISIONS, NAV_DECISIONS_HELP, NAV_TEMPLATES, NAV_TEMPLATES_HELP
from kuntakokeilu.evaluation.messages import NAV_EVALUATION, NAV_EVALUATION_HELP
from kuntakokeilu.funding.labels import NAV_FUNDING, NAV_FUNDING_HELP
from kuntakokeilu.jobs.messages import NAV_JOBS, NAV_JOBS_HELP
from kuntakokeilu.monitoring.messages import NAV_MONITORING, NAV_MONITORING_HELP
from kuntakokeilu.service_process.labels import (
    NAV_AREA,
    NAV_AREA_HELP,
    NAV_CUSTOMERS,
    NAV_CUSTOMERS_HELP,
    NAV_WORKLIST,
    NAV_WORKLIST_HELP,
)
from kuntakokeilu.statements.labels import (
    NAV_STATEMENTS,
    NAV_STATEMENTS_HELP,
    NAV_TE_NOTICES,
    NAV_TE_NOTICES_HELP,
)
from kuntakokeilu.whatif.messages import NAV_WHATIF, NAV_WHATIF_HELP


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url_name: str
    action: str
    description: str | Promise = ""


LINKS: list[Link] = [
    # --- regions ---
    Link(
        _("Trial areas"),
        "web:trial-area-list",
        "regions.view_reference",
        _("The trial areas of the Act and their municipalities."),
    ),
    # --- access ---
    Link(
        _("Staff"),
        "access:staff",
        "access.manage_staff",
        _("Staff accounts and role assignments of your trial area."),
    ),
    Link(
        _("System administration"),
        "admin:index",
        "access.use_admin_site",
        _("Users, roles and reference data."),
    ),
    Link(
        _("Action catalogue"),
        "access:catalogue",
        "access.view_catalogue",
        _("Every action of the system and the roles that may take it."),
    ),
    # --- api ---
    Link(_("API"), "api:docs", "api.view_schema", _("The interface description (OpenAPI) for systems.")),
    # --- customers ---
    Link(
        _("Job seekers"),
        "customers:search",
        "customers.search",
        _("Find a job seeker of your area and see their facts and target group."),
    ),
    Link(
        _("Import job seekers"),
        "customers:import",
        "customers.import",
        _("Job seekers and their dated facts from a CSV file, all rows or none."),
    ),
    Link(
        _("Access log"),
        "customers:access-log",
        "access.read_log",
        _("Who has looked at a person's data, searched by identity code."),
    ),
    Link(
        _("Access requests"),
        "customers:access-request",
        "access.access_request",
        _("What the register holds on a person and who has looked at it."),
    ),
    # --- customers: due transfers (worklist, R-TG-4) ---
    Link(
        NAV_DUE_TRANSFERS, "customers:due-transfers", "customers.view_due_transfers", NAV_DUE_TRANSFERS_HELP
    ),
    # --- customers: customer counts (issue 6) ---
    Link(
        NAV_CUSTOMER_COUNTS,
        "customers:customer-counts-index",
        "customers.view_customer_counts",
        NAV_CUSTOMER_COUNTS_HELP,
    ),
    # --- customers: transfer requests (R-TG-5) ---
    Link(NAV_REQUESTS, "customers:transfer-requests", "customers.view_requests", NAV_REQUESTS_HELP),
    # --- applications --- (labels translated in the applications app's catalogue)
    Link(NAV_APPLICATIONS, "applications:index", "applications.view", NAV_APPLICATIONS_HELP),
    # --- evaluation --- (labels translated in the evaluation app's catalogue)
    Link(NAV_EVALUATION, "evaluation:runs", "evaluation.view_runs", NAV_EVALUATION_HELP),
    # --- jobs --- (labels translated in the jobs app's catalogue)
    Link(NAV_JOBS, "jobs:jobs", "jobs.view_jobs", NAV_JOBS_HELP),
    # --- whatif --- (labels translated in the whatif app's catalogue)
    Link(NAV_WHATIF, "whatif:list", "whatif.view", NAV_WHATIF_HELP),
    # --- service_process --- (labels translated in the service_process app's catalogue)
    Link(NAV_WORKLIST, "service_process:worklist", "service_process.view_worklist", NAV_WORKLIST_HELP),
    # --- service_process: own customers and the area manager's pages (issue 16 items 2 and 3) ---
    Link(NAV_CUSTOMERS, "service_process:customers", "service_process.view_worklist", NAV_CUSTOMERS_HELP),
    Link(NAV_AREA, "service_process:area-home", "service_process.manage_service_points", NAV_AREA_HELP),
    # --- cooperation: the regional co-operation network (R-SP-9) ---
    Link(NAV_NETWORK, "cooperation:home", "cooperation.view", NAV_NETWORK_HELP),
    # --- statements (issue 17 item 5) --- (labels translated in the statements app's catalogue)
    Link(NAV_STATEMENTS, "statements:worklist", "statements.view", NAV_STATEMENTS_HELP),
    Link(NAV_TE_NOTICES, "statements:te-notices", "statements.view_notices", NAV_TE_NOTICES_HELP),
    # --- funding: quotas, own funding and state staff (issue 18 items 3, 5 and 6) ---
    Link(NAV_FUNDING, "funding:home", "funding.view_quotas", NAV_FUNDING_HELP),
    # --- decisions (issue 18 item 2) --- (labels translated in the decisions app's catalogue)
    Link(NAV_DECISIONS, "decisions:worklist", "decisions.view", NAV_DECISIONS_HELP),
    Link(NAV_TEMPLATES, "decisions:templates", "decisions.manage_templates", NAV_TEMPLATES_HELP),
    # --- monitoring (issue 19) --- (labels translated in the monitoring app's catalogue)
    Link(NAV_MONITORING, "monitoring:index", "monitoring.view", NAV_MONITORING_HELP),
]


def links_for(user, on):
    return [(link, reverse(link.url_name)) for link in LINKS if can(user, link.action, None, on)]


# --- employers (issue 17 item 4) --- (labels translated in the employers app's catalogue)
from kuntakokeilu.employers.labels import NAV_EMPLOYERS, NAV_EMPLOYERS_HELP  # noqa: E402

LINKS.append(Link(NAV_EMPLOYERS, "employers:list", "employers.view", NAV_EMPLOYERS_HELP))

# --- publicstats: the public comparison series (issue 19) --- (labels in the publicstats catalogue)
from kuntakokeilu.publicstats.labels import NAV_STATISTICS, NAV_STATISTICS_HELP  # noqa: E402

LINKS.append(Link(NAV_STATISTICS, "publicstats:comparison", "publicstats.view", NAV_STATISTICS_HELP))

# --- retention (issue 20 item 3) --- (labels translated in the retention app's catalogue)
from kuntakokeilu.retention.messages import NAV_RETENTION, NAV_RETENTION_HELP  # noqa: E402

LINKS.append(Link(NAV_RETENTION, "retention:runs", "retention.view_runs", NAV_RETENTION_HELP))

# --- exchange (issue 20 item 1) --- (labels translated in the exchange app's catalogue)
from kuntakokeilu.exchange.messages import NAV_EXCHANGE, NAV_EXCHANGE_HELP  # noqa: E402

LINKS.append(Link(NAV_EXCHANGE, "exchange:jobs", "exchange.view_jobs", NAV_EXCHANGE_HELP))
