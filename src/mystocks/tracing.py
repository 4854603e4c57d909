"""Tracing with OpenTelemetry, off unless `MYSTOCKS_OTLP_ENDPOINT` is set.

Each request gets one server span from the request middleware (`mystocks.api.observe`), named
by its operationId, continuing a caller's W3C `traceparent`. The provider is the app's own, not
OpenTelemetry's global one, so tests inject theirs (with an in-memory exporter) and several apps
in one process never share or leak spans. With tracing off there is no provider and the
middleware skips every span call.

The OTLP/HTTP exporter is the optional extra `otel` (`pip install 'mystocks[otel]'`): it brings
protobuf and requests, which a server that exports no traces need not carry.
"""

from __future__ import annotations

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Tracer

from mystocks import __version__
from mystocks.settings import Settings


def provider_for(settings: Settings) -> TracerProvider | None:
    """A provider exporting to `settings.otlp_endpoint` in batches, or None when it is unset."""
    if settings.otlp_endpoint is None:
        return None
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    except ImportError as exc:
        raise RuntimeError(
            "MYSTOCKS_OTLP_ENDPOINT needs the OTLP exporter: pip install 'mystocks[otel]'"
        ) from exc
    resource = Resource.create(
        {
            "service.name": "mystocks",
            "service.version": __version__,
            "deployment.environment.name": settings.env,
        }
    )
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(
        BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otlp_endpoint))
    )
    return provider


def tracer_of(provider: TracerProvider | None) -> Tracer | None:
    return None if provider is None else provider.get_tracer("mystocks", __version__)
