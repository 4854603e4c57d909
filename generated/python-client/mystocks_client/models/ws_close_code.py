from enum import IntEnum


class WsCloseCode(IntEnum):
    VALUE_1001 = 1001
    VALUE_1012 = 1012
    VALUE_1013 = 1013
    VALUE_4401 = 4401
    VALUE_4408 = 4408
    VALUE_4429 = 4429

    def __str__(self) -> str:
        return str(self.value)
