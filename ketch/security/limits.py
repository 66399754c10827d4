"""Per-key limits: requests per minute, tokens per minute, requests in flight, tokens per day.

Requests and tokens per minute are token buckets (capacity the per-minute limit, refilled evenly
over the minute), so a key may burst up to its limit and then runs at the limit's pace. A
request's prompt tokens are taken when it is admitted and its completion tokens as they are
generated: a bucket may go below zero (the request is never cut), and the key waits for the next
request until it refills. The daily quota is exact: admission reserves the prompt plus the
completion tokens the request may still make, caps the request's ``max_tokens`` to what the quota
leaves, and the tokens used are written to the key database when the request ends, so the quota
survives a restart. Time comes from an injected clock, which is how the tests drive the windows.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ketch.security.keys import KeyLimits, KeyStore, utc_day


class LimitExceeded(Exception):
    """A 429: which limit, the message, and how long to wait (None: waiting will not help today)."""

    def __init__(self, message: str, code: str, retry_after: float | None, headers: dict[str, str]) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.retry_after = retry_after
        self.headers = headers


@dataclass(slots=True)
class _Bucket:
    capacity: float
    level: float
    stamp: float

    def refill(self, now: float) -> None:
        if now > self.stamp:
            self.level = min(self.capacity, self.level + (now - self.stamp) * self.capacity / 60.0)
            self.stamp = now

    def wait_for(self, amount: float) -> float:
        """Seconds until the bucket holds ``amount``."""
        return max(0.0, (amount - self.level) * 60.0 / self.capacity)

    def reset_in(self) -> float:
        return self.wait_for(self.capacity)


@dataclass(slots=True)
class _KeyState:
    requests: _Bucket | None
    tokens: _Bucket | None
    in_flight: int = 0
    reserved_today: int = 0  # daily-quota tokens promised to requests still running
    day: str = ""


def _duration(seconds: float) -> str:
    """OpenAI's reset format: ``1s``, ``6m0s``, ``1h2m3s``."""
    s = max(0, math.ceil(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return (f"{h}h" if h else "") + (f"{m}m" if h or m else "") + f"{sec}s"


@dataclass(slots=True)
class Lease:
    """One request's hold on its key's limits; ``finish`` (idempotent) gives back what it holds."""

    limiter: KeyLimiter
    key_id: str
    limits: KeyLimits
    counted_parallel: bool = False
    reserved: int = 0
    used: int = 0
    day: str = ""
    done: bool = field(default=False)

    def charge(self, tokens: int) -> None:
        """Completion tokens as they are generated."""
        if tokens > 0 and not self.done:
            self.limiter._charge(self, tokens)

    def finish(self) -> None:
        if not self.done:
            self.done = True
            self.limiter._finish(self)


class KeyLimiter:
    """The limit state of every key seen since start (in memory) over the daily usage in ``store``."""

    def __init__(self, store: KeyStore, clock: Callable[[], float]) -> None:
        self.store = store
        self.clock = clock
        self._keys: dict[str, _KeyState] = {}
        self._lock = threading.Lock()

    def _state(self, key_id: str, limits: KeyLimits, now: float) -> _KeyState:
        st = self._keys.get(key_id)
        if st is None:
            st = _KeyState(_Bucket(limits.rpm, limits.rpm, now) if limits.rpm else None,
                           _Bucket(limits.tpm, limits.tpm, now) if limits.tpm else None)
            self._keys[key_id] = st
        # limits edited in the database apply from the next request
        for attr, cap in (("requests", limits.rpm), ("tokens", limits.tpm)):
            bucket = getattr(st, attr)
            if cap is None:
                setattr(st, attr, None)
            elif bucket is None:
                setattr(st, attr, _Bucket(cap, cap, now))
            elif bucket.capacity != cap:
                bucket.refill(now)
                bucket.capacity = cap
                bucket.level = min(bucket.level, cap)
        day = utc_day(now)
        if st.day != day:  # a new UTC day: what running requests reserved was yesterday's
            st.day, st.reserved_today = day, 0
        for bucket in (st.requests, st.tokens):
            if bucket is not None:
                bucket.refill(now)
        return st

    def headers(self, key_id: str, limits: KeyLimits) -> dict[str, str]:
        """OpenAI's x-ratelimit-* headers for the key's per-minute limits (none for unlimited keys)."""
        if limits.rpm is None and limits.tpm is None:
            return {}
        with self._lock:
            st = self._state(key_id, limits, self.clock())
            return self._headers(st)

    @staticmethod
    def _headers(st: _KeyState) -> dict[str, str]:
        out: dict[str, str] = {}
        for kind, bucket in (("requests", st.requests), ("tokens", st.tokens)):
            if bucket is not None:
                out[f"x-ratelimit-limit-{kind}"] = str(int(bucket.capacity))
                out[f"x-ratelimit-remaining-{kind}"] = str(max(0, math.floor(bucket.level)))
                out[f"x-ratelimit-reset-{kind}"] = _duration(bucket.reset_in())
        return out

    def begin(self, key_id: str, limits: KeyLimits) -> Lease:
        """Count one request against the key's requests per minute and requests in flight."""
        lease = Lease(self, key_id, limits)
        if not limits.any:
            return lease
        with self._lock:
            now = self.clock()
            st = self._state(key_id, limits, now)
            if limits.max_parallel is not None and st.in_flight >= limits.max_parallel:
                raise LimitExceeded(f"key {key_id} already has {st.in_flight} requests in flight, its limit; "
                                    "retry when one finishes", "parallel_limit_exceeded", 1.0, self._headers(st))
            if st.requests is not None:
                if st.requests.level < 1:
                    wait = st.requests.wait_for(1)
                    raise LimitExceeded(f"key {key_id} is over its limit of {limits.rpm} requests per minute; "
                                        f"retry in {_duration(wait)}", "rate_limit_exceeded", wait,
                                        self._headers(st))
                st.requests.level -= 1
            st.in_flight += 1
            lease.counted_parallel = True
        return lease

    def admit_tokens(self, lease: Lease, prompt_tokens: int, max_tokens: int, n: int = 1) -> int:
        """Take the prompt's tokens; return ``max_tokens`` (per choice, ``n`` of them) capped to
        what the daily quota leaves."""
        limits = lease.limits
        if limits.tpm is None and limits.daily_tokens is None:
            return max_tokens
        with self._lock:
            now = self.clock()
            st = self._state(lease.key_id, limits, now)
            if st.tokens is not None:
                if prompt_tokens > limits.tpm:
                    raise LimitExceeded(f"the prompt has {prompt_tokens} tokens, more than key {lease.key_id}'s "
                                        f"limit of {limits.tpm} tokens per minute", "request_too_large", None,
                                        self._headers(st))
                if st.tokens.level < prompt_tokens:
                    wait = st.tokens.wait_for(prompt_tokens)
                    raise LimitExceeded(f"key {lease.key_id} is over its limit of {limits.tpm} tokens per minute; "
                                        f"retry in {_duration(wait)}", "rate_limit_exceeded", wait,
                                        self._headers(st))
            if limits.daily_tokens is not None:
                left = limits.daily_tokens - self.store.tokens_used(lease.key_id, st.day) - st.reserved_today
                if left < prompt_tokens + n:
                    raise LimitExceeded(
                        f"key {lease.key_id} has used its daily quota of {limits.daily_tokens} tokens "
                        f"(this request needs {prompt_tokens} for its prompt and {n} to answer); it resets at "
                        "00:00 UTC", "quota_exceeded", _seconds_to_midnight(now), self._headers(st))
                max_tokens = min(max_tokens, (left - prompt_tokens) // n)
                reserved = prompt_tokens + max_tokens * n
                lease.reserved += reserved  # a request of several prompts reserves for each
                lease.day = st.day
                st.reserved_today += reserved
            if st.tokens is not None:
                st.tokens.level -= prompt_tokens
            lease.used += prompt_tokens
        return max_tokens

    def _charge(self, lease: Lease, tokens: int) -> None:
        with self._lock:
            lease.used += tokens
            st = self._keys.get(lease.key_id)
            if st is not None and st.tokens is not None:
                st.tokens.refill(self.clock())
                st.tokens.level -= tokens

    def _finish(self, lease: Lease) -> None:
        with self._lock:
            st = self._keys.get(lease.key_id)
            if st is not None:
                if lease.counted_parallel:
                    st.in_flight -= 1
                if lease.reserved and st.day == lease.day:
                    st.reserved_today = max(0, st.reserved_today - lease.reserved)
        if lease.limits.daily_tokens is not None and lease.used:
            self.store.add_tokens(lease.key_id, lease.day or utc_day(self.clock()), lease.used)


def _seconds_to_midnight(now: float) -> float:
    return 86400.0 - (now % 86400.0)
