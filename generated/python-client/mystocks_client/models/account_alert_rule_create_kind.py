from enum import StrEnum


class AccountAlertRuleCreateKind(StrEnum):
    ACCOUNT_DRAWDOWN = "account_drawdown"
    POSITION_SHARE = "position_share"

    def __str__(self) -> str:
        return str(self.value)
