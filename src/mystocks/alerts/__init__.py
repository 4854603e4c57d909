"""Risk alerts: rules on prices, indicators, strategies and paper accounts, and the engine that
fires them."""
