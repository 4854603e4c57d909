"""Account alert rules: a rule names an account instead of a symbol; drawdown keeps its peak.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, no table rebuild.
    op.add_column("alert_rules", sa.Column("account_id", sa.Integer, nullable=True))
    # account_drawdown's highest equity seen, in cents; raised by a conditional UPDATE only, so
    # every instance shares it and it survives restarts.
    op.add_column("alert_rules", sa.Column("peak", sa.BigInteger, nullable=True))
    op.create_index("ix_alert_rules_account_id", "alert_rules", ["account_id"])
    op.add_column("alerts", sa.Column("account_id", sa.Integer, nullable=True))


def downgrade() -> None:
    op.drop_index("ix_alert_rules_account_id", table_name="alert_rules")
    with op.batch_alter_table("alerts") as batch:  # SQLite rebuilds the table
        batch.drop_column("account_id")
    with op.batch_alter_table("alert_rules") as batch:
        batch.drop_column("peak")
        batch.drop_column("account_id")
