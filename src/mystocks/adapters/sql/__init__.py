"""The SQL stores (SQLAlchemy 2 on SQLite or PostgreSQL): the relational schema and its
Alembic migrations, the SQL time-series store, and the shared connection scope."""
