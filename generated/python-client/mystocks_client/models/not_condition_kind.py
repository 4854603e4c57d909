from enum import StrEnum


class NotConditionKind(StrEnum):
    NOT = "not"

    def __str__(self) -> str:
        return str(self.value)
