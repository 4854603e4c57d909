from enum import StrEnum


class StreamDashboardResponse200Event(StrEnum):
    DASHBOARD_UPDATE = "dashboard_update"

    def __str__(self) -> str:
        return str(self.value)
