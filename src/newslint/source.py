"""Reading an article from disk or stdin, without losing anything.

A `Source` keeps what `newslint fix` needs to write the file back exactly as it was found:
the encoding, whether it had a BOM, its line endings and a fingerprint of the bytes read
(so a fix refuses to write over a file that changed in the meantime).

Positions everywhere in newslint are code-point offsets into `Source.text`: the decoded text
after BOM removal, before any normalisation, with its line endings as written.
"""

from __future__ import annotations

import codecs
import os
import stat
import re  # ASCII-only pattern: the stdlib is enough and cheaper to import
import sys
from dataclasses import dataclass, field
from pathlib import Path
from newslint.compiled import compile_re

# Articles are a few kB; a file far larger than any article is almost always a mistake
# (a log, a data dump). It is refused with a clear error; the limit is configurable.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
# C0 controls other than tab, line feed, form feed and carriage return: never in an article.
CONTROL_RE = compile_re(r"[\x00-\x08\x0b\x0e-\x1f]")


class InputError(Exception):
    """A problem with an input file: reported as one line on stderr, exit code 2."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class Source:
    path: str  # as given on the command line, or relative to the working directory
    text: str  # decoded, BOM removed, line endings as written
    encoding: str = "utf-8"  # codec used to encode the text back ("utf-8", "utf-16-le", …)
    bom: bytes = b""
    newline: str = "\n"  # the dominant line ending: "\n", "\r\n" or "\r"
    fingerprint: str = ""  # sha256 of the bytes read ("" when not asked for: `check` never writes)
    real_path: Path | None = None  # None for stdin
    kind: str = field(default="text")  # "text" or "markdown"

    def encode(self, text: str) -> bytes:
        """Encode text back the way the file was stored (same codec, same BOM)."""
        return self.bom + text.encode(self.encoding)


def kind_for(path: str) -> str:
    return "markdown" if path.lower().endswith((".md", ".markdown")) else "text"


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf and crlf >= lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def decode_bytes(data: bytes, path: str) -> tuple[str, str, bytes]:
    """Decode article bytes; return (text, encoding, bom). Raise InputError on anything odd."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec, bom
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {codec.upper()} despite its byte-order mark ({exc.reason} at byte {exc.start + len(bom)})") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file (it contains NUL bytes); newslint reads UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path,
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (line {line}); "
            "save the file as UTF-8",
        ) from None
    # Control characters other than tab/newline/CR/form feed mean this is not an article.
    if len(CONTROL_RE.findall(text, 0, 8192)) > 8:
        raise InputError(path, "looks like a binary file (control characters); newslint reads UTF-8 text")
    return text, "utf-8", b""


def fingerprint_of(data: bytes) -> str:
    """What `newslint fix` compares before it writes: the file must still hold the bytes it read."""
    import hashlib  # only a run that may write pays for it (it loads OpenSSL: ~2 ms)

    return hashlib.sha256(data).hexdigest()


def source_from_bytes(
    data: bytes, path: str, real_path: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES, fingerprint: bool = True
) -> Source:
    if max_bytes and len(data) > max_bytes:
        raise InputError(
            path,
            f"file is {len(data) / 1048576:.1f} MiB, over the {max_bytes / 1048576:.0f} MiB limit for an article "
            "(raise `max-file-size` in the config to lint it anyway)",
        )
    text, encoding, bom = decode_bytes(data, path)
    return Source(
        path=path,
        text=text,
        encoding=encoding,
        bom=bom,
        newline=detect_newline(text),
        fingerprint=fingerprint_of(data) if fingerprint else "",
        real_path=real_path,
        kind=kind_for(path),
    )


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def read_source(path: Path, shown_as: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, fingerprint: bool = True) -> Source:
    shown = shown_as or display_path(path)
    try:
        if path.is_dir():
            raise InputError(shown, "is a directory")
        info = path.stat()
        size = info.st_size
        if max_bytes and size > max_bytes:
            # Checked before reading, so a huge file costs nothing.
            raise InputError(
                shown,
                f"file is {size / 1048576:.1f} MiB, over the {max_bytes / 1048576:.0f} MiB limit for an article "
                "(raise `max-file-size` in the config to lint it anyway)",
            )
        if stat.S_ISREG(info.st_mode):
            data = path.read_bytes()
        else:  # a pipe or a device (/dev/stdin, a shell's <(…)): no size to check; read no more than the limit
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    except FileNotFoundError:
        raise InputError(shown, "no such file or directory") from None
    except PermissionError:
        raise InputError(shown, "permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    return source_from_bytes(data, shown, real_path=path, max_bytes=max_bytes, fingerprint=fingerprint)


def read_stdin(shown_as: str = "-", max_bytes: int = DEFAULT_MAX_BYTES, fingerprint: bool = True) -> Source:
    data = sys.stdin.buffer.read(max_bytes + 1) if max_bytes else sys.stdin.buffer.read()  # (an endless pipe)
    source = source_from_bytes(data, shown_as, max_bytes=max_bytes, fingerprint=fingerprint)
    source.kind = kind_for(shown_as)
    return source
