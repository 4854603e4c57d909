from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.account_alert_rule_create_kind import AccountAlertRuleCreateKind
from ..models.alert_severity import AlertSeverity
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountAlertRuleCreate")


@_attrs_define
class AccountAlertRuleCreate:
    """A rule on one of your paper accounts (`account_drawdown`, `position_share`); it names an
    `account_id` (yours, or any for an admin) instead of a `symbol`. It is evaluated when the
    account trades and, at most about once a second, when the price of something it holds moves.

        Example:
            {'kind': 'account_drawdown', 'account_id': 1, 'threshold': 5.0, 'severity': 'critical', 'cooldown_seconds':
                3600}

        Attributes:
            kind (AccountAlertRuleCreateKind): See `AlertRuleKind`.
            account_id (int):  Example: 1.
            threshold (float): A percent, of the peak equity (`account_drawdown`) or of the equity (`position_share`).
            severity (AlertSeverity | Unset):  Example: warning.
            cooldown_seconds (int | Unset): At least this long between two alerts of the rule. Default: 300.
    """

    kind: AccountAlertRuleCreateKind
    account_id: int
    threshold: float
    severity: AlertSeverity | Unset = UNSET
    cooldown_seconds: int | Unset = 300

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        account_id = self.account_id

        threshold = self.threshold

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        cooldown_seconds = self.cooldown_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "account_id": account_id,
                "threshold": threshold,
            }
        )
        if severity is not UNSET:
            field_dict["severity"] = severity
        if cooldown_seconds is not UNSET:
            field_dict["cooldown_seconds"] = cooldown_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AccountAlertRuleCreateKind(d.pop("kind"))

        account_id = d.pop("account_id")

        threshold = d.pop("threshold")

        _severity = d.pop("severity", UNSET)
        severity: AlertSeverity | Unset
        if isinstance(_severity, Unset):
            severity = UNSET
        else:
            severity = AlertSeverity(_severity)

        cooldown_seconds = d.pop("cooldown_seconds", UNSET)

        account_alert_rule_create = cls(
            kind=kind,
            account_id=account_id,
            threshold=threshold,
            severity=severity,
            cooldown_seconds=cooldown_seconds,
        )

        return account_alert_rule_create
