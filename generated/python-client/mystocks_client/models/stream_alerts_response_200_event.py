from enum import StrEnum


class StreamAlertsResponse200Event(StrEnum):
    RISK_ALERT = "risk_alert"

    def __str__(self) -> str:
        return str(self.value)
