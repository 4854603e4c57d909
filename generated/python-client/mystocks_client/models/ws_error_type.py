from enum import StrEnum


class WsErrorType(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
