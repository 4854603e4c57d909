"""The providers by name, as `mystocks sync` and the settings name them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mystocks.adapters.providers import Provider
from mystocks.adapters.providers.akshare import Akshare
from mystocks.adapters.providers.baostock import Baostock
from mystocks.adapters.providers.tdx import TdxFiles

PROVIDERS = ("akshare", "baostock", "tdx")


def open_providers(names: Sequence[str], tdx_dir: Path | None = None) -> list[Provider]:
    """The providers `names` (in that order); `tdx` needs the vipdoc folder."""
    unknown = [n for n in names if n not in PROVIDERS]
    if unknown:
        raise ValueError(f"unknown provider {', '.join(unknown)}: use {', '.join(PROVIDERS)}")
    opened: list[Provider] = []
    for name in names:
        if name == "akshare":
            opened.append(Akshare())
        elif name == "baostock":
            opened.append(Baostock())
        else:
            if tdx_dir is None:
                raise ValueError(
                    "provider tdx needs the vipdoc folder: --tdx-dir or MYSTOCKS_TDX_DIR"
                )
            opened.append(TdxFiles(tdx_dir))
    return opened
