//! End-to-end throughput of the `tinsach` binary from a WARC file of the
//! fixture pages (`tests/fixtures/vi-html`, one gzip member a record, with a
//! request record before each response), on one worker and on all cores,
//! beside the library's own `clean_html` on the same pages in the same run;
//! peak memory (RSS, from `/usr/bin/time`) on a 100-page and a 10,000-page
//! WARC; and trafilatura's CLI on the same pages as files when `trafilatura`
//! is on the PATH (its CLI reads no WARC).
//!
//! `cargo bench -p tinsach-cli` (about a minute with the build and the
//! 10,000-page run). Pages/s count HTML pages; MB/s count the pages' HTML
//! bytes (10^6 B), not the compressed WARC.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tinsach");
/// Rounds of the nine pages in the throughput WARC: 270 pages, 61 MB.
const ROUNDS: usize = 30;
/// Each timing is the best of this many runs (the machine is shared).
const RUNS: usize = 3;

fn pages() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/vi-html");
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    pages.sort();
    pages
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn record(kind: &str, n: usize, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
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

/// One round of the crawl as gzip members: a request and a response per page.
fn round(pages: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (name, html)) in pages.iter().enumerate() {
        let uri = format!("https://example.vn/{name}.html");
        let request = format!("GET /{name}.html HTTP/1.1\r\nHost: example.vn\r\n\r\n");
        out.extend(gzip(&record(
            "request",
            2 * i,
            &uri,
            "application/http; msgtype=request",
            request.as_bytes(),
        )));
        let mut response =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        response.extend_from_slice(html);
        out.extend(gzip(&record(
            "response",
            2 * i + 1,
            &uri,
            "application/http; msgtype=response",
            &response,
        )));
    }
    out
}

fn write_warc(path: &Path, round: &[u8], rounds: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for _ in 0..rounds {
        file.write_all(round).unwrap();
    }
    file.flush().unwrap();
}

/// Wall and CPU time (user + system, from `/usr/bin/time`) of one run.
struct Timing {
    wall: Duration,
    cpu: Option<Duration>,
}

/// The run of `RUNS` with the least CPU time (else wall time), output to
/// /dev/null. On a shared machine the wall time of a run depends on the
/// load; its CPU time much less.
fn time_cli(args: &[&str]) -> Timing {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let out = Command::new("/usr/bin/time")
                .args(["-f", "%U %S"])
                .arg(BIN)
                .args(args)
                .stdout(Stdio::null())
                .output();
            let wall = start.elapsed();
            let cpu = out.ok().and_then(|out| {
                assert!(out.status.success());
                let stderr = String::from_utf8_lossy(&out.stderr);
                let mut parts = stderr.lines().last()?.split_whitespace();
                let user: f64 = parts.next()?.parse().ok()?;
                let system: f64 = parts.next()?.parse().ok()?;
                Some(Duration::from_secs_f64(user + system))
            });
            Timing { wall, cpu }
        })
        .min_by_key(|t| t.cpu.unwrap_or(t.wall))
        .unwrap()
}

/// CPU time of this thread so far (Linux), in nanoseconds.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Peak resident set of one run, in MiB, if `/usr/bin/time` is there.
fn peak_rss(args: &[&str]) -> Option<f64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(BIN)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kib: f64 = stderr.lines().last()?.trim().parse().ok()?;
    Some(kib / 1024.0)
}

fn report(what: &str, pages: usize, bytes: usize, time: &Timing, base: Option<f64>) -> f64 {
    let rate = |d: Duration| {
        let secs = d.as_secs_f64();
        (pages as f64 / secs, bytes as f64 / 1e6 / secs)
    };
    let (wall_pages, wall_mbs) = rate(time.wall);
    let Some(cpu) = time.cpu else {
        println!("{what:<40} wall {wall_pages:>7.1} pages/s {wall_mbs:>6.1} MB/s");
        return wall_mbs;
    };
    let (cpu_pages, cpu_mbs) = rate(cpu);
    let ratio = base.map_or(String::new(), |b| {
        format!("  {:.2}× the library", cpu_mbs / b)
    });
    println!(
        "{what:<40} wall {wall_pages:>7.1} pages/s {wall_mbs:>6.1} MB/s; \
         per CPU-second {cpu_pages:>7.1} pages {cpu_mbs:>6.1} MB{ratio}"
    );
    cpu_mbs
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored.
    let pages = pages();
    let page_bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let dir = std::env::temp_dir().join(format!("tinsach-cli-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let one_round = round(&pages);
    let warc: PathBuf = dir.join("crawl.warc.gz");
    write_warc(&warc, &one_round, ROUNDS);
    let n = pages.len() * ROUNDS;
    let bytes = page_bytes * ROUNDS;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "WARC of {n} pages ({:.1} MB of HTML, {:.1} MB gzip), {cores} cores",
        bytes as f64 / 1e6,
        std::fs::metadata(&warc).unwrap().len() as f64 / 1e6
    );

    // The library alone, one thread, the same pages with the same PageInfo.
    let cleaner = tinsach::Cleaner::builder().keep_removed(false).build();
    let lib = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let cpu = thread_cpu();
            for _ in 0..ROUNDS {
                for (name, html) in &pages {
                    let url = format!("https://example.vn/{name}.html");
                    let info = tinsach::PageInfo::new()
                        .url(&url)
                        .content_type("text/html; charset=utf-8");
                    std::hint::black_box(cleaner.clean_html_with(html, info).unwrap());
                }
            }
            Timing {
                wall: start.elapsed(),
                cpu: cpu.zip(thread_cpu()).map(|(a, b)| b - a),
            }
        })
        .min_by_key(|t| t.cpu.unwrap_or(t.wall))
        .unwrap();
    let base = report("library clean_html_with, 1 thread", n, bytes, &lib, None);
    let path = warc.to_str().unwrap();
    let one = time_cli(&["-q", "-j", "1", path]);
    report(
        "tinsach -j 1 (WARC gzip → JSON lines)",
        n,
        bytes,
        &one,
        Some(base),
    );
    let plain = dir.join("crawl.warc");
    let mut decoder = flate2::read::MultiGzDecoder::new(std::fs::File::open(&warc).unwrap());
    std::io::copy(&mut decoder, &mut std::fs::File::create(&plain).unwrap()).unwrap();
    let uncompressed = time_cli(&["-q", "-j", "1", plain.to_str().unwrap()]);
    report(
        "tinsach -j 1, uncompressed WARC",
        n,
        bytes,
        &uncompressed,
        Some(base),
    );
    let all = time_cli(&["-q", "-j", &cores.to_string(), path]);
    report(&format!("tinsach -j {cores}"), n, bytes, &all, Some(base));
    println!(
        "  scaling of wall time, -j {cores} ÷ -j 1: {:.2}× (load average now {})",
        one.wall.as_secs_f64() / all.wall.as_secs_f64(),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .unwrap_or("?")
    );

    // Peak memory: flat in the input's length.
    let small = dir.join("small.warc.gz");
    let large = dir.join("large.warc.gz");
    write_warc(&small, &one_round, 11);
    write_warc(&large, &one_round, 1111);
    let j = cores.to_string();
    if let (Some(s), Some(l)) = (
        peak_rss(&["-q", "-j", &j, small.to_str().unwrap()]),
        peak_rss(&["-q", "-j", &j, large.to_str().unwrap()]),
    ) {
        println!(
            "peak RSS -j {cores}: {s:.1} MiB on {} pages, {l:.1} MiB on {} pages ({:+.0}%)",
            11 * pages.len(),
            1111 * pages.len(),
            (l / s - 1.0) * 100.0
        );
    }

    // trafilatura's CLI on the same pages as files (it reads no WARC).
    let has_trafilatura = Command::new("trafilatura")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if has_trafilatura {
        let rounds = 4;
        let files = dir.join("pages");
        std::fs::create_dir_all(&files).unwrap();
        for r in 0..rounds {
            for (name, html) in &pages {
                std::fs::write(files.join(format!("{r}-{name}.html")), html).unwrap();
            }
        }
        let out = dir.join("trafilatura-out");
        let n = rounds * pages.len();
        for (j, label) in [
            ("1", "trafilatura --parallel 1 (files → JSON)".to_owned()),
            (&*j, format!("trafilatura --parallel {cores}")),
        ] {
            let _ = std::fs::remove_dir_all(&out);
            let start = Instant::now();
            let run = Command::new("/usr/bin/time")
                .args([
                    "-f",
                    "%U %S",
                    "trafilatura",
                    "--input-dir",
                    files.to_str().unwrap(),
                ])
                .arg("--output-dir")
                .arg(&out)
                .args(["--json", "--parallel", j])
                .stdout(Stdio::null())
                .output()
                .unwrap();
            let wall = start.elapsed();
            assert!(run.status.success());
            // Its worker processes are children too: time counts them.
            let stderr = String::from_utf8_lossy(&run.stderr);
            let cpu = stderr.lines().last().and_then(|l| {
                let mut parts = l.split_whitespace();
                let user: f64 = parts.next()?.parse().ok()?;
                let system: f64 = parts.next()?.parse().ok()?;
                Some(Duration::from_secs_f64(user + system))
            });
            report(
                &label,
                n,
                rounds * page_bytes,
                &Timing { wall, cpu },
                Some(base),
            );
        }
    } else {
        println!("trafilatura: not on the PATH, not measured");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
