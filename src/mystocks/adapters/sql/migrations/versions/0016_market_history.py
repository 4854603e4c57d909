"""Real market data: instruments' listing dates and how their bars are stored, adjustment
factors, corporate actions, ST periods, suspensions, and the sync's runs with their reports.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("instruments") as batch:
        batch.add_column(sa.Column("listed", sa.Date, nullable=True))
        batch.add_column(
            sa.Column("bars_adjust", sa.String(4), nullable=False, server_default="qfq")
        )
    # The sample's A-shares are forward-adjusted; its US stocks and index are as given.
    op.execute(
        "UPDATE instruments SET bars_adjust = 'none' WHERE market <> 'CN' OR type <> 'stock'"
    )
    op.create_table(
        "adjust_factors",
        sa.Column("symbol", sa.String(16), primary_key=True),
        sa.Column("date", sa.Date, primary_key=True),
        sa.Column("factor", sa.Float, nullable=False),
    )
    op.create_table(
        "corporate_actions",
        sa.Column("symbol", sa.String(16), primary_key=True),
        sa.Column("date", sa.Date, primary_key=True),
        sa.Column("cash", sa.Float, nullable=False),
        sa.Column("shares", sa.Float, nullable=False),
    )
    op.create_table(
        "st_periods",
        sa.Column("symbol", sa.String(16), primary_key=True),
        sa.Column("start", sa.Date, primary_key=True),
        sa.Column("end", sa.Date, nullable=True),
        sa.Column("flag", sa.String(8), nullable=False),
    )
    op.create_table(
        "suspensions",
        sa.Column("symbol", sa.String(16), primary_key=True),
        sa.Column("start", sa.Date, primary_key=True),
        sa.Column("end", sa.Date, nullable=True),
        sa.Column("reason", sa.String(200), nullable=False),
    )
    op.create_table(
        "sync_jobs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("runner", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("request", sa.JSON, nullable=False),
        sa.Column("report", sa.JSON, nullable=True),
        sa.Column("error", sa.String(2000), nullable=True),
        sa.Column("done", sa.Integer, nullable=False, server_default="0"),
        sa.Column("total", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("sync_jobs")
    for table in ("suspensions", "st_periods", "corporate_actions", "adjust_factors"):
        op.drop_table(table)
    with op.batch_alter_table("instruments") as batch:
        batch.drop_column("bars_adjust")
        batch.drop_column("listed")
