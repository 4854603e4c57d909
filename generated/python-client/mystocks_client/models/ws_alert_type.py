from enum import StrEnum


class WsAlertType(StrEnum):
    RISK_ALERT = "risk_alert"

    def __str__(self) -> str:
        return str(self.value)
