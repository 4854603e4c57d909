"""The pure core: A-share rules by date, price series, the trading calendar, indicators in
terminal conventions, cursors and versions. No I/O, and nothing of the features above it: the
backtest engine and every feature import it."""
