"""`to_dataframe`: the API's rows (bars, ticks, indicator points, trades, equity curves, screen
matches, ...) as a pandas DataFrame with proper dtypes and a time index."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import pandas as pd

# The first of these columns a row has becomes the index.
INDEX_COLUMNS = ("ts", "time", "tick_time", "date")


def to_dataframe(rows: Any, *, tz: str | dt.tzinfo | None = None) -> pd.DataFrame:
    """A DataFrame of `rows`: a list of the generated models, or anything with `items` (a page,
    an equity curve, a screen result).

    - Times keep their time zone: the index of bars and ticks is tz-aware, in the offset the
      server sent (`+08:00` for A-shares) or in `tz` (`"Asia/Shanghai"`, say) when given. A
      column of calendar dates (an equity curve's) becomes a DatetimeIndex at midnight,
      localized to `tz` when given.
    - Integers are int64 (Int64 where a value is missing), prices float64, text `string`,
      enums their values, and a nested mapping (an indicator point's or screen match's
      `values`) one column per key.
    """
    items = list(rows.items if hasattr(rows, "items") and not isinstance(rows, Mapping) else rows)
    records = [_record(item) for item in items]
    columns: dict[str, list[Any]] = {}
    for record in records:
        for key in record:
            columns.setdefault(key, [])
    for record in records:
        for key, values in columns.items():
            values.append(record.get(key))
    frame = pd.DataFrame({key: _series(values, tz) for key, values in columns.items()})
    index = next((column for column in INDEX_COLUMNS if column in frame.columns), None)
    if index is not None:
        frame = frame.set_index(index)
    return frame


def _record(item: Any) -> dict[str, Any]:
    """One row: the model's fields under their wire names, nested mappings flattened."""
    if isinstance(item, Mapping):
        wire = dict(item)
    else:
        wire = item.to_dict()
        for key in wire:  # the attribute keeps the Python type (datetimes, enums)
            name = key if hasattr(item, key) else f"{key}_"
            if hasattr(item, name):
                wire[key] = getattr(item, name)
    record: dict[str, Any] = {}
    for key, value in wire.items():
        nested = _mapping(value)
        if nested is None:
            record[key] = value
            continue
        for inner, inner_value in nested.items():
            record[inner if inner not in wire else f"{key}.{inner}"] = inner_value
    return record


def _mapping(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Mapping):
        return dict(value)
    properties = getattr(value, "additional_properties", None)
    if isinstance(properties, dict) and hasattr(value, "to_dict"):
        return dict(value.to_dict())
    return None


def _series(values: list[Any], tz: str | dt.tzinfo | None) -> pd.Series[Any]:
    present = [value for value in values if value is not None]
    if present and all(isinstance(value, enum.Enum) for value in present):
        values = [value.value if value is not None else None for value in values]
        present = [value.value for value in present]
    if not present:
        return pd.Series(values, dtype="object")
    if all(isinstance(value, dt.datetime) for value in present):
        return _times(values, tz)
    if all(isinstance(value, dt.date) for value in present):
        dates = pd.to_datetime(pd.Series(values, dtype="object"))
        return dates.dt.tz_localize(tz) if tz is not None else dates
    if all(isinstance(value, bool) for value in present):
        return pd.Series(values, dtype="boolean")
    if all(isinstance(value, int) and not isinstance(value, bool) for value in present):
        return pd.Series(values, dtype="int64" if len(present) == len(values) else "Int64")
    if all(isinstance(value, int | float) and not isinstance(value, bool) for value in present):
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if all(isinstance(value, str) for value in present):
        return pd.Series(values, dtype="string")
    return pd.Series(values, dtype="object")


def _times(values: list[Any], tz: str | dt.tzinfo | None) -> pd.Series[Any]:
    """Aware datetimes in `tz`, or in their own offset when they all share one (else UTC)."""
    times = pd.to_datetime(pd.Series(values, dtype="object"), utc=True)
    if tz is None:
        offsets = {value.utcoffset() for value in values if value is not None}
        if len(offsets) == 1 and None not in offsets:
            (offset,) = offsets
            tz = dt.timezone(offset) if offset else dt.UTC
        else:
            tz = dt.UTC
    return times.dt.tz_convert(tz)
