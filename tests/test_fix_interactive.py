"""`newslint fix --interactive`, driven through stdin in a subprocess, as a copy editor would type."""

from __future__ import annotations

import codecs

THREE = "पहली  पंक्ति\nदूसरी   पंक्ति\nतीसरी  पंक्ति\n"


def review(cli, tmp_path, keys: str, *extra: str, text: str = THREE, name: str = "a.txt"):
    path = tmp_path / name
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    result = cli("fix", "--interactive", "--select", "TY107", *extra, name, cwd=tmp_path, stdin=keys.encode("utf-8"))
    return result, path


def test_shows_the_line_with_the_span_marked_and_the_suggestions(cli, tmp_path):
    result, _ = review(cli, tmp_path, "s\ns\ns\n")
    out = result.stdout.decode()
    assert "[1/3] a.txt:1:5 TY107 warning: 2 spaces between words; use one [multiple-spaces]" in out
    assert "    1 | पहली  पंक्ति\n" in out
    assert "      |     ^^\n" in out  # under the two spaces (पहली is 4 code points, 3 columns wide)
    assert "  1) replace with “ ”  [fix]" in out
    assert "s skip · e edit · i ignore TY107 in this file · q save and quit" in out


def test_accept_skip_and_edit(cli, tmp_path):
    result, path = review(cli, tmp_path, "1\ns\ne\n — \n")
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == "पहली पंक्ति\nदूसरी   पंक्ति\nतीसरी — पंक्ति\n"
    assert b"Fixed 2 findings." in result.stderr
    # What is left is reported after the session.
    assert "a.txt:2:6: TY107" in result.stdout.decode()


def test_unknown_key_asks_again_and_empty_edit_cancels(cli, tmp_path):
    result, path = review(cli, tmp_path, "x\n7\ne\n\n1\ns\ns\n")
    out = result.stdout.decode()
    assert out.count("? type 1, s, e, i or q") == 2
    assert path.read_text(encoding="utf-8") == "पहली पंक्ति\nदूसरी   पंक्ति\nतीसरी  पंक्ति\n"


def test_ignore_rule_for_the_rest_of_the_file(cli, tmp_path):
    result, path = review(cli, tmp_path, "1\ni\n")
    assert result.returncode == 0
    assert path.read_text(encoding="utf-8") == "पहली पंक्ति\nदूसरी   पंक्ति\nतीसरी  पंक्ति\n"
    assert "[3/3]" not in result.stdout.decode()  # never asked about the third


def test_ignore_lasts_for_one_file_only(cli, tmp_path):
    (tmp_path / "a.txt").write_text(THREE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(THREE, encoding="utf-8")
    result = cli("fix", "-i", "--select", "TY107", "a.txt", "b.txt", cwd=tmp_path, stdin=b"i\n1\nq\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == THREE
    assert (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("पहली पंक्ति\n")


def test_quit_saves_what_was_accepted_and_asks_nothing_more(cli, tmp_path):
    (tmp_path / "a.txt").write_text(THREE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(THREE, encoding="utf-8")
    result = cli("fix", "-i", "--select", "TY107", "a.txt", "b.txt", cwd=tmp_path, stdin=b"1\nq\n1\n1\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "पहली पंक्ति\nदूसरी   पंक्ति\nतीसरी  पंक्ति\n"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == THREE
    out = result.stdout.decode()
    assert "b.txt:1:5" in out  # b.txt's findings are still reported
    assert "[1/3] b.txt" not in out  # … but never reviewed


def test_end_of_input_is_quit(cli, tmp_path):
    result, path = review(cli, tmp_path, "1\n")
    assert result.returncode == 0
    assert path.read_text(encoding="utf-8").startswith("पहली पंक्ति\nदूसरी   पंक्ति")


def test_nothing_accepted_nothing_written(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(THREE, encoding="utf-8")
    inode = path.stat().st_ino
    result, _ = review(cli, tmp_path, "s\ns\ns\n")
    assert result.returncode == 0
    assert path.read_text(encoding="utf-8") == THREE and path.stat().st_ino == inode


def test_keeps_bom_and_crlf(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + THREE.replace("\n", "\r\n").encode())
    result, _ = review(cli, tmp_path, "1\r\n1\r\ne\r\n-\r\n")  # answers typed on Windows, too
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == codecs.BOM_UTF8 + "पहली पंक्ति\r\nदूसरी पंक्ति\r\nतीसरी-पंक्ति\r\n".encode()


def test_interactive_with_diff_writes_nothing(cli, tmp_path):
    result, path = review(cli, tmp_path, "1\nq\n", "--diff")
    assert path.read_text(encoding="utf-8") == THREE
    # stdout is the patch alone (the questions went into it, and it said "saving")
    assert result.stdout.decode().startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "+पहली पंक्ति" in result.stdout.decode() and "[1/3]" not in result.stdout.decode()
    assert "a.txt: 1 change accepted; shown as a diff, not saved." in result.stderr.decode()
    assert "[1/3] a.txt:1:5 TY107" in result.stderr.decode()


def test_interactive_cannot_read_the_article_from_stdin(cli):
    result = cli("fix", "--interactive", "-", stdin=b"1\n")
    assert result.returncode == 2
    assert b"newslint: error: --interactive" in result.stderr


def test_edit_on_a_missing_dateline_adds_a_line_above_instead_of_replacing(cli, tmp_path):
    """DT101 marks the first line of an article with no date; its message says to add a
    dateline. "e" used to replace the marked line with what was typed: the line was gone."""
    story = "सरकार ने  शनिवार को नई योजना शुरू की।\r\nदूसरी पंक्ति।\r\n"
    path = tmp_path / "story.txt"
    path.write_bytes(story.encode("utf-8"))
    result = cli("fix", "-i", "--select", "DT101,TY107", "story.txt", cwd=tmp_path,
                 stdin="e\nनई दिल्ली, 12 जनवरी (भाषा)\n1\n".encode("utf-8"))
    out = result.stdout.decode()
    assert "add a line above it with e" in out and "a line to add above this line" in out
    assert path.read_bytes().decode("utf-8") == (
        "नई दिल्ली, 12 जनवरी (भाषा)\r\nसरकार ने शनिवार को नई योजना शुरू की।\r\nदूसरी पंक्ति।\r\n")  # CRLF kept
    assert result.returncode == 0, result.stderr
    # a rule whose span is the text to change still replaces it
    replaced, path = review(cli, tmp_path, "e\n-\ns\ns\n", name="b.txt")
    assert path.read_text(encoding="utf-8").startswith("पहली-पंक्ति\n")


def test_a_dateline_goes_in_with_a_fix_accepted_at_the_start_of_its_line(cli, tmp_path):
    """A fix at column 1 of DT101's line (नही → नहीं) came first and blocked the dateline as
    'overlapping'; a line added above does not overlap a change inside the line."""
    path = tmp_path / "sp.txt"
    path.write_text("नही मिली सरकारी मदद, शनिवार को लोगों ने प्रदर्शन किया।\n", encoding="utf-8")
    keys = "\n".join(["1", "e", "सुपौल, 12 अगस्त", "q"]) + "\n"
    result = cli("fix", "-i", "--select", "SP101,DT101", "sp.txt", cwd=tmp_path, stdin=keys.encode("utf-8"))
    assert "overlaps a change you accepted" not in result.stdout.decode(), result.stdout.decode()
    assert path.read_text(encoding="utf-8") == "सुपौल, 12 अगस्त\nनहीं मिली सरकारी मदद, शनिवार को लोगों ने प्रदर्शन किया।\n"


def test_a_dateline_goes_below_a_markdown_headline(cli, tmp_path):
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: बैठक\n---\n\n# विपक्ष की बैठक\n\nविपक्षी दलों की बैठक कल होगी।\n", encoding="utf-8")
    result = cli("fix", "-i", "--select", "DT101", "fm.md", cwd=tmp_path, stdin="e\nनई दिल्ली, 12 जनवरी\n".encode("utf-8"))
    assert "add a line below it with e" in result.stdout.decode()
    assert "a line to add below this headline, before the lead" in result.stdout.decode()
    assert path.read_text(encoding="utf-8") == (
        "---\ntitle: बैठक\n---\n\n# विपक्ष की बैठक\n\nनई दिल्ली, 12 जनवरी\nविपक्षी दलों की बैठक कल होगी।\n")


def test_with_diff_the_prompt_does_not_promise_to_save(cli, tmp_path):
    result, _ = review(cli, tmp_path, "q\n", "--diff")
    conversation = result.stderr.decode()
    assert "· q quit >" in conversation and "save and quit" not in conversation
    saving, _ = review(cli, tmp_path, "q\n", name="b.txt")
    assert "· q save and quit >" in saving.stdout.decode()


def test_a_dateline_skips_setext_headlines_subheadings_and_images(cli, tmp_path):
    """helper-15: after a setext headline (=== underline) the dateline went above it, into the
    heading; after '# H' it went above a subheading or into an image's paragraph."""
    cases = {
        "एक शीर्षक यहां है\n===\n\nदिल्ली में कल भारी बारिश हुई।\n":
            "एक शीर्षक यहां है\n===\n\nनई दिल्ली, 12 जनवरी\nदिल्ली में कल भारी बारिश हुई।\n",
        "# शीर्षक\n## उप-शीर्षक\n\nबैठक कल होगी।\n":
            "# शीर्षक\n## उप-शीर्षक\n\nनई दिल्ली, 12 जनवरी\nबैठक कल होगी।\n",
        "# शीर्षक\r\n\r\n![फोटो](x.jpg)\r\n\r\nबैठक कल होगी।\r\n":
            "# शीर्षक\r\n\r\n![फोटो](x.jpg)\r\n\r\nनई दिल्ली, 12 जनवरी\r\nबैठक कल होगी।\r\n",
        "# शीर्षक\n\n":  # no lead at all: at the end
            "# शीर्षक\n\nनई दिल्ली, 12 जनवरी\n",
    }
    for number, (before, after) in enumerate(cases.items()):
        path = tmp_path / f"{number}.md"
        path.write_bytes(before.encode("utf-8"))
        result = cli("fix", "-i", "--select", "DT101", path.name, cwd=tmp_path, stdin="e\nनई दिल्ली, 12 जनवरी\n".encode("utf-8"))
        assert path.read_bytes().decode("utf-8") == after, (before, result.stdout.decode())
