import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
VI_HTML = sorted((FIXTURES / "vi-html").glob("*.html"))
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def rust_articles():
    """The Rust library's articles for every fixture, from the `clean`
    example's --json output: {path: dict}."""
    cargo = shutil.which("cargo")
    if cargo is None:
        if os.environ.get("CI"):
            pytest.fail("cargo is needed to compare with the Rust library")
        pytest.skip("cargo is not installed")
    files = [str(p) for p in VI_HTML + SEEDS]
    out = subprocess.run(
        [cargo, "run", "--quiet", "--example", "clean", "--", "--json", *files],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=1200,
    ).stdout
    articles = {}
    for line in out.splitlines():
        obj = json.loads(line)
        articles[obj.pop("input")] = obj
    assert len(articles) == len(files), out[-2000:]
    return articles
