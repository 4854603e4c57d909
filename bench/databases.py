"""Scratch PostgreSQL databases for the benches' smoke runs."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def scratch_url(url: str) -> str:
    """`url` with a database of its own on the same server, so a smoke run never meets a real
    run's data (or another smoke run's)."""
    scratch = f"mystocks_bench_smoke_{uuid.uuid4().hex[:8]}"
    return make_url(url).set(database=scratch).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop the database `url` names, closing its connections."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    admin.dispose()
