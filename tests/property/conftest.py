"""Hypothesis profiles for the property tests.

ci (the default): a few hundred examples per test, derandomized so that every CI run tries
the same examples, no example database written into the repository.
long: at least 10,000 random examples per test, for a run by hand:
    OKRTUI_PROPERTY=long .venv/bin/python -m pytest tests/property
"""

import os

from hypothesis import HealthCheck, Verbosity, settings

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_IS_FINE,
)
settings.register_profile(
    "long",
    max_examples=10_000,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_IS_FINE,
    verbosity=Verbosity.normal,
)
settings.load_profile(os.environ.get("OKRTUI_PROPERTY", "ci"))
