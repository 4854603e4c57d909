from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dashboard_update_event_type import DashboardUpdateEventType

if TYPE_CHECKING:
    from ..models.dashboard import Dashboard


T = TypeVar("T", bound="DashboardUpdateEvent")


@_attrs_define
class DashboardUpdateEvent:
    """One `dashboard_update` Server-Sent Event: the SSE `id:` line carries `id`, the `event:` line
    `type`, and the `data:` line this whole object as JSON.

        Example:
            {'id': '9f2c4e1a7b3d5f60', 'type': 'dashboard_update', 'occurred_at': '2026-11-24T05:00:01Z', 'data':
                {'breadth': {'as_of': '2017-07-26T14:59:50+08:00', 'trading_day': '2017-07-26', 'stocks': 4, 'advancing': 2,
                'declining': 2, 'unchanged': 0, 'limit_up': 0, 'limit_down': 0, 'stale': 6}, 'movers': {'gainers': [], 'losers':
                [], 'turnover': []}, 'jobs': {'backtests': {'queued': 0, 'running': 0}, 'training': {'queued': 0, 'running': 0},
                'running': []}, 'paper': {'equity': 0, 'realized_pnl': 0, 'unrealized_pnl': 0, 'accounts': []}, 'open_alerts':
                0, 'risk_alerts_24h': 0, 'ingest_rows_per_second': 0}}

        Attributes:
            id (str): A digest of the snapshot in `data`: equal ids mean equal snapshots. The stream sends a
                snapshot at connect and then only when it differs from the last one sent.
            type_ (DashboardUpdateEventType):
            occurred_at (datetime.datetime): When the server sent this event.
            data (Dashboard): A snapshot for a live dashboard: breadth and top movers of the A-share market, the jobs you
                can
                see that are queued or running, your paper accounts' equity and P&L, open risk alerts and the
                ingest rate. The market part scans every A-share's latest quote, so a server process computes
                it at most once a second: reads within the same second may show the same market figures. The
                jobs and paper parts are likewise kept for up to a second (the paper part for you alone); the
                alert counts are read afresh. `watchlist` is there only when asked for with `?watchlist=` (one
                of your watchlists' quotes, kept for a second per user and list).
                 Example: {'breadth': {'as_of': '2017-07-26T14:59:50+08:00', 'trading_day': '2017-07-26', 'stocks': 4,
                'advancing': 2, 'declining': 2, 'unchanged': 0, 'limit_up': 0, 'limit_down': 0, 'stale': 6}, 'movers':
                {'gainers': [{'symbol': '600809.SH', 'name': '山西汾酒', 'last': 35.91, 'change_pct': 0.14, 'amount': 190523424.6},
                {'symbol': '600036.SH', 'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount': 599527838.88}], 'losers':
                [{'symbol': '600085.SH', 'name': '同仁堂', 'last': 32.98, 'change_pct': -0.87, 'amount': 67103097.64}, {'symbol':
                '601766.SH', 'name': '中国中车', 'last': 10.07, 'change_pct': -0.4, 'amount': 150847131.99}], 'turnover':
                [{'symbol': '600036.SH', 'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount': 599527838.88}, {'symbol':
                '600809.SH', 'name': '山西汾酒', 'last': 35.91, 'change_pct': 0.14, 'amount': 190523424.6}]}, 'jobs': {'backtests':
                {'queued': 1, 'running': 1}, 'training': {'queued': 0, 'running': 0}, 'running': [{'kind': 'backtest', 'id': 7,
                'owner': 'admin', 'progress': 0.4, 'started_at': '2026-11-24T05:00:00Z'}]}, 'paper': {'equity': 999500,
                'realized_pnl': 0, 'unrealized_pnl': -500, 'accounts': [{'id': 1, 'name': 'demo', 'equity': 999500,
                'realized_pnl': 0, 'unrealized_pnl': -500}]}, 'open_alerts': 1, 'risk_alerts_24h': 0, 'ingest_rows_per_second':
                1250.5}.
    """

    id: str
    type_: DashboardUpdateEventType
    occurred_at: datetime.datetime
    data: Dashboard
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dashboard import Dashboard  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = DashboardUpdateEventType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = Dashboard.from_dict(d.pop("data"))

        dashboard_update_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
        )

        dashboard_update_event.additional_properties = d
        return dashboard_update_event

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
