"""The `mystocks` command line: `mystocks serve`, `mystocks init`, `mystocks version`."""

from __future__ import annotations

import logging
import warnings
from typing import Annotated

import typer
from pydantic import ValidationError

from mystocks import __version__
from mystocks.settings import Settings, load

cli = typer.Typer(
    help="MyStocks: a contract-first market-data and strategy API (A-shares first).",
    no_args_is_help=True,
    add_completion=False,
)


def _logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


def _settings() -> Settings:
    """The settings, or a clear message and exit status 2 when they are refused."""
    try:
        return load()
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            name = f"MYSTOCKS_{where.upper()}: " if where else ""
            typer.echo(f"mystocks: {name}{error['msg'].removeprefix('Value error, ')}", err=True)
        raise typer.Exit(2) from None


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on [MYSTOCKS_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on [MYSTOCKS_PORT]")] = None,
) -> None:
    """Start the API server (creates and migrates the stores, loads sample data on first start)."""
    import uvicorn

    # Connexion imports Starlette's TestClient at import time, which warns about httpx on
    # every start; the server never uses the test client.
    warnings.filterwarnings("ignore", message=".*`httpx` with `starlette.testclient`")
    from mystocks.app import create_app

    settings = _settings()
    _logging(settings.log_level)
    app = create_app(settings)
    uvicorn.run(
        app,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
    )


@cli.command()
def init() -> None:
    """Create the stores under MYSTOCKS_DATA_DIR and load the sample data, then exit."""
    from rich.console import Console

    from mystocks.storage.bootstrap import load_sample_data
    from mystocks.storage.manager import UnifiedManager

    settings = _settings()
    console = Console(stderr=True)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    data = UnifiedManager.from_urls(settings.relational_url, settings.timeseries_store_url)
    data.create_schema()
    with console.status("loading sample data…") as status:
        loaded = load_sample_data(
            data, tick_days=settings.sample_tick_days, progress=lambda msg: status.update(msg)
        )
    console.print("sample data loaded" if loaded else "sample data already present")


@cli.command()
def version() -> None:
    """Print the server version."""
    typer.echo(__version__)


def main() -> None:
    cli()
