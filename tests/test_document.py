"""The document model: lines, blocks, sentences, tokens, the prose view, and positions."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.api import lint_text
from newslint.document import MASK, parse_document
from newslint.config import ConfigError
from newslint.source import InputError, source_from_bytes


def doc_of(text: str, name: str = "a.txt"):
    return parse_document(source_from_bytes(text.encode("utf-8"), name))


def test_tokens_keep_vowel_signs_and_nukta_inside_words():
    doc = doc_of("पढ़ें नज़दीकियां, क्‍ष और Russia-Ukraine 4.5%")
    assert [t.text for t in doc.tokens] == ["पढ़ें", "नज़दीकियां", "क्‍ष", "और", "Russia", "Ukraine"]


def test_token_norm_is_nfc_while_text_is_as_written():
    decomposed = "ज\u093cरूर"
    precomposed = "\u095bरूर"
    a, b = doc_of(decomposed).tokens[0], doc_of(precomposed).tokens[0]
    assert a.norm == b.norm == unicodedata.normalize("NFC", precomposed)
    assert b.text == precomposed and (b.start, b.end) == (0, 4)


def test_sentences_split_on_danda_and_full_stop_but_not_numbers_or_abbreviations():
    doc = doc_of("डॉ. शर्मा ने कहा कि दर 4.5 फीसदी रही। यह ठीक है. क्या? हां!\n")
    assert [s.text for s in doc.sentences] == ["डॉ. शर्मा ने कहा कि दर 4.5 फीसदी रही।", "यह ठीक है.", "क्या?", "हां!"]


def test_devanagari_initials_do_not_end_a_sentence():
    doc = doc_of("ए.पी.जे. अब्दुल कलाम ने कहा। एम.एस. धोनी खेले।\n")
    assert [s.text for s in doc.sentences] == ["ए.पी.जे. अब्दुल कलाम ने कहा।", "एम.एस. धोनी खेले।"]


def test_plain_text_lines_are_blocks_markdown_paragraphs_wrap():
    text = "पहली पंक्ति\nदूसरी पंक्ति\n\nतीसरी\n"
    assert [len(b.lines) for b in doc_of(text).blocks] == [1, 1, 1]
    assert [len(b.lines) for b in doc_of(text, "a.md").blocks] == [2, 1]
    # A wrapped Markdown paragraph is one sentence until its terminator.
    assert [s.text for s in doc_of(text, "a.md").sentences] == ["पहली पंक्ति\nदूसरी पंक्ति", "तीसरी"]


def test_front_matter_metadata_headline_and_body_start():
    doc = doc_of("---\ntitle: शीर्षक\ndate: 2025-07-14\n---\n\nपहला पैरा।\n", "a.md")
    assert doc.metadata["title"] == "शीर्षक"
    assert str(doc.metadata["date"]) == "2025-07-14"
    assert doc.headline == "शीर्षक"
    assert doc.body_start_line == 5
    assert doc.body_lines[0].number == 6
    assert doc.prose[:doc.front_matter_end].strip() == ""


def test_headline_defaults_to_first_line():
    assert doc_of("\n  पहली पंक्ति  \nदूसरी\n").headline == "पहली पंक्ति"


def test_non_prose_is_masked_with_same_length():
    text = (
        "देखें https://example.com/a?b=1 और `code  span` तथा [लिंक](http://x.in/a  b) <b>मोटा</b> <!-- c -->\n"
        "```\nकोड  ब्लॉक\n```\n"
    )
    doc = doc_of(text, "a.md")
    assert len(doc.prose) == len(text)
    assert "example" not in doc.prose and "code" not in doc.prose and "x.in" not in doc.prose
    assert "लिंक" in doc.prose and "मोटा" in doc.prose and "<b>" not in doc.prose
    assert "कोड" not in doc.prose
    # A whole line that is not prose becomes blank rather than masked.
    assert doc.line_prose(doc.lines[2]).strip() == ""
    assert MASK in doc.line_prose(doc.lines[0])


def test_plain_text_keeps_markdown_like_characters_as_prose():
    doc = doc_of("यह `शब्द` है https://a.in\n")
    assert "`शब्द`" in doc.prose and "a.in" not in doc.prose


def test_language_detection():
    assert doc_of("यह हिंदी का लेख है।").language == "hi"
    assert doc_of("This is an English story about the weather today.").language == "en"
    assert doc_of("---\nlang: en-IN\n---\nयह\n", "a.md").language == "en"


def test_positions_with_crlf():
    doc = doc_of("क\r\nखग\r\n")
    assert [(l.number, l.start, l.end, l.text) for l in doc.lines] == [(1, 0, 1, "क"), (2, 3, 5, "खग")]
    assert doc.position(4) == (2, 2)


DEVANAGARI_HEAVY = st.text(
    alphabet=st.sampled_from(list("कखगघचजटडढणतदनपबमयरलवशसह़ािीुूेैोौंँः्।॥.,?!‘’“”\"'() \n\r\t|-:0123456789०१२३\u200c\u200d`<>#*[]")),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(DEVANAGARI_HEAVY, st.text(max_size=200)), st.sampled_from(["a.txt", "a.md"]))
def test_no_crash_and_positions_inside_the_text(text, name):
    text = text.lstrip("\ufeff")  # a leading BOM is removed on reading, shifting offsets by design
    try:
        findings = lint_text(text, name)
    except InputError:
        return  # NUL bytes, control characters, broken front matter: a clean one-line error
    except ConfigError:
        return
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.start < f.end or f.text == "", f
        assert 1 <= f.line <= f.end_line and f.column >= 1 and f.end_column >= 1
        assert text[f.start:f.end] == f.text


def test_script_ranges_are_the_unicode_scripts():
    """DEVANAGARI_LETTERS / LATIN_LETTERS (for the fast stdlib `re`) are exactly `regex`'s
    \\p{Devanagari} / \\p{Latin} on every code point this Python's Unicode data assigns."""
    import sys
    import unicodedata

    import regex

    from newslint.document import DEVANAGARI_LETTERS, LATIN_LETTERS

    for ranges, script in ((DEVANAGARI_LETTERS, "Devanagari"), (LATIN_LETTERS, "Latin")):
        ours = re.compile(f"[{ranges}]")
        theirs = regex.compile(rf"\p{{{script}}}")
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            if unicodedata.category(char) in ("Cn", "Cs"):
                continue
            assert (ours.match(char) is None) == (theirs.match(char) is None), (script, hex(code))


def test_language_is_the_script_most_words_are_in():
    english = doc_of("Police said the fire was put out by 5 pm on Monday. पुलिस\n")
    assert english.language == "en"
    assert doc_of("दिल्ली में आज बारिश हुई, Police said. BJP ने कहा।\n").language == "hi"
    assert doc_of("---\nlang: en-IN\n---\nदिल्ली में आज बारिश हुई।\n", "a.md").language == "en"
