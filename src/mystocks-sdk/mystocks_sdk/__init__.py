"""MyStocks for Python programs and notebooks.

    from mystocks_sdk import Client, to_dataframe

    client = Client.login("http://127.0.0.1:8000", "admin", password)
    bars = to_dataframe(client.bars("600036.SH", "1d"))

`Client` signs in (refreshing its token) or signs with an API key, follows `next_cursor` through
every page, follows a job's progress live, and raises `APIError` (with the problem+json fields)
for any refused request. `to_dataframe` turns rows into pandas. The generated, typed client of
every operation is `mystocks_client` (`client.api` is its connection).
"""

from .auth import ApiKeySignature, TokenSession, signature_headers
from .client import Client
from .errors import APIError
from .frames import to_dataframe

__all__ = [
    "APIError",
    "ApiKeySignature",
    "Client",
    "TokenSession",
    "signature_headers",
    "to_dataframe",
]
