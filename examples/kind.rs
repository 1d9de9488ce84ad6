//! Scores the page kind and confidence against labelled pages.
//!
//! ```text
//! cargo run --release --example kind -- DIR... [--split auto|FILE] [--text] [--threshold T] [--dump FILE]
//! ```
//!
//! Every `NAME.gold.json` in each DIR is a page (`NAME.html` or `NAME.txt`)
//! with its kind (`"kind"`: article, listing, collection, forum, product,
//! service, documentation, media; a gold without one is an article) and its
//! URL (`"url"`, passed as [`tinsach::PageInfo::url`]). Each page is
//! cleaned with default settings: a page cleaned is judged an article when
//! its confidence is at least the threshold, a page refused
//! (`ErrorKind::NoArticle`) is judged not an article.
//!
//! Prints, per half of the split (`--split auto` takes
//! `tests/fixtures/splits/<DIR's last component>.tsv`) over all DIRs
//! together: the kind accuracy (gold kinds mapped to `PageKind`: collection
//! and listing are `Listing`, product, service and documentation `Other`),
//! and article-vs-not precision and recall (an article is the positive
//! class) at [`tinsach::SUGGESTED_MIN_CONFIDENCE`] (`SUGGESTED_MIN_CONFIDENCE_TEXT`
//! with `--text`); then the threshold with
//! the best F1 on the tune half, and the lowest-scored articles.
//!
//! `--text` renders each HTML page to text (a line per block, as a scraper
//! saves it) and cleans that with `clean_text`, to score the text path.
//! `--threshold T` scores at T instead.
//! `--dump FILE` writes each page's model input (`tinsach::stages`) as TSV,
//! for fitting the model's weights on the tune half.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use tinsach::{ErrorKind, PageKind};

const USAGE: &str = "usage: kind DIR... [--split auto|FILE] [--text] [--threshold T] [--dump FILE]";

/// One page's gold and verdict.
struct Row {
    dir: String,
    page: String,
    half: String,
    gold: PageKind,
    /// The confidence; 0.0 when the page was refused.
    confidence: f32,
    kind: PageKind,
    vector: Vec<f32>,
}

fn gold_kind(s: &str) -> PageKind {
    match s {
        "article" => PageKind::Article,
        "listing" | "collection" => PageKind::Listing,
        "forum" => PageKind::Forum,
        "media" | "video" | "gallery" => PageKind::Media,
        _ => PageKind::Other,
    }
}

fn read_split(path: &Path) -> HashMap<String, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() == 3 && (c[2] == "tune" || c[2] == "check"))
                .then(|| (c[0].to_string(), c[2].to_string()))
        })
        .collect()
}

/// The page's text as a scraper saves it: a line per block, no markup.
fn render_text(html: &str) -> String {
    use scraper::Node;
    const SKIP: &[&str] = &[
        "script", "style", "noscript", "template", "head", "svg", "iframe", "select",
    ];
    const BLOCK: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "br",
        "article",
        "section",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "figure",
        "figcaption",
        "blockquote",
        "pre",
        "table",
        "form",
        "dd",
        "dt",
        "dl",
        "hr",
        "address",
    ];
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    // Depth-first with an explicit stack (a page nests thousands deep):
    // each element is pushed again, marked, to close it.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if BLOCK.contains(&name) {
                    out.push('\n');
                }
                if closing {
                    continue;
                }
                stack.push((node, true));
            }
            Node::Text(t) => {
                out.push_str(&t.split_whitespace().collect::<Vec<_>>().join(" "));
                if t.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                continue;
            }
            _ => {}
        }
        if !closing {
            let children: Vec<_> = node.children().collect();
            stack.extend(children.into_iter().rev().map(|c| (c, false)));
        }
    }
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn judge(path: &Path, url: Option<&str>, text_mode: bool) -> (f32, PageKind, Vec<f32>) {
    let bytes = std::fs::read(path).unwrap_or_default();
    let is_html = path.extension().is_some_and(|e| e == "html");
    let result;
    let signals;
    if is_html && !text_mode {
        let mut info = tinsach::PageInfo::new();
        if let Some(u) = url {
            info = info.url(u);
        }
        result = tinsach::Cleaner::new().clean_html_with(&bytes, info);
        signals = tinsach::stages::kind_signals_html(&bytes, url);
    } else {
        let text = String::from_utf8_lossy(&bytes);
        let text = if is_html {
            render_text(&text)
        } else {
            text.into_owned()
        };
        result = tinsach::clean_text(&text);
        signals = tinsach::stages::kind_signals_text(&text);
    }
    let vector = signals
        .as_ref()
        .map(|(_, _, s)| tinsach::stages::kind_vector(s))
        .unwrap_or_default();
    match result {
        Ok(a) => (a.confidence, a.kind, vector),
        Err(e) => {
            let kind = match (e.kind(), &signals) {
                (ErrorKind::NoArticle { .. }, Some((k, _, _))) if *k != PageKind::Article => *k,
                _ => PageKind::Other,
            };
            (0.0, kind, vector)
        }
    }
}

/// Precision and recall of "article" at threshold `t`, and counts.
fn pr(rows: &[&Row], t: f32) -> (f32, f32, usize, usize) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for r in rows {
        let said = r.confidence >= t && r.confidence > 0.0;
        let is = r.gold == PageKind::Article;
        match (said, is) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let p = tp as f32 / (tp + fp).max(1) as f32;
    let r = tp as f32 / (tp + fneg).max(1) as f32;
    (p, r, tp + fneg, rows.len() - tp - fneg)
}

fn line(label: &str, rows: &[&Row], t: f32) {
    if rows.is_empty() {
        return;
    }
    let right = rows
        .iter()
        .filter(|r| {
            // A forum-style news post may be named Forum: its first post is
            // the article.
            r.kind == r.gold
        })
        .count();
    let (p, rec, arts, others) = pr(rows, t);
    println!(
        "{label:<24} {:>5} pages ({arts} articles, {others} not)  kind accuracy {:.3}  article P {:.3}  R {:.3}",
        rows.len(),
        right as f32 / rows.len() as f32,
        p,
        rec
    );
}

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut split: Option<String> = None;
    let mut text_mode = false;
    let mut dump: Option<PathBuf> = None;
    let mut threshold: Option<f32> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next(),
            "--text" => text_mode = true,
            "--threshold" => threshold = args.next().and_then(|t| t.parse().ok()),
            "--dump" => dump = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut rows = Vec::new();
    for dir in &dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let halves = match split.as_deref() {
            Some("auto") => read_split(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/splits")
                    .join(format!("{name}.tsv")),
            ),
            Some(f) => read_split(Path::new(f)),
            None => HashMap::new(),
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("kind: cannot read {}", dir.display());
            return ExitCode::from(2);
        };
        let mut names: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        names.sort();
        for gold_path in names {
            let file = gold_path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let page = file.trim_end_matches(".gold.json").to_string();
            let Ok(gold) = std::fs::read_to_string(&gold_path)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|e| e.to_string()))
            else {
                eprintln!("kind: bad gold {}", gold_path.display());
                return ExitCode::from(2);
            };
            let kind = gold_kind(gold["kind"].as_str().unwrap_or("article"));
            let url = gold["url"].as_str();
            let html = dir.join(format!("{page}.html"));
            let path = if html.exists() {
                html
            } else {
                dir.join(format!("{page}.txt"))
            };
            if !path.exists() {
                continue;
            }
            let (confidence, predicted, vector) = judge(&path, url, text_mode);
            rows.push(Row {
                dir: name.clone(),
                page: page.clone(),
                half: halves.get(&page).cloned().unwrap_or_else(|| "-".into()),
                gold: kind,
                confidence,
                kind: predicted,
                vector,
            });
        }
    }
    if let Some(path) = dump {
        let mut out = String::new();
        for r in &rows {
            let v: Vec<String> = r.vector.iter().map(|x| format!("{x:.4}")).collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                r.dir,
                r.page,
                r.half,
                u8::from(r.gold == PageKind::Article),
                r.gold,
                v.join("\t")
            ));
        }
        if let Err(e) = std::fs::write(&path, out) {
            eprintln!("kind: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let t = threshold.unwrap_or(if text_mode {
        tinsach::SUGGESTED_MIN_CONFIDENCE_TEXT
    } else {
        tinsach::SUGGESTED_MIN_CONFIDENCE
    });
    println!(
        "threshold {t:.2} ({} path)",
        if text_mode { "text" } else { "as given" }
    );
    let all: Vec<&Row> = rows.iter().collect();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        for half in ["tune", "check", "-"] {
            let these: Vec<&Row> = all
                .iter()
                .copied()
                .filter(|r| r.dir == name && r.half == half)
                .collect();
            line(&format!("{name} {half}"), &these, t);
        }
    }
    for half in ["tune", "check"] {
        let these: Vec<&Row> = all.iter().copied().filter(|r| r.half == half).collect();
        line(&format!("ALL {half}"), &these, t);
    }
    line("ALL", &all, t);
    // The threshold with the best F1 on the tune half.
    let tune: Vec<&Row> = all.iter().copied().filter(|r| r.half == "tune").collect();
    if !tune.is_empty() {
        let mut best = (0.0f32, 0.5f32);
        for k in 1..100 {
            let th = k as f32 / 100.0;
            let (p, r, _, _) = pr(&tune, th);
            let f = 2.0 * p * r / (p + r).max(1e-6);
            if f > best.0 {
                best = (f, th);
            }
        }
        println!(
            "best-F1 threshold on the tune half: {:.2} (F1 {:.3})",
            best.1, best.0
        );
    }
    let mut arts: Vec<&Row> = all
        .iter()
        .copied()
        .filter(|r| r.gold == PageKind::Article)
        .collect();
    arts.sort_by(|a, b| a.confidence.total_cmp(&b.confidence));
    println!("lowest articles:");
    for r in arts.iter().take(12) {
        println!(
            "  {:.3} {} {}/{} {}",
            r.confidence, r.kind, r.dir, r.page, r.half
        );
    }
    let mut others: Vec<&Row> = all
        .iter()
        .copied()
        .filter(|r| r.gold != PageKind::Article)
        .collect();
    others.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    println!("highest non-articles:");
    for r in others.iter().take(8) {
        println!(
            "  {:.3} {} (gold {}) {}/{} {}",
            r.confidence, r.kind, r.gold, r.dir, r.page, r.half
        );
    }
    ExitCode::SUCCESS
}
