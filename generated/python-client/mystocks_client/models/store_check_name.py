from enum import StrEnum


class StoreCheckName(StrEnum):
    REDIS = "redis"
    RELATIONAL = "relational"
    TIMESERIES = "timeseries"

    def __str__(self) -> str:
        return str(self.value)
