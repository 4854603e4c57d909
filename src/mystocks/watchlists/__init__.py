"""Watchlists: a user's ordered lists of symbols, with their live quotes."""
