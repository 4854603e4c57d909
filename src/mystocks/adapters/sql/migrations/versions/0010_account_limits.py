"""Per-account pre-trade limits: max order value, max position value, daily loss limit.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LIMITS = ("max_order_value", "max_position_value", "daily_loss_limit")


def upgrade() -> None:
    # Batch mode (as 0005) so the downgrade's DROP COLUMN works on SQLite too; nullable
    # columns are added in place. Null: the server's `paper_*` setting applies.
    with op.batch_alter_table("paper_accounts") as batch:
        for name in LIMITS:
            batch.add_column(sa.Column(name, sa.BigInteger, nullable=True))  # cents


def downgrade() -> None:
    with op.batch_alter_table("paper_accounts") as batch:
        for name in reversed(LIMITS):
            batch.drop_column(name)
