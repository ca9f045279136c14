"""LanguageTool for English copy and English passages in Hindi articles (needs a server URL)."""

from __future__ import annotations

from typing import Iterator

from newslint.rule import Finding, Rule, Suggestion


class LanguageTool(Rule):
    """English grammar and style from a LanguageTool server you configure (off without a URL).

    LanguageTool has no Hindi, but Hindi newsrooms publish English copy and Hindi articles quote
    English. An English document (front matter `lang: en`, or mostly Latin script) is checked in
    full; in a Hindi document, Latin-script passages of at least `[languagetool] min-words` words
    that read like English prose (not Title-Case headline fragments, names or romanised Hindi).

    Each finding carries LanguageTool's rule id as its code (`LT:EN_A_VS_AN`, name
    `languagetool-en-a-vs-an`): ignore one with `--ignore LT:EN_A_VS_AN`, or stop the server from
    running it with `[languagetool] disabled-rules`. Replacements are unsafe suggestions.
    Grammar and spelling are warnings; style and typography are info.

    Privacy: nothing is sent anywhere unless `[languagetool] url` or `--languagetool-url` names a
    server; there is no default server. See docs/languagetool.md to run one locally.

    PASS::

        ---
        lang: en
        ---
        The minister said this is an important step.

    FAIL::

        ---
        lang: en
        ---
        The minister said this are a important step.
    """

    code = "LT001"
    name = "languagetool"
    category = "grammar"
    severity = "warning"
    fixable = "unsafe"
    # Do not ask LanguageTool for what newslint's own rules already report in English text
    # (double spaces, doubled words, space before a comma, unbalanced quotes and brackets).
    options = {"skip-covered-rules": True}

    def check(self, doc, ctx) -> Iterator[Finding]:
        settings = ctx.config.languagetool
        if not settings.enabled or not settings.url:
            return  # privacy: without a configured server nothing is sent, nothing is imported
        from newslint.languagetool import check_document, kebab

        for hit in check_document(doc, settings, bool(self.settings.get("skip-covered-rules", True))):
            match = hit.match
            flagged = doc.text[hit.start:hit.end]
            message = match.message.strip() or "LanguageTool flags this"
            if flagged.strip():
                message = f"“{flagged}”: {message}"
            finding = self.finding(
                hit.start, hit.end, message,
                [Suggestion(replacement) for replacement in hit.replacements],
                severity=hit.severity,
            )
            finding.code = f"LT:{match.rule_id}"
            finding.name = f"languagetool-{kebab(match.rule_id)}".rstrip("-")
            yield finding
