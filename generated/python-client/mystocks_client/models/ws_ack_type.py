from enum import StrEnum


class WsAckType(StrEnum):
    ACK = "ack"

    def __str__(self) -> str:
        return str(self.value)
