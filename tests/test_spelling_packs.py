"""A newsroom's rule pack extends the spelling data; a pack without a hi/ folder is fine."""

from __future__ import annotations

from pathlib import Path

from newslint.api import lint_text


def spelling(text: str, packs: list[Path] | None = None):
    return [(f.code, f.text) for f in lint_text(text, select=["spelling"], packs=packs)]


def test_pack_without_hindi_data(tmp_path: Path):
    (tmp_path / "structure").mkdir()
    assert spelling("वे वहां थें।", [tmp_path]) == [("SP101", "थें")]


def test_newsroom_words_phrases_and_names(tmp_path: Path):
    (tmp_path / "hi").mkdir()
    (tmp_path / "hi" / "extra-words.txt").write_text("दंपती\n", encoding="utf-8")
    (tmp_path / "hi" / "gazetteer.txt").write_text("[names]\nकिरपाल\n", encoding="utf-8")
    (tmp_path / "hi" / "phrases.txt").write_text(
        "[our-style] We write “दौरान”, not “के समय”, after a noun\n{समय} => दौरान\n> बैठक समय => बैठक दौरान\n",
        encoding="utf-8",
    )
    text = "बुज़ुर्ग दंपती को बंधक बनाया।"
    assert spelling(text) == [("SP102", "दंपती")]
    assert spelling(text, [tmp_path]) == []
    assert ("SP104", "समय") in spelling("बैठक समय सब मौजूद थे।", [tmp_path])
    assert spelling("कीरपाल ने कहा।", [tmp_path]) == [("SP102", "कीरपाल")]  # now a name with a slip
