//! Scores the cleaner against gold answers, as `tests/fixtures/GOLD.md` says.
//!
//! ```text
//! cargo run --release --example eval -- DIR [DIR...] [--verbose PAGE|'*'] [--split FILE|auto] [--half tune|check]
//! ```
//!
//! Every `NAME.gold.json` in each DIR is scored: its page (`NAME.html` fed to
//! `tinsach::clean_html`, `NAME.txt` to `tinsach::clean_text`) is cleaned and
//! compared with the gold. Prints one table per DIR and its mean line, and
//! with `--verbose PAGE` what differs on that page (`--verbose '*'`: on every page; missing gold paragraphs,
//! extra body paragraphs, leaked lines). Exits 2 on bad usage or an
//! unreadable folder or gold file.
//!
//! With `--split FILE` each table is followed by the mean line of its tune
//! half and of its check half, as FILE assigns pages (`page<TAB>outlet<TAB>half`,
//! `scripts/corpus/split.py` writes them); `--split auto` takes, for each DIR,
//! `tests/fixtures/splits/<DIR's last component>.tsv` of this repository.
//! Pages the file does not name are counted apart. `--half tune` (or `check`)
//! scores only that half's pages (it needs `--split`): work on failures with
//! `--half tune`, so that check pages are not read page by page. Without
//! `--split` the output is as before.

#[path = "../tests/support/gold.rs"]
mod gold;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: eval DIR [DIR...] [--verbose PAGE|'*'] [--split FILE|auto] [--half tune|check]";

/// Which split file a folder's halves come from.
enum Split {
    /// No halves.
    None,
    /// One file for every folder.
    File(PathBuf),
    /// `tests/fixtures/splits/<folder name>.tsv`.
    Auto,
}

/// Reads a split file: page name to half.
fn read_split(path: &Path) -> Result<HashMap<String, String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut halves = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') || line.starts_with("page\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            [page, _outlet, half @ ("tune" | "check")] => {
                halves.insert((*page).to_string(), (*half).to_string());
            }
            _ => {
                return Err(format!(
                    "{}:{}: not page<TAB>outlet<TAB>tune|check",
                    path.display(),
                    i + 1
                ));
            }
        }
    }
    Ok(halves)
}

fn count(n: Option<usize>) -> String {
    n.map_or_else(|| "-".to_string(), |n| n.to_string())
}

/// One mean line for a set of pages.
fn mean_line(label: &str, scores: &[gold::PageScore]) -> String {
    let s = gold::summarize(scores);
    format!(
        "{label} {} pages: mean F1 {:.3}  P {:.3}  R {:.3}  headline {}  dateline {}  outlet {}  leaks {}  dups {}  caps {}  errors {}",
        s.pages,
        s.f1,
        s.precision,
        s.recall,
        s.headline.cell(),
        s.dateline.cell(),
        s.outlet.cell(),
        count(s.leaks),
        count(s.duplicates),
        count(s.captions_in_body),
        s.errors
    )
}

/// The tune and check mean lines (and the pages the split does not name).
fn half_lines(
    scores: &[gold::PageScore],
    halves: &HashMap<String, String>,
    prefix: &str,
) -> String {
    let mut out = String::new();
    for half in ["tune", "check"] {
        let part: Vec<gold::PageScore> = scores
            .iter()
            .filter(|p| halves.get(&p.name).is_some_and(|h| h == half))
            .cloned()
            .collect();
        if part.is_empty() {
            continue;
        }
        out.push_str(&mean_line(&format!("{prefix}{half:<5}"), &part));
        out.push('\n');
    }
    let unsplit: Vec<&str> = scores
        .iter()
        .filter(|p| !halves.contains_key(&p.name))
        .map(|p| p.name.as_str())
        .collect();
    if !unsplit.is_empty() {
        out.push_str(&format!(
            "{prefix}{} pages not in the split: {}\n",
            unsplit.len(),
            unsplit.join(" ")
        ));
    }
    out
}

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut verbose: Option<String> = None;
    let mut split = Split::None;
    let mut only_half: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => match args.next() {
                Some(page) => verbose = Some(page),
                None => {
                    eprintln!("--verbose needs a page name\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--split" => match args.next() {
                Some(f) if f == "auto" => split = Split::Auto,
                Some(f) => split = Split::File(PathBuf::from(f)),
                None => {
                    eprintln!("--split needs a file or auto\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--half" => match args.next() {
                Some(h) if h == "tune" || h == "check" => only_half = Some(h),
                _ => {
                    eprintln!("--half needs tune or check\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() || (only_half.is_some() && matches!(split, Split::None)) {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut all = Vec::new();
    // Page names of different folders may clash: the halves of all folders
    // are kept by (folder, page).
    let mut all_halves = HashMap::new();
    let mut verbose_found = false;
    for (dir_index, dir) in dirs.iter().enumerate() {
        let split_file = match &split {
            Split::None => None,
            Split::File(f) => Some(f.clone()),
            Split::Auto => dir
                .file_name()
                .and_then(|n| n.to_str())
                .map(|n| {
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("tests/fixtures/splits")
                        .join(format!("{n}.tsv"))
                })
                .filter(|f| f.exists()),
        };
        if matches!(split, Split::Auto) && split_file.is_none() {
            eprintln!("eval: no split file for {}", dir.display());
        }
        let halves = match split_file.as_deref().map(read_split).transpose() {
            Ok(h) => h,
            Err(e) => {
                eprintln!("eval: {e}");
                return ExitCode::from(2);
            }
        };
        let mut golds = match gold::load_dir(dir) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("eval: {e}");
                return ExitCode::from(2);
            }
        };
        if let Some(half) = &only_half {
            // Pages the split does not name are left out too.
            golds.retain(|g| {
                halves
                    .as_ref()
                    .is_some_and(|h| h.get(&g.name).is_some_and(|x| x == half))
            });
        }
        let mut scores = Vec::with_capacity(golds.len());
        let mut diffs = Vec::new();
        for g in &golds {
            let result = gold::clean(g);
            scores.push(gold::score(g, &result));
            // A page may be named by its name or its file name.
            let wanted = verbose.as_deref().is_some_and(|v| {
                v == "*"
                    || v == g.name
                    || g.input.file_name().is_some_and(|f| f.to_str() == Some(v))
            });
            if wanted {
                verbose_found = true;
                diffs.push(format!(
                    "-- {}\n{}",
                    g.input.display(),
                    gold::diff(g, &result)
                ));
            }
        }
        println!("== {} ({} pages)", dir.display(), golds.len());
        print!("{}", gold::format_table(&scores));
        for d in diffs {
            println!("\n{d}");
        }
        if let Some(halves) = &halves {
            print!("{}", half_lines(&scores, halves, ""));
            for p in &scores {
                if let Some(h) = halves.get(&p.name) {
                    all_halves.insert(format!("{dir_index}/{}", p.name), h.clone());
                }
            }
        }
        println!();
        all.extend(scores.into_iter().map(|mut p| {
            if halves.is_some() {
                p.name = format!("{dir_index}/{}", p.name);
            }
            p
        }));
    }
    if dirs.len() > 1 {
        let s = gold::summarize(&all);
        println!(
            "== all {} pages: mean F1 {:.3}  P {:.3}  R {:.3}  headline {}  dateline {}",
            s.pages,
            s.f1,
            s.precision,
            s.recall,
            s.headline.cell(),
            s.dateline.cell()
        );
        if !matches!(split, Split::None) {
            print!("{}", half_lines(&all, &all_halves, "== all "));
        }
    }
    if let Some(page) = verbose.filter(|_| !verbose_found) {
        eprintln!("eval: no page named {page:?} in the folders given");
    }
    ExitCode::SUCCESS
}
