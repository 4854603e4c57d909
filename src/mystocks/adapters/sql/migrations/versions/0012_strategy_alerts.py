"""Strategy loss alerts: a rule (and its alerts) may name a strategy instead of a symbol or an
account.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, no table rebuild.
    op.add_column("alert_rules", sa.Column("strategy_id", sa.Integer, nullable=True))
    op.add_column("alerts", sa.Column("strategy_id", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("alerts") as batch:  # SQLite rebuilds the table
        batch.drop_column("strategy_id")
    with op.batch_alter_table("alert_rules") as batch:
        batch.drop_column("strategy_id")
