from tests.customers.conftest import demo, demo_customers, user  # noqa: F401  (the customers' demo world)
