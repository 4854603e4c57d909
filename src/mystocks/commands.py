"""What every `mystocks` command shares: the settings or a clear refusal, and a store that
cannot be reached as one line on stderr (`mystocks.cli`, `mystocks.feed_cli`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from pydantic import ValidationError

from mystocks.settings import Settings, load


def settings_or_exit() -> Settings:
    """The settings, or a clear message and exit status 2 when they are refused."""
    try:
        return load()
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            name = f"MYSTOCKS_{where.upper()}: " if where else ""
            typer.echo(f"mystocks: {name}{error['msg'].removeprefix('Value error, ')}", err=True)
        raise typer.Exit(2) from None


@contextmanager
def store_errors() -> Iterator[None]:
    """A store that cannot be reached is one line on stderr and exit status 1, not a traceback."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        typer.echo(f"mystocks: cannot reach the relational store: {exc.orig}", err=True)
        raise typer.Exit(1) from None
