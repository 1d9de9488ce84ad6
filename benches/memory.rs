//! Peak heap of one `clean_html` call per page, as a multiple of the page's
//! size.
//!
//! ```text
//! cargo bench --bench memory                               # the vi-html pages
//! cargo bench --bench memory -- "$PWD"/tests/fixtures/readability/*.html
//! cargo bench --bench memory -- "$PWD"/tests/fixtures/vi-text/*.txt
//! ```
//!
//! A `.txt` page goes through `clean_text` (scraped text), any other
//! through `clean_html`.
//!
//! A bench target of the `tinsach-bench` package (not an example, so that
//! `cargo test` does not build the package's dev-dependencies); cargo runs
//! it from `benches/`, so give pages as absolute paths.
//!
//! The heap is counted by dhat's global allocator (a dev-dependency, so no
//! `unsafe` of ours). A fresh profiler is started after the page is read
//! and stopped after the article is dropped, so the peak counts exactly the
//! bytes live at once during the call: the decoded text, the tree, the
//! blocks, the features and the article; not the input bytes themselves.
//! Counting slows allocation down, so this measures memory, not time.
//!
//! Every page is cleaned once before measuring: the first call compiles the
//! crate's regular expressions and sizes their match caches, a one-time cost
//! of the process (printed first, as "one-time") that no later page pays.
//! The ratios are the steady state of a process cleaning many pages.
//!
//! The `parse` column is the peak of the parse stage alone (html5ever into
//! the lean tree, then blocks), measured the same way on the decoded text:
//! it shows which part of the peak the tree and its blocks account for.

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The target of the speed issue: peak heap at most this many times the page.
const LIMIT: f64 = 8.0;

/// The peak heap, in bytes, while `f` runs (its result included), and
/// `f`'s result, or `Err` when it panicked.
fn peak_of<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> (usize, std::thread::Result<T>) {
    let profiler = dhat::Profiler::builder()
        .testing()
        .trim_backtraces(Some(4))
        .build();
    let outcome = std::panic::catch_unwind(f);
    let peak = dhat::HeapStats::get().max_bytes;
    drop(profiler);
    (peak, outcome)
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` to a bench without the libtest harness.
    let args: Vec<PathBuf> = std::env::args_os()
        .skip(1)
        .filter(|a| a != "--bench")
        .map(PathBuf::from)
        .collect();
    let pages: Vec<common::Page> = if args.is_empty() {
        common::load("vi-html", "html")
    } else {
        args.iter()
            .map(|path| {
                common::Page::new(
                    path.display().to_string(),
                    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
                )
            })
            .collect()
    };
    let (once, _) = peak_of(|| {
        for page in &pages {
            let _ = tinsach::clean_html(page.bytes());
            let _ = tinsach::clean_text(&String::from_utf8_lossy(page.bytes()));
        }
    });
    println!("one-time (regex compile, caches, all pages once): {once} bytes");
    println!(
        "{:<28} {:>10} {:>12} {:>7} {:>7}",
        "page", "bytes", "peak heap", "ratio", "parse"
    );
    let mut worst: f64 = 0.0;
    let mut failed = false;
    for page in &pages {
        let size = page.bytes().len().max(1) as f64;
        // A `.txt` page is scraped text: `clean_text`, and no parse column.
        let text = page.name.ends_with(".txt");
        let (peak, outcome) = peak_of(|| {
            if text {
                tinsach::clean_text(page.text()).is_ok()
            } else {
                tinsach::clean_html(page.bytes()).is_ok()
            }
        });
        let parse_peak = if text {
            0
        } else {
            let decoded = tinsach::stages::decode(page.bytes());
            peak_of(|| tinsach::stages::parse_html(&decoded).len()).0
        };
        let ratio = peak as f64 / size;
        let note = match outcome {
            Ok(true) => "",
            Ok(false) => "  (no article)",
            Err(_) => {
                failed = true;
                "  (panicked)"
            }
        };
        worst = worst.max(ratio);
        println!(
            "{:<28} {:>10} {:>12} {:>6.2}× {:>6.2}×{note}",
            page.name,
            page.bytes().len(),
            peak,
            ratio,
            parse_peak as f64 / size
        );
    }
    println!("worst ratio {worst:.2}× (target ≤ {LIMIT}×)");
    if failed || worst > LIMIT {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
