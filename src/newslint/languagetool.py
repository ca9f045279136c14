"""English through LanguageTool: what text is sent, the client, and its errors.

LanguageTool has no Hindi module, but Hindi newsrooms publish English copy and Hindi articles
carry English passages. The `languagetool` rule (checks/languagetool.py) sends

* an English document (front matter `lang: en…`, or mostly Latin script): every block of its
  prose view;
* a Hindi document: each Latin-script passage of at least `min-words` words that reads like
  English prose — not a headline fragment in Title Case or ALL CAPS ("Russia Ukraine War LIVE
  Updates"), not a run of names, not romanised Hindi ("hum jeetenge, yeh pakka hai").

Privacy: nothing leaves the machine unless `[languagetool] url` (or `--languagetool-url`) is set.
There is no default server and no fallback to languagetool.org; `language_tool_python` (and
`requests`) are imported only when there is something to send to a configured server.

Positions. The segments are joined with blank lines into one request per document, and every
match is mapped back to the file through the segment it falls in: a match that crosses a
segment boundary or masked non-prose (a URL, a code span) is dropped, so a finding always
covers exactly the characters LanguageTool saw. LanguageTool's offsets are Java string indices
(UTF-16 code units): an emoji counts as two there and as one code point here. Rather than rely
on the client library's conversion (language-tool-python 3.x fixes the offset but not the
length; 2.x fixes neither), every character outside the Basic Multilingual Plane is sent as
U+FFFD, one code unit, so UTF-16 offsets into the request *are* code-point offsets.

This module imports only `regex` and newslint itself, so that loading the rule costs nothing.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

import regex

from newslint.config import ConfigError, LanguageToolSettings
from newslint.document import MASK, Document
from newslint.compiled import compile_regex

INSTALL_HINT = "pip install 'newslint[languagetool]'"

# LanguageTool has no en-IN variant; Indian English follows British spelling.
LANGUAGE_ALIASES = {"en-in": "en-GB", "en": "en-US"}

# LanguageTool rules that newslint's own rules already check in English text too: asking for
# them would report every double space or doubled word twice (option `skip-covered-rules`).
COVERED_RULES = {
    "WHITESPACE_RULE": "TY107 multiple-spaces",
    "ENGLISH_WORD_REPEAT_RULE": "TY108 doubled-word",
    "COMMA_PARENTHESIS_WHITESPACE": "TY105 space-before-punctuation",
    "EN_UNPAIRED_QUOTES": "TY101 unbalanced-quotes",
    "EN_UNPAIRED_BRACKETS": "TY102 unbalanced-brackets",
}

# Passages inside a Hindi document start and end where we cut them, not where the writer began a
# sentence or paragraph: these matches say nothing about the English.
PASSAGE_ONLY_IGNORED = frozenset({"UPPERCASE_SENTENCE_START", "PUNCTUATION_PARAGRAPH_END", "EN_UNPAIRED_QUOTES", "EN_UNPAIRED_BRACKETS"})

# Severity: LanguageTool's issue type (and category) decide. Grammar, agreement, confused words
# and misspellings are warnings; style, typography, whitespace, register and locale are info.
INFO_ISSUE_TYPES = frozenset({"style", "typographical", "whitespace", "register", "locale-violation"})
INFO_CATEGORIES = frozenset({"STYLE", "TYPOGRAPHY", "PLAIN_ENGLISH", "REDUNDANCY"})

SEPARATOR = "\n\n"  # between segments: a paragraph break for LanguageTool
ASTRAL_STANDIN = "\ufffd"  # one UTF-16 code unit, sent in place of an emoji (see the docstring)
ASTRAL_RE = compile_regex(r"[\U00010000-\U0010FFFF]")

MAX_SUGGESTIONS = 5


class LanguageToolUnavailable(ConfigError):
    """LanguageTool is configured but cannot be used. One line on stderr, exit 2, and the run
    stops at the first such error (the runner treats `fatal` config errors like internal ones):
    trying every other file against a dead server would only repeat the line."""

    fatal = True


# -- what is sent ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    start: int  # code-point offsets into the file text
    end: int
    passage: bool = False  # a passage cut out of a Hindi document (not a whole English block)


@dataclass
class Request:
    """The text sent for one document, and where each of its pieces came from."""

    text: str
    pieces: list[tuple[int, int, Segment]] = field(default_factory=list)  # (offset in text, length, segment)

    def locate(self, offset: int, length: int) -> tuple[int, int, Segment] | None:
        """The file span of a match at text[offset:offset+length], or None if it is not inside one piece."""
        for begin, size, segment in self.pieces:
            if begin <= offset and offset + length <= begin + size:
                start = segment.start + (offset - begin)
                return start, start + length, segment
        return None


def sendable(prose: str) -> str:
    """A same-length copy that LanguageTool can take: masked non-prose as spaces, astral characters as U+FFFD."""
    text = prose.replace(MASK, " ")
    if not text.isascii():
        text = ASTRAL_RE.sub(ASTRAL_STANDIN, text)
    return text


def build_request(doc: Document, segments: Iterable[Segment]) -> Request:
    request = Request("")
    parts: list[str] = []
    position = 0
    for segment in segments:
        if parts:
            parts.append(SEPARATOR)
            position += len(SEPARATOR)
        piece = sendable(doc.prose[segment.start:segment.end])
        request.pieces.append((position, len(piece), segment))
        parts.append(piece)
        position += len(piece)
    request.text = "".join(parts)
    return request


def english_segments(doc: Document, min_words: int) -> list[Segment]:
    """What of this document goes to LanguageTool: all prose of an English document, else the English passages."""
    if doc.language == "en":
        return [Segment(block.start, block.end) for block in doc.blocks]
    return english_passages(doc, min_words)


# Passages in Hindi documents. A chunk is a danda, a run of masked non-prose (a URL, a link
# target, a code span: inside a passage it is sent as spaces), or a run of other non-space characters.
CHUNK_RE = compile_regex(r"[\u0964\u0965]|\ufffc+|[^\s\u0964\u0965\ufffc]+")
LATIN_LETTER_RE = compile_regex(r"\p{Latin}")
# A letter of another script (Devanagari…) or a danda ends a passage.
FOREIGN_RE = compile_regex(r"(?!\p{Latin})\p{L}|[\u0964\u0965]")
DIGIT_RE = compile_regex(r"\d")
EDGE_LEAD_RE = compile_regex(r"^[^\p{L}\p{N}]+")
EDGE_TRAIL_RE = compile_regex(r"[^\p{L}\p{N}.?!]+$")
WORD_CORE_RE = compile_regex(r"[\p{L}\p{M}'’]+")

# Small words that stay lower case in a Title-Case headline ("Ministry of External Affairs").
TITLE_CONNECTORS = frozenset("a an and as at but by for from in into of on or per the to vs via with".split())
# English function words that romanised Hindi does not use. ("the", "to", "is", "in", "me", "so",
# "do", "are", "am", "us", "he", "hi" and "main" are also Hindi written in Latin letters.)
ENGLISH_WORDS = frozenset(
    """a an of and or but if for with from by at on into about than that this these those it its
    we our you your they their them she her his him i my was were be been being will would shall
    should can could may might must have has had does did not what who whom which when where why
    how there here all any some very more most only also just because said says""".split()
)
# Frequent words of romanised Hindi ("Hinglish").
HINGLISH_WORDS = frozenset(
    """hai hain ki ka ke ko ne se kya nahi nahin aur bhi yeh ye woh wo hum tum aap mein tha thi
    raha rahe rahi gaya gayi diya liya kar karna karte kiya hota hoga ji toh bahut sab kuch koi
    apne unhone unhonne lekin agar jab tab abhi sirf""".split()
)


def english_passages(doc: Document, min_words: int) -> list[Segment]:
    """Latin-script passages of a Hindi document that read like English prose."""
    result: list[Segment] = []
    for block in doc.blocks:
        run: list[tuple[int, int, str]] = []  # chunks of the current passage: (start, end, kind)
        for match in CHUNK_RE.finditer(doc.prose, block.start, block.end):
            chunk = match.group()
            if FOREIGN_RE.search(chunk):
                _flush(doc, run, min_words, result)
                run = []
                continue
            kind = "mask" if chunk[0] == MASK else "latin" if LATIN_LETTER_RE.search(chunk) else "neutral"
            run.append((match.start(), match.end(), kind))
        _flush(doc, run, min_words, result)
    return result


def _flush(doc: Document, run: list[tuple[int, int, str]], min_words: int, result: list[Segment]) -> None:
    # Punctuation and non-prose at the edges are not part of the passage; numbers are ("in 2024").
    while run and _edge_trimmed(doc, run[0]):
        run = run[1:]
    while run and _edge_trimmed(doc, run[-1]):
        run = run[:-1]
    words = [doc.prose[start:end] for start, end, kind in run if kind == "latin"]
    if len(words) < min_words or not reads_like_english(words):
        return
    start, end = run[0][0], run[-1][1]
    text = doc.prose[start:end]
    lead = EDGE_LEAD_RE.search(text)
    trail = EDGE_TRAIL_RE.search(text)
    start += lead.end() if lead else 0
    end -= len(trail.group()) if trail else 0
    if start < end:
        result.append(Segment(start, end, passage=True))


def _edge_trimmed(doc: Document, chunk: tuple[int, int, str]) -> bool:
    start, end, kind = chunk
    return kind == "mask" or kind == "neutral" and not DIGIT_RE.search(doc.prose, start, end)


def reads_like_english(words: list[str]) -> bool:
    """English prose, not a Title-Case headline fragment, a run of names, or romanised Hindi."""
    cores = [core.group().lower() for word in words if (core := WORD_CORE_RE.search(word))]
    if not cores:
        return False
    if all(_capitalised(word) or _core(word) in TITLE_CONNECTORS for word in words):
        return False  # "Russia Ukraine War LIVE Updates", "Prime Minister Narendra Modi"
    english = sum(1 for core in cores if core in ENGLISH_WORDS)
    hinglish = sum(1 for core in cores if core in HINGLISH_WORDS)
    return english > 0 and hinglish < english


def _core(word: str) -> str:
    core = WORD_CORE_RE.search(word)
    return core.group().lower() if core else ""


def _capitalised(word: str) -> bool:
    first = next((ch for ch in word if ch.isalpha()), "")
    return first.isupper()


# -- the client ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, the same whatever version of language-tool-python produced it."""

    rule_id: str
    message: str
    replacements: tuple[str, ...]
    offset: int  # in the request text
    length: int
    category: str
    issue_type: str


def _attr(match: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        try:
            value = getattr(match, name)
        except AttributeError:
            continue
        if value is not None:
            return value
    return default


def normalise_match(match: Any) -> LTMatch:
    # language-tool-python 3.x: rule_id/error_length/rule_issue_type; 2.x: ruleId/errorLength/ruleIssueType.
    return LTMatch(
        rule_id=str(_attr(match, "rule_id", "ruleId", default="UNKNOWN")),
        message=str(_attr(match, "message", default="")),
        replacements=tuple(str(r) for r in (_attr(match, "replacements", default=()) or ())),
        offset=int(_attr(match, "offset", default=0)),
        length=int(_attr(match, "error_length", "errorLength", default=0)),
        category=str(_attr(match, "category", default="")),
        issue_type=str(_attr(match, "rule_issue_type", "ruleIssueType", default="")),
    )


def base_url(url: str) -> str:
    """The URL language-tool-python wants: the server's root, ending in '/' ("…/v2" is dropped)."""
    url = url.strip().rstrip("/")
    url = url.removesuffix("/v2")
    return url + "/"


def is_loopback(url: str) -> bool:
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def server_language(language: str) -> str:
    return LANGUAGE_ALIASES.get(language.strip().lower(), language.strip())


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    current: BaseException | None = exc
    for _ in range(6):
        if current is None:
            return False
        if isinstance(current, kind):
            return True
        current = current.__cause__ or current.__context__
    return False


_ERRNO_RE = compile_regex(r"\[Errno -?\d+\] ([^'\")]+)")


def _reason(exc: BaseException) -> str:
    """A short reason for a failed request: 'Connection refused', 'timed out', or the server's words."""
    chain = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 6:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in chain:
        found = _ERRNO_RE.search(str(item))
        if found:
            return found.group(1).strip().rstrip(".")
    for item in chain:
        if "timed out" in str(item).lower() or "timeout" in type(item).__name__.lower():
            return "timed out"
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


class Client:
    """One LanguageTool connection (language-tool-python's `LanguageTool` in remote mode)."""

    CONNECT_TIMEOUT = 10.0  # seconds; language-tool-python's own default is 300 for everything
    READ_TIMEOUT = 120.0  # the first English check on a cold server takes 5–12 s

    def __init__(self, settings: LanguageToolSettings, disabled: Iterable[str]):
        assert settings.url, "no LanguageTool URL configured"
        self.url = settings.url
        try:
            import language_tool_python
            from language_tool_python.exceptions import LanguageToolError
        except ImportError:
            raise LanguageToolUnavailable(
                f"a LanguageTool server is configured ({self.url}) but language-tool-python is not installed: {INSTALL_HINT}"
            ) from None
        self._errors: tuple[type[BaseException], ...] = (LanguageToolError, OSError)
        language = server_language(settings.language)
        kwargs: dict[str, Any] = {"remote_server": base_url(self.url)}
        if is_loopback(self.url):
            # A proxy cannot reach this machine's loopback, and would see the article: bypass
            # HTTP(S)_PROXY/ALL_PROXY for it (requests drops proxy keys set to None).
            kwargs["proxies"] = {"http": None, "https": None, "all": None}
        try:
            try:
                tool = language_tool_python.LanguageTool(language, **kwargs)
            except TypeError:  # language-tool-python < 3: no `proxies` argument
                kwargs.pop("proxies", None)
                tool = language_tool_python.LanguageTool(language, **kwargs)
        except self._errors as exc:
            raise self._unavailable(exc) from None
        except ValueError as exc:  # the server does not know this language
            raise LanguageToolUnavailable(
                f"[languagetool] language {settings.language!r} is not supported by the LanguageTool server {self.url} "
                f"({' '.join(str(exc).split())[:160]}); use en-US, en-GB, en-IN or another English variant"
            ) from None
        tool._TIMEOUT = (self.CONNECT_TIMEOUT, self.READ_TIMEOUT)  # requests takes (connect, read)
        tool.disabled_rules = set(disabled)
        self.tool = tool

    def _unavailable(self, exc: BaseException) -> LanguageToolUnavailable:
        if _caused_by(exc, ValueError):  # JSONDecodeError: something answered, but not LanguageTool
            said = " ".join(regex.sub(r"<[^>]*>", " ", str(exc)).split())[:120]
            return LanguageToolUnavailable(
                f"{self.url} did not answer like a LanguageTool server ({f'it said: {said}' if said else 'an empty answer'}); "
                "check [languagetool] url / --languagetool-url"
            )
        reason = _reason(exc)
        if any(word in reason.lower() for word in ("refused", "timed out", "unreachable", "name or service", "no route", "reset", "resolution")):
            return LanguageToolUnavailable(
                f"the LanguageTool server {self.url} does not answer ({reason}); start it "
                f"(scripts/languagetool-server start) or fix [languagetool] url / --languagetool-url"
            )
        return LanguageToolUnavailable(f"the LanguageTool server {self.url} failed: {reason}")

    def check(self, text: str) -> list[LTMatch]:
        try:
            matches = self.tool.check(text)
        except self._errors as exc:
            raise self._unavailable(exc) from None
        return [normalise_match(m) for m in matches]


# One client per process (and per settings): the pool's forked workers build their own.
_CLIENTS: dict[tuple, Client | str] = {}


def disabled_rules(settings: LanguageToolSettings, skip_covered: bool) -> list[str]:
    """Rule ids not to run on the server: the config's `disabled-rules` ("LT:" prefix allowed), and
    the rules newslint covers itself."""
    ids = [rule[3:] if rule.upper().startswith("LT:") else rule for rule in settings.disabled_rules]
    if skip_covered:
        ids.extend(rule for rule in COVERED_RULES if rule not in ids)
    return sorted(set(ids))


def client_for(settings: LanguageToolSettings, skip_covered: bool = True) -> Client:
    disabled = disabled_rules(settings, skip_covered)
    key = (os.getpid(), settings.url, settings.language, tuple(disabled))
    cached = _CLIENTS.get(key)
    if isinstance(cached, str):  # it failed before in this process: fail the same way, at once
        raise LanguageToolUnavailable(cached)
    if cached is None:
        try:
            cached = Client(settings, disabled)
        except LanguageToolUnavailable as exc:
            _CLIENTS[key] = str(exc)
            raise
        _CLIENTS[key] = cached
    return cached


# -- matches → findings --------------------------------------------------------------------------

@dataclass(frozen=True)
class Located:
    match: LTMatch
    start: int  # file offsets
    end: int
    severity: str
    replacements: tuple[str, ...]


def severity_of(match: LTMatch) -> str:
    if match.issue_type.lower() in INFO_ISSUE_TYPES or match.category.upper() in INFO_CATEGORIES:
        return "info"
    return "warning"


def check_document(doc: Document, settings: LanguageToolSettings, skip_covered: bool = True) -> list[Located]:
    """Send the document's English to the server; the matches that map exactly onto the file."""
    segments = english_segments(doc, settings.min_words)
    if not segments:
        return []  # nothing to send: no connection is made at all
    request = build_request(doc, segments)
    if not request.text.strip():
        return []
    client = client_for(settings, skip_covered)
    return locate_matches(doc, request, client.check(request.text))


def locate_matches(doc: Document, request: Request, matches: list[LTMatch]) -> list[Located]:
    located: list[Located] = []
    for match in matches:
        where = request.locate(match.offset, match.length)
        if where is None:
            continue  # across two segments: not a real place in the file
        start, end, segment = where
        if MASK in doc.prose[start:end]:
            continue  # across a URL or a code span we blanked out
        if segment.passage and match.rule_id in PASSAGE_ONLY_IGNORED:
            continue
        flagged = doc.text[start:end]
        if match.rule_id.startswith("MORFOLOGIK_") and flagged[:1].isupper():
            continue  # the dictionary does not know most Indian names: Chouhan, Shivraj, Adityanath
        replacements = tuple(r for r in (_restore(r, flagged) for r in match.replacements) if r is not None)
        located.append(Located(match, start, end, severity_of(match), replacements[:MAX_SUGGESTIONS]))
    return located


def _restore(replacement: str, flagged: str) -> str | None:
    """Put the emoji we sent as U+FFFD back into a replacement (None: it cannot be done safely)."""
    if ASTRAL_STANDIN not in replacement:
        return replacement
    originals = ASTRAL_RE.findall(flagged)
    if replacement.count(ASTRAL_STANDIN) != len(originals) or ASTRAL_STANDIN in flagged:
        return None
    pieces = replacement.split(ASTRAL_STANDIN)
    return "".join(piece + (originals[i] if i < len(originals) else "") for i, piece in enumerate(pieces))


def kebab(rule_id: str) -> str:
    """`EN_A_VS_AN` → `en-a-vs-an` (the findings schema wants ^[a-z0-9]+(-[a-z0-9]+)*$)."""
    text = unicodedata.normalize("NFKD", rule_id).encode("ascii", "ignore").decode().lower()
    return "-".join(part for part in regex.split(r"[^a-z0-9]+", text) if part)
