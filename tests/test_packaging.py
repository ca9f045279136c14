"""The installed wheel carries the rule packs and works outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("newslint-*.whl"))


def test_wheel_contains_every_rule_pack_file(tmp_path):
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    pack_files = [p.relative_to(REPO / "rules").as_posix() for p in (REPO / "rules").rglob("*") if p.is_file()]
    assert pack_files, "rules/ is empty"
    missing = [f for f in pack_files if f"newslint/_packs/{f}" not in names]
    assert missing == []


def test_installed_wheel_finds_its_packs_from_anywhere(tmp_path):
    wheel = build_wheel(tmp_path / "dist")
    env_dir = tmp_path / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # --no-deps: the dependencies come from the outer environment (system site packages).
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = "from newslint.packs import builtin_pack_root as r; import newslint; print(r()); print(newslint.__file__)"
    out = subprocess.run([str(python), "-c", probe], cwd=elsewhere, capture_output=True, text=True, check=True).stdout.split()
    pack_root, module = Path(out[0]), Path(out[1])
    assert str(env_dir) in str(module), "the wheel's copy must be imported, not the source tree"
    assert pack_root.name == "_packs" and pack_root.is_dir()
    assert any(pack_root.rglob("*.txt"))
