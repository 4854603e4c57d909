from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.alert_severity import AlertSeverity
from ..models.strategy_alert_rule_create_kind import StrategyAlertRuleCreateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyAlertRuleCreate")


@_attrs_define
class StrategyAlertRuleCreate:
    """A rule on one of your strategies (`strategy_loss`); it names a `strategy_id` (yours, or any for
    an admin). It is evaluated when one of the strategy's paper orders trades and, at most about
    once a second, when the price of something it holds moves.

        Example:
            {'kind': 'strategy_loss', 'strategy_id': 1, 'threshold': 5000, 'severity': 'critical', 'cooldown_seconds': 3600}

        Attributes:
            kind (StrategyAlertRuleCreateKind): See `AlertRuleKind`.
            strategy_id (int):  Example: 1.
            threshold (float): The loss bound, in yuan.
            severity (AlertSeverity | Unset):  Example: warning.
            cooldown_seconds (int | Unset): At least this long between two alerts of the rule. Default: 300.
    """

    kind: StrategyAlertRuleCreateKind
    strategy_id: int
    threshold: float
    severity: AlertSeverity | Unset = UNSET
    cooldown_seconds: int | Unset = 300

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        strategy_id = self.strategy_id

        threshold = self.threshold

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        cooldown_seconds = self.cooldown_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "strategy_id": strategy_id,
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
        kind = StrategyAlertRuleCreateKind(d.pop("kind"))

        strategy_id = d.pop("strategy_id")

        threshold = d.pop("threshold")

        _severity = d.pop("severity", UNSET)
        severity: AlertSeverity | Unset
        if isinstance(_severity, Unset):
            severity = UNSET
        else:
            severity = AlertSeverity(_severity)

        cooldown_seconds = d.pop("cooldown_seconds", UNSET)

        strategy_alert_rule_create = cls(
            kind=kind,
            strategy_id=strategy_id,
            threshold=threshold,
            severity=severity,
            cooldown_seconds=cooldown_seconds,
        )

        return strategy_alert_rule_create
