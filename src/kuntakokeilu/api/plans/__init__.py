"""Plans through the API (issue 17 item 1, R-SP-5): a job seeker's plans with their versions, a new plan, a
new version and a party's approval, each through `plans.services` (the pages' checks, in one place)."""

from .views import PersonPlans, PlanApprovals, PlanVersions

__all__ = ["PersonPlans", "PlanApprovals", "PlanVersions"]
