from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    TRADER = "trader"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
