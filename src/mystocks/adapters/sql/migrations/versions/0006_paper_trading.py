"""Paper trading: accounts, positions, orders with their status history, and trades.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CENTS = sa.BigInteger  # money and prices in integer cents


def upgrade() -> None:
    op.create_table(
        "paper_accounts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(64), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("currency", sa.String(4), nullable=False),
        sa.Column("initial_cash", CENTS, nullable=False),
        sa.Column("cash", CENTS, nullable=False),
        sa.Column("frozen_cash", CENTS, nullable=False),
        sa.Column("realized_pnl", CENTS, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        # The last line of defence: no code path may leave cash negative.
        sa.CheckConstraint("cash >= 0 AND frozen_cash >= 0", name="ck_paper_cash"),
    )
    op.create_table(
        "paper_positions",
        sa.Column("account_id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.String(16), primary_key=True),
        sa.Column("quantity", CENTS, nullable=False),
        sa.Column("frozen", CENTS, nullable=False),
        sa.Column("bought_today", CENTS, nullable=False),
        sa.Column("bought_day", sa.Date, nullable=True),
        sa.Column("cost", CENTS, nullable=False),
        sa.Column("realized_pnl", CENTS, nullable=False),
        sa.CheckConstraint("quantity >= 0 AND frozen >= 0", name="ck_paper_position_quantity"),
    )
    op.create_table(
        "paper_orders",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("account_id", sa.Integer, nullable=False, index=True),
        sa.Column("owner", sa.String(64), nullable=False, index=True),
        sa.Column("idempotency_key", sa.String(128), nullable=False),
        sa.Column("symbol", sa.String(16), nullable=False, index=True),
        sa.Column("side", sa.String(4), nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("quantity", CENTS, nullable=False),
        sa.Column("limit_price", CENTS, nullable=True),
        sa.Column("limit_up", CENTS, nullable=True),
        sa.Column("limit_down", CENTS, nullable=True),
        sa.Column("filled_quantity", CENTS, nullable=False),
        sa.Column("filled_value", CENTS, nullable=False),
        sa.Column("fees", CENTS, nullable=False),
        sa.Column("frozen_cash", CENTS, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("trading_day", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        # A repeated Idempotency-Key (even 20 at once) finds the first order.
        sa.UniqueConstraint("owner", "idempotency_key", name="uq_paper_orders_key"),
    )
    op.create_table(
        "paper_order_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("order_id", sa.Integer, nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("filled_quantity", CENTS, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "paper_trades",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("account_id", sa.Integer, nullable=False, index=True),
        sa.Column("order_id", sa.Integer, nullable=False, index=True),
        sa.Column("symbol", sa.String(16), nullable=False),
        sa.Column("side", sa.String(4), nullable=False),
        sa.Column("price", CENTS, nullable=False),
        sa.Column("quantity", CENTS, nullable=False),
        sa.Column("commission", CENTS, nullable=False),
        sa.Column("stamp_duty", CENTS, nullable=False),
        sa.Column("realized_pnl", CENTS, nullable=True),
        sa.Column("tick_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "paper_trades",
        "paper_order_events",
        "paper_orders",
        "paper_positions",
        "paper_accounts",
    ):
        op.drop_table(table)
