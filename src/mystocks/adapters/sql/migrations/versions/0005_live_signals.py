"""Live strategies: a bar period and a live state per strategy, and their signals.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("strategies") as batch:  # SQLite rebuilds the table
        batch.add_column(sa.Column("period", sa.String(8), nullable=False, server_default="1d"))
        batch.add_column(sa.Column("live", sa.String(16), nullable=False, server_default="stopped"))
        batch.add_column(sa.Column("live_since", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "strategy_signals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("strategy_id", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("symbol", sa.String(16), nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("side", sa.String(4), nullable=False),
        sa.Column("price", sa.Float, nullable=False),
        sa.Column("reason", sa.String(300), nullable=False),
        sa.Column("bar_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        # Every server instance evaluates running strategies: the first insert wins.
        sa.UniqueConstraint("strategy_id", "symbol", "bar_time", name="uq_signal_bar"),
    )
    op.create_index("ix_strategy_signals_strategy_id", "strategy_signals", ["strategy_id"])


def downgrade() -> None:
    op.drop_table("strategy_signals")
    with op.batch_alter_table("strategies") as batch:
        batch.drop_column("live_since")
        batch.drop_column("live")
        batch.drop_column("period")
