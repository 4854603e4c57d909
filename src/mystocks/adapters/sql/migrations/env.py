"""Alembic environment for the relational store.

Run by `mystocks.adapters.sql.migrate.upgrade` (on start and by `mystocks db upgrade`), which passes
an open connection in `config.attributes["connection"]`; no URL is read from any file.
"""

from __future__ import annotations

from alembic import context

from mystocks.adapters.sql.tables import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
