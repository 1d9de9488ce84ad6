//! Cleans every page of the given folders ROUNDS times: the loop that
//! callgrind counts instructions over, so that a speed change can be
//! measured on a loaded machine (wall clock is not comparable there; an
//! instruction count is deterministic).
//!
//! ```text
//! cargo build --release --example rounds
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/r1 target/release/examples/rounds 1 tests/fixtures/vi-html
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/r3 target/release/examples/rounds 3 tests/fixtures/vi-html
//! ```
//!
//! Instructions per round = (3-round total − 1-round total) / 2: the
//! difference leaves out the process's start, the reading of the pages and
//! the one-time compilation of the regular expressions (paid by the first
//! round of both runs). `*.html` pages go through `clean_html`, `*.txt`
//! through `clean_text`; the files are read once, before the first round.

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(rounds) = args.next().and_then(|r| r.parse::<usize>().ok()) else {
        eprintln!("usage: rounds ROUNDS DIR...");
        return std::process::ExitCode::from(2);
    };
    let mut pages: Vec<(bool, Vec<u8>)> = Vec::new();
    for dir in args.map(PathBuf::from) {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                eprintln!("rounds: {}: {e}", dir.display());
                return std::process::ExitCode::from(2);
            }
        };
        files.sort();
        for path in files {
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("txt") => true,
                Some("html") => false,
                _ => continue,
            };
            match std::fs::read(&path) {
                Ok(bytes) => pages.push((text, bytes)),
                Err(e) => {
                    eprintln!("rounds: {}: {e}", path.display());
                    return std::process::ExitCode::from(2);
                }
            }
        }
    }
    let mut articles = 0usize;
    for _ in 0..rounds {
        for (text, bytes) in &pages {
            let ok = if *text {
                tinsach::clean_text(&String::from_utf8_lossy(bytes)).is_ok()
            } else {
                tinsach::clean_html(bytes).is_ok()
            };
            articles += usize::from(ok);
        }
    }
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{} pages, {bytes} bytes, {rounds} rounds, {articles} articles",
        pages.len()
    );
    std::process::ExitCode::SUCCESS
}
