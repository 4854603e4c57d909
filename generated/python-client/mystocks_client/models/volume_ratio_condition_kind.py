from enum import StrEnum


class VolumeRatioConditionKind(StrEnum):
    VOLUME_RATIO = "volume_ratio"

    def __str__(self) -> str:
        return str(self.value)
