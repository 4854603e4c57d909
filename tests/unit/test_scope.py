"""`storage.scope`: one connection per use case, with `begin` still meaning one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text

from mystocks.adapters.sql.scope import begin, connect, shared


def _engine(tmp_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (v INTEGER)"))
    return engine


def _values(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT v FROM t ORDER BY v"))]


def test_one_checkout_for_a_use_case_and_each_begin_commits(tmp_path):
    engine = _engine(tmp_path)
    checkouts = []
    event.listen(engine, "checkout", lambda *_: checkouts.append(1))
    with shared(engine):
        with connect(engine) as conn:
            assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0
        with begin(engine) as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))
        assert _values(engine) == [1]  # committed at the end of its block, seen elsewhere
        with begin(engine) as conn:
            conn.execute(text("INSERT INTO t VALUES (2)"))
    assert len(checkouts) == 1 + 1  # the use case's one, and _values' own


def test_a_nested_begin_joins_and_a_failure_undoes_both(tmp_path):
    engine = _engine(tmp_path)
    with shared(engine), pytest.raises(RuntimeError), begin(engine) as outer:
        outer.execute(text("INSERT INTO t VALUES (1)"))
        with begin(engine) as inner:
            assert inner is outer
            inner.execute(text("INSERT INTO t VALUES (2)"))
        raise RuntimeError("after the inner block")
    assert _values(engine) == []  # the inner block did not commit the outer one


def test_outside_a_use_case_they_are_plain_checkouts(tmp_path):
    engine = _engine(tmp_path)
    with begin(engine) as conn:
        conn.execute(text("INSERT INTO t VALUES (3)"))
    with connect(engine) as conn:
        assert conn.execute(text("SELECT v FROM t")).scalar() == 3
