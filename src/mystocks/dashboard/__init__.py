"""The dashboard: one snapshot of the market, the user's jobs, accounts and alerts."""
