from enum import StrEnum


class WsOrderUpdateType(StrEnum):
    ORDER_UPDATE = "order_update"

    def __str__(self) -> str:
        return str(self.value)
