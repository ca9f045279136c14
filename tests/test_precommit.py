"""The pre-commit hooks, run by the real `pre-commit`, and the CI examples under examples/ci/.

The pre-commit test copies this repository's working tree into a scratch git repository under
tmp_path and commits it there (pre-commit needs a commit to point `rev:` at; nothing is ever
committed in the working tree itself), then builds a content repository whose
`.pre-commit-config.yaml` uses that commit. pre-commit installs the hook's environment with pip
(from PyPI), so the first run takes a while; PRE_COMMIT_HOME is inside tmp_path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
TWO_SPACES = "यह  पंक्ति है।\n"
CLEAN = "यह पंक्ति ठीक है।\n"
SKIP_DIRS = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", ".mypy_cache",
             "node_modules", "corpus", "out", "build", "dist"}

GIT_ENV = {
    "GIT_AUTHOR_NAME": "newslint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "newslint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path, env: dict) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def snapshot_of_this_tree(dest: Path, env: dict) -> str:
    """Copy the working tree (as it is now, uncommitted changes included) and commit the copy."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in SKIP_DIRS or n.endswith((".egg-info", ".pyc", ".newslint-tmp"))}

    shutil.copytree(REPO, dest, ignore=ignore, symlinks=True)
    git("init", "-q", cwd=dest, env=env)
    git("add", "-A", cwd=dest, env=env)
    git("commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit test", cwd=dest, env=env)
    return git("rev-parse", "HEAD", cwd=dest, env=env)


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    root = tmp_path_factory.mktemp("precommit")
    home = root / "home"
    home.mkdir()
    env = {**os.environ, **GIT_ENV, "HOME": str(home), "PRE_COMMIT_HOME": str(root / "cache"),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("PRE_COMMIT", None)
    # pip's download cache is kept where it is, so a second test run does not fetch again.
    env.setdefault("PIP_CACHE_DIR", str(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "pip"))
    sha = snapshot_of_this_tree(root / "newslint", env)
    content = root / "content"
    content.mkdir()
    config = {
        "repos": [
            {
                "repo": str(root / "newslint"),
                "rev": sha,
                "hooks": [
                    # args of your own end with "--", as the README says (the hooks' default is ["--"])
                    {"id": "newslint", "args": ["--select", "TY107", "--fail-on", "warning", "--"]},
                    {"id": "newslint-fix", "args": ["--select", "TY107", "--"], "stages": ["manual"]},
                ],
            }
        ]
    }
    (content / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (content / "bad.txt").write_text(TWO_SPACES, encoding="utf-8")
    (content / "bad.md").write_text("# शीर्षक\n\n" + TWO_SPACES, encoding="utf-8")
    (content / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (content / "-onews.md").write_text("# शीर्षक\n\n" + TWO_SPACES, encoding="utf-8")  # looks like `-o news.md`
    (content / "news.md").write_text(CLEAN, encoding="utf-8")
    (content / "script.py").write_text("x  =  1  # not an article\n", encoding="utf-8")
    git("init", "-q", cwd=content, env=env)
    git("add", "-A", cwd=content, env=env)
    git("commit", "-q", "--no-verify", "-m", "articles", cwd=content, env=env)
    # Build the hook environment once (pip install of the snapshot), with a generous timeout.
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install-hooks"], cwd=content, env=env,
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    return content, env


def pre_commit(content_repo, *args: str) -> subprocess.CompletedProcess:
    content, env = content_repo
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args], cwd=content, env=env,
                          capture_output=True, text=True, timeout=300)


def test_bad_article_fails_the_hook(content_repo):
    result = pre_commit(content_repo, "newslint", "--files", "bad.txt", "bad.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.txt:1:3: TY107" in result.stdout
    assert "bad.md:3:3: TY107" in result.stdout


def test_a_file_named_like_an_option_is_checked_as_a_file(content_repo):
    """pre-commit puts the staged names after the hook's args: '-onews.md' was read as
    '-o news.md', and the report was written over news.md. The hooks' args end with '--'."""
    content, _ = content_repo
    result = pre_commit(content_repo, "newslint", "--all-files")  # (pre-commit's own --files cannot name it)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "-onews.md:3:3: TY107" in result.stdout
    assert (content / "news.md").read_text(encoding="utf-8") == CLEAN


def test_clean_article_passes_the_hook(content_repo):
    result = pre_commit(content_repo, "newslint", "--files", "clean.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_files_that_are_not_articles_are_not_passed(content_repo):
    result = pre_commit(content_repo, "newslint", "--files", "script.py", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no files to check" in result.stdout


def test_fix_hook_fixes_then_passes(content_repo):
    content, _ = content_repo
    first = pre_commit(content_repo, "newslint-fix", "--hook-stage", "manual", "--files", "bad.txt")
    assert first.returncode == 1, first.stdout + first.stderr  # pre-commit fails: a file was modified
    assert "files were modified by this hook" in first.stdout
    assert (content / "bad.txt").read_text(encoding="utf-8") == "यह पंक्ति है।\n"
    second = pre_commit(content_repo, "newslint-fix", "--hook-stage", "manual", "--files", "bad.txt")
    assert second.returncode == 0, second.stdout + second.stderr
    assert pre_commit(content_repo, "newslint", "--files", "bad.txt").returncode == 0


def test_hooks_start_a_server_that_serves_the_next_commit(content_repo, tmp_path):
    """The hooks run `newslint --server auto`: the first run starts a server in the background
    (in the hook's own environment), the next is answered by it, with the same report."""
    from newslint import server

    content, env = content_repo
    cache = tmp_path / "cache"
    env = {**env, "NEWSLINT_CACHE_DIR": str(cache), "NEWSLINT_SERVER_IDLE_TIMEOUT": "300"}
    for name in ("NEWSLINT_NO_CACHE", "NEWSLINT_SERVER", "CI"):
        env.pop(name, None)
    run = [sys.executable, "-m", "pre_commit", "run", "newslint", "--files", "bad.md", "clean.txt"]  # bad.txt: fixed by another test
    try:
        first = subprocess.run(run, cwd=content, env=env, capture_output=True, text=True, timeout=300)
        assert first.returncode == 1, first.stdout + first.stderr
        deadline = time.monotonic() + 60
        sockets: list[Path] = []
        while time.monotonic() < deadline and not (sockets and server.status(str(sockets[0]))):
            sockets = sorted(cache.glob("server-*.sock"))
            time.sleep(0.2)
        assert len(sockets) == 1, "the hook started no server"
        assert server.status(str(sockets[0]))["runs"] == 0
        second = subprocess.run(run, cwd=content, env=env, capture_output=True, text=True, timeout=300)
        assert server.status(str(sockets[0]))["runs"] == 1
        assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    finally:
        time.sleep(0.5)  # a server still starting has bound its socket by now, or will exit idle
        for socket_path in cache.glob("server-*.sock"):
            server.stop(str(socket_path))


def test_hook_definitions():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"newslint", "newslint-fix"}
    assert hooks["newslint"]["entry"] == "newslint --server auto check"
    assert hooks["newslint-fix"]["entry"] == "newslint --server auto fix"
    for hook in hooks.values():
        assert hook["types_or"] == ["markdown", "text"]
        assert hook["language"] == "python"


# -- the CI examples --------------------------------------------------------------------------------

def _newslint_commands(workflow_steps: list[str]) -> list[str]:
    commands = []
    for script in workflow_steps:
        for line in script.splitlines():
            line = line.strip()
            if line.startswith("newslint "):
                commands.append(line)
    return commands


def _run_example_commands(commands: list[str], tmp_path: Path, variables: dict) -> dict[str, subprocess.CompletedProcess]:
    articles = tmp_path / "content"
    articles.mkdir()
    (articles / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    (articles / "b.md").write_text("# शीर्षक\n\n" + CLEAN, encoding="utf-8")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    shim = bindir / "newslint"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -m newslint \"$@\"\n", encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, **variables, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    results = {}
    for command in commands:
        results[command] = subprocess.run(["sh", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return results


def test_github_workflow_runs_as_written(tmp_path):
    workflow = yaml.safe_load((REPO / "examples" / "ci" / "github-newslint.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["newslint"]["steps"]
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    # setup-python's `cache: pip` stops the job in a repository without requirements.txt or
    # pyproject.toml, which a content repository is (actions/setup-python#807)
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert "cache" not in setup.get("with", {}) or "cache-dependency-path" in setup["with"]
    commands = _newslint_commands([step["run"] for step in steps if "run" in step])
    assert any("--format github" in c for c in commands) and any("--format sarif" in c for c in commands)
    results = _run_example_commands(commands, tmp_path, workflow["env"])
    for command, result in results.items():
        assert result.returncode in (0, 1), (command, result.stderr)
        assert "Traceback" not in result.stderr
    sarif = tmp_path / upload["with"]["sarif_file"]
    import json

    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    annotations = next(r for c, r in results.items() if "--format github" in c).stdout
    assert any(line.startswith("::warning file=content/a.txt,line=1,col=3,") and "title=TY107" in line
               for line in annotations.splitlines())
    # the word cache step keeps the folder newslint uses by default
    cached = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    from newslint import cache

    home = {"HOME": "/home/runner"}
    with pytest.MonkeyPatch.context() as patch:
        for name in ("XDG_CACHE_HOME", cache.DIR_ENV, cache.OFF_ENV):
            patch.delenv(name, raising=False)
        patch.setenv("HOME", home["HOME"])
        assert str(cache.cache_dir()) == cached["with"]["path"].replace("~", home["HOME"])


def test_gitlab_job_runs_as_written(tmp_path):
    config = yaml.safe_load((REPO / "examples" / "ci" / "gitlab-newslint.yml").read_text(encoding="utf-8"))
    job = config["newslint"]
    report = job["artifacts"]["reports"]["codequality"]
    # pip installs from a git URL with git, which the slim and alpine images do not have
    if "git+" in str(job["variables"].get("NEWSLINT", "")):
        assert not any(tag in job["image"] for tag in ("slim", "alpine")) or any("git" in c for c in job.get("before_script", []))
    assert job["artifacts"]["when"] == "always"
    commands = _newslint_commands(job["script"])
    variables = {k: str(v).replace("$CI_PROJECT_DIR", str(tmp_path)) for k, v in job["variables"].items()}
    variables["NEWSLINT_NO_CACHE"] = ""  # the suite turns the cache off; the job leaves it on
    results = _run_example_commands(commands, tmp_path, variables)
    for command, result in results.items():
        assert result.returncode in (0, 1), (command, result.stderr)
    import json

    issues = json.loads((tmp_path / report).read_text(encoding="utf-8"))
    assert issues and issues[0]["location"]["path"] == "content/a.txt"
    # the word cache is written where the job's cache keeps it
    cache_dir = Path(variables["NEWSLINT_CACHE_DIR"])
    assert list(cache_dir.glob("spelling-*.marshal"))
    assert str(cache_dir.relative_to(tmp_path)) in job["cache"]["paths"]


def test_example_pre_commit_config_uses_existing_hooks():
    config = yaml.safe_load((REPO / "examples" / "ci" / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    hooks = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert ids <= hooks
