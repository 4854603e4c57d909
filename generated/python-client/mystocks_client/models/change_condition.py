from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.change_condition_kind import ChangeConditionKind
from ..models.comparison_operator import ComparisonOperator

T = TypeVar("T", bound="ChangeCondition")


@_attrs_define
class ChangeCondition:
    """The close's change over `days` trading days, in percent (close / close `days` bars earlier
    - 1) * 100, compared with `pct`.

        Example:
            {'kind': 'change', 'days': 5, 'op': 'gt', 'pct': 10}

        Attributes:
            kind (ChangeConditionKind):
            days (int):
            op (ComparisonOperator): `gt` >, `gte` >=, `lt` <, `lte` <=. Example: gt.
            pct (float):
    """

    kind: ChangeConditionKind
    days: int
    op: ComparisonOperator
    pct: float

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        days = self.days

        op = self.op.value

        pct = self.pct

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "days": days,
                "op": op,
                "pct": pct,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ChangeConditionKind(d.pop("kind"))

        days = d.pop("days")

        op = ComparisonOperator(d.pop("op"))

        pct = d.pop("pct")

        change_condition = cls(
            kind=kind,
            days=days,
            op=op,
            pct=pct,
        )

        return change_condition
