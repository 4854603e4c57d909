from enum import StrEnum


class ApiKeyScope(StrEnum):
    ADMIN = "admin"
    READ = "read"
    TRADE = "trade"

    def __str__(self) -> str:
        return str(self.value)
