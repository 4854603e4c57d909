from enum import StrEnum


class FieldErrorIn(StrEnum):
    BODY = "body"
    FORM = "form"
    HEADER = "header"
    PATH = "path"
    QUERY = "query"

    def __str__(self) -> str:
        return str(self.value)
