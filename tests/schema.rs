//! The JSON of articles and errors (the `serde` feature) against its written
//! description, `docs/SCHEMA.md`, both ways: every key the JSON holds is in
//! the document with its type, every key the document lists is in the JSON
//! of some fixture article (or of the error kinds that carry it), and the
//! names of roles, reasons and error kinds are the document's.

#![cfg(feature = "serde")]

#[path = "support/common.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use serde_json::Value;
use tinsach::{BlockRole, ErrorKind, NoArticleReason, PageKind, Reason, TeaserKind};

/// The tables of the document: for each section (its `##` or `###`
/// heading), the rows whose first cell is a backticked name, as their
/// cells, backticks kept.
fn schema_tables() -> BTreeMap<String, Vec<Vec<String>>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/SCHEMA.md");
    let doc = fs::read_to_string(path).expect("docs/SCHEMA.md");
    let mut tables: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    let mut section = String::new();
    for line in doc.lines() {
        if let Some(heading) = line.strip_prefix("## ").or(line.strip_prefix("### ")) {
            section = heading.trim().to_string();
        } else if line.starts_with("| `") {
            let cells = line
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect();
            tables.entry(section.clone()).or_default().push(cells);
        }
    }
    tables
}

/// The backticked names in a cell: "`a` `b`" → ["a", "b"].
fn names(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The first cell's one name in each row of a section.
fn first_names(tables: &BTreeMap<String, Vec<Vec<String>>>, section: &str) -> BTreeSet<String> {
    let rows = tables
        .get(section)
        .unwrap_or_else(|| panic!("no table under {section:?}"));
    rows.iter().flat_map(|r| names(&r[0])).collect()
}

/// The documented type words of a key ("string or null" → string, null).
fn type_words(cell: &str) -> BTreeSet<&str> {
    cell.split(" or ").map(str::trim).collect()
}

/// The type word of a JSON value.
fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every key path of `value` (`a.b`, an array's items as `a[]`) with the
/// types seen there.
fn key_paths(value: &Value, path: &str, out: &mut BTreeMap<String, BTreeSet<&'static str>>) {
    if !path.is_empty() {
        out.entry(path.to_string())
            .or_default()
            .insert(type_of(value));
    }
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let p = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                key_paths(v, &p, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                key_paths(v, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The articles of the shipped fixture pages, as JSON.
fn fixture_articles() -> Vec<Value> {
    let mut out = Vec::new();
    for dir in ["seeds", "vi-text", "vi-html", "readability"] {
        let mut files: Vec<_> = fs::read_dir(common::fixtures_dir().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files {
            let result = match path.extension().and_then(|e| e.to_str()) {
                Some("html") => tinsach::clean_html(&fs::read(&path).unwrap()),
                Some("txt") => tinsach::clean_text(&fs::read_to_string(&path).unwrap()),
                _ => continue,
            };
            if let Ok(article) = result {
                out.push(serde_json::to_value(&article).unwrap());
            }
        }
    }
    assert!(out.len() > 100, "fixtures missing: {} articles", out.len());
    out
}

#[test]
fn article_keys_and_types_are_the_documented_ones() {
    let tables = schema_tables();
    let documented: BTreeMap<String, String> = tables["Article"]
        .iter()
        .map(|row| (names(&row[0]).remove(0), row[1].clone()))
        .collect();
    let mut seen = BTreeMap::new();
    for article in fixture_articles() {
        key_paths(&article, "", &mut seen);
    }
    let undocumented: Vec<_> = seen
        .keys()
        .filter(|k| !documented.contains_key(*k))
        .collect();
    let never_seen: Vec<_> = documented
        .keys()
        .filter(|k| !seen.contains_key(*k))
        .collect();
    assert!(
        undocumented.is_empty() && never_seen.is_empty(),
        "in the JSON, not in docs/SCHEMA.md: {undocumented:?}; \
         in docs/SCHEMA.md, in no fixture's JSON: {never_seen:?}"
    );
    for (key, types) in &seen {
        let allowed = type_words(&documented[key]);
        for t in types {
            // An integer is a number too.
            let ok = allowed.contains(t) || (*t == "integer" && allowed.contains("number"));
            assert!(ok, "{key} is {t}, documented as {:?}", documented[key]);
        }
    }
}

#[test]
fn role_reason_and_kind_names_are_the_documented_ones() {
    let tables = schema_tables();

    // Roles: the documented names read back and print as themselves.
    let roles = first_names(&tables, "Block roles");
    let mut role_names: BTreeSet<String> = roles
        .iter()
        .filter(|n| !n.starts_with("heading_"))
        .cloned()
        .collect();
    role_names.extend((1..=6).map(|level| format!("heading_{level}")));
    for name in &role_names {
        let role: BlockRole = serde_json::from_value(Value::from(name.as_str()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(&role.to_string(), name);
    }
    let all_roles = [
        BlockRole::Paragraph,
        BlockRole::ListItem,
        BlockRole::Quote,
        BlockRole::TableCell,
        BlockRole::Preformatted,
        BlockRole::Caption,
    ];
    for role in all_roles.into_iter().chain((1..=6).map(BlockRole::Heading)) {
        assert!(
            role_names.contains(&role.to_string()),
            "{role} undocumented"
        );
    }

    // Reasons: each documented name reads back as a reason of that name,
    // and every reason the fixtures give is documented (that every reason
    // is, the crate's own tests check with its list of them).
    let documented = first_names(&tables, "Reasons");
    for name in &documented {
        let reason: Reason = serde_json::from_value(Value::from(name.as_str()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(reason.name(), name);
        assert_eq!(
            serde_json::to_value(reason).unwrap(),
            Value::from(name.as_str())
        );
    }
    assert!(documented.contains(Reason::Teaser(TeaserKind::PowerCut).name()));
    assert!(serde_json::from_value::<Reason>(Value::from("teaser")).is_err());
    for article in fixture_articles() {
        for piece in article["removed"].as_array().unwrap() {
            let reason = piece["reason"].as_str().unwrap();
            assert!(documented.contains(reason), "{reason} undocumented");
        }
    }

    // The page kinds the `kind` row names.
    let kind_row = &tables["Article"]
        .iter()
        .find(|r| r[0] == "`kind`")
        .expect("a kind row")[2];
    for kind in [
        PageKind::Article,
        PageKind::Listing,
        PageKind::Media,
        PageKind::Forum,
        PageKind::Other,
    ] {
        let json = serde_json::to_value(kind).unwrap();
        assert_eq!(json, Value::from(kind.to_string()));
        assert!(names_in(kind_row).contains(&kind.to_string()), "{kind}");
    }
}

/// The backticked names anywhere in a text.
fn names_in(text: &str) -> BTreeSet<String> {
    names(text).into_iter().collect()
}

#[test]
fn error_keys_are_the_documented_ones() {
    let tables = schema_tables();
    // Field → the kinds that carry it (None: all).
    let fields: Vec<(String, String, Option<BTreeSet<String>>)> = tables["Error"]
        .iter()
        .map(|row| {
            let kinds = (row[2] != "all").then(|| names_in(&row[2]));
            (names(&row[0]).remove(0), row[1].clone(), kinds)
        })
        .collect();
    let kinds = [
        ErrorKind::EmptyInput,
        ErrorKind::TooLarge {
            size: 2048,
            limit: 1024,
        },
        ErrorKind::TooManyNodes { limit: 10 },
        ErrorKind::Binary,
        ErrorKind::WorkLimit { limit: 1000 },
        ErrorKind::NoArticle {
            why: NoArticleReason::NoBody,
        },
        ErrorKind::NotAnArticle {
            kind: PageKind::Listing,
            confidence: 0.25,
        },
    ];
    let documented_kinds = first_names(&tables, "Error kinds");
    let names: BTreeSet<String> = kinds.iter().map(|k| k.name().to_string()).collect();
    assert_eq!(names, documented_kinds);
    for kind in &kinds {
        let json = serde_json::to_value(kind).unwrap();
        let Value::Object(map) = &json else {
            panic!("{json} is not an object")
        };
        let got: BTreeSet<&str> = map.keys().map(String::as_str).collect();
        let want: BTreeSet<&str> = fields
            .iter()
            .filter(|(_, _, only)| only.as_ref().is_none_or(|k| k.contains(kind.name())))
            .map(|(f, _, _)| f.as_str())
            .collect();
        assert_eq!(got, want, "{json}");
        for (field, types, _) in &fields {
            if let Some(v) = map.get(field) {
                let allowed = type_words(types);
                assert!(allowed.contains(type_of(v)), "{field} of {json}");
            }
        }
        assert_eq!(json["kind"], kind.name());
        assert_eq!(json["message"], kind.to_string());
    }
    // An Error serialises as its kind.
    let err = tinsach::clean_text(" ").unwrap_err();
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        serde_json::to_value(err.kind()).unwrap()
    );
}
