"""`mystocks import bars|ticks FILE`: stream a CSV or Parquet file into the stores.

The file is read in chunks (peak memory stays flat however long the file is), each chunk goes
through the same checks and writes as the REST ingest endpoints (`services.ingest`), and bad
rows are skipped and counted with their reasons instead of failing the whole file.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from mystocks.market.ingest import PRICES, IngestService, check

EXAMPLES = 10
Progress = Callable[[int, int], None]
"""Called with (units done, units in all): bytes for CSV, rows for Parquet."""


@dataclass
class ImportReport:
    read: int = 0
    written: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[int, str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def required_columns(kind: str) -> tuple[str, ...]:
    return ("symbol", "ts", *PRICES[kind], "volume")


def _csv_chunks(
    path: Path, rows: int, progress: Progress | None
) -> Iterator[tuple[int, pd.DataFrame]]:
    total = path.stat().st_size
    handle: IO[bytes]
    with path.open("rb") as handle:
        first_line = 2  # 1-based, after the header
        for chunk in pd.read_csv(
            handle, chunksize=rows, dtype_backend="numpy_nullable", dtype={"symbol": "string"}
        ):
            yield first_line, chunk
            first_line += len(chunk)
            if progress:
                progress(min(handle.tell(), total), total)


def _parquet_chunks(
    path: Path, rows: int, progress: Progress | None
) -> Iterator[tuple[int, pd.DataFrame]]:
    import pyarrow.parquet as pq

    source = pq.ParquetFile(path)
    total, done = source.metadata.num_rows, 0
    for batch in source.iter_batches(batch_size=rows):
        chunk = batch.to_pandas()
        yield done + 1, chunk
        done += len(chunk)
        if progress:
            progress(done, total)


def chunks(
    path: Path, fmt: str | None, rows: int, progress: Progress | None
) -> Iterator[tuple[int, pd.DataFrame]]:
    kind = (fmt or path.suffix.lstrip(".")).lower()
    if kind in ("csv", "txt"):
        return _csv_chunks(path, rows, progress)
    if kind in ("parquet", "pq"):
        return _parquet_chunks(path, rows, progress)
    raise ValueError(f"cannot tell the format of {path.name}: use --format csv or parquet")


def import_file(
    service: IngestService,
    kind: str,
    path: Path,
    *,
    period: str = "1m",
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    symbol: str | None = None,
    zone: str | None = None,
    chunk_rows: int = 100_000,
    progress: Progress | None = None,
) -> ImportReport:
    """Import `path`; `mapping` renames file columns (target -> source), `symbol` fills a file
    without a symbol column, `zone` is the time zone of times written without an offset."""
    report = ImportReport()
    started = time.perf_counter()
    renames = {source: target for target, source in (mapping or {}).items()}
    for first_line, raw in chunks(path, fmt, chunk_rows, progress):
        frame = raw.rename(columns=renames)
        if symbol is not None:
            frame["symbol"] = symbol
        missing = [c for c in required_columns(kind) if c not in frame.columns]
        if missing:
            raise ValueError(
                f"{path.name} has no column for {', '.join(missing)}; its columns are "
                f"{', '.join(map(str, raw.columns))} (map them with --map TARGET=SOURCE)"
            )
        frame.index = pd.RangeIndex(first_line, first_line + len(frame))
        instruments = service.instruments_for(frame["symbol"].dropna().unique().tolist())
        checked = check(kind, frame, instruments, naive_zone=zone)
        report.read += len(frame)
        report.written += service.write(kind, period, checked.frame, instruments)
        bad_lines = {line for line, _, _ in checked.rejected.rows}
        report.rejected += len(bad_lines)
        for line, name, reason in sorted(checked.rejected.rows):
            report.reasons[f"{name} {_general(reason)}"] += 1
            if len(report.examples) < EXAMPLES:
                report.examples.append((line, name, reason))
    report.seconds = time.perf_counter() - started
    return report


def _general(reason: str) -> str:
    """Group reasons that differ only by the value quoted in them."""
    if reason.endswith("is not a listed instrument"):
        return "is not a listed instrument"
    for word in (" is below ", " is above "):
        if word in reason:
            return word.strip() + " " + reason.split(word, 1)[1].split(" ", 1)[0]
    return reason


def summary_rows(report: ImportReport) -> list[tuple[str, Any]]:
    return [
        ("rows read", report.read),
        ("rows written", report.written),
        ("rows rejected", report.rejected),
        ("seconds", round(report.seconds, 2)),
        ("rows/s", round(report.rows_per_second)),
    ]
