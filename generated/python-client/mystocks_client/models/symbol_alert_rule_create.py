from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.alert_severity import AlertSeverity
from ..models.symbol_alert_rule_create_kind import SymbolAlertRuleCreateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SymbolAlertRuleCreate")


@_attrs_define
class SymbolAlertRuleCreate:
    """A rule on one instrument's live quotes (`price_above`, `price_below`, `change_pct_beyond`, `volume_spike`); it names
    a `symbol`.

        Example:
            {'kind': 'price_above', 'symbol': '600036.SH', 'threshold': 26.0, 'severity': 'warning', 'cooldown_seconds':
                300}

        Attributes:
            kind (SymbolAlertRuleCreateKind): See `AlertRuleKind`.
            symbol (str):  Example: 600036.SH.
            threshold (float): A price (`price_*`), a percent (`change_pct_beyond`) or a multiple of the average volume
                (`volume_spike`).
            window (int | Unset): `volume_spike` only: trading days averaged. Default: 5.
            severity (AlertSeverity | Unset):  Example: warning.
            cooldown_seconds (int | Unset): At least this long between two alerts of the rule. Default: 300.
    """

    kind: SymbolAlertRuleCreateKind
    symbol: str
    threshold: float
    window: int | Unset = 5
    severity: AlertSeverity | Unset = UNSET
    cooldown_seconds: int | Unset = 300

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        symbol = self.symbol

        threshold = self.threshold

        window = self.window

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        cooldown_seconds = self.cooldown_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "symbol": symbol,
                "threshold": threshold,
            }
        )
        if window is not UNSET:
            field_dict["window"] = window
        if severity is not UNSET:
            field_dict["severity"] = severity
        if cooldown_seconds is not UNSET:
            field_dict["cooldown_seconds"] = cooldown_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = SymbolAlertRuleCreateKind(d.pop("kind"))

        symbol = d.pop("symbol")

        threshold = d.pop("threshold")

        window = d.pop("window", UNSET)

        _severity = d.pop("severity", UNSET)
        severity: AlertSeverity | Unset
        if isinstance(_severity, Unset):
            severity = UNSET
        else:
            severity = AlertSeverity(_severity)

        cooldown_seconds = d.pop("cooldown_seconds", UNSET)

        symbol_alert_rule_create = cls(
            kind=kind,
            symbol=symbol,
            threshold=threshold,
            window=window,
            severity=severity,
            cooldown_seconds=cooldown_seconds,
        )

        return symbol_alert_rule_create
