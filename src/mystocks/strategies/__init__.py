"""Strategies (versioned, with optimistic locking) and their live signals."""
