"""The WebSocket channel `/api/v1/ws` (contract: `openapi/asyncapi.yaml`, `WsClientMessage`,
`WsServerMessage`, `WsCloseCode`).

A browser cannot set headers on a WebSocket, and a token in the URL ends up in logs, so the
token comes in the first message, within `ws_auth_timeout_seconds`. After that the client
subscribes to channels and the hub (`mystocks.live.hub`) feeds it. Client messages are
validated by the generated models; server messages are encoded with orjson and checked against
the generated models by the tests.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace
from typing import Any

from mystocks_contract.models import WsAuth, WsClientMessage, WsPing, WsSubscribe, WsUnsubscribe
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from mystocks import metrics
from mystocks.container import Services
from mystocks.errors import AuthenticationFailed, NotFound, ServiceUnavailable
from mystocks.identity.auth import Principal
from mystocks.live.channels import Channel, ChannelRefused, parse
from mystocks.live.hub import (
    CLOSE_AUTH,
    CLOSE_TIMEOUT,
    CLOSE_TRY_LATER,
    Hub,
    Subscriber,
)
from mystocks.live.outbox import control_frame

WS_PATH = "/api/v1/ws"


class _Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class WebSocketChannel:
    """The ASGI app of `/api/v1/ws`; `mystocks.app.MyStocksApp` sends it the websocket scopes."""

    def __init__(self, services: Services, hub: Hub) -> None:
        self.services = services
        self.settings = services.settings
        self.hub = hub

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        metrics.WS_CONNECTIONS.inc()
        try:
            await self._serve(scope, receive, send)
        finally:
            metrics.WS_CONNECTIONS.dec()

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        ws = WebSocket(scope, receive, send)
        await ws.accept()
        try:
            principal, token = await self._authenticate(ws)
        except _Refused as refused:
            await _close(ws, refused.code, refused.reason)
            return
        except WebSocketDisconnect:
            return

        async def send_text(frame: bytes) -> None:
            await ws.send_text(frame.decode())

        subscriber = Subscriber(principal, token, send_text, self.settings.ws_queue_size)
        self.hub.attach(subscriber)
        subscriber.answer(self._ack(None, "auth", [], subscriber))
        pump = asyncio.create_task(subscriber.pump())
        reader = asyncio.create_task(self._read(ws, subscriber))
        try:
            ends: set[asyncio.Future[Any]] = {pump, reader, subscriber.closing}
            await asyncio.wait(ends, return_when="FIRST_COMPLETED")
        finally:
            self.hub.detach(subscriber)
            for task in (pump, reader):
                task.cancel()
            for task in (pump, reader):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task  # a send to a client that left raises; it is gone either way
        if subscriber.closing.done():
            await _close(ws, *subscriber.closing.result())

    async def _authenticate(self, ws: WebSocket) -> tuple[Principal, str]:
        try:  # asyncio.timeout, not wait_for, which can swallow a cancellation on 3.11
            async with asyncio.timeout(self.settings.ws_auth_timeout_seconds):
                text = await ws.receive_text()
        except TimeoutError:
            raise _Refused(CLOSE_TIMEOUT, "no auth message in time") from None
        try:
            message = WsAuth.model_validate_json(text)
        except ValidationError:
            raise _Refused(CLOSE_AUTH, 'the first message must be {"type": "auth", ...}') from None
        return await self._verify(message.token), message.token

    async def _verify(self, token: str) -> Principal:
        try:
            return await self.services.auth.verify(token)
        except AuthenticationFailed as exc:
            raise _Refused(CLOSE_AUTH, exc.detail) from None
        except ServiceUnavailable as exc:
            raise _Refused(CLOSE_TRY_LATER, exc.detail) from None

    async def _read(self, ws: WebSocket, subscriber: Subscriber) -> None:
        idle = self.settings.ws_idle_timeout_seconds
        while True:
            try:
                async with asyncio.timeout(idle):
                    message = await ws.receive()
            except TimeoutError:
                subscriber.close(CLOSE_TIMEOUT, f"idle for {idle:g} s: send ping")
                return
            if message["type"] == "websocket.disconnect":
                return
            raw = message.get("text") or (message.get("bytes") or b"").decode(errors="replace")
            try:
                parsed = WsClientMessage.model_validate_json(raw).root
            except ValidationError as exc:
                error = exc.errors()[0]
                where = ".".join(str(part) for part in error["loc"])
                detail = f"not a client message of the contract: {where}: {error['msg']}"
                subscriber.answer(_error(None, None, "bad_message", detail))
                continue
            try:
                await self._handle(parsed, subscriber)
            except _Refused as refused:
                subscriber.close(refused.code, refused.reason)
                return

    async def _handle(
        self, message: WsAuth | WsSubscribe | WsUnsubscribe | WsPing, subscriber: Subscriber
    ) -> None:
        if isinstance(message, WsPing):
            subscriber.answer(control_frame("pong", _rid(message), {}, None))
        elif isinstance(message, WsAuth):
            principal = await self._verify(message.token)
            if principal.username != subscriber.principal.username:
                detail = "a connection stays with one user; open another for this one."
                subscriber.answer(_error(_rid(message), None, "not_allowed", detail))
                return
            subscriber.principal, subscriber.token = principal, message.token
            subscriber.answer(self._ack(_rid(message), "auth", [], subscriber))
        elif isinstance(message, WsSubscribe):
            accepted = []
            for raw in message.channels:
                name = await self._add(subscriber, raw.root, _rid(message))
                if name is not None:
                    accepted.append(name)
            # The ack promises delivery of what is published after it: the hub must follow
            # the bus by then (it starts with the first connection).
            await self.hub.following(within=5.0)
            subscriber.answer(self._ack(_rid(message), "subscribe", accepted, subscriber))
        else:
            names = []
            for raw in message.channels:
                with contextlib.suppress(ChannelRefused):  # never subscribed, then
                    names.append(parse(raw.root, subscriber.principal.username).name)
            for name in names:
                self.hub.unsubscribe(subscriber, name)
            subscriber.answer(self._ack(_rid(message), "unsubscribe", names, subscriber))

    async def _add(self, subscriber: Subscriber, name: str, request_id: str | None) -> str | None:
        """Subscribe to one channel and answer its canonical name, or answer an `error`
        naming it and None."""
        try:
            channel = parse(name, subscriber.principal.username)
            again = channel.name in subscriber.channels
            if again and not channel.watchlist_id:  # a watchlist's is read again: it may change
                return channel.name
            if not again and len(subscriber.channels) >= self.settings.ws_max_subscriptions:
                raise ChannelRefused(
                    "too_many_subscriptions",
                    f"{name}: a connection has at most {self.settings.ws_max_subscriptions}"
                    " subscriptions; unsubscribe some first.",
                )
            if channel.strategy_id:
                await self._check_strategy(subscriber.principal, channel.strategy_id, name)
            if channel.watchlist_id:
                channel = await self._watchlist(subscriber.principal, channel, name)
        except ChannelRefused as refused:
            subscriber.answer(_error(request_id, name, refused.code, refused.detail))
            return None
        self.hub.subscribe(subscriber, channel)
        return channel.name

    async def _check_strategy(self, principal: Principal, strategy_id: int, name: str) -> None:
        try:
            await run_in_threadpool(self.services.strategies.get_strategy, principal, strategy_id)
        except NotFound:
            raise ChannelRefused(
                "forbidden_channel", f"{name}: no strategy {strategy_id} of yours."
            ) from None

    async def _watchlist(self, principal: Principal, channel: Channel, name: str) -> Channel:
        """The channel with its watchlist's symbols as they are now."""
        try:
            symbols = await run_in_threadpool(
                self.services.watchlists.symbols_of, principal, channel.watchlist_id
            )
        except NotFound:
            raise ChannelRefused(
                "forbidden_channel", f"{name}: no watchlist {channel.watchlist_id} of yours."
            ) from None
        return replace(channel, symbols=tuple(symbols))

    @staticmethod
    def _ack(request_id: str | None, op: str, channels: list[str], sub: Subscriber) -> bytes:
        data: dict[str, object] = {
            "op": op,
            "channels": channels,
            "subscriptions": sorted(sub.channels),
        }
        if op == "auth":
            data["username"] = sub.principal.username
        return control_frame("ack", request_id, data, None)


def _rid(message: WsAuth | WsSubscribe | WsUnsubscribe | WsPing) -> str | None:
    return None if message.id is None else message.id.root


def _error(request_id: str | None, channel: str | None, code: str, detail: str) -> bytes:
    return control_frame("error", request_id, {"code": code, "detail": detail}, channel)


async def _close(ws: WebSocket, code: int, reason: str) -> None:
    """Send the close frame, unless the client stopped reading so long that it cannot be
    written; then leaving is enough (the server drops the connection)."""
    with contextlib.suppress(Exception):
        async with asyncio.timeout(1.0):
            await ws.close(code, reason.encode()[:120].decode(errors="ignore"))
