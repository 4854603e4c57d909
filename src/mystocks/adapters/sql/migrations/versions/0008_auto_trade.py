"""Strategies that trade their live signals on a paper account (`auto_trade`).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("strategies") as batch:  # SQLite rebuilds the table
        batch.add_column(sa.Column("trade_account_id", sa.Integer, nullable=True))
        batch.add_column(sa.Column("trade_quantity", sa.BigInteger, nullable=True))
    with op.batch_alter_table("strategy_signals") as batch:
        batch.add_column(sa.Column("order_id", sa.Integer, nullable=True))
        batch.add_column(sa.Column("order_refusal", sa.String(300), nullable=True))
    with op.batch_alter_table("paper_orders") as batch:
        batch.add_column(sa.Column("strategy_id", sa.Integer, nullable=True))
    op.create_index("ix_paper_orders_strategy_id", "paper_orders", ["strategy_id"])


def downgrade() -> None:
    op.drop_index("ix_paper_orders_strategy_id", "paper_orders")
    with op.batch_alter_table("paper_orders") as batch:
        batch.drop_column("strategy_id")
    with op.batch_alter_table("strategy_signals") as batch:
        batch.drop_column("order_refusal")
        batch.drop_column("order_id")
    with op.batch_alter_table("strategies") as batch:
        batch.drop_column("trade_quantity")
        batch.drop_column("trade_account_id")
