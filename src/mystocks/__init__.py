"""MyStocks: a contract-first API platform for quantitative trading data."""

__version__ = "0.1.0"
