//! Body F1 and headlines of tinsach and its Rust peers (dom_smoothie,
//! rs-trafilatura) on the same gold pages, scored by the same rules
//! (`tests/support/gold.rs`, as `GOLD.md` says), per tune and check half.
//!
//! ```text
//! cargo bench --bench peers -- "$PWD"/tests/fixtures/readability /path/to/devcorpus/wcxb-dev …
//! ```
//!
//! HTML pages only (the peers take no scraped text). A peer's article is
//! its text cut at line breaks into paragraphs, its title as the headline;
//! a peer that fails on a page scores it as an empty article, as tinsach's
//! errors do. The split of each folder is `tests/fixtures/splits/<name>.tsv`.
//! Cargo runs benches from `benches/`: give absolute paths.

#[path = "../tests/support/gold.rs"]
#[allow(unused_imports)]
mod gold;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A peer's output as an `Article` the gold scorer reads.
fn article(title: Option<String>, text: &str) -> tinsach::Article {
    let mut a = tinsach::Article::default();
    a.headline = title.filter(|t| !t.trim().is_empty());
    a.body = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    a
}

fn dom_smoothie(html: &str) -> Result<tinsach::Article, String> {
    let mut r = dom_smoothie::Readability::new(html, None, None).map_err(|e| e.to_string())?;
    let a = r.parse().map_err(|e| e.to_string())?;
    Ok(article(Some(a.title.to_string()), &a.text_content))
}

fn rs_trafilatura(html: &str) -> Result<tinsach::Article, String> {
    let r = rs_trafilatura::extract(html).map_err(|e| e.to_string())?;
    Ok(article(r.metadata.title.clone(), &r.content_text))
}

fn split_of(dir: &Path) -> HashMap<String, String> {
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/splits")
        .join(format!("{name}.tsv"));
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() == 3 && c[2] != "half").then(|| (c[0].to_string(), c[2].to_string()))
        })
        .collect()
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .map(PathBuf::from)
        .collect();
    println!("corpus\thalf\tpages\tcleaner\tF1\theadline\terrors");
    for dir in &dirs {
        let golds = match gold::load_dir(dir) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let halves = split_of(dir);
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        type Run = fn(&gold::Gold) -> Result<tinsach::Article, String>;
        let runs: [(&str, Run); 3] = [
            ("tinsach", |g| gold::clean(g)),
            ("dom_smoothie", |g| {
                let html = String::from_utf8_lossy(&std::fs::read(&g.input).unwrap()).into_owned();
                std::panic::catch_unwind(|| dom_smoothie(&html)).unwrap_or(Err("panic".into()))
            }),
            ("rs_trafilatura", |g| {
                let html = String::from_utf8_lossy(&std::fs::read(&g.input).unwrap()).into_owned();
                std::panic::catch_unwind(|| rs_trafilatura(&html)).unwrap_or(Err("panic".into()))
            }),
        ];
        for half in ["tune", "check"] {
            let pages: Vec<&gold::Gold> = golds
                .iter()
                .filter(|g| g.input.extension().is_some_and(|e| e == "html"))
                .filter(|g| halves.get(&g.name).map(String::as_str) == Some(half))
                .collect();
            if pages.is_empty() {
                continue;
            }
            for (cleaner, run) in runs {
                let scores: Vec<gold::PageScore> =
                    pages.iter().map(|g| gold::score(g, &run(g))).collect();
                let s = gold::summarize(&scores);
                let errors = scores.iter().filter(|p| p.error.is_some()).count();
                println!(
                    "{name}\t{half}\t{}\t{cleaner}\t{:.3}\t{}\t{errors}",
                    s.pages,
                    s.f1,
                    s.headline.cell()
                );
            }
        }
    }
}
