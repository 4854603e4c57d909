from enum import StrEnum


class ChangeConditionKind(StrEnum):
    CHANGE = "change"

    def __str__(self) -> str:
        return str(self.value)
