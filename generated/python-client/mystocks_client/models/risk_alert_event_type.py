from enum import StrEnum


class RiskAlertEventType(StrEnum):
    RISK_ALERT = "risk_alert"

    def __str__(self) -> str:
        return str(self.value)
