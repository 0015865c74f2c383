"""Generated HTML blocks pass through Python-Markdown unparsed, and come out the same."""

from __future__ import annotations

import markdown

from generator.site.html_blocks import CLOSE, OPEN, html_block

EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html"]
TABLE = '<table>\n<tr><td><a href="../x/">A &#42;b&#42;</a></td></tr>\n</table>'


def html(text: str, *, with_blocks: bool = True) -> str:
    extra = ["generator.site.html_blocks"] if with_blocks else []
    return markdown.markdown(text, extensions=EXTENSIONS + extra)


def test_a_marked_block_renders_as_the_same_html_as_an_unmarked_one() -> None:
    page = f"# Title\n\nBefore.\n\n{html_block(TABLE)}\nAfter *this*.\n"
    plain = f"# Title\n\nBefore.\n\n{TABLE}\n\nAfter *this*.\n"
    assert html(page).split() == html(plain, with_blocks=False).split()


def test_the_markers_leave_no_trace_in_the_page() -> None:
    assert "rl:html" not in html(f"Text.\n\n{html_block(TABLE)}")


def test_without_the_extension_the_markers_are_comments_around_an_html_block() -> None:
    shown = html(f"Text.\n\n{html_block(TABLE)}", with_blocks=False)
    assert OPEN in shown and CLOSE in shown and TABLE in shown


def test_an_unclosed_marker_leaves_the_text_to_markdown() -> None:
    shown = html(f"{OPEN}\n\nSome *Markdown*.\n")
    assert "<em>Markdown</em>" in shown
