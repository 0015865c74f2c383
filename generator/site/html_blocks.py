"""Generated HTML blocks that Python-Markdown passes through without parsing them again.

The long lists, tables and charts of the generated pages are written as HTML (with links as
the built site has them). Python-Markdown passes an HTML block through, but first walks every
tag of it with its HTML parser to find where the block ends, which took about half of those
pages' Markdown time. Templates wrap such a block in two marker lines (`html_block`); the
`HtmlBlocks` extension, which the MkDocs plugin adds, stores the text between them as Python-
Markdown stores any raw HTML block, without parsing it. The output is the same HTML. Where the
extension is not loaded (other engines), the markers are HTML comments and the block is an
ordinary HTML block.
"""

from __future__ import annotations

from markdown import Extension, Markdown  # type: ignore[import-untyped,unused-ignore]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped,unused-ignore]

from .markdown import Md

OPEN = "<!-- rl:html -->"
CLOSE = "<!-- /rl:html -->"


def html_block(html: str) -> Md:
    """Our own HTML (every value in it escaped), as one block Markdown need not parse."""
    return Md(f"{OPEN}\n{html.strip(chr(10))}\n{CLOSE}\n")


class _StoreBlocks(Preprocessor):
    """Stores each marked block in Markdown's raw-HTML stash, as its HTML preprocessor would."""

    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        result: list[str] = []
        start = 0
        while True:
            try:
                opened = lines.index(OPEN, start)
                closed = lines.index(CLOSE, opened + 1)
            except ValueError:
                result.extend(lines[start:])
                return result
            result.extend(lines[start:opened])
            stored = self.md.htmlStash.store("\n".join(lines[opened + 1 : closed]))
            result.extend(("", stored, ""))
            start = closed + 1


class HtmlBlocks(Extension):
    """Python-Markdown extension: marked HTML blocks are passed through unparsed."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before the raw-HTML preprocessor (20).
        md.preprocessors.register(_StoreBlocks(md), "recovery_log_html_blocks", 25)


def makeExtension(**kwargs: object) -> HtmlBlocks:
    return HtmlBlocks(**kwargs)
