from enum import StrEnum


class StreamTrainingResponse200Event(StrEnum):
    TRAINING_UPDATE = "training_update"

    def __str__(self) -> str:
        return str(self.value)
