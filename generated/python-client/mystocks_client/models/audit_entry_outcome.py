from enum import StrEnum


class AuditEntryOutcome(StrEnum):
    FAILED = "failed"
    OK = "ok"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
