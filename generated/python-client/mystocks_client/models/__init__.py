"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_alert_rule_create import AccountAlertRuleCreate
from .account_alert_rule_create_kind import AccountAlertRuleCreateKind
from .account_equity import AccountEquity
from .account_equity_point import AccountEquityPoint
from .account_input import AccountInput
from .account_page import AccountPage
from .adjust import Adjust
from .alert import Alert
from .alert_page import AlertPage
from .alert_rule import AlertRule
from .alert_rule_kind import AlertRuleKind
from .alert_rule_list import AlertRuleList
from .alert_severity import AlertSeverity
from .all_condition import AllCondition
from .all_condition_kind import AllConditionKind
from .any_condition import AnyCondition
from .any_condition_kind import AnyConditionKind
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_list import ApiKeyList
from .api_key_scope import ApiKeyScope
from .api_key_status import ApiKeyStatus
from .audit_entry import AuditEntry
from .audit_entry_actor_kind import AuditEntryActorKind
from .audit_entry_details import AuditEntryDetails
from .audit_entry_outcome import AuditEntryOutcome
from .audit_page import AuditPage
from .auto_trade_type_0 import AutoTradeType0
from .backtest import Backtest
from .backtest_costs import BacktestCosts
from .backtest_metrics import BacktestMetrics
from .backtest_page import BacktestPage
from .backtest_request import BacktestRequest
from .backtest_trade import BacktestTrade
from .backtest_trade_list import BacktestTradeList
from .backtest_trade_side import BacktestTradeSide
from .backtest_update import BacktestUpdate
from .backtest_update_event import BacktestUpdateEvent
from .backtest_update_event_type import BacktestUpdateEventType
from .bar import Bar
from .bar_field import BarField
from .bar_ingest import BarIngest
from .bar_ingest_item import BarIngestItem
from .bar_ingest_period import BarIngestPeriod
from .bar_page import BarPage
from .bollinger_breakout_definition import BollingerBreakoutDefinition
from .bollinger_breakout_definition_type import BollingerBreakoutDefinitionType
from .bollinger_breakout_parameters import BollingerBreakoutParameters
from .breakout_condition import BreakoutCondition
from .breakout_condition_direction import BreakoutConditionDirection
from .breakout_condition_kind import BreakoutConditionKind
from .builtin_screen import BuiltinScreen
from .builtin_screen_list import BuiltinScreenList
from .calendar import Calendar
from .change_condition import ChangeCondition
from .change_condition_kind import ChangeConditionKind
from .compare_condition import CompareCondition
from .compare_condition_kind import CompareConditionKind
from .comparison_operator import ComparisonOperator
from .cross_condition import CrossCondition
from .cross_condition_direction import CrossConditionDirection
from .cross_condition_kind import CrossConditionKind
from .dashboard import Dashboard
from .dashboard_account import DashboardAccount
from .dashboard_paper import DashboardPaper
from .dashboard_update_event import DashboardUpdateEvent
from .dashboard_update_event_type import DashboardUpdateEventType
from .data_source import DataSource
from .equity_curve import EquityCurve
from .equity_point import EquityPoint
from .exchange import Exchange
from .field_error import FieldError
from .field_error_in import FieldErrorIn
from .field_operand import FieldOperand
from .get_calendar_exchange import GetCalendarExchange
from .health import Health
from .health_status import HealthStatus
from .indicator_name import IndicatorName
from .indicator_operand import IndicatorOperand
from .indicator_page import IndicatorPage
from .indicator_point import IndicatorPoint
from .indicator_point_values import IndicatorPointValues
from .ingest_result import IngestResult
from .instrument import Instrument
from .instrument_board import InstrumentBoard
from .instrument_currency import InstrumentCurrency
from .instrument_market import InstrumentMarket
from .instrument_page import InstrumentPage
from .instrument_type import InstrumentType
from .job_activity import JobActivity
from .job_counts import JobCounts
from .job_status import JobStatus
from .macd_trend_definition import MacdTrendDefinition
from .macd_trend_definition_type import MacdTrendDefinitionType
from .macd_trend_parameters import MacdTrendParameters
from .market_breadth import MarketBreadth
from .market_movers import MarketMovers
from .momentum_definition import MomentumDefinition
from .momentum_definition_type import MomentumDefinitionType
from .momentum_parameters import MomentumParameters
from .mover import Mover
from .not_condition import NotCondition
from .not_condition_kind import NotConditionKind
from .order import Order
from .order_input import OrderInput
from .order_page import OrderPage
from .order_refusal_type_0 import OrderRefusalType0
from .order_side import OrderSide
from .order_status import OrderStatus
from .order_status_change import OrderStatusChange
from .order_type import OrderType
from .paper_trade import PaperTrade
from .paper_trade_page import PaperTradePage
from .parameter_range import ParameterRange
from .period import Period
from .position import Position
from .position_list import PositionList
from .problem import Problem
from .quote import Quote
from .quote_list import QuoteList
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .refresh_request import RefreshRequest
from .risk_alert_event import RiskAlertEvent
from .risk_alert_event_type import RiskAlertEventType
from .role import Role
from .rsi_reversion_definition import RsiReversionDefinition
from .rsi_reversion_definition_type import RsiReversionDefinitionType
from .rsi_reversion_parameters import RsiReversionParameters
from .running_job import RunningJob
from .running_job_kind import RunningJobKind
from .screen import Screen
from .screen_field import ScreenField
from .screen_input import ScreenInput
from .screen_match import ScreenMatch
from .screen_match_values import ScreenMatchValues
from .screen_page import ScreenPage
from .screen_result import ScreenResult
from .screen_run_request import ScreenRunRequest
from .screen_universe import ScreenUniverse
from .signal import Signal
from .signal_page import SignalPage
from .signal_side import SignalSide
from .sma_cross_definition import SmaCrossDefinition
from .sma_cross_definition_type import SmaCrossDefinitionType
from .sma_cross_parameters import SmaCrossParameters
from .store_check import StoreCheck
from .store_check_name import StoreCheckName
from .strategy_alert_rule_create import StrategyAlertRuleCreate
from .strategy_alert_rule_create_kind import StrategyAlertRuleCreateKind
from .strategy_bollinger_breakout import StrategyBollingerBreakout
from .strategy_fields import StrategyFields
from .strategy_input_bollinger_breakout import StrategyInputBollingerBreakout
from .strategy_input_macd_trend import StrategyInputMacdTrend
from .strategy_input_momentum import StrategyInputMomentum
from .strategy_input_rsi_reversion import StrategyInputRsiReversion
from .strategy_input_sma_cross import StrategyInputSmaCross
from .strategy_macd_trend import StrategyMacdTrend
from .strategy_meta import StrategyMeta
from .strategy_meta_live import StrategyMetaLive
from .strategy_momentum import StrategyMomentum
from .strategy_page import StrategyPage
from .strategy_parameter_info import StrategyParameterInfo
from .strategy_parameter_info_kind import StrategyParameterInfoKind
from .strategy_patch import StrategyPatch
from .strategy_patch_parameters import StrategyPatchParameters
from .strategy_rsi_reversion import StrategyRsiReversion
from .strategy_sma_cross import StrategySmaCross
from .strategy_start import StrategyStart
from .strategy_status import StrategyStatus
from .strategy_type import StrategyType
from .strategy_type_info import StrategyTypeInfo
from .strategy_type_list import StrategyTypeList
from .stream_alerts_response_200 import StreamAlertsResponse200
from .stream_alerts_response_200_event import StreamAlertsResponse200Event
from .stream_backtests_response_200 import StreamBacktestsResponse200
from .stream_backtests_response_200_event import StreamBacktestsResponse200Event
from .stream_dashboard_response_200 import StreamDashboardResponse200
from .stream_dashboard_response_200_event import StreamDashboardResponse200Event
from .stream_sync_response_200 import StreamSyncResponse200
from .stream_sync_response_200_event import StreamSyncResponse200Event
from .stream_training_response_200 import StreamTrainingResponse200
from .stream_training_response_200_event import StreamTrainingResponse200Event
from .symbol_alert_rule_create import SymbolAlertRuleCreate
from .symbol_alert_rule_create_kind import SymbolAlertRuleCreateKind
from .sync_job import SyncJob
from .sync_job_request import SyncJobRequest
from .sync_job_request_periods_item import SyncJobRequestPeriodsItem
from .sync_job_request_providers_item import SyncJobRequestProvidersItem
from .sync_job_status import SyncJobStatus
from .sync_report import SyncReport
from .sync_report_periods_item import SyncReportPeriodsItem
from .sync_report_symbols import SyncReportSymbols
from .sync_report_totals import SyncReportTotals
from .sync_symbol_report import SyncSymbolReport
from .sync_symbol_report_refused_item import SyncSymbolReportRefusedItem
from .sync_symbol_report_sources import SyncSymbolReportSources
from .sync_symbol_report_status import SyncSymbolReportStatus
from .sync_symbol_report_written import SyncSymbolReportWritten
from .sync_update_event import SyncUpdateEvent
from .sync_update_event_data import SyncUpdateEventData
from .sync_update_event_data_status import SyncUpdateEventDataStatus
from .sync_update_event_type import SyncUpdateEventType
from .tick import Tick
from .tick_ingest import TickIngest
from .tick_ingest_item import TickIngestItem
from .tick_page import TickPage
from .token import Token
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType
from .token_token_type import TokenTokenType
from .training_job import TrainingJob
from .training_job_best_parameters_type_0 import TrainingJobBestParametersType0
from .training_objective import TrainingObjective
from .training_page import TrainingPage
from .training_request import TrainingRequest
from .training_request_grid import TrainingRequestGrid
from .training_request_ranges import TrainingRequestRanges
from .training_trial import TrainingTrial
from .training_trial_parameters import TrainingTrialParameters
from .training_update import TrainingUpdate
from .training_update_best_parameters_type_0 import TrainingUpdateBestParametersType0
from .training_update_event import TrainingUpdateEvent
from .training_update_event_type import TrainingUpdateEventType
from .user import User
from .version_info import VersionInfo
from .version_info_environment import VersionInfoEnvironment
from .volume_ratio_condition import VolumeRatioCondition
from .volume_ratio_condition_kind import VolumeRatioConditionKind
from .watchlist import Watchlist
from .watchlist_input import WatchlistInput
from .watchlist_item import WatchlistItem
from .watchlist_item_input import WatchlistItemInput
from .watchlist_item_seed import WatchlistItemSeed
from .watchlist_page import WatchlistPage
from .watchlist_patch import WatchlistPatch
from .watchlist_quote_item import WatchlistQuoteItem
from .watchlist_quotes import WatchlistQuotes
from .ws_ack import WsAck
from .ws_ack_data import WsAckData
from .ws_ack_data_op import WsAckDataOp
from .ws_ack_type import WsAckType
from .ws_alert import WsAlert
from .ws_alert_type import WsAlertType
from .ws_auth import WsAuth
from .ws_auth_type import WsAuthType
from .ws_bar_batch import WsBarBatch
from .ws_bar_item import WsBarItem
from .ws_bar_item_period import WsBarItemPeriod
from .ws_bars import WsBars
from .ws_bars_type import WsBarsType
from .ws_close_code import WsCloseCode
from .ws_error import WsError
from .ws_error_data import WsErrorData
from .ws_error_data_code import WsErrorDataCode
from .ws_error_type import WsErrorType
from .ws_gap import WsGap
from .ws_gap_data import WsGapData
from .ws_gap_type import WsGapType
from .ws_order_update import WsOrderUpdate
from .ws_order_update_type import WsOrderUpdateType
from .ws_ping import WsPing
from .ws_ping_type import WsPingType
from .ws_pong import WsPong
from .ws_pong_data import WsPongData
from .ws_pong_type import WsPongType
from .ws_quote_batch import WsQuoteBatch
from .ws_quotes import WsQuotes
from .ws_quotes_type import WsQuotesType
from .ws_signal import WsSignal
from .ws_signal_data import WsSignalData
from .ws_signal_data_side import WsSignalDataSide
from .ws_signal_type import WsSignalType
from .ws_subscribe import WsSubscribe
from .ws_subscribe_type import WsSubscribeType
from .ws_tick_batch import WsTickBatch
from .ws_tick_item import WsTickItem
from .ws_ticks import WsTicks
from .ws_ticks_type import WsTicksType
from .ws_trade import WsTrade
from .ws_trade_type import WsTradeType
from .ws_unsubscribe import WsUnsubscribe
from .ws_unsubscribe_type import WsUnsubscribeType

__all__ = (
    "Account",
    "AccountAlertRuleCreate",
    "AccountAlertRuleCreateKind",
    "AccountEquity",
    "AccountEquityPoint",
    "AccountInput",
    "AccountPage",
    "Adjust",
    "Alert",
    "AlertPage",
    "AlertRule",
    "AlertRuleKind",
    "AlertRuleList",
    "AlertSeverity",
    "AllCondition",
    "AllConditionKind",
    "AnyCondition",
    "AnyConditionKind",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyList",
    "ApiKeyScope",
    "ApiKeyStatus",
    "AuditEntry",
    "AuditEntryActorKind",
    "AuditEntryDetails",
    "AuditEntryOutcome",
    "AuditPage",
    "AutoTradeType0",
    "Backtest",
    "BacktestCosts",
    "BacktestMetrics",
    "BacktestPage",
    "BacktestRequest",
    "BacktestTrade",
    "BacktestTradeList",
    "BacktestTradeSide",
    "BacktestUpdate",
    "BacktestUpdateEvent",
    "BacktestUpdateEventType",
    "Bar",
    "BarField",
    "BarIngest",
    "BarIngestItem",
    "BarIngestPeriod",
    "BarPage",
    "BollingerBreakoutDefinition",
    "BollingerBreakoutDefinitionType",
    "BollingerBreakoutParameters",
    "BreakoutCondition",
    "BreakoutConditionDirection",
    "BreakoutConditionKind",
    "BuiltinScreen",
    "BuiltinScreenList",
    "Calendar",
    "ChangeCondition",
    "ChangeConditionKind",
    "CompareCondition",
    "CompareConditionKind",
    "ComparisonOperator",
    "CrossCondition",
    "CrossConditionDirection",
    "CrossConditionKind",
    "Dashboard",
    "DashboardAccount",
    "DashboardPaper",
    "DashboardUpdateEvent",
    "DashboardUpdateEventType",
    "DataSource",
    "EquityCurve",
    "EquityPoint",
    "Exchange",
    "FieldError",
    "FieldErrorIn",
    "FieldOperand",
    "GetCalendarExchange",
    "Health",
    "HealthStatus",
    "IndicatorName",
    "IndicatorOperand",
    "IndicatorPage",
    "IndicatorPoint",
    "IndicatorPointValues",
    "IngestResult",
    "Instrument",
    "InstrumentBoard",
    "InstrumentCurrency",
    "InstrumentMarket",
    "InstrumentPage",
    "InstrumentType",
    "JobActivity",
    "JobCounts",
    "JobStatus",
    "MacdTrendDefinition",
    "MacdTrendDefinitionType",
    "MacdTrendParameters",
    "MarketBreadth",
    "MarketMovers",
    "MomentumDefinition",
    "MomentumDefinitionType",
    "MomentumParameters",
    "Mover",
    "NotCondition",
    "NotConditionKind",
    "Order",
    "OrderInput",
    "OrderPage",
    "OrderRefusalType0",
    "OrderSide",
    "OrderStatus",
    "OrderStatusChange",
    "OrderType",
    "PaperTrade",
    "PaperTradePage",
    "ParameterRange",
    "Period",
    "Position",
    "PositionList",
    "Problem",
    "Quote",
    "QuoteList",
    "Readiness",
    "ReadinessStatus",
    "RefreshRequest",
    "RiskAlertEvent",
    "RiskAlertEventType",
    "Role",
    "RsiReversionDefinition",
    "RsiReversionDefinitionType",
    "RsiReversionParameters",
    "RunningJob",
    "RunningJobKind",
    "Screen",
    "ScreenField",
    "ScreenInput",
    "ScreenMatch",
    "ScreenMatchValues",
    "ScreenPage",
    "ScreenResult",
    "ScreenRunRequest",
    "ScreenUniverse",
    "Signal",
    "SignalPage",
    "SignalSide",
    "SmaCrossDefinition",
    "SmaCrossDefinitionType",
    "SmaCrossParameters",
    "StoreCheck",
    "StoreCheckName",
    "StrategyAlertRuleCreate",
    "StrategyAlertRuleCreateKind",
    "StrategyBollingerBreakout",
    "StrategyFields",
    "StrategyInputBollingerBreakout",
    "StrategyInputMacdTrend",
    "StrategyInputMomentum",
    "StrategyInputRsiReversion",
    "StrategyInputSmaCross",
    "StrategyMacdTrend",
    "StrategyMeta",
    "StrategyMetaLive",
    "StrategyMomentum",
    "StrategyPage",
    "StrategyParameterInfo",
    "StrategyParameterInfoKind",
    "StrategyPatch",
    "StrategyPatchParameters",
    "StrategyRsiReversion",
    "StrategySmaCross",
    "StrategyStart",
    "StrategyStatus",
    "StrategyType",
    "StrategyTypeInfo",
    "StrategyTypeList",
    "StreamAlertsResponse200",
    "StreamAlertsResponse200Event",
    "StreamBacktestsResponse200",
    "StreamBacktestsResponse200Event",
    "StreamDashboardResponse200",
    "StreamDashboardResponse200Event",
    "StreamSyncResponse200",
    "StreamSyncResponse200Event",
    "StreamTrainingResponse200",
    "StreamTrainingResponse200Event",
    "SymbolAlertRuleCreate",
    "SymbolAlertRuleCreateKind",
    "SyncJob",
    "SyncJobRequest",
    "SyncJobRequestPeriodsItem",
    "SyncJobRequestProvidersItem",
    "SyncJobStatus",
    "SyncReport",
    "SyncReportPeriodsItem",
    "SyncReportSymbols",
    "SyncReportTotals",
    "SyncSymbolReport",
    "SyncSymbolReportRefusedItem",
    "SyncSymbolReportSources",
    "SyncSymbolReportStatus",
    "SyncSymbolReportWritten",
    "SyncUpdateEvent",
    "SyncUpdateEventData",
    "SyncUpdateEventDataStatus",
    "SyncUpdateEventType",
    "Tick",
    "TickIngest",
    "TickIngestItem",
    "TickPage",
    "Token",
    "TokenRequest",
    "TokenRequestGrantType",
    "TokenTokenType",
    "TrainingJob",
    "TrainingJobBestParametersType0",
    "TrainingObjective",
    "TrainingPage",
    "TrainingRequest",
    "TrainingRequestGrid",
    "TrainingRequestRanges",
    "TrainingTrial",
    "TrainingTrialParameters",
    "TrainingUpdate",
    "TrainingUpdateBestParametersType0",
    "TrainingUpdateEvent",
    "TrainingUpdateEventType",
    "User",
    "VersionInfo",
    "VersionInfoEnvironment",
    "VolumeRatioCondition",
    "VolumeRatioConditionKind",
    "Watchlist",
    "WatchlistInput",
    "WatchlistItem",
    "WatchlistItemInput",
    "WatchlistItemSeed",
    "WatchlistPage",
    "WatchlistPatch",
    "WatchlistQuoteItem",
    "WatchlistQuotes",
    "WsAck",
    "WsAckData",
    "WsAckDataOp",
    "WsAckType",
    "WsAlert",
    "WsAlertType",
    "WsAuth",
    "WsAuthType",
    "WsBarBatch",
    "WsBarItem",
    "WsBarItemPeriod",
    "WsBars",
    "WsBarsType",
    "WsCloseCode",
    "WsError",
    "WsErrorData",
    "WsErrorDataCode",
    "WsErrorType",
    "WsGap",
    "WsGapData",
    "WsGapType",
    "WsOrderUpdate",
    "WsOrderUpdateType",
    "WsPing",
    "WsPingType",
    "WsPong",
    "WsPongData",
    "WsPongType",
    "WsQuoteBatch",
    "WsQuotes",
    "WsQuotesType",
    "WsSignal",
    "WsSignalData",
    "WsSignalDataSide",
    "WsSignalType",
    "WsSubscribe",
    "WsSubscribeType",
    "WsTickBatch",
    "WsTickItem",
    "WsTicks",
    "WsTicksType",
    "WsTrade",
    "WsTradeType",
    "WsUnsubscribe",
    "WsUnsubscribeType",
)
