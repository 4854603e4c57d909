from enum import StrEnum


class AnyConditionKind(StrEnum):
    ANY = "any"

    def __str__(self) -> str:
        return str(self.value)
