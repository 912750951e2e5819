from tests.customers.conftest import (  # noqa: F401  (the customers' demo world)
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
