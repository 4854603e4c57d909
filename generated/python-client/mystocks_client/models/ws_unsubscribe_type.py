from enum import StrEnum


class WsUnsubscribeType(StrEnum):
    UNSUBSCRIBE = "unsubscribe"

    def __str__(self) -> str:
        return str(self.value)
