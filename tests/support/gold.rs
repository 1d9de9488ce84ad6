//! Gold answers and how a cleaned article is scored against them, exactly as
//! `tests/fixtures/GOLD.md` says. Shared by `tests/quality.rs` and
//! `examples/eval.rs` (each includes this file with `#[path]`); the text
//! folding and the fixtures' place come from `common.rs` beside it.
//!
//! Which checks a page takes part in is decided by the gold's optional
//! `scored` list; without one every check is scored. The names it may hold:
//!
//! | name         | checks                                                        |
//! |--------------|---------------------------------------------------------------|
//! | `body`       | token precision, recall, F1                                   |
//! | `headline`   | headline                                                      |
//! | `dateline`   | the dateline's instant, to the minute                         |
//! | `source`     | source (value or alias)                                       |
//! | `outlet`     | outlet (value or alias)                                       |
//! | `leaks`      | `not_body` lines in the body, and gold captions in the body   |
//! | `duplicates` | equal body paragraphs, and the article's captions in its body |
//!
//! Gold captions in the body go with `leaks` because GOLD.md counts captions
//! among the lines that must not be body; a text scrape whose gold scores
//! only leaks is still checked for them.

// Each including target uses a different part of this module.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tinsach::{Article, DateTime};
use unicode_normalization::UnicodeNormalization;

#[path = "common.rs"]
pub mod common;
use common::fold;

/// One page's gold answer, loaded from `NAME.gold.json`.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The page's name: its file name without extension.
    pub name: String,
    /// The page itself (`NAME.html` or `NAME.txt`), beside the gold file.
    pub input: PathBuf,
    /// The headline; `None` when gold has none (null or empty).
    pub headline: Option<String>,
    /// The publication instant; `None` when gold's dateline or its datetime
    /// is null (the cleaner must then claim none).
    pub datetime: Option<DateTime>,
    /// The source and the spellings that count as it.
    pub source: Option<String>,
    /// Other spellings of the source.
    pub source_aliases: Vec<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// Other spellings of the outlet.
    pub outlet_aliases: Vec<String>,
    /// Body paragraphs in order.
    pub body: Vec<String>,
    /// Captions, each once.
    pub captions: Vec<String>,
    /// Lines that must not appear in the body.
    pub not_body: Vec<String>,
    /// The gold's `scored` list; `None` means every check is scored.
    pub scored: Option<Vec<String>>,
}

impl Gold {
    /// Whether the named check (see the module table) is scored for this
    /// page.
    pub fn scores(&self, what: &str) -> bool {
        self.scored
            .as_ref()
            .is_none_or(|list| list.iter().any(|s| s == what))
    }
}

fn opt_str(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

fn str_list(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Parses an RFC 3339 date-time (`2023-03-29T21:20:00+07:00`, `…Z`,
/// optional fraction of a second).
pub fn parse_rfc3339(s: &str) -> Option<DateTime> {
    let b = s.as_bytes();
    if b.len() < 20 || !s.is_ascii() {
        return None;
    }
    let num = |from: usize, to: usize| s.get(from..to)?.parse::<u32>().ok();
    let sep_ok = b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b't' | b' ')
        && b[13] == b':'
        && b[16] == b':';
    if !sep_ok {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset: i32 = match rest {
        "Z" | "z" => 0,
        _ => {
            let rb = rest.as_bytes();
            if rb.len() != 6 || rb[3] != b':' {
                return None;
            }
            let sign = match rb[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let h: i32 = rest[1..3].parse().ok()?;
            let m: i32 = rest[4..6].parse().ok()?;
            sign * (h * 60 + m)
        }
    };
    DateTime::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        i16::try_from(offset).ok()?,
    )
}

/// Loads one `NAME.gold.json`.
pub fn load(path: &Path) -> Result<Gold, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("{}: not a UTF-8 file name", path.display()))?;
    let name = file_name
        .strip_suffix(".gold.json")
        .ok_or_else(|| format!("{}: not a .gold.json file", path.display()))?
        .to_string();
    let input_name =
        opt_str(&v, "input").ok_or_else(|| format!("{}: no \"input\" key", path.display()))?;
    let input = path.with_file_name(input_name);
    let datetime = match v.get("dateline").and_then(|d| d.get("datetime")) {
        Some(Value::String(s)) => Some(
            parse_rfc3339(s)
                .ok_or_else(|| format!("{}: bad dateline datetime {s:?}", path.display()))?,
        ),
        _ => None,
    };
    let scored = v
        .get("scored")
        .filter(|s| !s.is_null())
        .map(|_| str_list(&v, "scored"));
    Ok(Gold {
        name,
        input,
        headline: opt_str(&v, "headline"),
        datetime,
        source: opt_str(&v, "source"),
        source_aliases: str_list(&v, "source_aliases"),
        outlet: opt_str(&v, "outlet"),
        outlet_aliases: str_list(&v, "outlet_aliases"),
        body: str_list(&v, "body"),
        captions: str_list(&v, "captions"),
        not_body: str_list(&v, "not_body"),
        scored,
    })
}

/// Loads every `*.gold.json` of a folder, sorted by page name.
pub fn load_dir(dir: &Path) -> Result<Vec<Gold>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut golds = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let is_gold = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gold.json"));
        if is_gold {
            golds.push(load(&path)?);
        }
    }
    golds.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(golds)
}

/// Cleans the gold's page: a `.html` file with `tinsach::clean_html`, any
/// other with `tinsach::clean_text`. A read or clean failure, or a panic,
/// is the error's message.
pub fn clean(gold: &Gold) -> Result<Article, String> {
    let bytes = std::fs::read(&gold.input).map_err(|e| format!("{}: {e}", gold.input.display()))?;
    let is_html = gold
        .input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html"));
    let text = if is_html {
        None
    } else {
        let text = String::from_utf8(bytes.clone())
            .map_err(|e| format!("{}: {e}", gold.input.display()))?;
        Some(text)
    };
    // A panic is scored as a failed page rather than ending the whole run:
    // one broken page must not hide the scores of the others.
    let result = std::panic::catch_unwind(|| match &text {
        None => tinsach::clean_html(&bytes),
        Some(text) => tinsach::clean_text(text),
    });
    match result {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("panicked: {message}"))
        }
    }
}

/// NFC normalisation.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// The form paragraphs and lines are compared in: [`fold`]ed (NFC, white
/// space folded as the cleaner folds it), case kept.
pub fn para_key(s: &str) -> String {
    fold(s)
}

/// The form headline, source and outlet are compared in: case folded, then
/// [`fold`]ed (NFC, white space folded).
pub fn name_key(s: &str) -> String {
    fold(&nfc(s).to_lowercase())
}

/// Body tokens: runs of Unicode letters and digits after NFC and case
/// folding, counted as a multiset.
pub fn tokens<'a>(paragraphs: impl IntoIterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for p in paragraphs {
        let folded = nfc(&nfc(p).to_lowercase());
        for tok in folded.split(|c: char| !c.is_alphanumeric()) {
            if !tok.is_empty() {
                *counts.entry(tok.to_string()).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Precision, recall and F1 of a predicted token multiset against gold.
/// Both empty is a perfect score; one empty is zero.
pub fn prf(predicted: &HashMap<String, usize>, gold: &HashMap<String, usize>) -> (f64, f64, f64) {
    let n_pred: usize = predicted.values().sum();
    let n_gold: usize = gold.values().sum();
    if n_pred == 0 && n_gold == 0 {
        return (1.0, 1.0, 1.0);
    }
    if n_pred == 0 || n_gold == 0 {
        return (0.0, 0.0, 0.0);
    }
    let overlap: usize = predicted
        .iter()
        .map(|(tok, &n)| n.min(gold.get(tok).copied().unwrap_or(0)))
        .sum();
    let p = overlap as f64 / n_pred as f64;
    let r = overlap as f64 / n_gold as f64;
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

/// Whether a line counts as in the body (GOLD.md's leak rule): it equals a
/// whole body paragraph, or is contained in one whose length is under twice
/// its own. Both sides must already be in [`para_key`] form.
pub fn in_body(line: &str, body: &[String]) -> bool {
    if line.is_empty() {
        return false;
    }
    let len = line.chars().count();
    body.iter()
        .any(|p| p == line || (p.contains(line) && p.chars().count() < 2 * len))
}

/// The outcome of one yes/no check on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// Whether the gold scores this check.
    pub scored: bool,
    /// Whether gold gives a value (when it does not, passing means the
    /// cleaner claimed none).
    pub gold_given: bool,
    /// Whether the cleaner got it right.
    pub pass: bool,
}

impl Check {
    /// The table cell: `-` not scored, `✓` right, `✗` wrong.
    pub fn cell(&self) -> &'static str {
        match (self.scored, self.pass) {
            (false, _) => "-",
            (true, true) => "✓",
            (true, false) => "✗",
        }
    }

    /// Whether this check is scored and failed.
    pub fn failed(&self) -> bool {
        self.scored && !self.pass
    }

    /// Whether this check is scored, gold gives a value, and it failed.
    pub fn failed_where_given(&self) -> bool {
        self.failed() && self.gold_given
    }
}

fn name_check(
    scored: bool,
    gold: Option<&String>,
    aliases: &[String],
    got: Option<&String>,
) -> Check {
    let pass = match (gold, got) {
        (None, got) => got.is_none_or(|g| g.trim().is_empty()),
        (Some(_), None) => false,
        (Some(value), Some(got)) => {
            let got = name_key(got);
            std::iter::once(value)
                .chain(aliases)
                .any(|v| name_key(v) == got)
        }
    };
    Check {
        scored,
        gold_given: gold.is_some(),
        pass,
    }
}

/// One page's score.
#[derive(Debug, Clone)]
pub struct PageScore {
    /// The page's name.
    pub name: String,
    /// Body token precision (`None` when body is not scored).
    pub precision: Option<f64>,
    /// Body token recall.
    pub recall: Option<f64>,
    /// Body token F1.
    pub f1: Option<f64>,
    /// Headline.
    pub headline: Check,
    /// Dateline instant, to the minute.
    pub dateline: Check,
    /// Source.
    pub source: Check,
    /// Outlet.
    pub outlet: Check,
    /// `not_body` lines found in the body (`None`: not scored).
    pub leaks: Option<Vec<String>>,
    /// Duplicated body paragraphs, and the article's captions kept as body
    /// paragraphs (`None`: not scored). An equal pair counts once.
    pub duplicates: Option<Vec<String>>,
    /// Gold captions found in the body (`None`: not scored).
    pub captions_in_body: Option<Vec<String>>,
    /// The cleaner's error, when it failed (scored as an empty article).
    pub error: Option<String>,
}

impl PageScore {
    /// Every check this page fails, as short labels, for failure messages.
    /// With `names_where_given`, headline, source and outlet count only
    /// where gold gives them; the dateline always counts (GOLD.md: where gold
    /// has no full date the cleaner must claim none).
    pub fn failures(&self, f1_floor: f64, names_where_given: bool) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(e) = &self.error {
            out.push(format!("error: {e}"));
        }
        if let Some(f1) = self.f1.filter(|&f| f < f1_floor) {
            out.push(format!("F1 {f1:.3} < {f1_floor}"));
        }
        if self.dateline.failed() {
            out.push("dateline".to_string());
        }
        for (label, check) in [
            ("headline", self.headline),
            ("source", self.source),
            ("outlet", self.outlet),
        ] {
            let failed = if names_where_given {
                check.failed_where_given()
            } else {
                check.failed()
            };
            if failed {
                out.push(label.to_string());
            }
        }
        for (label, list) in [
            ("leaks", &self.leaks),
            ("duplicates", &self.duplicates),
            ("captions in body", &self.captions_in_body),
        ] {
            if let Some(list) = list.as_ref().filter(|l| !l.is_empty()) {
                out.push(format!("{label} {list:?}"));
            }
        }
        out
    }
}

/// Scores a cleaner's result for one page. A failed clean is scored as an
/// empty article and keeps its error.
pub fn score(gold: &Gold, result: &Result<Article, String>) -> PageScore {
    let empty = Article::default();
    let (article, error) = match result {
        Ok(a) => (a, None),
        Err(e) => (&empty, Some(e.clone())),
    };
    let body: Vec<String> = article.body.iter().map(|p| para_key(p)).collect();

    let (precision, recall, f1) = if gold.scores("body") {
        let (p, r, f) = prf(&tokens(&article.body), &tokens(&gold.body));
        (Some(p), Some(r), Some(f))
    } else {
        (None, None, None)
    };

    let got_dt = article.dateline.as_ref().and_then(|d| d.datetime);
    let dateline = Check {
        scored: gold.scores("dateline"),
        gold_given: gold.datetime.is_some(),
        pass: match (gold.datetime, got_dt) {
            (None, got) => got.is_none(),
            (Some(want), Some(got)) => want.unix_minutes() == got.unix_minutes(),
            (Some(_), None) => false,
        },
    };

    let leaks_scored = gold.scores("leaks");
    let leaks = leaks_scored.then(|| {
        gold.not_body
            .iter()
            .filter(|line| in_body(&para_key(line), &body))
            .cloned()
            .collect()
    });
    let captions_in_body = leaks_scored.then(|| {
        gold.captions
            .iter()
            .filter(|c| in_body(&para_key(c), &body))
            .cloned()
            .collect()
    });

    let duplicates = gold.scores("duplicates").then(|| {
        let mut dups = Vec::new();
        for (i, p) in body.iter().enumerate() {
            for q in &body[i + 1..] {
                if p == q {
                    dups.push(p.clone());
                }
            }
        }
        for c in &article.captions {
            let c = para_key(c);
            if !c.is_empty() && body.contains(&c) {
                dups.push(c);
            }
        }
        dups
    });

    PageScore {
        name: gold.name.clone(),
        precision,
        recall,
        f1,
        headline: name_check(
            gold.scores("headline"),
            gold.headline.as_ref(),
            &[],
            article.headline.as_ref(),
        ),
        dateline,
        source: name_check(
            gold.scores("source"),
            gold.source.as_ref(),
            &gold.source_aliases,
            article.source.as_ref(),
        ),
        outlet: name_check(
            gold.scores("outlet"),
            gold.outlet.as_ref(),
            &gold.outlet_aliases,
            article.outlet.as_ref(),
        ),
        leaks,
        duplicates,
        captions_in_body,
        error,
    }
}

/// Cleans and scores every page of a folder.
pub fn score_dir(dir: &Path) -> Result<Vec<PageScore>, String> {
    Ok(load_dir(dir)?.iter().map(|g| score(g, &clean(g))).collect())
}

/// Passes out of scored pages, for one check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Pages that passed.
    pub pass: usize,
    /// Pages where the check is scored.
    pub of: usize,
}

impl Tally {
    fn add(&mut self, c: Check) {
        if c.scored {
            self.of += 1;
            self.pass += usize::from(c.pass);
        }
    }

    /// `pass/of`, or `-` when no page scores it.
    pub fn cell(&self) -> String {
        if self.of == 0 {
            "-".to_string()
        } else {
            format!("{}/{}", self.pass, self.of)
        }
    }
}

/// Means and totals over a set of pages.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Pages whose body is scored (the means are over these).
    pub body_pages: usize,
    /// Mean body precision.
    pub precision: f64,
    /// Mean body recall.
    pub recall: f64,
    /// Mean body F1.
    pub f1: f64,
    /// Headlines right.
    pub headline: Tally,
    /// Datelines right.
    pub dateline: Tally,
    /// Sources right.
    pub source: Tally,
    /// Outlets right.
    pub outlet: Tally,
    /// Leaked lines, over pages that score leaks (`None`: none do).
    pub leaks: Option<usize>,
    /// Duplicates, over pages that score them.
    pub duplicates: Option<usize>,
    /// Gold captions in the body, over pages that score them.
    pub captions_in_body: Option<usize>,
    /// Pages the cleaner failed on.
    pub errors: usize,
}

fn add_count(total: &mut Option<usize>, list: &Option<Vec<String>>) {
    if let Some(l) = list {
        *total = Some(total.unwrap_or(0) + l.len());
    }
}

/// Sums up page scores.
pub fn summarize(scores: &[PageScore]) -> Summary {
    let mut s = Summary {
        pages: scores.len(),
        ..Summary::default()
    };
    for page in scores {
        if let (Some(p), Some(r), Some(f)) = (page.precision, page.recall, page.f1) {
            s.body_pages += 1;
            s.precision += p;
            s.recall += r;
            s.f1 += f;
        }
        s.headline.add(page.headline);
        s.dateline.add(page.dateline);
        s.source.add(page.source);
        s.outlet.add(page.outlet);
        add_count(&mut s.leaks, &page.leaks);
        add_count(&mut s.duplicates, &page.duplicates);
        add_count(&mut s.captions_in_body, &page.captions_in_body);
        s.errors += usize::from(page.error.is_some());
    }
    if s.body_pages > 0 {
        let n = s.body_pages as f64;
        s.precision /= n;
        s.recall /= n;
        s.f1 /= n;
    }
    s
}

fn num_cell(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn len_cell(x: &Option<Vec<String>>) -> String {
    x.as_ref()
        .map_or_else(|| "-".to_string(), |l| l.len().to_string())
}

fn total_cell(x: Option<usize>) -> String {
    x.map_or_else(|| "-".to_string(), |n| n.to_string())
}

/// The per-page table followed by the mean line.
pub fn format_table(scores: &[PageScore]) -> String {
    let s = summarize(scores);
    let mean_label = format!("mean ({} pages)", s.pages);
    let w = scores
        .iter()
        .map(|p| p.name.chars().count())
        .chain([mean_label.chars().count(), 4])
        .max()
        .unwrap_or(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<w$}  {:>5}  {:>5}  {:>5}  {:^5}  {:^5}  {:^5}  {:^5}  {:>5}  {:>4}  {:>4}",
        "page", "F1", "P", "R", "head", "date", "src", "outl", "leaks", "dups", "caps"
    );
    for p in scores {
        let _ = write!(
            out,
            "{:<w$}  {:>5}  {:>5}  {:>5}  {:^5}  {:^5}  {:^5}  {:^5}  {:>5}  {:>4}  {:>4}",
            p.name,
            num_cell(p.f1),
            num_cell(p.precision),
            num_cell(p.recall),
            p.headline.cell(),
            p.dateline.cell(),
            p.source.cell(),
            p.outlet.cell(),
            len_cell(&p.leaks),
            len_cell(&p.duplicates),
            len_cell(&p.captions_in_body),
        );
        if let Some(e) = &p.error {
            let _ = write!(out, "  error: {e}");
        }
        out.push('\n');
    }
    let has_body = s.body_pages > 0;
    let _ = writeln!(
        out,
        "{:<w$}  {:>5}  {:>5}  {:>5}  {:^5}  {:^5}  {:^5}  {:^5}  {:>5}  {:>4}  {:>4}{}",
        mean_label,
        num_cell(has_body.then_some(s.f1)),
        num_cell(has_body.then_some(s.precision)),
        num_cell(has_body.then_some(s.recall)),
        s.headline.cell(),
        s.dateline.cell(),
        s.source.cell(),
        s.outlet.cell(),
        total_cell(s.leaks),
        total_cell(s.duplicates),
        total_cell(s.captions_in_body),
        if s.errors > 0 {
            format!("  ({} errors)", s.errors)
        } else {
            String::new()
        },
    );
    out
}

/// What differs between the cleaner's article and gold, for one page:
/// fields, gold paragraphs missing from the body, body paragraphs not in
/// gold, and leaked lines. Paragraphs are compared whole, in
/// [`para_key`] form.
pub fn diff(gold: &Gold, result: &Result<Article, String>) -> String {
    let mut out = String::new();
    let article = match result {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(out, "error: {e}");
            return out;
        }
    };
    let show = |o: Option<&String>| o.map_or_else(|| "(none)".to_string(), |s| format!("{s:?}"));
    let got_dt = article.dateline.as_ref().and_then(|d| d.datetime);
    let show_dt = |d: Option<DateTime>| d.map_or_else(|| "(none)".to_string(), |d| d.to_string());
    let _ = writeln!(out, "headline  want {}", show(gold.headline.as_ref()));
    let _ = writeln!(out, "          got  {}", show(article.headline.as_ref()));
    let _ = writeln!(out, "dateline  want {}", show_dt(gold.datetime));
    let _ = writeln!(out, "          got  {}", show_dt(got_dt));
    let _ = writeln!(out, "source    want {}", show(gold.source.as_ref()));
    let _ = writeln!(out, "          got  {}", show(article.source.as_ref()));
    let _ = writeln!(out, "outlet    want {}", show(gold.outlet.as_ref()));
    let _ = writeln!(out, "          got  {}", show(article.outlet.as_ref()));

    let got: Vec<String> = article.body.iter().map(|p| para_key(p)).collect();
    let want: Vec<String> = gold.body.iter().map(|p| para_key(p)).collect();
    let section = |out: &mut String, title: &str, items: Vec<&String>| {
        let _ = writeln!(out, "\n{title} ({}):", items.len());
        for item in items {
            let _ = writeln!(out, "  - {item}");
        }
    };
    section(
        &mut out,
        "missing gold paragraphs",
        want.iter().filter(|p| !got.contains(p)).collect(),
    );
    section(
        &mut out,
        "extra body paragraphs",
        got.iter().filter(|p| !want.contains(p)).collect(),
    );
    section(
        &mut out,
        "leaked lines",
        gold.not_body
            .iter()
            .chain(&gold.captions)
            .filter(|l| in_body(&para_key(l), &got))
            .collect(),
    );
    out
}
