from enum import StrEnum


class CrossConditionKind(StrEnum):
    CROSS = "cross"

    def __str__(self) -> str:
        return str(self.value)
