"""Risk alert rules and the alerts they fire.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("symbol", sa.String(16), nullable=True),
        sa.Column("threshold", sa.Float, nullable=False),
        sa.Column("window", sa.Integer, nullable=True),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("cooldown_seconds", sa.Integer, nullable=False),
        # Fires on the quote that makes its condition true while armed; re-armed when false.
        sa.Column("armed", sa.Boolean, nullable=True),
        sa.Column("last_fired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_alert_rules_owner", "alert_rules", ["owner"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule_id", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("symbol", sa.String(16), nullable=True),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("message", sa.String(300), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("threshold", sa.Float, nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_alerts_owner", "alerts", ["owner"])


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_table("alert_rules")
