"""The built site as a reader gets it: titles, rendered diagrams, working links, highlighted code."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from deepgram.cli.parser import build_parser
from deepgram.cli.tree import command_tree

from .runnable import ROOT, all_blocks

DIAGRAM_STARTS = ("flowchart", "graph ", "sequenceDiagram", "classDiagram", "stateDiagram", "erDiagram")


class Page(HTMLParser):
    """The parts of one HTML page the checks need."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.title = ""
        self.h1 = 0
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.classes: list[str] = []
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(values[name] or "")
        if tag in ("a", "link") and values.get("href"):
            self.links.append(values["href"] or "")
        if tag in ("img", "script") and values.get("src"):
            self.links.append(values["src"] or "")
        self.classes.append(values.get("class") or "")
        self._in_title = tag == "title"
        self.h1 += tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def pages(site: Path) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


def _sources() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md"))


def _built(site: Path, source: Path) -> Path:
    relative = source.relative_to(ROOT / "docs").with_suffix("")
    if relative.name == "index":
        return site / relative.parent / "index.html"
    return site / relative / "index.html"


def test_every_page_has_a_title_and_one_heading(site: Path) -> None:
    for path, text in pages(site).items():
        assert Page(text).title.strip(), path
    for source in [*_sources(), ROOT / "docs" / "cli-reference.md"]:
        page = Page(_built(site, source).read_text(encoding="utf-8"))
        assert page.h1 == 1, source
        if source.name != "index.md" or source.parent.name == "cookbook":
            assert page.title.strip() != "deepgram-manage", source  # the page's own title first


def test_every_source_page_is_built(site: Path) -> None:
    for source in _sources():
        assert _built(site, source).is_file(), source


def test_mermaid_blocks_are_in_diagram_containers(site: Path) -> None:
    sources = [s for s in _sources() if "```mermaid" in s.read_text(encoding="utf-8")]
    assert sources, "the docs have a Mermaid diagram (usage-scraping.md)"
    for source in sources:
        text = _built(site, source).read_text(encoding="utf-8")
        expected = source.read_text(encoding="utf-8").count("```mermaid")
        assert text.count('<pre class="mermaid">') == expected, source
    for path, text in pages(site).items():
        assert "language-mermaid" not in text, path
        # With the diagrams taken out, no diagram source may be left as text.
        outside = re.sub(r'<pre class="mermaid">.*?</pre>', "", text, flags=re.S)
        code = " ".join(re.findall(r"<code[^>]*>(.*?)</code>", outside, flags=re.S))
        for start in DIAGRAM_STARTS:
            assert not re.search(rf"(^|>){start}", html.unescape(code), flags=re.M), (path, start)


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for an external one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return page, parts.fragment
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_resolves(site: Path) -> None:
    built = pages(site)
    ids = {path.resolve(): Page(text).ids for path, text in built.items()}
    broken = []
    for path, text in built.items():
        for href in Page(text).links:
            found = _target(site, path, href)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                broken.append(f"{path.relative_to(site)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_code_is_highlighted_with_copy_buttons(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="language-python highlight"' in index
    assert re.search(r'<span class="(kn|k|nn|n)">', index), "no Pygments token spans"
    assert "content.code.copy" in index  # Material's copy button feature is on for every page


def test_runnable_blocks_render_as_highlighted_python(site: Path) -> None:
    blocks = all_blocks()
    for block in blocks:
        if block.path.parent != ROOT / "docs":
            continue
        text = _built(site, block.path).read_text(encoding="utf-8")
        python = re.findall(r'<div class="language-python highlight">(.*?)</div>', text, flags=re.S)
        code = [html.unescape(re.sub(r"<[^>]+>", "", chunk)) for chunk in python]
        first = next(line for line in block.code.splitlines() if line.strip())
        assert any(first in chunk for chunk in code), block.id


def test_light_and_dark_schemes_and_search(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-scheme="default"' in index and 'data-md-color-scheme="slate"' in index
    assert (site / "search" / "search_index.json").is_file()


def test_cli_reference_is_generated_from_the_parser(site: Path) -> None:
    text = html.unescape((site / "cli-reference" / "index.html").read_text(encoding="utf-8"))
    for command in command_tree(build_parser()).walk():
        assert command.name in text, command.name
        for option in command.options:
            assert all(flag in text for flag in option.flags), (command.name, option.flags)


@pytest.mark.parametrize("command", ["deepgram projects", "deepgram keys create", "deepgram usage requests"])
def test_cli_page_shows_output_captured_from_the_emulator(site: Path, command: str) -> None:
    text = html.unescape(re.sub(r"<[^>]+>", "", (site / "cli" / "index.html").read_text(encoding="utf-8")))
    assert "deepgram-run" not in text
    assert f"$ {command}" in text
    assert "PROJECT_ID" in text and "SECRET" in text and "REQUEST_ID" in text
