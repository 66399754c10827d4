"""Per-key limits on a real key store, time moved by hand (never by sleeping)."""
from __future__ import annotations

import pytest

from ketch.security.keys import KeyLimits, KeyStore, utc_day
from ketch.security.limits import KeyLimiter, LimitExceeded
from tests.security.test_keys import T0, Clock


@pytest.fixture
def limiter(tmp_path):
    store = KeyStore(tmp_path / "auth.db", Clock())
    yield KeyLimiter(store, store.clock)
    store.close()


def test_requests_per_minute_burst_then_refill(limiter):
    limits = KeyLimits(rpm=3)
    for remaining in (2, 1, 0):
        limiter.begin("k", limits).finish()
        assert limiter.headers("k", limits)["x-ratelimit-remaining-requests"] == str(remaining)
    with pytest.raises(LimitExceeded) as exc:
        limiter.begin("k", limits)
    assert exc.value.code == "rate_limit_exceeded"
    assert exc.value.retry_after == pytest.approx(20.0)  # one request per 20 s at 3 per minute
    h = exc.value.headers
    assert h["x-ratelimit-limit-requests"] == "3" and h["x-ratelimit-reset-requests"] == "1m0s"
    limiter.clock.t += 20
    limiter.begin("k", limits).finish()
    with pytest.raises(LimitExceeded):
        limiter.begin("k", limits)
    limiter.clock.t += 600  # a long pause refills to the limit, not beyond it
    for _ in range(3):
        limiter.begin("k", limits).finish()
    with pytest.raises(LimitExceeded):
        limiter.begin("k", limits)


def test_keys_do_not_share_windows(limiter):
    limiter.begin("a", KeyLimits(rpm=1)).finish()
    with pytest.raises(LimitExceeded):
        limiter.begin("a", KeyLimits(rpm=1))
    limiter.begin("b", KeyLimits(rpm=1)).finish()


def test_requests_in_flight(limiter):
    limits = KeyLimits(max_parallel=2)
    a, b = limiter.begin("k", limits), limiter.begin("k", limits)
    with pytest.raises(LimitExceeded) as exc:
        limiter.begin("k", limits)
    assert exc.value.code == "parallel_limit_exceeded"
    a.finish()
    a.finish()  # idempotent: gives back one slot, once
    c = limiter.begin("k", limits)
    with pytest.raises(LimitExceeded):
        limiter.begin("k", limits)
    b.finish()
    c.finish()


def test_tokens_per_minute_counts_prompt_and_completion(limiter):
    limits = KeyLimits(tpm=120)
    lease = limiter.begin("k", limits)
    assert limiter.admit_tokens(lease, 50, 1000) == 1000  # no daily quota: max_tokens untouched
    lease.charge(60)
    lease.finish()
    assert limiter.headers("k", limits)["x-ratelimit-remaining-tokens"] == "10"
    with pytest.raises(LimitExceeded) as exc:
        limiter.admit_tokens(limiter.begin("k", limits), 20, 10)
    assert exc.value.retry_after == pytest.approx(5.0)  # 10 more tokens at 2 per second
    limiter.clock.t += 5
    limiter.admit_tokens(limiter.begin("k", limits), 20, 10)
    with pytest.raises(LimitExceeded) as exc:
        limiter.admit_tokens(limiter.begin("k", limits), 121, 1)
    assert exc.value.code == "request_too_large" and exc.value.retry_after is None


def test_daily_quota_caps_max_tokens_and_survives_a_restart(tmp_path):
    clock = Clock()
    store = KeyStore(tmp_path / "auth.db", clock)
    limiter = KeyLimiter(store, clock)
    limits = KeyLimits(daily_tokens=100)
    lease = limiter.begin("k", limits)
    assert limiter.admit_tokens(lease, 30, 1000, n=2) == 35  # (100 - 30) // 2 per choice
    other = limiter.begin("k", limits)
    with pytest.raises(LimitExceeded) as exc:  # all 100 are reserved by the running request
        limiter.admit_tokens(other, 1, 1)
    assert exc.value.code == "quota_exceeded"
    other.finish()
    lease.charge(20)
    lease.finish()  # used 50 of the 70 reserved: 50 left
    assert store.tokens_used("k", utc_day(T0)) == 50
    store.close()

    store = KeyStore(tmp_path / "auth.db", clock)  # a restart: only the file remembers
    limiter = KeyLimiter(store, clock)
    lease = limiter.begin("k", limits)
    assert limiter.admit_tokens(lease, 10, 1000) == 40
    lease.charge(40)
    lease.finish()
    with pytest.raises(LimitExceeded):
        limiter.admit_tokens(limiter.begin("k", limits), 1, 1)
    clock.t = (T0 // 86400 + 1) * 86400 + 1  # the next UTC day
    assert limiter.admit_tokens(limiter.begin("k", limits), 10, 1000) == 90
    store.close()


def test_an_unlimited_key_sends_no_rate_headers(limiter):
    lease = limiter.begin("k", KeyLimits())
    assert limiter.admit_tokens(lease, 10**6, 5) == 5
    assert limiter.headers("k", KeyLimits()) == {}


def test_a_request_of_several_prompts_gives_back_every_reservation(limiter):
    limits = KeyLimits(daily_tokens=1000)
    lease = limiter.begin("k", limits)
    for _ in range(3):
        limiter.admit_tokens(lease, 10, 30)
    lease.charge(5)
    lease.finish()
    fresh = limiter.begin("k", limits)
    assert limiter.admit_tokens(fresh, 10, 10_000) == 1000 - 35 - 10  # used 30 + 5; nothing left reserved
