"""Market data: instruments and search, quotes, bars and ticks, indicators over stored bars,
ingest and file imports, the ingest meter, market breadth, and the sample data loaded on first
start."""
