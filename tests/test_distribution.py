"""The distribution has a name of its own: `extract` on the registry is an unrelated package
that installs the same top-level module (issue 17)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from conftest import ROOT

DISTRIBUTION = "jixiao-extract"


def test_the_distribution_is_named_apart_from_the_import_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    installed = metadata.distribution(DISTRIBUTION)
    scripts = {e.name: e.value for e in installed.entry_points if e.group == "console_scripts"}
    assert scripts["extract"] == "extract.cli:main"
    assert set(project["optional-dependencies"]) >= {"dask", "test", "bench"}


def test_no_instruction_installs_the_other_extract() -> None:
    """Every `pip install` the README or a message gives names a path, a git URL or ours."""
    texts = [ROOT / "README.md", *sorted((ROOT / "src" / "extract").rglob("*.py"))]
    for path in texts:
        for command in re.findall(r"pip install [^\n`]*", path.read_text(encoding="utf-8")):
            assert not re.match(r"pip install (-e )?['\"]?extract\b", command), (path, command)
