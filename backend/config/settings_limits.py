"""Settings of the API's self-protection: query cost, budgets per client, persisted queries.

Read from the environment by ``config/settings.py`` (``from config.settings_limits import *``);
docs/limits.md explains each one.
"""

from core.env import env_bool, env_float, env_int, env_str

# Most points one query may cost (core/query_cost.py); a dearer one is refused unrun. The
# default lets every public operation run with its largest pages (2,013 points at most) and
# refuses lists nested in lists (500 import jobs x 500 errors each: 250,000 points).
GRAPHQL_MAX_COST = env_int("GRAPHQL_MAX_COST", 5000, min_value=10)
# Each API token, signed-in user (or, anonymous, client address) spends its query costs
# from a bucket of this many points, refilled at this rate per second; 0 turns budgets off.
GRAPHQL_BUDGET_CAPACITY = env_int("GRAPHQL_BUDGET_CAPACITY", 10_000, min_value=0)
GRAPHQL_BUDGET_REFILL_PER_SECOND = env_int(
    "GRAPHQL_BUDGET_REFILL_PER_SECOND", 500, min_value=1
)
# Automatic persisted queries learnt from clients: at most this many kept (Redis keeps
# each for GRAPHQL_PERSISTED_QUERY_TTL_SECONDS after its last use).
GRAPHQL_PERSISTED_QUERY_CACHE_SIZE = env_int(
    "GRAPHQL_PERSISTED_QUERY_CACHE_SIZE", 1000, min_value=1
)
GRAPHQL_PERSISTED_QUERY_TTL_SECONDS = env_int(
    "GRAPHQL_PERSISTED_QUERY_TTL_SECONDS", 7 * 24 * 3600, min_value=60
)
# The web app's documents (sha256 -> text), written by the frontend's build; unset:
# FRONTEND_DIST/persisted-documents.json.
GRAPHQL_PERSISTED_DOCUMENTS_FILE = env_str("GRAPHQL_PERSISTED_DOCUMENTS_FILE")
# When on, cookie-authenticated (browser) requests may run only the web app's documents;
# API tokens may still send any query within their budget.
GRAPHQL_BROWSER_ALLOWLIST_ONLY = env_bool("GRAPHQL_BROWSER_ALLOWLIST_ONLY", False)
# Most products one deleteProducts call may name (ids and SKUs together).
PRODUCTS_DELETE_MAX = env_int("PRODUCTS_DELETE_MAX", 1000, min_value=1)
# Most products one upsertProducts call may hold; such a call runs through the import
# pipeline as a job, at once in the request when the import queue is free.
UPSERT_PRODUCTS_MAX = env_int("UPSERT_PRODUCTS_MAX", 1000, min_value=1, max_value=25_000)
# How long an upsertProducts call waits for the import queue (another import running)
# before it answers with its job still PENDING, for a worker to run in its turn.
UPSERT_PRODUCTS_WAIT_SECONDS = env_float("UPSERT_PRODUCTS_WAIT_SECONDS", 5.0, min_value=0)
# The product change feed (productChanges): how long changes are kept (a client further
# behind must read the catalogue again), and the most changes one page may hold.
PRODUCT_CHANGES_RETENTION_DAYS = env_int("PRODUCT_CHANGES_RETENTION_DAYS", 7, min_value=1)
PRODUCT_CHANGES_PAGE_MAX = env_int("PRODUCT_CHANGES_PAGE_MAX", 1000, min_value=1)
