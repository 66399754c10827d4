"""Prometheus metrics, named in vLLM's spirit (``ketch:`` prefix), one registry per server.

Histograms and counters are fed by the routes as requests progress; the engine gauges (running,
waiting, KV usage, prefix cache) are read from an engine snapshot at scrape time, so they can
never drift from the truth.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from ketch.engine.llm_engine import EngineStats

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_LATENCY = (0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0, 80.0)
_ITL = (0.002, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.5)


class _EngineCollector(Collector):
    def __init__(self, stats: Callable[[], EngineStats | None]) -> None:
        self._stats = stats

    def collect(self) -> Iterator:
        s = self._stats()
        if s is None:  # still loading: report an idle engine rather than nothing
            s = EngineStats(0, 0, 0, 0, 0, 0, 0)
        yield GaugeMetricFamily("ketch:num_requests_running", "Requests in the engine's running batch.",
                                value=s.num_running)
        yield GaugeMetricFamily("ketch:num_requests_waiting", "Requests waiting for the engine.",
                                value=s.num_waiting)
        yield GaugeMetricFamily("ketch:kv_cache_usage_perc", "Fraction of KV-cache blocks in use (0-1).",
                                value=s.kv_blocks_used / s.kv_blocks_total if s.kv_blocks_total else 0.0)
        yield GaugeMetricFamily("ketch:kv_cache_blocks_used", "KV-cache blocks held by live sequences.",
                                value=s.kv_blocks_used)
        yield GaugeMetricFamily("ketch:kv_cache_blocks_total", "KV-cache blocks in the pool.",
                                value=s.kv_blocks_total)
        yield GaugeMetricFamily("ketch:prefix_cache_hit_rate", "Prompt tokens found in the prefix cache / looked up.",
                                value=s.prefix_cache_hits / s.prefix_cache_queries if s.prefix_cache_queries else 0.0)
        yield CounterMetricFamily("ketch:prefix_cache_queries", "Prompt tokens looked up in the prefix cache.",
                                  value=s.prefix_cache_queries)
        yield CounterMetricFamily("ketch:prefix_cache_hits", "Prompt tokens served from the prefix cache.",
                                  value=s.prefix_cache_hits)
        yield CounterMetricFamily("ketch:num_preemptions", "Sequences preempted for lack of KV blocks.",
                                  value=s.num_preemptions)


class ServerMetrics:
    def __init__(self, stats: Callable[[], EngineStats | None], model_name: str) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.model_name = model_name
        labels = ["model_name"]
        self.ttft = Histogram("ketch:time_to_first_token_seconds", "Time from arrival to the first token.",
                              labels, buckets=_LATENCY, registry=r)
        self.itl = Histogram("ketch:inter_token_latency_seconds", "Time between consecutive output tokens.",
                             labels, buckets=_ITL, registry=r)
        self.e2e = Histogram("ketch:e2e_request_latency_seconds", "Time from arrival to the last token.",
                             labels, buckets=_LATENCY, registry=r)
        self.queue_time = Histogram("ketch:request_queue_time_seconds",
                                    "Time from arrival to the first scheduled step.", labels,
                                    buckets=_LATENCY, registry=r)
        self.prompt_tokens = Counter("ketch:prompt_tokens", "Prompt tokens processed.", labels, registry=r)
        self.generation_tokens = Counter("ketch:generation_tokens", "Tokens generated.", labels, registry=r)
        self.request_success = Counter("ketch:request_success", "Requests finished, by reason.",
                                       labels + ["finished_reason"], registry=r)
        self.errors = Counter("ketch:request_errors", "Requests answered with an error, by HTTP status code.",
                              ["code"], registry=r)
        self.in_flight = Gauge("ketch:http_requests_in_flight", "Generation requests admitted by the server.",
                               registry=r)
        self.aborted = Counter("ketch:request_aborted", "Requests aborted because the client went away.",
                               labels, registry=r)
        r.register(_EngineCollector(stats))

    def render(self) -> bytes:
        return generate_latest(self.registry)
