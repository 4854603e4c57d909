from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sync_job_request_periods_item import SyncJobRequestPeriodsItem
from ..models.sync_job_request_providers_item import SyncJobRequestProvidersItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="SyncJobRequest")


@_attrs_define
class SyncJobRequest:
    """What to sync; every field may be left out.

    Example:
        {'symbols': ['600000.SH'], 'periods': ['1d']}

    Attributes:
        symbols (list[str] | Unset): The A-shares to sync; left out, every A-share the first provider lists. Example:
            ['600000.SH', '000001.SZ'].
        since (datetime.date | Unset): The first day to fetch; left out, the day after the newest stored bar (or the
            first the provider has).
        periods (list[SyncJobRequestPeriodsItem] | Unset):
        providers (list[SyncJobRequestProvidersItem] | Unset): The providers in failover order; left out, the server's
            `MYSTOCKS_SYNC_PROVIDERS`.
    """

    symbols: list[str] | Unset = UNSET
    since: datetime.date | Unset = UNSET
    periods: list[SyncJobRequestPeriodsItem] | Unset = UNSET
    providers: list[SyncJobRequestProvidersItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        symbols: list[str] | Unset = UNSET
        if not isinstance(self.symbols, Unset):
            symbols = self.symbols

        since: str | Unset = UNSET
        if not isinstance(self.since, Unset):
            since = self.since.isoformat()

        periods: list[str] | Unset = UNSET
        if not isinstance(self.periods, Unset):
            periods = []
            for periods_item_data in self.periods:
                periods_item = periods_item_data.value
                periods.append(periods_item)

        providers: list[str] | Unset = UNSET
        if not isinstance(self.providers, Unset):
            providers = []
            for providers_item_data in self.providers:
                providers_item = providers_item_data.value
                providers.append(providers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if symbols is not UNSET:
            field_dict["symbols"] = symbols
        if since is not UNSET:
            field_dict["since"] = since
        if periods is not UNSET:
            field_dict["periods"] = periods
        if providers is not UNSET:
            field_dict["providers"] = providers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbols = cast(list[str], d.pop("symbols", UNSET))

        _since = d.pop("since", UNSET)
        since: datetime.date | Unset
        if isinstance(_since, Unset):
            since = UNSET
        else:
            since = datetime.date.fromisoformat(_since)

        _periods = d.pop("periods", UNSET)
        periods: list[SyncJobRequestPeriodsItem] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = SyncJobRequestPeriodsItem(periods_item_data)

                periods.append(periods_item)

        _providers = d.pop("providers", UNSET)
        providers: list[SyncJobRequestProvidersItem] | Unset = UNSET
        if _providers is not UNSET:
            providers = []
            for providers_item_data in _providers:
                providers_item = SyncJobRequestProvidersItem(providers_item_data)

                providers.append(providers_item)

        sync_job_request = cls(
            symbols=symbols,
            since=since,
            periods=periods,
            providers=providers,
        )

        return sync_job_request
