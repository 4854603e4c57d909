from enum import StrEnum


class OrderStatus(StrEnum):
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    FILLED = "filled"
    NEW = "new"
    PARTIALLY_FILLED = "partially_filled"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
