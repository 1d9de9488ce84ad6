"""The datatrove pipeline of examples/datatrove_warc.py, end to end over a
WARC file made from the fixtures."""

import io
import json
import sys
from pathlib import Path

import pytest

import tinsach
from conftest import VI_HTML

datatrove = pytest.importorskip("datatrove")
warcio = pytest.importorskip("warcio")
pytest.importorskip("cchardet")  # datatrove's WarcReader needs datatrove[io]
pytest.importorskip("magic")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))


def write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, body in pages:
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = w.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Identified-Payload-Type": "text/html"},
            )
            w.write_record(rec)


def test_extract_is_the_body():
    from tinsach.datatrove import Tinsach

    raw = VI_HTML[0].read_bytes().decode("utf-8")
    assert Tinsach().extract(raw) == tinsach.clean_html(raw).text()


def test_warc_pipeline_end_to_end(tmp_path):
    from datatrove.executor import LocalPipelineExecutor

    from datatrove_warc import pipeline

    warcs = tmp_path / "warcs"
    warcs.mkdir()
    pages = [(f"https://example.vn/{p.stem}", p.read_bytes()) for p in VI_HTML]
    # One page that is no article: dropped, counted, nothing else lost.
    pages.append(("https://example.vn/menu", b"<ul>" + b"<li><a href=/a>Trang chu</a></li>" * 20 + b"</ul>"))
    write_warc(warcs / "pages.warc.gz", pages)
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=pipeline(str(warcs), str(out)),
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    rows = []
    for f in sorted(out.glob("*.jsonl")):
        rows += [json.loads(line) for line in f.read_text().splitlines()]
    assert len(rows) == len(VI_HTML)
    by_url = {r["metadata"]["url"]: r for r in rows}
    for url, body in pages[:-1]:
        row = by_url[url]
        a = tinsach.clean_html(body.decode("utf-8"), url=url)
        assert row["text"] == a.text()
        assert row["metadata"]["tinsach_headline"] == a.headline
        assert row["metadata"]["tinsach_published"] == a.published
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    extractor = [s for s in stats if "Tinsach" in s["name"]][0]["stats"]
    assert extractor["extracted"] == len(VI_HTML)
    assert extractor["NoArticle"] == 1
