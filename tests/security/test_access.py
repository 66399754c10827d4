"""Every route of the app has an access level, and the header parsing refuses what it should."""
from __future__ import annotations

import pytest

from ketch.config import SecurityConfig, ServerConfig
from ketch.security.access import ADMIN, OPEN, ROUTE_ACCESS, USER, AccessDenied, presented_key, required_level
from ketch.serve import create_app


def app_paths(app) -> set[str]:
    """Path templates of every route, through included routers (flattened or kept as a node)."""
    found: set[str] = set()

    def walk(routes) -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                walk(inner.routes)
            elif hasattr(route, "path"):
                found.add(route.path)

    walk(app.routes)
    return found


@pytest.mark.parametrize("auth", [False, True])
def test_every_route_is_in_the_access_table(tmp_path, auth):
    config = ServerConfig(security=SecurityConfig(auth=auth, auth_db=str(tmp_path / "auth.db")))
    paths = app_paths(create_app(config))
    assert {"/v1/chat/completions", "/generate", "/admin/keys", "/health"} <= paths  # the walk saw the routers
    missing = sorted(paths - set(ROUTE_ACCESS))
    assert not missing, f"routes with no access level in ketch/security/access.py: {missing}"
    stale = sorted(set(ROUTE_ACCESS) - paths)
    assert not stale, f"access entries for routes the app does not have: {stale}"


@pytest.mark.parametrize("path,level", [
    ("/health", OPEN), ("/ready", OPEN), ("/v1/chat/completions", USER), ("/v1/models/a/b", USER),
    ("/metrics", ADMIN), ("/admin/keys", ADMIN), ("/admin/keys/key_1/rotate", ADMIN),
    ("/nowhere", USER), ("/health/../admin/keys", USER), ("/admin/keys/x/y/rotate", USER), ("", USER),
])
def test_required_level(path, level):
    assert required_level(path) == level


def test_presented_key():
    assert presented_key({"authorization": "Bearer abc"}) == "abc"
    assert presented_key({"authorization": "bearer   abc  "}) == "abc"
    assert presented_key({"x-api-key": "k"}) == "k"
    assert presented_key({}) is None
    for bad in ("Basic abc", "Bearer", "Bearer   ", "abc"):
        with pytest.raises(AccessDenied) as exc:
            presented_key({"authorization": bad})
        assert exc.value.status == 401
