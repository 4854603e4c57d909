from enum import StrEnum


class WsAuthType(StrEnum):
    AUTH = "auth"

    def __str__(self) -> str:
        return str(self.value)
