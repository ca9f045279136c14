"""Shared fixtures: the bundled rules pack, loaded once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules"
# Tests run from a plain checkout too (no editable install needed).
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from newslint.hindi import Lexicon, Speller  # noqa: E402


@pytest.fixture(scope="session")
def speller() -> Speller:
    return Speller.load([RULES])


@pytest.fixture(scope="session")
def lexicon(speller: Speller) -> Lexicon:
    return speller.lexicon
