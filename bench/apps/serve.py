"""Serve one benchmarked app with one uvicorn worker: `python -m bench.apps.serve NAME PORT`.

NAME is `mystocks` (the real app, built as `mystocks serve` builds it, on the data directory in
`BENCH_DATA_DIR`), `fastapi` or `starlette` (the baselines in this package).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import uvicorn

from bench.apps import data_dir

NAMES = ("mystocks", "fastapi", "starlette")


def build(name: str) -> Any:
    if name == "mystocks":
        from mystocks.app import create_app
        from mystocks.settings import Settings

        return create_app(Settings(data_dir=data_dir(), env="test"))
    if name not in NAMES:
        raise SystemExit(f"unknown app {name!r}; one of {', '.join(NAMES)}")
    return importlib.import_module(f"bench.apps.{name}_bars").app


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    name, port = argv
    app = build(name)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", access_log=False)


if __name__ == "__main__":
    main(sys.argv[1:])
