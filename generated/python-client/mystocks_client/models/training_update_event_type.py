from enum import StrEnum


class TrainingUpdateEventType(StrEnum):
    TRAINING_UPDATE = "training_update"

    def __str__(self) -> str:
        return str(self.value)
