use super::*;

/// The month lookups index by a name's first and last byte as small
/// ASCII letters: a name added to [`MONTHS`] that opens or ends
/// otherwise ("març") would make them panic on every line with a year.
#[test]
fn month_names_open_and_end_with_small_ascii_letters() {
    for (name, _) in MONTHS {
        let b = name.as_bytes();
        assert!(b[0].is_ascii_lowercase(), "{name}");
        assert!(b[b.len() - 1].is_ascii_lowercase(), "{name}");
    }
}

/// The separator lists make the classes the patterns were written
/// with: every mark escaped, none dropped.
#[test]
fn regex_class_escapes_every_mark() {
    assert_eq!(regex_class(WEEKDAY_SEPS), r"[,\-–—]");
    assert_eq!(
        regex_class(TIME_SEPS.iter().copied().chain(['@'])),
        r"[,\|\-–—·•@]"
    );
    assert_eq!(
        regex_class(DATE_SEPS.iter().map(|&b| char::from(b))),
        r"[/\.\-]"
    );
    assert_eq!(regex_class(THANG_YEAR_MARKS.iter().copied()), "[,/]");
}

/// A found date as "YYYY-MM-DD[ HH:MM[:SS]][ ±offset-minutes]".
fn describe(f: &Found) -> String {
    let mut s = format!("{:04}-{:02}-{:02}", f.year, f.month, f.day);
    if let Some((h, m, sec)) = f.time {
        s += &format!(" {h:02}:{m:02}");
        if sec != 0 {
            s += &format!(":{sec:02}");
        }
    }
    if let Some(o) = f.offset {
        s += &format!(" {o:+}");
    }
    s
}

/// (line, expected (printed text, date)) — `None`: no full date.
const FIND: &[(&str, Option<(&str, &str)>)] = &[
    // Corpus shapes.
    (
        "VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7",
        Some((
            "Thứ tư, ngày 29/03/2023 21:20 GMT+7",
            "2023-03-29 21:20 +420",
        )),
    ),
    (
        "Thứ Ba, 14/12/2021, 18:51 [GMT+7]",
        Some(("Thứ Ba, 14/12/2021, 18:51 [GMT+7]", "2021-12-14 18:51 +420")),
    ),
    (
        "Thứ bảy, 07/03/2026 - 08:07",
        Some(("Thứ bảy, 07/03/2026 - 08:07", "2026-03-07 08:07")),
    ),
    (
        "Thứ Bảy, 07/03/2026 - 08:52",
        Some(("Thứ Bảy, 07/03/2026 - 08:52", "2026-03-07 08:52")),
    ),
    (
        "07-03-2026 - 09:40 AM",
        Some(("07-03-2026 - 09:40 AM", "2026-03-07 09:40")),
    ),
    (
        "07-03-2026 - 00:01 AM | Thị trường chứng khoán",
        Some(("07-03-2026 - 00:01 AM", "2026-03-07 00:01")),
    ),
    (
        "07-03-2026 - 09:40 AM | Bất động sản",
        Some(("07-03-2026 - 09:40 AM", "2026-03-07 09:40")),
    ),
    (
        "07/03/2026 08:06 GMT+7",
        Some(("07/03/2026 08:06 GMT+7", "2026-03-07 08:06 +420")),
    ),
    (
        "07/03/2026 08:52 (GMT+07:00)",
        Some(("07/03/2026 08:52 (GMT+07:00)", "2026-03-07 08:52 +420")),
    ),
    (
        "07/03/2026   08:52 (GMT+07:00)",
        Some(("07/03/2026   08:52 (GMT+07:00)", "2026-03-07 08:52 +420")),
    ),
    (
        "Chủ nhật, 2/2/2025 05:01 (GMT+7)",
        Some(("Chủ nhật, 2/2/2025 05:01 (GMT+7)", "2025-02-02 05:01 +420")),
    ),
    (
        "Thứ năm, 2/11/2023, 19:20 (GMT+7)",
        Some(("Thứ năm, 2/11/2023, 19:20 (GMT+7)", "2023-11-02 19:20 +420")),
    ),
    (
        "Thứ bảy, 7/3/2026, 00:05 (GMT+7)",
        Some(("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "2026-03-07 00:05 +420")),
    ),
    (
        "07:12 ngày 24/03/2024",
        Some(("07:12 ngày 24/03/2024", "2024-03-24 07:12")),
    ),
    (
        "08:47 | 07/03/2026",
        Some(("08:47 | 07/03/2026", "2026-03-07 08:47")),
    ),
    (
        "23:02 , 06/03/2026",
        Some(("23:02 , 06/03/2026", "2026-03-06 23:02")),
    ),
    (
        "Nguyên Minh - 07/03/2026 08:47",
        Some(("07/03/2026 08:47", "2026-03-07 08:47")),
    ),
    (
        "01/03/2026 09:51",
        Some(("01/03/2026 09:51", "2026-03-01 09:51")),
    ),
    (
        "01/03/2026  09:51",
        Some(("01/03/2026  09:51", "2026-03-01 09:51")),
    ),
    (
        "Thứ Bảy, Ngày 07 tháng 03 năm 2026,",
        Some(("Thứ Bảy, Ngày 07 tháng 03 năm 2026", "2026-03-07")),
    ),
    (
        "ngày 7 tháng 3 năm 2026",
        Some(("ngày 7 tháng 3 năm 2026", "2026-03-07")),
    ),
    (
        "Thứ tư, 22/10/2025",
        Some(("Thứ tư, 22/10/2025", "2025-10-22")),
    ),
    // Beyond the corpus.
    (
        "2024-03-24 07:12",
        Some(("2024-03-24 07:12", "2024-03-24 07:12")),
    ),
    (
        "2025-10-22T19:25:52+07:00",
        Some(("2025-10-22T19:25:52+07:00", "2025-10-22 19:25:52 +420")),
    ),
    (
        "March 7, 2026, 9:40 AM",
        Some(("March 7, 2026, 9:40 AM", "2026-03-07 09:40")),
    ),
    ("7 March 2026", Some(("7 March 2026", "2026-03-07"))),
    (
        "Mar 7, 2026 09:40 GMT",
        Some(("Mar 7, 2026 09:40 GMT", "2026-03-07 09:40 +0")),
    ),
    (
        "Updated 14:05 GMT, 7 March 2026",
        Some(("14:05 GMT, 7 March 2026", "2026-03-07 14:05 +0")),
    ),
    (
        "Published March 7, 2026 12:30 PM GMT-5 by staff",
        Some(("March 7, 2026 12:30 PM GMT-5", "2026-03-07 12:30 -300")),
    ),
    (
        "7 March 2026 12:30 AM UTC+05:30",
        Some(("7 March 2026 12:30 AM UTC+05:30", "2026-03-07 00:30 +330")),
    ),
    (
        "Saturday, 7th of March, 2026 at 8:15 p.m. EST",
        Some((
            "Saturday, 7th of March, 2026 at 8:15 p.m. EST",
            "2026-03-07 20:15 -300",
        )),
    ),
    (
        "Sat, 07 Mar 2026 08:52:11 +0700",
        Some((
            "Sat, 07 Mar 2026 08:52:11 +0700",
            "2026-03-07 08:52:11 +420",
        )),
    ),
    (
        "Le samedi 7 mars 2026 à 09h40",
        Some(("samedi 7 mars 2026 à 09h40", "2026-03-07 09:40")),
    ),
    (
        "Samstag, 7. März 2026, 09:40 Uhr",
        Some(("Samstag, 7. März 2026, 09:40", "2026-03-07 09:40")),
    ),
    (
        "7 de marzo de 2026",
        Some(("7 de marzo de 2026", "2026-03-07")),
    ),
    (
        "2026年3月7日 08:52",
        Some(("2026年3月7日 08:52", "2026-03-07 08:52")),
    ),
    (
        "08h52 ngày 7/3/2026",
        Some(("08h52 ngày 7/3/2026", "2026-03-07 08:52")),
    ),
    (
        "T7, 07/03/2026 08:52 ICT",
        Some(("T7, 07/03/2026 08:52 ICT", "2026-03-07 08:52 +420")),
    ),
    (
        "07.03.2026 08:52",
        Some(("07.03.2026 08:52", "2026-03-07 08:52")),
    ),
    // Month first only when day first is impossible.
    (
        "03/29/2023 10:00",
        Some(("03/29/2023 10:00", "2023-03-29 10:00")),
    ),
    ("03/04/2023", Some(("03/04/2023", "2023-04-03"))),
    // 12-hour clock edges.
    (
        "07/03/2026 12:30 AM",
        Some(("07/03/2026 12:30 AM", "2026-03-07 00:30")),
    ),
    (
        "07/03/2026 12:30 PM",
        Some(("07/03/2026 12:30 PM", "2026-03-07 12:30")),
    ),
    (
        "07/03/2026 07:00 Amsterdam",
        Some(("07/03/2026 07:00", "2026-03-07 07:00")),
    ),
    // An impossible time is not part of the date.
    ("07/03/2026 25:00", Some(("07/03/2026", "2026-03-07"))),
    // Brackets must pair.
    (
        "07/03/2026 08:52 (GMT+7",
        Some(("07/03/2026 08:52", "2026-03-07 08:52")),
    ),
    (
        "07/03/2026 08:52 GMT+7)",
        Some(("07/03/2026 08:52 GMT+7", "2026-03-07 08:52 +420")),
    ),
    // Body sentences: the date alone, without what follows.
    (
        "Ngày 20/2/2023, FLC bị hủy niêm yết bắt buộc trên HOSE với gần 710 triệu cổ phiếu.",
        Some(("Ngày 20/2/2023", "2023-02-20")),
    ),
    (
        "Nghị định này có hiệu lực thi hành từ ngày 31/01/2026.",
        Some(("ngày 31/01/2026", "2026-01-31")),
    ),
    // A date without a year is skipped, a later full one found.
    (
        "Ngày 4/7, hội nghị họp; ngày 5/7/2024 bế mạc",
        Some(("ngày 5/7/2024", "2024-07-05")),
    ),
    (
        "31/02/2026 rồi 01/03/2026",
        Some(("01/03/2026", "2026-03-01")),
    ),
    // No full date.
    ("Ngày 4/7", None),
    ("Chiều 29/3", None),
    ("Sáng 24-11", None),
    ("31/02/2026", None),
    ("13/13/2026", None),
    ("Nghị định số 357/2025/NĐ-CP", None),
    ("Quyết định 12/07/2024/QĐ-UBND", None),
    ("99999999999/3/2026", None),
    ("7/3/20266", None),
    ("1.234.07/03/2026", None),
    ("giá 3.000.000 đồng", None),
    ("năm 2026", None),
    ("tháng 3/2026", None),
    ("Summar 7, 2026", None),
    ("", None),
    ("1", None),
    ("2026", None),
    ("//--..", None),
    ("٠٧/٠٣/٢٠٢٦", None),
    ("０７/０３/２０２６", None),
    ("7/3/0999", None),
];

#[test]
fn find_table() {
    let mut failures = Vec::new();
    for &(line, want) in FIND {
        let got = find(line).map(|f| (f.text(line).to_string(), describe(&f)));
        let want = want.map(|(t, d)| (t.to_string(), d.to_string()));
        if got != want {
            failures.push(format!("{line:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parse_dateline_offsets() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7",
            Some("2023-03-29T21:20:00+07:00"),
        ),
        (
            "Thứ Bảy, 07/03/2026 - 08:52",
            Some("2026-03-07T08:52:00+07:00"),
        ),
        ("07:12 ngày 24/03/2024", Some("2024-03-24T07:12:00+07:00")),
        // Printed offset wins over the Vietnamese default.
        (
            "Thứ Bảy, 07/03/2026 08:52 GMT-5",
            Some("2026-03-07T08:52:00-05:00"),
        ),
        (
            "Updated 14:05 GMT, 7 March 2026",
            Some("2026-03-07T14:05:00Z"),
        ),
        // No printed offset, nothing Vietnamese: unknown.
        ("07/03/2026 08:52", None),
        ("March 7, 2026, 9:40 AM", None),
        // No time, no year.
        ("Thứ Bảy, Ngày 07 tháng 03 năm 2026,", None),
        ("Chiều 29/3 lúc 14:00", None),
    ];
    for &(text, want) in cases {
        let got = parse_dateline(text).map(|d| d.to_string());
        assert_eq!(got.as_deref(), want, "{text:?}");
    }
}

#[test]
fn machine_table() {
    // (input, default offset, expected (RFC 3339, has_time))
    type Row = (&'static str, Option<i16>, Option<(&'static str, bool)>);
    let cases: &[Row] = &[
        (
            "2026-03-07T08:52:11.000 +07:00",
            None,
            Some(("2026-03-07T08:52:11+07:00", true)),
        ),
        (
            "2025-10-22T19:25:52+07:00",
            None,
            Some(("2025-10-22T19:25:52+07:00", true)),
        ),
        (
            "2026-03-07T00:01:00",
            Some(420),
            Some(("2026-03-07T00:01:00+07:00", true)),
        ),
        ("2026-03-07T00:01:00", None, None),
        (
            "2023-11-02 19:20:45",
            Some(420),
            Some(("2023-11-02T19:20:45+07:00", true)),
        ),
        (
            "20231102",
            Some(420),
            Some(("2023-11-02T00:00:00+07:00", false)),
        ),
        (
            "2023-11-02",
            Some(420),
            Some(("2023-11-02T00:00:00+07:00", false)),
        ),
        ("2023-11-02", None, None),
        (
            "2023-11-02T19:20:45Z",
            Some(420),
            Some(("2023-11-02T19:20:45Z", true)),
        ),
        (
            "2023-11-02T19:20:45+0700",
            None,
            Some(("2023-11-02T19:20:45+07:00", true)),
        ),
        (
            "2023-11-02T19:20+07",
            None,
            Some(("2023-11-02T19:20:00+07:00", true)),
        ),
        (
            "20231102T192045Z",
            None,
            Some(("2023-11-02T19:20:45Z", true)),
        ),
        (
            " 2023-11-02T19:20:45-05:30 ",
            None,
            Some(("2023-11-02T19:20:45-05:30", true)),
        ),
        (
            "2023-11-02T19:20:45.123456Z",
            None,
            Some(("2023-11-02T19:20:45Z", true)),
        ),
        (
            "2023-11-02T19:20:45 GMT+7",
            None,
            Some(("2023-11-02T19:20:45+07:00", true)),
        ),
        (
            "Sat, 07 Mar 2026 08:52:11 +0700",
            None,
            Some(("2026-03-07T08:52:11+07:00", true)),
        ),
        ("2023-02-30T10:00:00Z", None, None),
        ("2023-11-02T24:00:00Z", None, None),
        ("2023-11-02T19:20:45+25:00", None, None),
        ("2023-11-02T19:20:45 junk", None, None),
        ("1699000000", Some(0), None),
        ("", Some(0), None),
        ("not a date", Some(0), None),
    ];
    for &(input, def, want) in cases {
        let got = parse_machine_full(input, def).map(|m| (m.datetime.to_string(), m.has_time));
        let want = want.map(|(s, t)| (s.to_string(), t));
        assert_eq!(got, want, "{input:?}");
        assert_eq!(
            parse_machine_full(input, def).map(|m| m.datetime.to_string()),
            want.map(|(s, _)| s),
            "{input:?}"
        );
    }
}

#[test]
fn share_tells_datelines_from_sentences() {
    let datelines = [
        "Thứ Bảy, 07/03/2026 - 08:52",
        "07-03-2026 - 09:40 AM | Bất động sản",
        "Nguyên Minh - 07/03/2026 08:47",
        "VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7",
        "Thứ Bảy, Ngày 07 tháng 03 năm 2026,",
    ];
    // The examples of `share`'s documentation, with the shares it states.
    let documented = [
        ("Thứ Ba, 12/05/2026 - 08:52", 1.0),
        ("12-05-2026 - 10:15 AM | Thị trường vàng", 0.73),
        ("Lan Anh - 12/05/2026 10:15", 0.8),
        ("Quy định này có hiệu lực thi hành từ ngày 01/06/2026.", 0.1),
    ];
    for (line, want) in documented {
        let got = dateline_share(line);
        assert!((got - want).abs() < 0.01, "{line:?}: {got}");
    }
    for line in datelines {
        assert!(
            dateline_share(line) >= 0.5,
            "{line:?}: {}",
            dateline_share(line)
        );
    }
    let sentences = [
        "Ngày 20/2/2023, FLC bị hủy niêm yết bắt buộc trên HOSE với gần 710 triệu cổ phiếu.",
        "Nghị định này có hiệu lực thi hành từ ngày 31/01/2026.",
    ];
    for line in sentences {
        assert!(
            dateline_share(line) < 0.3,
            "{line:?}: {}",
            dateline_share(line)
        );
    }
    assert_eq!(dateline_share("Thứ Bảy, 07/03/2026 - 08:52"), 1.0);
    // A date in words weighs one unit, like a numeric one.
    let words = "Ngày 7 tháng 3 năm 2026, Thủ tướng ký quyết định.";
    assert!(dateline_share(words) < 0.3, "{}", dateline_share(words));
    let range = "Từ ngày 1/3/2026 - 31/3/2026, quy định áp dụng cho mọi hộ kinh doanh.";
    assert!(dateline_share(range) < 0.3, "{}", dateline_share(range));
    assert_eq!(dateline_share("Ngày 4/7"), 0.0);
    assert_eq!(dateline_share(""), 0.0);
}

#[test]
fn weird_input_does_not_panic() {
    let weird = [
        "",
        " ",
        "0",
        "00000000000000000000000000",
        "99999999999/3/2026 99999999999:99999",
        "2026-99999999999-1",
        "1/1/2026 ",
        "1/1/2026 (",
        "1/1/2026 1",
        "1/1/2026 1:",
        "1/1/2026 1:1",
        "1/1/2026 12:00 GMT+",
        "1/1/2026 12:00 GMT+999999",
        "1/1/2026 12:00 GMT−7",
        "ngày ngày ngày 2026",
        "Thứ Thứ 2026/2026/2026",
        "𝟘𝟟/𝟘𝟛/𝟚𝟘𝟚𝟞 ١٢:٣٠",
        "٠٧/٠٣/٢٠٢٦ ١٢:٣٠",
        "\u{0}\u{FEFF}07/03/2026\u{200B}08:52",
        "ｘ2026年13月40日",
        "2026年",
    ];
    for s in weird {
        let _ = find(s);
        let _ = dateline_share(s);
        let _ = parse_dateline(s);
        let _ = parse_machine_full(s, Some(420));
        let _ = parse_machine_full(s, None);
        // Every byte offset, so that slicing is exercised on all
        // character boundaries.
        for (i, _) in s.char_indices() {
            let _ = find(&s[i..]);
            let _ = parse_machine_full(&s[i..], Some(0));
        }
    }
}

#[test]
fn unicode_minus_offset() {
    let f = find("1/1/2026 12:00 GMT−7").expect("found");
    assert_eq!(f.offset, Some(-420));
}

/// Every character, in order, for scans that compare the regex crate's
/// classes with this module's.
fn all_chars() -> String {
    (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .collect()
}

#[test]
fn space_len_reads_spaces_by_their_bytes() {
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let s = format!("{c}x");
        let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
        let b = s.as_bytes();
        assert_eq!(space_len(b, 0), want, "{c:?}");
        if want > 0 {
            assert!(SPACE_LEADS[usize::from(b[0])], "{c:?}");
        }
    }
}

#[test]
fn spaces_are_the_regex_spaces() {
    let all = all_chars();
    let by_regex: Vec<char> = Regex::new(r"\s")
        .unwrap()
        .find_iter(&all)
        .flat_map(|m| m.as_str().chars())
        .collect();
    let by_char: Vec<char> = all.chars().filter(|c| c.is_whitespace()).collect();
    assert_eq!(by_regex, by_char);
    for c in all.chars() {
        let s = c.to_string();
        assert_eq!(skip_spaces(&s, 0) == s.len(), c.is_whitespace(), "{c:?}");
    }
}

/// `fold` equates a character with a letter of a known word exactly when
/// the regex crate's `(?i)` does.
#[test]
fn fold_is_the_regex_case_folding() {
    let mut letters: Vec<char> = MONTHS
        .iter()
        .map(|(n, _)| *n)
        .chain(WEEKDAYS.iter().copied())
        .chain([
            "tháng", "năm", "ngày", "de", "of", "st", "nd", "rd", "th", "er", "lúc", "at", "um",
            "à", "alle", "a.m.", "p.m.", "am", "pm", "gmt", "utc",
        ])
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    letters.sort_unstable();
    letters.dedup();
    let class: String = letters
        .iter()
        .map(|c| regex::escape(&c.to_string()))
        .collect();
    let all = all_chars();
    // Every character the regexes equate with some letter, and every
    // one `fold` does.
    let mut candidates: Vec<char> = Regex::new(&format!("(?i)[{class}]"))
        .unwrap()
        .find_iter(&all)
        .flat_map(|m| m.as_str().chars())
        .chain(all.chars().filter(|&c| letters.contains(&fold(c))))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    for x in letters {
        let re = Regex::new(&format!("(?i)^{}$", regex::escape(&x.to_string()))).unwrap();
        for &c in &candidates {
            assert_eq!(
                re.is_match(&c.to_string()),
                fold(c) == x,
                "{c:?} against {x:?}"
            );
        }
    }
}

/// The fast rejects of `word_at` and `word_ending_at` rest on this.
#[test]
fn only_two_characters_beyond_ascii_fold_onto_ascii() {
    let beyond: Vec<char> = all_chars()
        .chars()
        .filter(|&c| !c.is_ascii() && fold(c).is_ascii())
        .collect();
    assert_eq!(beyond, ['ſ', '\u{212A}']);
    // And the zone names (matched as they are) are upper-case ASCII.
    assert!(
        ZONES
            .iter()
            .all(|(n, _)| n.bytes().all(|b| b.is_ascii_uppercase()))
    );
    assert_eq!("ſ".as_bytes(), [0xC5, 0xBF]);
    assert_eq!("\u{212A}".as_bytes(), [0xE2, 0x84, 0xAA]);
}

/// Pieces of date-like text: whole dates, times and offsets, and the
/// bits they are made of, so that random joins hit every branch of the
/// grammar and its edges.
const PIECES: &[&str] = &[
    "7/3/2026",
    "29.03.2023",
    "07-03-2026",
    "03/29/2023",
    "31/02/2026",
    "2024-03-24",
    "2026/03/07",
    "2026.3.7",
    "7 tháng 3 năm 2026",
    "07 THÁNG 03, 2026",
    "15 tháng 3/2026",
    "March 7, 2026",
    "Mar. 7th 2026",
    "7 March 2026",
    "7th of March, 2026",
    "7. März 2026",
    "7 de marzo de 2026",
    "2026年3月7日",
    "2026 년 3 월 7 일",
    "12/07/2024/QĐ",
    "1.234.07/03/2026",
    "08:52",
    "21:20:11",
    "08:52:11.000",
    "9h",
    "12h30",
    "12:30 AM",
    "9:40 p.m.",
    "10:00 PM",
    "25:00",
    "08:47 |",
    "07:12 ngày",
    "14:05 GMT,",
    "GMT+7",
    "(GMT+07:00)",
    "[GMT+7]",
    "GMT-5",
    "UTC+05:30",
    "+0700",
    "-05:00",
    "Z",
    "ICT",
    "EST",
    "CEST",
    "AEDT",
    "GMT−7",
    "T",
    "t",
    "h",
    "H",
    "Z",
    "z",
    "a.m.",
    "am",
    "PM",
    "SA",
    "CH",
    "lúc",
    "LÚC",
    "at",
    "um",
    "à",
    "À",
    "alle",
    "tháng",
    "Tháng",
    "THÁNG",
    "năm",
    "Năm",
    "ngày",
    "Ngày",
    "NGÀY",
    "de",
    "DE",
    "of",
    "st",
    "nd",
    "rd",
    "th",
    "er",
    "Thứ tư",
    "thứ 2",
    "Chủ nhật",
    "T7",
    "CN",
    "Sat",
    "Monday",
    "samedi",
    "March",
    "MARCH",
    "mar",
    "Mar.",
    "sept",
    "ſept",
    "oKtober",
    "o\u{212A}tober",
    "décembre",
    "DÉCEMBRE",
    "märz",
    "août",
    "mai",
    "marzo",
    "Summar",
    "年",
    "년",
    "月",
    "월",
    "日",
    "일",
    "0",
    "1",
    "7",
    "12",
    "29",
    "03",
    "123",
    "2026",
    "1999",
    "20266",
    "0999",
    "99999",
    "/",
    ".",
    "-",
    ",",
    ":",
    ";",
    "|",
    "–",
    "—",
    "·",
    "•",
    "@",
    "(",
    ")",
    "[",
    "]",
    "+",
    "−",
    " ",
    " ",
    " ",
    "  ",
    "\u{A0}",
    "\u{3000}",
    "\t",
    "\n",
    "x",
    "é",
    "ư",
    "ỳ",
    "Ĩ",
    "中",
    "đồng",
    "Nghị định",
    "VTV News-",
];

/// One of `options`, as a strategy.
fn one(options: &'static [&'static str]) -> proptest::sample::Select<&'static str> {
    proptest::sample::select(options)
}

const SPACES: &[&str] = &["", " ", "  ", "\u{A0}", "\t", "\u{3000}"];
const DAYS: &[&str] = &["7", "07", "3", "12", "31", "123", "0", ""];
const YEARS_PRINTED: &[&str] = &["2026", "1999", "20266", "999", "0999", "2999", "3000"];
const NAMES: &[&str] = &[
    "March",
    "MARCH",
    "mar",
    "Mar",
    "sept",
    "Sept",
    "ſept",
    "September",
    "sep",
    "oKtober",
    "o\u{212A}tober",
    "décembre",
    "DÉCEMBRE",
    "märz",
    "août",
    "mai",
    "Mai",
    "marzo",
    "enero",
    "Summar",
    "janv",
    "jänner",
    "xyz",
    "",
];
const YEAR_SEPS: &[&str] = &[",", " ,", ", ", " , ", "", " ", "  ", ";", ",,"];

/// A date core in one of the grammar's shapes, with near misses.
fn core_like() -> impl proptest::strategy::Strategy<Value = String> {
    let month_first = (
        one(NAMES),
        one(&["", ".", ".."]),
        one(SPACES),
        one(DAYS),
        one(&["", "st", "nd", "rd", "th", "TH", "ſt", "er", "."]),
        one(YEAR_SEPS),
        one(YEARS_PRINTED),
    )
        .prop_map(|(n, d, w, day, x, sep, y)| format!("{n}{d}{w}{day}{x}{sep}{y}"));
    let day_first = (
        one(DAYS),
        one(&["", ".", "st", "nd", "rd", "th", "er", "ER", "x"]),
        one(SPACES),
        one(&["", "de ", "DE ", "of ", "Of ", "de", "of  "]),
        one(NAMES),
        one(&["", ".", ".."]),
        one(YEAR_SEPS),
        one(&["", "de ", "De  ", "de"]),
        one(YEARS_PRINTED),
    )
        .prop_map(|(day, x, w, of, n, d, sep, de, y)| format!("{day}{x}{w}{of}{n}{d}{sep}{de}{y}"));
    let thang = (
        one(DAYS),
        one(SPACES),
        one(&["tháng", "Tháng", "THÁNG", "thang"]),
        one(SPACES),
        one(DAYS),
        one(&[
            " năm ", "  NĂM  ", "năm", " năm", ", ", "/", " / ", " ", "", ",/",
        ]),
        one(YEARS_PRINTED),
    )
        .prop_map(|(d, w1, t, w2, m, sep, y)| format!("{d}{w1}{t}{w2}{m}{sep}{y}"));
    let numeric = (
        one(DAYS),
        one(&["/", ".", "-", "x", "//"]),
        one(DAYS),
        one(&["/", ".", "-", "x"]),
        one(YEARS_PRINTED),
        proptest::bool::ANY,
    )
        .prop_map(|(d, s, m, t, y, year_first)| {
            if year_first {
                format!("{y}{s}{m}{t}{d}")
            } else {
                format!("{d}{s}{m}{t}{y}")
            }
        });
    let cjk = (
        one(YEARS_PRINTED),
        one(SPACES),
        one(&["年", "년", "x"]),
        one(DAYS),
        one(&["月", "월", " 月 "]),
        one(DAYS),
        one(&["日", "일", ""]),
    )
        .prop_map(|(y, w, a, m, b, d, c)| format!("{y}{w}{a}{w}{m}{b}{d}{w}{c}"));
    proptest::prop_oneof![month_first, day_first, thang, numeric, cjk]
}

/// A clock or an offset in the grammar's shapes, with near misses.
fn time_like() -> impl proptest::strategy::Strategy<Value = String> {
    let clock = (
        one(&["8", "08", "12", "00", "23", "25", "123", ""]),
        one(&[":", "h", "H", "", "."]),
        one(&["52", "5", "00", "60", ""]),
        one(&["", ":11", ":60", ":1", ":11.000", ":11,5", ":11."]),
        one(SPACES),
        one(&[
            "",
            "AM",
            "am",
            "a.m.",
            "P.M.",
            "pm",
            "SA",
            "CH",
            "Sa",
            "ch",
            "Amsterdam",
        ]),
    )
        .prop_map(|(h, c, m, s, w, ap)| format!("{h}{c}{m}{s}{w}{ap}"));
    let offset = (
        one(SPACES),
        one(&["", "(", "[", "( "]),
        one(&[
            "GMT", "gmt", "UTC", "Utc", "", "Z", "z", "ICT", "CEST", "Cest", "XYZ",
        ]),
        one(&["", " "]),
        one(&["", "+", "-", "−", "+ "]),
        one(&["", "7", "07", "0700", "070", "7:30", "07:00", "19", "99"]),
        one(&["", ")", " ]", "]"]),
    )
        .prop_map(|(w, o, n, s1, sign, num, c)| format!("{w}{o}{n}{s1}{sign}{num}{c}"));
    proptest::prop_oneof![clock, offset]
}

/// Random joins of [`PIECES`] and of generated cores, clocks and
/// offsets.
fn date_like() -> impl proptest::strategy::Strategy<Value = String> {
    let piece = proptest::prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => core_like(),
        2 => time_like(),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

use proptest::strategy::Strategy as _;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

    /// `find` and `share` give what the regex implementation gave.
    #[test]
    fn find_agrees_with_the_regexes(line in date_like()) {
        let got = find(&line);
        proptest::prop_assert_eq!(&got, &reference::find(&line));
        if let Some(found) = &got {
            proptest::prop_assert_eq!(
                share(&line, found).to_bits(),
                reference::share(&line, found).to_bits()
            );
        }
    }

    /// `share` weighs words as it did, for any range in any line.
    #[test]
    fn share_agrees_with_the_reference(
        line in date_like(),
        a in 0usize..200,
        b in 0usize..200,
        time in proptest::bool::ANY,
        offset in proptest::bool::ANY,
    ) {
        let bounds: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
        let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let found = Found {
            start: a.min(b),
            end: a.max(b),
            year: 2026,
            month: 3,
            day: 7,
            time: time.then_some((8, 52, 0)),
            offset: offset.then_some(420),
        };
        proptest::prop_assert_eq!(
            share(&line, &found).to_bits(),
            reference::share(&line, &found).to_bits()
        );
    }

    /// The core starts and matchers find, from every offset, the match
    /// the core regex finds.
    #[test]
    fn cores_agree_with_the_regex(line in date_like()) {
        let starts = core_starts(&line);
        for (pos, _) in line.char_indices() {
            let got = starts.as_slice().iter().filter(|&&s| s >= pos).find_map(|&s| {
                core_at(&line, s).map(|m| (s, m.end, m.date, m.cjk))
            });
            proptest::prop_assert_eq!(got, reference::core_from(&line, pos), "from {}", pos);
        }
    }

    /// The pieces around a core agree with their regexes, at every
    /// split of the line.
    #[test]
    fn surroundings_agree_with_the_regexes(line in date_like()) {
        for (at, _) in line.char_indices().chain([(line.len(), ' ')]) {
            let (prefix, rest) = line.split_at(at);
            proptest::prop_assert_eq!(time_after(rest), reference::time_after(rest));
            proptest::prop_assert_eq!(offset_after(rest), reference::offset_after(rest));
            proptest::prop_assert_eq!(
                time_before(prefix).map(|b| (b.start, b.clock, b.offset)),
                reference::time_before(prefix).map(|b| (b.start, b.clock, b.offset))
            );
            proptest::prop_assert_eq!(ngay_before(prefix), reference::ngay_before(prefix));
            // The weekday pattern's fast reject never skips a match.
            proptest::prop_assert!(
                !WEEKDAY_BEFORE.is_match(prefix) || may_end_with_weekday(prefix),
                "{:?}",
                prefix
            );
        }
    }
}

#[test]
fn find_table_agrees_with_the_regexes() {
    for &(line, _) in FIND {
        assert_eq!(find(line), reference::find(line), "{line:?}");
    }
}

/// More than the eight starts [`Starts`] keeps on the stack: the
/// starts spill to the heap, come in order without repeats, and the
/// valid date after nine impossible ones is found, as the regexes find
/// it.
#[test]
fn many_starts_spill_in_order() {
    let line = format!("{}07/03/2026 08:52", "31/02/2026 ".repeat(9));
    let starts = core_starts(&line);
    assert!(!starts.more.is_empty(), "the heap path was not taken");
    assert!(starts.as_slice().windows(2).all(|w| w[0] < w[1]));
    let found = find(&line).expect("the valid date is found");
    assert_eq!(found.text(&line), "07/03/2026 08:52");
    assert_eq!(describe(&found), "2026-03-07 08:52");
    assert_eq!(Some(found), reference::find(&line));
}

#[test]
fn core_starts_skips_lines_without_a_core() {
    assert!(core_starts("Chiều 29/3, lúc 14:00").as_slice().is_empty());
    assert!(core_starts("năm 2026").as_slice().is_empty());
    assert!(
        core_starts("giá 3.000.000 đồng, năm 2026, kỳ 2026 - 2031")
            .as_slice()
            .is_empty()
    );
    assert_eq!(
        core_starts("ngày 7 tháng 3 năm 2026").as_slice(),
        ["ngày ".len()]
    );
}
