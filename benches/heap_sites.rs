//! Where the heap is at its peak during one clean: the allocation sites
//! live at that moment, largest first, with their call stacks.
//!
//! ```text
//! CARGO_PROFILE_BENCH_DEBUG=1 cargo bench --bench heap_sites -- /abs/path/FILE [TOP]
//! ```
//!
//! A `.txt` file goes through `clean_text`, any other through `clean_html`
//! (as in `memory.rs`, whose peaks this breaks down). Debug info names the
//! sites' files and lines; without it only function names show. The full
//! profile is written to `dhat-heap.json` in the working directory
//! (`benches/` under `cargo bench`), readable with dhat's viewer
//! (`dh_view.html`).
//!
//! The crate's regular expressions are compiled by a warm-up clean before
//! the profile starts, so the peak is the call's own.

use std::process::ExitCode;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Sites printed when no count is given.
const TOP: usize = 12;

/// Frames of a site's stack printed: the allocating function of the crate
/// and its callers.
const FRAMES: usize = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: heap_sites FILE [TOP]");
        return ExitCode::FAILURE;
    };
    let top = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(TOP);
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = path
        .ends_with(".txt")
        .then(|| String::from_utf8_lossy(&bytes).into_owned());
    let _ = tinsach::clean_text("Một dòng.\nHai dòng.");
    let _ = tinsach::clean_html(b"<p>warm up</p>");
    let file = "dhat-heap.json";
    {
        let _profiler = dhat::Profiler::builder().file_name(file).build();
        let _ = match &text {
            Some(t) => tinsach::clean_text(t).is_ok(),
            None => tinsach::clean_html(&bytes).is_ok(),
        };
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("dhat wrote its profile"))
            .expect("dhat's profile is JSON");
    let frames: Vec<&str> = json["ftbl"]
        .as_array()
        .map(|t| t.iter().filter_map(|f| f.as_str()).collect())
        .unwrap_or_default();
    let mut sites: Vec<(u64, u64, Vec<usize>)> = json["pps"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let stack = p["fs"].as_array().into_iter().flatten();
            (
                p["gb"].as_u64().unwrap_or(0),
                p["gbk"].as_u64().unwrap_or(0),
                stack
                    .filter_map(|f| f.as_u64())
                    .map(|f| f as usize)
                    .collect(),
            )
        })
        .collect();
    sites.sort_by_key(|s| std::cmp::Reverse(s.0));
    let total: u64 = sites.iter().map(|s| s.0).sum();
    println!(
        "{path}: {} bytes, peak heap {total} ({:.1} a byte)",
        bytes.len(),
        total as f64 / bytes.len().max(1) as f64
    );
    for (live, blocks, stack) in sites.iter().take(top).filter(|s| s.0 > 0) {
        let ours: Vec<&str> = stack
            .iter()
            .filter_map(|&f| frames.get(f).copied())
            .filter(|f| f.contains("tinsach::"))
            .map(|f| f.split_once(": ").map_or(f, |(_, name)| name))
            .take(FRAMES)
            .collect();
        let indent = format!("\n{:34}", "");
        println!("{live:>12} in {blocks:>7} blocks  {}", ours.join(&indent));
    }
    ExitCode::SUCCESS
}
