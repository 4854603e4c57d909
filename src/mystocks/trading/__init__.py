"""Paper trading: accounts, orders and their checks, matching and fills, positions, trades,
equity, and the auto-trader that turns live signals into orders."""
