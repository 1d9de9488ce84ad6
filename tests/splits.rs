//! The tune/check split files (`tests/fixtures/splits/*.tsv`, written by
//! `scripts/corpus/split.py`): well formed, no outlet in both halves of any
//! corpus or across corpora, and every gold page of the corpora stored here
//! has its line (a page added without rerunning `split.py` fails here).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every split file: corpus name to its (page, outlet, half) rows.
fn splits() -> BTreeMap<String, Vec<(String, String, String)>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(fixtures().join("splits")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
            continue;
        }
        let corpus = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("page\toutlet\thalf"), "{corpus}: header");
        let rows = lines
            .enumerate()
            .map(|(i, line)| {
                let cols: Vec<&str> = line.split('\t').collect();
                assert!(
                    cols.len() == 3 && matches!(cols[2], "tune" | "check") && !cols[1].is_empty(),
                    "{corpus}.tsv line {}: {line:?}",
                    i + 2
                );
                (
                    cols[0].to_string(),
                    cols[1].to_string(),
                    cols[2].to_string(),
                )
            })
            .collect();
        out.insert(corpus, rows);
    }
    out
}

#[test]
fn no_outlet_in_both_halves() {
    let mut half_of: HashMap<String, (String, String)> = HashMap::new();
    for (corpus, rows) in splits() {
        let mut pages = BTreeSet::new();
        for (page, outlet, half) in rows {
            assert!(pages.insert(page.clone()), "{corpus}: {page} twice");
            if let Some((h, first)) = half_of.get(&outlet) {
                assert_eq!(
                    h, &half,
                    "outlet {outlet:?}: {half} in {corpus}/{page}, {h} in {first}"
                );
            } else {
                half_of.insert(outlet, (half, format!("{corpus}/{page}")));
            }
        }
    }
}

#[test]
fn every_stored_page_is_split() {
    let splits = splits();
    for corpus in ["seeds", "vi-html", "vi-text", "readability"] {
        let rows = splits
            .get(corpus)
            .unwrap_or_else(|| panic!("no splits/{corpus}.tsv"));
        let split: BTreeSet<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let mut pages = BTreeSet::new();
        for entry in std::fs::read_dir(fixtures().join(corpus)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if let Some(page) = name.strip_suffix(".gold.json") {
                pages.insert(page.to_string());
            }
        }
        let missing: Vec<&String> = pages
            .iter()
            .filter(|p| !split.contains(p.as_str()))
            .collect();
        let stale: Vec<&&str> = split.iter().filter(|p| !pages.contains(**p)).collect();
        assert!(
            missing.is_empty() && stale.is_empty(),
            "{corpus}: pages without a half {missing:?}, split lines without a page {stale:?}: run scripts/corpus/split.py"
        );
    }
    // vi-html and vi-text are the same pages: the same halves.
    let halves = |c: &str| -> Vec<(String, String)> {
        splits[c]
            .iter()
            .map(|r| (r.0.clone(), r.2.clone()))
            .collect()
    };
    assert_eq!(halves("vi-html"), halves("vi-text"));
}
