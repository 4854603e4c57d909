"""The live market: feed providers (simulated, replay), roll-ups of ticks into bars, and the
WebSocket hub with its channels and per-connection outboxes."""
