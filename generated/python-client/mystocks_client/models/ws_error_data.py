from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_error_data_code import WsErrorDataCode

T = TypeVar("T", bound="WsErrorData")


@_attrs_define
class WsErrorData:
    """
    Example:
        {'code': 'forbidden_channel', 'detail': 'signals:9: no strategy 9 of yours.'}

    Attributes:
        code (WsErrorDataCode): `bad_message`: not JSON or not a client message of the contract; `not_allowed`: a second
            `auth` for another user; `unknown_channel`: a malformed channel name;
            `unsupported_period`: a `bars` period other than `1m` to `60m`; `forbidden_channel`: a
            `signals:{id}` of a strategy, or a `quotes:watchlist:{id}` of a watchlist, that is not the
            caller's (or does not exist);
            `too_many_subscriptions`: over `ws_max_subscriptions`.
        detail (str):
    """

    code: WsErrorDataCode
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = WsErrorDataCode(d.pop("code"))

        detail = d.pop("detail")

        ws_error_data = cls(
            code=code,
            detail=detail,
        )

        ws_error_data.additional_properties = d
        return ws_error_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
