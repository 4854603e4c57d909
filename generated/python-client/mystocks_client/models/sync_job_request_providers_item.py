from enum import StrEnum


class SyncJobRequestProvidersItem(StrEnum):
    AKSHARE = "akshare"
    BAOSTOCK = "baostock"
    TDX = "tdx"

    def __str__(self) -> str:
        return str(self.value)
