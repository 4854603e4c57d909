"""The web app's download: what the first page load fetches, beside every chunk of the build.

    python bench/bundle.py [--dist frontend-client/app/dist] [--no-save]

Reads the production build (`make app` writes it). The initial load is the JS and CSS that
`index.html` names: its entry script, the chunks it preloads (Vite lists the entry's static
imports as `modulepreload`) and its stylesheets; the pages' own chunks load later, on navigation.
The baseline, in the same build, is the total of all JS and CSS chunks under `assets/`. Sizes are
gzipped as the server sends them (src/mystocks/api/webapp.py: zlib level 6, files under 1 kB
uncompressed), in Vite's units (kB = 1,000 bytes); the per-file gzip sizes `make app` prints
come from Vite 8's own deflate and read up to ~2% larger. The figure to watch is initial / total
(lower: more is left to load on demand). Results go to bench/results/bundle-<time>.json
(gitignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "frontend-client" / "app" / "dist"
console = Console()


class _Loads(HTMLParser):
    """The local JS and CSS files an index.html loads up front."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.files.append(str(a["src"]))
        elif tag == "link" and a.get("rel") in ("stylesheet", "modulepreload") and a.get("href"):
            self.files.append(str(a["href"]))


def initial_files(index_html: str) -> list[str]:
    parser = _Loads()
    parser.feed(index_html)
    local = [f for f in parser.files if not f.startswith(("http:", "https:", "//"))]
    return list(dict.fromkeys(f.lstrip("/") for f in local))


@dataclass(frozen=True)
class Size:
    files: int
    raw: int
    gzip: int

    def __add__(self, other: Size) -> Size:
        return Size(self.files + other.files, self.raw + other.raw, self.gzip + other.gzip)


NONE = Size(0, 0, 0)


# As webapp.py's GZipMiddleware(minimum_size=1024, compresslevel=6) sends them.
GZIP_LEVEL = 6
GZIP_MINIMUM = 1024


def size_of(path: Path) -> Size:
    data = path.read_bytes()
    if len(data) < GZIP_MINIMUM:
        return Size(1, len(data), len(data))
    return Size(1, len(data), len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)))


def measure(dist: Path) -> dict[str, dict[str, Size]]:
    index = dist / "index.html"
    if not index.is_file():
        raise SystemExit(f"{index} is missing: run `make app` first")
    first = initial_files(index.read_text(encoding="utf-8"))
    missing = [f for f in first if not (dist / f).is_file()]
    if missing:
        raise SystemExit(f"index.html loads files the build lacks: {missing}")
    chunks = sorted(p for p in (dist / "assets").rglob("*") if p.suffix in (".js", ".css"))
    out: dict[str, dict[str, Size]] = {}
    for name, paths in (("initial", [dist / f for f in first]), ("total", chunks)):
        by_kind = {"js": NONE, "css": NONE}
        for p in paths:
            kind = p.suffix.lstrip(".")
            if kind in by_kind:
                by_kind[kind] = by_kind[kind] + size_of(p)
        by_kind["all"] = by_kind["js"] + by_kind["css"]
        out[name] = by_kind
    return out


def kb(n: int) -> str:
    return f"{n / 1000:,.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="the app's build [%(default)s]")
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results/")
    args = parser.parse_args()

    sizes = measure(args.dist)
    initial, total = sizes["initial"], sizes["total"]
    table = Table(
        "load",
        "files",
        "count",
        "kB",
        "kB sent",
        "÷ all chunks",
        title="web app bundle: kB sent gzipped, as a ratio of all chunks",
    )
    for label, part in (("initial (index.html)", initial), ("all chunks", total)):
        for kind in ("js", "css", "all"):
            s = part[kind]
            ratio = s.gzip / total[kind].gzip if total[kind].gzip else 0.0
            name = "JS + CSS" if kind == "all" else kind.upper()
            table.add_row(label, name, str(s.files), kb(s.raw), kb(s.gzip), f"{ratio:.2f}")
    console.print(table)

    results: dict[str, Any] = {
        part: {kind: vars(s) for kind, s in by_kind.items()} for part, by_kind in sizes.items()
    }
    results["initial_over_total_gzip"] = initial["all"].gzip / total["all"].gzip
    if not args.no_save:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = ROOT / "bench" / "results" / f"bundle-{stamp}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
