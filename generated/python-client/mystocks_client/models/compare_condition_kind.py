from enum import StrEnum


class CompareConditionKind(StrEnum):
    COMPARE = "compare"

    def __str__(self) -> str:
        return str(self.value)
