"""Stock screening: conditions over fields and indicators, built-in and saved screens."""
