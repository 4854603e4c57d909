from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dashboard_paper import DashboardPaper
    from ..models.job_activity import JobActivity
    from ..models.market_breadth import MarketBreadth
    from ..models.market_movers import MarketMovers
    from ..models.watchlist_quotes import WatchlistQuotes


T = TypeVar("T", bound="Dashboard")


@_attrs_define
class Dashboard:
    """A snapshot for a live dashboard: breadth and top movers of the A-share market, the jobs you can
    see that are queued or running, your paper accounts' equity and P&L, open risk alerts and the
    ingest rate. The market part scans every A-share's latest quote, so a server process computes
    it at most once a second: reads within the same second may show the same market figures. The
    jobs and paper parts are likewise kept for up to a second (the paper part for you alone); the
    alert counts are read afresh. `watchlist` is there only when asked for with `?watchlist=` (one
    of your watchlists' quotes, kept for a second per user and list).

        Example:
            {'breadth': {'as_of': '2017-07-26T14:59:50+08:00', 'trading_day': '2017-07-26', 'stocks': 4, 'advancing': 2,
                'declining': 2, 'unchanged': 0, 'limit_up': 0, 'limit_down': 0, 'stale': 6}, 'movers': {'gainers': [{'symbol':
                '600809.SH', 'name': '山西汾酒', 'last': 35.91, 'change_pct': 0.14, 'amount': 190523424.6}, {'symbol': '600036.SH',
                'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount': 599527838.88}], 'losers': [{'symbol': '600085.SH',
                'name': '同仁堂', 'last': 32.98, 'change_pct': -0.87, 'amount': 67103097.64}, {'symbol': '601766.SH', 'name':
                '中国中车', 'last': 10.07, 'change_pct': -0.4, 'amount': 150847131.99}], 'turnover': [{'symbol': '600036.SH',
                'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount': 599527838.88}, {'symbol': '600809.SH', 'name':
                '山西汾酒', 'last': 35.91, 'change_pct': 0.14, 'amount': 190523424.6}]}, 'jobs': {'backtests': {'queued': 1,
                'running': 1}, 'training': {'queued': 0, 'running': 0}, 'running': [{'kind': 'backtest', 'id': 7, 'owner':
                'admin', 'progress': 0.4, 'started_at': '2026-11-24T05:00:00Z'}]}, 'paper': {'equity': 999500, 'realized_pnl':
                0, 'unrealized_pnl': -500, 'accounts': [{'id': 1, 'name': 'demo', 'equity': 999500, 'realized_pnl': 0,
                'unrealized_pnl': -500}]}, 'open_alerts': 1, 'risk_alerts_24h': 0, 'ingest_rows_per_second': 1250.5}

        Attributes:
            breadth (MarketBreadth): How the A-share market moved, from the latest quote of every listed A-share stock that
                has
                market data (the quotes `GET /api/v1/market/quotes` answers). The counts cover the stocks whose
                latest quote is from `trading_day`, the trading day of the newest quote; a stock whose latest
                quote is older (suspended, or not updated since) is counted in `stale` only.
                 Example: {'as_of': '2017-07-26T14:59:50+08:00', 'trading_day': '2017-07-26', 'stocks': 4, 'advancing': 2,
                'declining': 2, 'unchanged': 0, 'limit_up': 0, 'limit_down': 0, 'stale': 6}.
            movers (MarketMovers): The biggest movers among the stocks counted in the breadth (those quoted on its trading
                day), at
                most 10 in each list; equal values are ordered by symbol.
                 Example: {'gainers': [{'symbol': '600809.SH', 'name': '山西汾酒', 'last': 35.91, 'change_pct': 0.14, 'amount':
                190523424.6}], 'losers': [{'symbol': '600085.SH', 'name': '同仁堂', 'last': 32.98, 'change_pct': -0.87, 'amount':
                67103097.64}], 'turnover': [{'symbol': '600036.SH', 'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount':
                599527838.88}]}.
            jobs (JobActivity): Backtests and training jobs that are queued or running: every user's for an admin, your own
                otherwise (as in `GET /api/v1/backtests` and `GET /api/v1/training-jobs`).
                 Example: {'backtests': {'queued': 1, 'running': 1}, 'training': {'queued': 0, 'running': 0}, 'running':
                [{'kind': 'backtest', 'id': 7, 'owner': 'admin', 'progress': 0.4, 'started_at': '2026-11-24T05:00:00Z'}]}.
            paper (DashboardPaper): Your own paper accounts (an admin's too: their own, not everyone's), each marked to
                market at
                its symbols' latest trades as `GET /api/v1/accounts/{account_id}` shows it: the newest 20,
                and the totals of those. CNY.
                 Example: {'equity': 1012000.5, 'realized_pnl': 1500, 'unrealized_pnl': 10500.5, 'accounts': [{'id': 2, 'name':
                'momentum', 'equity': 512000.5, 'realized_pnl': 1500, 'unrealized_pnl': 10500.5}, {'id': 1, 'name': 'demo',
                'equity': 500000, 'realized_pnl': 0, 'unrealized_pnl': 0}]}.
            open_alerts (int): Your risk alerts (an admin: everyone's) not yet acknowledged, of any age: what
                `GET /api/v1/alerts?acknowledged=false` lists.
            risk_alerts_24h (int): Your risk alerts (an admin: everyone's) fired in the last 24 hours and not yet
                acknowledged (`GET /api/v1/alerts?acknowledged=false`).
            ingest_rows_per_second (float | None): Rows of ticks and intraday bars written to the time-series store per
                second, averaged over
                the last 60 seconds: by `POST /api/v1/market/ticks`, `POST /api/v1/market/bars` and the
                `mystocks import` command. With Redis configured, every server instance and import sharing
                it counts into this one figure; without Redis, it is this server process's own. Daily bars
                are stored in the relational store and are not counted. Null when the shared counts could
                not be read.
            watchlist (WatchlistQuotes | Unset): The latest quote of every item of a watchlist, in the list's order, each
                with its note. An
                item whose instrument has no market data yet has no `quote`.
                 Example: {'watchlist_id': 1, 'name': '银行', 'version': 3, 'items': [{'symbol': '600036.SH', 'position': 0,
                'note': '银行龙头', 'quote': {'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1, 'high': 24.5,
                'low': 24.02, 'prev_close': 24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300, 'amount':
                1170412345.0, 'limit_up': 26.49, 'limit_down': 21.67, 'timestamp': '2017-07-26T14:59:50+08:00', 'source':
                'real'}}]}.
    """

    breadth: MarketBreadth
    movers: MarketMovers
    jobs: JobActivity
    paper: DashboardPaper
    open_alerts: int
    risk_alerts_24h: int
    ingest_rows_per_second: float | None
    watchlist: WatchlistQuotes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        breadth = self.breadth.to_dict()

        movers = self.movers.to_dict()

        jobs = self.jobs.to_dict()

        paper = self.paper.to_dict()

        open_alerts = self.open_alerts

        risk_alerts_24h = self.risk_alerts_24h

        ingest_rows_per_second: float | None
        ingest_rows_per_second = self.ingest_rows_per_second

        watchlist: dict[str, Any] | Unset = UNSET
        if not isinstance(self.watchlist, Unset):
            watchlist = self.watchlist.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "breadth": breadth,
                "movers": movers,
                "jobs": jobs,
                "paper": paper,
                "open_alerts": open_alerts,
                "risk_alerts_24h": risk_alerts_24h,
                "ingest_rows_per_second": ingest_rows_per_second,
            }
        )
        if watchlist is not UNSET:
            field_dict["watchlist"] = watchlist

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dashboard_paper import DashboardPaper  # noqa: PLC0415
        from ..models.job_activity import JobActivity  # noqa: PLC0415
        from ..models.market_breadth import MarketBreadth  # noqa: PLC0415
        from ..models.market_movers import MarketMovers  # noqa: PLC0415
        from ..models.watchlist_quotes import WatchlistQuotes  # noqa: PLC0415

        d = dict(src_dict)
        breadth = MarketBreadth.from_dict(d.pop("breadth"))

        movers = MarketMovers.from_dict(d.pop("movers"))

        jobs = JobActivity.from_dict(d.pop("jobs"))

        paper = DashboardPaper.from_dict(d.pop("paper"))

        open_alerts = d.pop("open_alerts")

        risk_alerts_24h = d.pop("risk_alerts_24h")

        def _parse_ingest_rows_per_second(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ingest_rows_per_second = _parse_ingest_rows_per_second(d.pop("ingest_rows_per_second"))

        _watchlist = d.pop("watchlist", UNSET)
        watchlist: WatchlistQuotes | Unset
        if isinstance(_watchlist, Unset):
            watchlist = UNSET
        else:
            watchlist = WatchlistQuotes.from_dict(_watchlist)

        dashboard = cls(
            breadth=breadth,
            movers=movers,
            jobs=jobs,
            paper=paper,
            open_alerts=open_alerts,
            risk_alerts_24h=risk_alerts_24h,
            ingest_rows_per_second=ingest_rows_per_second,
            watchlist=watchlist,
        )

        dashboard.additional_properties = d
        return dashboard

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
