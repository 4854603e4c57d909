from enum import StrEnum


class WsSubscribeType(StrEnum):
    SUBSCRIBE = "subscribe"

    def __str__(self) -> str:
        return str(self.value)
