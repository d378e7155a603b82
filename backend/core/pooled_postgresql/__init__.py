"""A PostgreSQL (psycopg2) database backend whose connections come from a bounded pool."""
