from enum import StrEnum


class WsErrorDataCode(StrEnum):
    BAD_MESSAGE = "bad_message"
    FORBIDDEN_CHANNEL = "forbidden_channel"
    NOT_ALLOWED = "not_allowed"
    TOO_MANY_SUBSCRIPTIONS = "too_many_subscriptions"
    UNKNOWN_CHANNEL = "unknown_channel"
    UNSUPPORTED_PERIOD = "unsupported_period"

    def __str__(self) -> str:
        return str(self.value)
