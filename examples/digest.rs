//! Prints a digest of every `Article` the cleaner makes from the fixtures, so
//! that a change meant to keep the output identical (a restructuring, a
//! speed-up) can show that it does.
//!
//! ```text
//! cargo run --release --example digest -- [DIR...]
//! ```
//!
//! With no DIR, digests the four shipped fixture sets under `tests/fixtures`.
//! Each page (`*.html` through `clean_html`, `*.txt` through `clean_text`) is
//! cleaned, the `Debug` form of its result (article or error) is hashed with
//! 64-bit FNV-1a, and one line per folder and one `ALL` line are printed.
//! Pages are taken in file-name order, so the digest does not depend on the
//! order the file system lists them in.

use std::path::{Path, PathBuf};

const FIXTURE_SETS: [&str; 4] = ["seeds", "vi-text", "vi-html", "readability"];

/// 64-bit FNV-1a: a fixed, documented hash, so that digests printed by one
/// build can be compared with another's (std's hashers are seeded).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

fn pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("html" | "txt")) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn main() -> std::process::ExitCode {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        dirs = FIXTURE_SETS.iter().map(|s| root.join(s)).collect();
    }
    let mut all = Fnv::new();
    for dir in &dirs {
        let files = match pages(dir) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("digest: {}: {e}", dir.display());
                return std::process::ExitCode::from(2);
            }
        };
        let mut one = Fnv::new();
        for path in &files {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("digest: {}: {e}", path.display());
                    return std::process::ExitCode::from(2);
                }
            };
            let result = if path.extension().is_some_and(|e| e == "txt") {
                tinsach::clean_text(&String::from_utf8_lossy(&bytes))
            } else {
                tinsach::clean_html(&bytes)
            };
            let line = format!("{result:?}");
            one.write(line.as_bytes());
            all.write(line.as_bytes());
        }
        println!(
            "{:<12} {:>4} pages  {:016x}",
            dir.file_name().unwrap_or_default().to_string_lossy(),
            files.len(),
            one.0
        );
    }
    println!("{:<12} {:>4} pages  {:016x}", "ALL", "", all.0);
    std::process::ExitCode::SUCCESS
}
