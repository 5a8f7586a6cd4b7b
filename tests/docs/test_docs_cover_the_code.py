"""The hand-written pages cannot drift from the code: every classic method is documented, every
call the migration guide promises exists, and the README keeps its two quick-start commands."""

from __future__ import annotations

import importlib.util
import inspect
import re
from pathlib import Path

from deepgram import AsyncManageClient, ManageClient
from deepgram.resources.billing import Balances, Billing, Purchases
from deepgram.resources.invites import Invites
from deepgram.resources.keys import Keys
from deepgram.resources.members import Members
from deepgram.resources.models import Models
from deepgram.resources.projects import Project, Projects
from deepgram.resources.usage import Usage

ROOT = Path(__file__).resolve().parents[2]
CLASSIC = sorted(
    name for name, _ in inspect.getmembers(AsyncManageClient, inspect.isfunction) if not name.startswith("_")
)


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_every_classic_method_is_in_the_classic_api_page() -> None:
    page = read("docs/classic-api.md")
    missing = [name for name in CLASSIC if f"`{name}" not in page]
    assert not missing, f"docs/classic-api.md does not mention {missing}"


def test_every_method_in_the_summary_table_names_its_http_call() -> None:
    page = read("docs/classic-api.md")
    rows = re.findall(r"^\| `(\w+)\(.*?\)` \| `(GET|POST|PUT|PATCH|DELETE) (/v1/[^`]*)`", page, re.MULTILINE)
    assert len(rows) >= 30
    for name, method, path in rows:
        doc = inspect.getdoc(getattr(AsyncManageClient, name)) or ""
        assert f"{method} {path}" in doc, f"table says {name} is {method} {path}; its docstring says {doc!r}"


def test_the_summary_table_is_the_one_generated_from_the_operations() -> None:
    spec = importlib.util.spec_from_file_location("operations_table", ROOT / "docs/hooks/operations_table.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    page = read("docs/classic-api.md")
    assert page == generator.rewrite(page), "regenerate it: python docs/hooks/operations_table.py"


def test_sync_and_async_classic_clients_have_the_same_methods() -> None:
    sync = {n for n, _ in inspect.getmembers(ManageClient, callable) if not n.startswith("_")}
    assert set(CLASSIC) <= sync


def test_the_migration_guide_names_only_methods_that_exist() -> None:
    page = read("docs/migration.md")
    for name in set(re.findall(r"client\.manage\.(\w+)\(", page)):
        assert hasattr(ManageClient, name), f"migration.md calls client.manage.{name}, which does not exist"
    collections = {
        "project.keys": Keys,
        "project.members": Members,
        "project.invites": Invites,
        "project.usage": Usage,
        "project.balances": Balances,
        "project.purchases": Purchases,
        "project.billing": Billing,
        "project.models": Models,
        "client.projects": Projects,
        "client.models": Models,
    }
    for owner, cls in collections.items():
        for name in set(re.findall(re.escape(owner) + r"\.(\w+)\(", page)):
            assert hasattr(cls, name), f"migration.md calls {owner}.{name}, which does not exist"
    for name in set(re.findall(r"`project\.(\w+)\(", page)):
        assert hasattr(Project, name), f"migration.md calls project.{name}, which does not exist"


def test_the_readme_keeps_the_two_quick_start_commands() -> None:
    readme = read("README.md")
    assert "pip install -e . && python examples/quickstart.py" in readme
    assert "pip install -e '.[test]' && python -m pytest" in readme


# Pages the docs build generates (docs/hooks/cli_pages.py); tests/docs/test_site_html.py checks the
# links of the built site, these included.
GENERATED = {"cli-reference.md"}


def test_the_docs_link_to_pages_that_exist() -> None:
    for page in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]:
        base = page.parent
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" in target or target in GENERATED:
                continue
            assert (base / target).is_file(), f"{page.name} links to {target}, which does not exist"
