"""The TDengine time-series store and the SQL it emits."""
