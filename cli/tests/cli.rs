//! Runs the built `tinsach` binary on the fixture pages, on JSON lines and on
//! WARC files written here (plain, gzip and zstd), and checks every line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_tinsach");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/vi-html")
}

/// The fixture pages, sorted by name as a folder walk gives them.
fn pages() -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 9);
    pages
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.unwrap_or_default().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tinsach-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What the library makes of a page, as the tool's JSON shows it.
fn expected(html: &[u8], url: Option<&str>, content_type: Option<&str>) -> Value {
    let mut info = tinsach::PageInfo::new();
    if let Some(url) = url {
        info = info.url(url);
    }
    if let Some(ct) = content_type {
        info = info.content_type(ct);
    }
    let cleaner = tinsach::Cleaner::builder().keep_removed(false).build();
    let article = cleaner.clean_html_with(html, info).unwrap();
    serde_json::to_value(&article).unwrap()
}

fn assert_article(line: &Value, want: &Value) {
    for field in [
        "headline", "dateline", "source", "outlet", "host", "authors", "body", "captions",
    ] {
        assert_eq!(line[field], want[field], "{field} of {}", line["input"]);
    }
    assert!(!line["body"].as_array().unwrap().is_empty());
    assert!(
        line.get("removed").is_none(),
        "removed is left out by default"
    );
}

#[test]
fn folder_of_fixture_pages() {
    let dir = fixtures();
    let out = run(&[dir.to_str().unwrap()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    let pages = pages();
    assert_eq!(lines.len(), pages.len());
    for (line, (name, html)) in lines.iter().zip(&pages) {
        let input = line["input"].as_str().unwrap();
        assert!(input.ends_with(&format!("{name}.html")), "{input}");
        assert_article(line, &expected(html, None, None));
    }
    assert!(out.stderr.contains("9 cleaned"), "{}", out.stderr);
}

#[test]
fn text_and_markdown_formats() {
    let page = fixtures().join("cafef-1.html");
    let page = page.to_str().unwrap();
    let want = expected(&std::fs::read(page).unwrap(), None, None);
    let headline = want["headline"].as_str().unwrap();
    let first = want["body"][0].as_str().unwrap();

    let text = run(&["--format", "text", "--quiet", page], None);
    assert_eq!(text.code, 0);
    assert!(text.stdout.starts_with(&format!("{headline}\n")));
    assert!(text.stdout.contains(&format!("\n\n{first}\n\n")));
    assert!(text.stderr.is_empty(), "--quiet: {}", text.stderr);

    let md = run(&["--format", "markdown", "-q", page], None);
    assert_eq!(md.code, 0);
    assert!(
        md.stdout
            .starts_with(&format!("# {headline}\n\n- **Date:** "))
    );
    assert!(md.stdout.contains("- **Authors:** "));
    assert!(md.stdout.trim_end().ends_with("---"));
}

#[test]
fn json_lines_from_stdin_and_files() {
    let pages = pages();
    let mut jsonl = String::new();
    for (i, (name, html)) in pages.iter().enumerate() {
        let line = json!({
            "id": i,
            "url": format!("https://example.vn/{name}"),
            "html": String::from_utf8_lossy(html),
            "lang": "vi",
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    jsonl.push_str("{\"id\": \"broken\", \"html\": \n"); // line 10: invalid JSON
    jsonl.push('\n'); // line 11: blank, ignored
    jsonl.push_str(&json!({"id": "t", "text": "Tiêu đề bài viết\n\nĐây là đoạn văn đầu tiên của bài viết, đủ dài để được coi là một đoạn văn bản tin tức thực sự có nội dung.\n\nĐoạn thứ hai cũng đủ dài để được giữ lại trong phần thân của bài báo này, với nhiều chữ hơn nữa."}).to_string());
    jsonl.push('\n'); // line 12: text
    jsonl.push_str("{\"id\": \"none\"}\n"); // line 13: neither html nor text
    jsonl.push_str(&json!({"id": "empty", "html": "   "}).to_string());
    jsonl.push('\n'); // line 14: judged empty

    let check = |out: &Run, input: &str, kept: bool| {
        assert_eq!(out.code, 1, "an invalid line is a failure: {}", out.stderr);
        let lines = out.lines();
        assert_eq!(lines.len(), pages.len() + 4, "{}", out.stdout);
        for (i, (line, (name, html))) in lines.iter().zip(&pages).enumerate() {
            assert_eq!(line["input"], format!("{input}:{}", i + 1));
            assert_eq!(line["id"], i);
            let url = format!("https://example.vn/{name}");
            assert_eq!(line["url"], url);
            assert_article(line, &expected(html, Some(&url), None));
            assert_eq!(line.get("lang").is_some(), kept);
        }
        let rest = &lines[pages.len()..];
        assert_eq!(rest[0]["input"], format!("{input}:10"));
        assert_eq!(rest[0]["error"]["kind"], "invalid_json");
        assert_eq!(rest[1]["input"], format!("{input}:12"));
        assert_eq!(rest[1]["id"], "t");
        assert!(
            rest[1]["body"].as_array().is_some_and(|b| !b.is_empty()),
            "{}",
            rest[1]
        );
        assert_eq!(rest[2]["input"], format!("{input}:13"));
        assert_eq!(rest[2]["error"]["kind"], "invalid_json");
        assert_eq!(rest[3]["input"], format!("{input}:14"));
        assert_eq!(rest[3]["id"], "empty");
        assert_eq!(rest[3]["error"]["kind"], "empty_input");
        assert_eq!(rest[3]["error"]["message"], "empty input");
    };

    let out = run(&["--keep-fields", "-j", "2"], Some(jsonl.as_bytes()));
    check(&out, "-", true);

    let dir = temp_dir("jsonl");
    let plain = dir.join("dump.jsonl");
    std::fs::write(&plain, &jsonl).unwrap();
    let out = run(&[plain.to_str().unwrap()], None);
    check(&out, plain.to_str().unwrap(), false);

    let zst = dir.join("dump.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(jsonl.as_bytes(), 3).unwrap()).unwrap();
    let out = run(&["--keep-fields=lang", zst.to_str().unwrap()], None);
    check(&out, zst.to_str().unwrap(), true);

    // Compressed stdin is recognised by its magic bytes.
    let gz = gzip(jsonl.as_bytes());
    let out = run(&["-", "--keep-fields=lang"], Some(&gz));
    check(&out, "-", true);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A page of a crawl: its record id, its URL and its HTML.
type Page = (String, String, Vec<u8>);

fn warc_record(kind: &str, n: usize, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\n\
         WARC-Date: 2026-03-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A crawl of the fixture pages, `rounds` times over: per page a request,
/// its response and, once per round, an image response to skip. Returns
/// the records (each one a gzip member in a .warc.gz) and the pages' URLs.
fn crawl(rounds: usize) -> (Vec<Vec<u8>>, Vec<Page>) {
    let mut records = vec![warc_record(
        "warcinfo",
        0,
        "",
        "application/warc-fields",
        b"software: tinsach tests\r\n",
    )];
    let mut expect = Vec::new();
    let mut n = 1;
    for round in 0..rounds {
        for (name, html) in pages() {
            let uri = format!("https://example.vn/{round}/{name}.html");
            let request = format!("GET /{name}.html HTTP/1.1\r\nHost: example.vn\r\n\r\n");
            records.push(warc_record(
                "request",
                n,
                &uri,
                "application/http; msgtype=request",
                request.as_bytes(),
            ));
            n += 1;
            let mut response =
                b"HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                    .to_vec();
            response.extend_from_slice(&html);
            records.push(warc_record(
                "response",
                n,
                &uri,
                "application/http; msgtype=response",
                &response,
            ));
            expect.push((
                format!("<urn:uuid:00000000-0000-4000-8000-{n:012}>"),
                uri,
                html,
            ));
            n += 1;
        }
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n";
        records.push(warc_record(
            "response",
            n,
            "https://example.vn/logo.png",
            "application/http; msgtype=response",
            image,
        ));
        n += 1;
    }
    (records, expect)
}

fn check_warc(out: &Run, path: &str, expect: &[Page]) {
    let lines = out.lines();
    assert_eq!(lines.len(), expect.len(), "{}", out.stderr);
    let mut wants = std::collections::HashMap::new();
    for (line, (id, uri, html)) in lines.iter().zip(expect) {
        assert!(
            line["input"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{path}#"))
        );
        assert_eq!(line["id"], *id);
        assert_eq!(line["url"], *uri);
        let want = wants
            .entry(html.as_ptr())
            .or_insert_with(|| expected(html, Some(uri), Some("text/html; charset=utf-8")));
        assert_article(line, want);
    }
}

#[test]
fn warc_plain_gzip_and_zstd() {
    let (records, expect) = crawl(1);
    let dir = temp_dir("warc");
    let plain = dir.join("crawl.warc");
    std::fs::write(&plain, records.concat()).unwrap();
    // A gzip member per record, as crawlers write them.
    let gz = dir.join("crawl.warc.gz");
    let members: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    std::fs::write(&gz, members).unwrap();
    let zst = dir.join("crawl.warc.zst");
    std::fs::write(&zst, zstd::encode_all(&records.concat()[..], 3).unwrap()).unwrap();
    for path in [&plain, &gz, &zst] {
        let path = path.to_str().unwrap();
        let out = run(&[path], None);
        assert_eq!(out.code, 0, "{path}: {}", out.stderr);
        check_warc(&out, path, &expect);
        assert!(
            out.stderr.contains("1 WARC records skipped"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn warc_response_stored_chunked_and_gzip_encoded() {
    let (name, html) = pages().swap_remove(2);
    let mut gz = gzip(&html);
    // Two chunks, as a server might send them.
    let mut response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
        Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        .to_vec();
    let second = gz.split_off(gz.len() / 2);
    for chunk in [&gz, &second] {
        response.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        response.extend_from_slice(chunk);
        response.extend_from_slice(b"\r\n");
    }
    response.extend_from_slice(b"0\r\n\r\n");
    let uri = format!("https://example.vn/{name}.html");
    let dir = temp_dir("chunked");
    let path = dir.join("raw.warc");
    let msgtype = "application/http; msgtype=response";
    std::fs::write(&path, warc_record("response", 1, &uri, msgtype, &response)).unwrap();
    let out = run(&[path.to_str().unwrap()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), 1);
    assert_article(
        &lines[0],
        &expected(&html, Some(&uri), Some("text/html; charset=utf-8")),
    );
}

#[test]
fn order_and_completeness_on_two_workers() {
    // 10 rounds of 9 pages: 90 pages, far more than the window in flight.
    let (records, expect) = crawl(10);
    let dir = temp_dir("order");
    let gz = dir.join("big.warc.gz");
    let members: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    std::fs::write(&gz, members).unwrap();
    let path = gz.to_str().unwrap();
    let out = run(&["-j", "2", path], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    check_warc(&out, path, &expect);
    // Into a file with -o, the same lines.
    let file = dir.join("out.jsonl");
    let again = run(&["-j", "2", "-q", "-o", file.to_str().unwrap(), path], None);
    assert_eq!(again.code, 0);
    assert!(again.stdout.is_empty() && again.stderr.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out.stdout);
}

#[test]
fn truncated_warc_record_is_reported_and_skipped() {
    let (records, expect) = crawl(1);
    let dir = temp_dir("truncated");
    let whole = records.concat();
    // Cut the last page's response in the middle of its body (the image
    // response comes after it).
    let last = records.len() - 2;
    let before: usize = records[..last].iter().map(Vec::len).sum();
    let cut = &whole[..before + records[last].len() / 2];

    let plain = dir.join("cut.warc");
    std::fs::write(&plain, cut).unwrap();
    let gz = dir.join("cut.warc.gz");
    let mut members: Vec<u8> = records[..last].iter().flat_map(|r| gzip(r)).collect();
    let member = gzip(&records[last]);
    members.extend_from_slice(&member[..member.len() / 2]);
    std::fs::write(&gz, members).unwrap();
    // Then another input: nothing after the bad record of the first is lost.
    let next = fixtures().join("cafef-1.html");

    for (path, kind) in [(&plain, "truncated_record"), (&gz, "bad_record")] {
        let path = path.to_str().unwrap();
        let out = run(&[path, next.to_str().unwrap()], None);
        assert_eq!(out.code, 1, "{}", out.stderr);
        let lines = out.lines();
        let pages = expect.len() - 1;
        assert_eq!(lines.len(), pages + 2, "{}", out.stdout);
        check_warc(
            &Run {
                code: 1,
                stdout: out
                    .stdout
                    .lines()
                    .take(pages)
                    .map(|l| format!("{l}\n"))
                    .collect(),
                stderr: String::new(),
            },
            path,
            &expect[..pages],
        );
        let bad = &lines[pages];
        assert_eq!(bad["error"]["kind"], kind, "{bad}");
        assert!(
            bad["input"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{path}#"))
        );
        assert!(
            lines[pages + 1]["input"]
                .as_str()
                .unwrap()
                .ends_with("cafef-1.html")
        );
        assert!(lines[pages + 1]["headline"].is_string());
        assert!(out.stderr.contains("1 unreadable"), "{}", out.stderr);
    }
}

#[test]
fn pages_over_the_limits() {
    let dir = temp_dir("limits");
    // 3 MB of paragraphs: over --max-bytes 1000000, refused unread.
    let big: String = (0..60_000)
        .map(|i| format!("<p>Đoạn văn số {i} của trang.</p>"))
        .collect();
    assert!(big.len() > 1_000_000);
    std::fs::write(dir.join("a-big.html"), &big).unwrap();
    std::fs::write(dir.join("b-big.html.gz"), gzip(big.as_bytes())).unwrap();
    // 150,000 nested <div>s (as in tests/hostile.rs): over --max-nodes 10000.
    let deep = "<div>".repeat(150_000) + "Chữ";
    std::fs::write(dir.join("c-deep.html"), &deep).unwrap();
    // A page of NULs: binary.
    std::fs::write(dir.join("d-nul.html"), vec![0u8; 10_000]).unwrap();
    let good = fixtures().join("cafef-1.html");
    std::fs::copy(&good, dir.join("e-good.html")).unwrap();

    let out = run(
        &[
            "--max-bytes",
            "1000000",
            "--max-nodes",
            "10000",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "judged pages are no failure: {}", out.stderr);
    let lines = out.lines();
    let kinds: Vec<_> = lines.iter().map(|l| l["error"]["kind"].clone()).collect();
    assert_eq!(
        kinds,
        [
            json!("too_large"),
            json!("too_large"),
            json!("too_many_nodes"),
            json!("binary"),
            Value::Null
        ]
    );
    assert_eq!(
        lines[0]["error"],
        json!({
            "kind": "too_large",
            "size": big.len(),
            "limit": 1_000_000,
            "message": format!("input of {} bytes is over the limit of 1000000 bytes", big.len()),
        })
    );
    assert_eq!(
        lines[2]["error"]["message"],
        "document has more than 10000 elements"
    );
    assert!(lines[4]["headline"].is_string());

    // A JSON line far over the limit is skipped unkept; the next is read.
    let long = format!("{{\"html\": \"{}\"}}", "a".repeat(100_000));
    let jsonl = format!("{long}\n{}\n", json!({"id": 2, "html": "<p>x</p>"}));
    let out = run(&["--max-bytes", "1000"], Some(jsonl.as_bytes()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert_eq!(lines[0]["input"], "-:1");
    assert_eq!(lines[0]["error"]["kind"], "too_large");
    assert_eq!(lines[1]["input"], "-:2");
    assert_eq!(lines[1]["id"], 2);

    // With the default limits the deep page is cleaned (its work is linear
    // in its size): it ends, with an article or a judgement.
    let out = run(&[dir.join("c-deep.html").to_str().unwrap()], None);
    assert_eq!(out.code, 0);
    assert_eq!(out.lines().len(), 1);
}

/// Pathological pages of `tests/hostile.rs`, at the tool's default limits:
/// each ends with one line, an article or a judgement.
#[test]
fn pathological_pages_end_at_the_default_limits() {
    let dir = temp_dir("hostile");
    let pages: [(&str, Vec<u8>); 5] = [
        ("a-unclosed", ("<b>".repeat(100_000) + "chữ").into_bytes()),
        ("b-paragraphs", "<p>a".repeat(100_000).into_bytes()),
        (
            "c-table-soup",
            "<table><tr><td><p>ô".repeat(20_000).into_bytes(),
        ),
        ("d-long-line", "chữ ".repeat(250_000).into_bytes()),
        // Over the default --max-bytes (16 MiB): refused unread.
        ("e-huge", vec![b'a'; (16 << 20) + 1]),
    ];
    for (name, bytes) in &pages {
        std::fs::write(dir.join(format!("{name}.html")), bytes).unwrap();
    }
    let out = run(&["-q", dir.to_str().unwrap()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), pages.len());
    for (line, (name, _)) in lines.iter().zip(&pages) {
        assert!(
            line["input"]
                .as_str()
                .unwrap()
                .ends_with(&format!("{name}.html"))
        );
        assert!(
            line["body"].is_array() || line["error"]["kind"].is_string(),
            "{line}"
        );
    }
    assert_eq!(lines[4]["error"]["kind"], "too_large");
}

#[test]
fn exit_codes_for_usage_and_io_errors() {
    let missing = run(&["/nonexistent/page.html"], None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("/nonexistent/page.html"));
    assert!(missing.stdout.is_empty());

    let unknown = run(&[concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")], None);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("unknown kind of input"));

    assert_eq!(run(&["--format", "yaml"], None).code, 2);
    assert_eq!(run(&["--no-such-flag"], None).code, 2);
    assert_eq!(
        run(
            &[
                "-o",
                "/nonexistent/dir/out.jsonl",
                fixtures().to_str().unwrap()
            ],
            None
        )
        .code,
        2
    );

    let help = run(&["--help"], None);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Examples:") && help.stdout.contains("Exit status"));

    // Nothing on stdin: no page, success.
    let empty = run(&[], Some(b""));
    assert_eq!(empty.code, 0);
    assert!(empty.stdout.is_empty());
}
