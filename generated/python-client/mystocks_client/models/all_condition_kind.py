from enum import StrEnum


class AllConditionKind(StrEnum):
    ALL = "all"

    def __str__(self) -> str:
        return str(self.value)
