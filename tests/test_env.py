"""`import ketch` sets its OpenMP spin policy for itself, and hands other engines an environment without it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _probe(env: dict[str, str]) -> str:
    script = "import os, ketch; print(os.environ.get('GOMP_SPINCOUNT'), ketch.anchor_env().get('GOMP_SPINCOUNT'))"
    env = {k: v for k, v in env.items() if k not in ("GOMP_SPINCOUNT", "OMP_WAIT_POLICY")} | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          check=True).stdout.split()


def test_anchors_get_the_environment_without_ketchs_settings():
    assert _probe(dict(os.environ)) == ["20000", "None"]  # set for ketch, not passed on


def test_a_users_own_setting_is_kept_and_passed_on():
    script = "import os, ketch; print(os.environ['GOMP_SPINCOUNT'], ketch.anchor_env()['GOMP_SPINCOUNT'])"
    env = {**os.environ, "GOMP_SPINCOUNT": "7", "PYTHONPATH": str(ROOT)}
    env.pop("OMP_WAIT_POLICY", None)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["7", "7"]
