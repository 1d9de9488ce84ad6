//! Scores the cleaner against gold answers, as `tests/fixtures/GOLD.md` says.
//!
//! ```text
//! cargo run --release --example eval -- DIR [DIR...] [--verbose PAGE]
//! ```
//!
//! Every `NAME.gold.json` in each DIR is scored: its page (`NAME.html` fed to
//! `tinsach::clean_html`, `NAME.txt` to `tinsach::clean_text`) is cleaned and
//! compared with the gold. Prints one table per DIR and its mean line, and
//! with `--verbose PAGE` what differs on that page (missing gold paragraphs,
//! extra body paragraphs, leaked lines). Exits 2 on bad usage or an
//! unreadable folder or gold file.

#[path = "../tests/support/gold.rs"]
mod gold;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: eval DIR [DIR...] [--verbose PAGE]";

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut verbose: Option<String> = None;
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
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut all = Vec::new();
    let mut verbose_found = false;
    for dir in &dirs {
        let golds = match gold::load_dir(dir) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("eval: {e}");
                return ExitCode::from(2);
            }
        };
        let mut scores = Vec::with_capacity(golds.len());
        let mut diffs = Vec::new();
        for g in &golds {
            let result = gold::clean(g);
            scores.push(gold::score(g, &result));
            // A page may be named by its name or its file name.
            let wanted = verbose.as_deref().is_some_and(|v| {
                v == g.name || g.input.file_name().is_some_and(|f| f.to_str() == Some(v))
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
        println!();
        all.extend(scores);
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
    }
    if let Some(page) = verbose.filter(|_| !verbose_found) {
        eprintln!("eval: no page named {page:?} in the folders given");
    }
    ExitCode::SUCCESS
}
