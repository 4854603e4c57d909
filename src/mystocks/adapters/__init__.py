"""What talks to the outside: the relational and time-series stores (SQLAlchemy on SQLite or
PostgreSQL, TDengine), Redis (link, cache, event bus), the in-process bus, and Celery."""
