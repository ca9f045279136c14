from __future__ import annotations

import os
from pathlib import Path

import pytest
from nl_testing import run_cli

# The suite runs without the word cache (newslint.cache), so that no test depends on what an
# earlier test or run left in ~/.cache; tests/test_cache.py turns it on where it is the subject.
os.environ["NEWSLINT_NO_CACHE"] = "1"

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSLINT_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"the shared folder is missing: {SHARED} (set NEWSLINT_SHARED)"
    return SHARED


@pytest.fixture
def cli():
    return run_cli
