"""The servers `bench/run.py` compares: the real app and two baselines serving the same bars.

The baselines read their configuration from these environment variables, set by `run.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "BENCH_DATA_DIR"
"""Directory holding `mystocks.db`, created by a first `create_app` (sample data loaded)."""
SECRET_ENV = "BENCH_JWT_SECRET"
"""HS256 secret of the access tokens; default `mystocks.settings.DEV_JWT_SECRET`."""
CPUS_ENV = "BENCH_SERVER_CPUS"
"""Comma-separated CPU numbers the server process is pinned to (all threads); unset: not pinned."""
SYMBOL_PATTERN = r"^[A-Za-z0-9]{1,12}\.[A-Za-z]{2}$"
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"


def data_dir() -> Path:
    return Path(os.environ[DATA_DIR_ENV])


def jwt_secret() -> str:
    from mystocks.settings import DEV_JWT_SECRET

    return os.environ.get(SECRET_ENV, DEV_JWT_SECRET)
