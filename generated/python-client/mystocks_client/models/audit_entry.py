from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_entry_actor_kind import AuditEntryActorKind
from ..models.audit_entry_outcome import AuditEntryOutcome

if TYPE_CHECKING:
    from ..models.audit_entry_details import AuditEntryDetails


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """One line of the audit log.

    Example:
        {'id': 42, 'at': '2026-11-24T05:00:00Z', 'actor': 'alice', 'actor_kind': 'user', 'key_id': None, 'action':
            'order.create', 'target_type': 'order', 'target_id': '17', 'outcome': 'ok', 'client_ip': '203.0.113.7',
            'request_id': '6f1c2d0e9a', 'details': {'account_id': 3, 'symbol': '600036.SH', 'side': 'buy', 'quantity': 100}}

    Attributes:
        id (int):
        at (datetime.datetime):
        actor (str): The username who acted (for an API key, the key's user).
        actor_kind (AuditEntryActorKind):
        key_id (None | str): The API key used, when `actor_kind` is `api_key`.
        action (str): `<resource>.<verb>`: order.create, order.cancel, user.login, user.login_failed, market.ingest,
            market.import, api_key.create, api_key.revoke.
        target_type (None | str):
        target_id (None | str):
        outcome (AuditEntryOutcome):
        client_ip (None | str):
        request_id (None | str):
        details (AuditEntryDetails):
    """

    id: int
    at: datetime.datetime
    actor: str
    actor_kind: AuditEntryActorKind
    key_id: None | str
    action: str
    target_type: None | str
    target_id: None | str
    outcome: AuditEntryOutcome
    client_ip: None | str
    request_id: None | str
    details: AuditEntryDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor = self.actor

        actor_kind = self.actor_kind.value

        key_id: None | str
        key_id = self.key_id

        action = self.action

        target_type: None | str
        target_type = self.target_type

        target_id: None | str
        target_id = self.target_id

        outcome = self.outcome.value

        client_ip: None | str
        client_ip = self.client_ip

        request_id: None | str
        request_id = self.request_id

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "actor_kind": actor_kind,
                "key_id": key_id,
                "action": action,
                "target_type": target_type,
                "target_id": target_id,
                "outcome": outcome,
                "client_ip": client_ip,
                "request_id": request_id,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_details import AuditEntryDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        actor_kind = AuditEntryActorKind(d.pop("actor_kind"))

        def _parse_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_id = _parse_key_id(d.pop("key_id"))

        action = d.pop("action")

        def _parse_target_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_type = _parse_target_type(d.pop("target_type"))

        def _parse_target_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_id = _parse_target_id(d.pop("target_id"))

        outcome = AuditEntryOutcome(d.pop("outcome"))

        def _parse_client_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_ip = _parse_client_ip(d.pop("client_ip"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        details = AuditEntryDetails.from_dict(d.pop("details"))

        audit_entry = cls(
            id=id,
            at=at,
            actor=actor,
            actor_kind=actor_kind,
            key_id=key_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            outcome=outcome,
            client_ip=client_ip,
            request_id=request_id,
            details=details,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
