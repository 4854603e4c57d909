from enum import StrEnum


class MomentumDefinitionType(StrEnum):
    MOMENTUM = "momentum"

    def __str__(self) -> str:
        return str(self.value)
