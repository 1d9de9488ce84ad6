"""examples/spark_clean.py on Spark in local mode (local[2]): one output row
per input row, each the article tinsach gives in this process."""

import json
import shutil
import sys
from pathlib import Path

import pytest

import tinsach
from conftest import SEEDS, VI_HTML

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("PySpark needs Java (apt-get install default-jre-headless)", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))


def test_spark_local_mode(tmp_path, monkeypatch):
    # The workers run this interpreter, which has tinsach installed.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from spark_clean import clean

    rows = [
        {"url": f"https://example.vn/{p.stem}/{i}", "html": p.read_bytes().decode("utf-8")}
        for i in range(4)
        for p in VI_HTML
    ]
    rows.append({"url": "https://example.vn/empty", "html": "   "})
    src = tmp_path / "pages.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("tinsach-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        out = clean(spark, str(src), str(tmp_path / "out"), batch_size=8)
        got = {r["url"]: r.asDict() for r in out.collect()}
    finally:
        spark.stop()
    assert len(got) == len(rows)
    for r in rows[:-1]:
        a = tinsach.clean_html(r["html"], url=r["url"])
        g = got[r["url"]]
        assert g["error"] is None
        assert g["headline"] == a.headline
        assert g["kind"] == a.kind and g["confidence"] == a.confidence
        assert g["text"] == a.text()
        assert g["published"] == a.published
        assert list(g["authors"]) == a.authors
    assert got["https://example.vn/empty"]["error"].startswith("EmptyInput")
    written = [json.loads(line) for f in (tmp_path / "out").glob("part-*") for line in f.read_text().splitlines()]
    assert len(written) == len(rows)
