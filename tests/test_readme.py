"""The README's rule table is generated from the registry and must stay current."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_readme_rule_table_is_current():
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "update_readme.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_readme_quick_start_commands_match_ci():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install . && newslint check examples/" in readme
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest" in readme
    assert "-e '.[test]'" in ci and "python3 -m pytest" in ci
