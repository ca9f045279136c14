"""The pydantic model of a config table: unknown keys and wrong types are clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from newslint.config import Config, ConfigError, LanguageToolSettings

Severity = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)


class LanguageToolTable(_Strict):
    enabled: bool = True
    url: str | None = None
    language: str = "en-US"
    disabled_rules: list[str] = Field(default_factory=list, alias="disabled-rules")
    min_words: int = Field(default=4, alias="min-words", ge=1)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        from newslint.config import url_problem

        problem = url_problem(value) if value is not None else None
        if problem:
            raise ValueError(problem)
        return value


class ConfigTable(_Strict):
    select: list[str] | None = None
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    extend_ignore: list[str] = Field(default_factory=list, alias="extend-ignore")
    severity: dict[str, Severity] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    exclude: list[str] = Field(default_factory=list)
    fail_on: Severity = Field(default="error", alias="fail-on")
    packs: list[str] = Field(default_factory=list)
    max_file_size: int = Field(default=10 * 1024 * 1024, alias="max-file-size", gt=0)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    languagetool: LanguageToolTable = Field(default_factory=LanguageToolTable)


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "(top level)"
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{where}'"
    if kind == "missing":
        return f"missing key '{where}'"
    return f"key '{where}': {error['msg']} (got {error.get('input')!r})"


def validate(table: dict[str, Any], path: Path) -> Config:
    try:
        parsed = ConfigTable.model_validate(table)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(f"{path}: invalid config: {_describe(first)}{suffix}") from None
    root = path.parent
    lt = parsed.languagetool
    return Config(
        path=path,
        root=root,
        select=parsed.select,
        extend_select=parsed.extend_select,
        ignore=parsed.ignore,
        extend_ignore=parsed.extend_ignore,
        severity=dict(parsed.severity),
        per_file_ignores=parsed.per_file_ignores,
        exclude=parsed.exclude,
        fail_on=parsed.fail_on,
        packs=[(root / p) for p in parsed.packs],
        max_file_size=parsed.max_file_size,
        options=parsed.options,
        languagetool=LanguageToolSettings(
            enabled=lt.enabled, url=lt.url, language=lt.language, disabled_rules=lt.disabled_rules, min_words=lt.min_words
        ),
    )
