from enum import StrEnum


class StrategyMetaLive(StrEnum):
    RUNNING = "running"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
