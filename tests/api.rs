//! Behaviour of the public API that does not depend on cleaning quality:
//! input errors, limits, options, sharing a cleaner across threads, error
//! messages.

#[path = "support/common.rs"]
mod common;

use tinsach::{Cleaner, ErrorKind, NoArticleReason};

/// A short but real-looking article in plain text.
const ARTICLE_TEXT: &str = "Tiêu đề bài báo thử nghiệm\n\n\
    Đoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này, \
    kể lại sự việc đã diễn ra trong ngày hôm qua tại thành phố.\n\n\
    Đoạn thứ hai nói thêm về bối cảnh của sự việc và những gì các bên liên quan \
    đã làm sau đó để giải quyết vấn đề một cách thỏa đáng.\n";

fn article_html() -> String {
    let paragraphs: String = ARTICLE_TEXT
        .split("\n\n")
        .skip(1)
        .map(|p| format!("<p>{}</p>", p.trim()))
        .collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Tiêu đề</title></head>\
         <body><article><h1>Tiêu đề bài báo thử nghiệm</h1>{paragraphs}</article></body></html>"
    )
}

#[test]
fn empty_text_is_empty_input() {
    for input in [
        "",
        " ",
        "\n\n\t  \r\n",
        "\u{3000}\u{a0} \n",
        "\u{200B}\u{FEFF} \u{2060}",
    ] {
        let err = tinsach::clean_text(input).expect_err("blank text must be an error");
        assert_eq!(err.kind(), &ErrorKind::EmptyInput, "input {input:?}");
    }
}

#[test]
fn empty_html_is_empty_input() {
    for input in [&b""[..], b" ", b"\n\n\t  \r\n"] {
        let err = tinsach::clean_html(input).expect_err("blank HTML must be an error");
        assert_eq!(err.kind(), &ErrorKind::EmptyInput, "input {input:?}");
    }
}

#[test]
fn too_large_carries_size_and_limit() {
    let cleaner = Cleaner::builder().max_bytes(100).build();
    let text = "x".repeat(101);

    let err = cleaner.clean_text(&text).expect_err("over the limit");
    assert_eq!(
        err.kind(),
        &ErrorKind::TooLarge {
            size: 101,
            limit: 100
        }
    );

    let err = cleaner
        .clean_html(text.as_bytes())
        .expect_err("over the limit");
    assert_eq!(
        err.into_kind(),
        ErrorKind::TooLarge {
            size: 101,
            limit: 100
        }
    );
}

#[test]
fn input_at_the_limit_is_not_too_large() {
    let html = article_html();
    let cleaner = Cleaner::builder().max_bytes(html.len()).build();
    if let Err(e) = cleaner.clean_html(html.as_bytes()) {
        assert!(
            !matches!(e.kind(), ErrorKind::TooLarge { .. }),
            "input of exactly max_bytes was refused: {e}"
        );
    }
    let cleaner = Cleaner::builder().max_bytes(ARTICLE_TEXT.len()).build();
    if let Err(e) = cleaner.clean_text(ARTICLE_TEXT) {
        assert!(
            !matches!(e.kind(), ErrorKind::TooLarge { .. }),
            "input of exactly max_bytes was refused: {e}"
        );
    }
}

#[test]
fn cleaner_is_send_sync_and_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Cleaner>();
    assert_send_sync::<tinsach::Article>();
    assert_send_sync::<tinsach::Error>();

    let cleaner = Cleaner::new();
    let html = article_html();
    let alone_text = cleaner.clean_text(ARTICLE_TEXT);
    let alone_html = cleaner.clean_html(html.as_bytes());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let (cleaner, html) = (&cleaner, &html);
                s.spawn(move || {
                    if i % 2 == 0 {
                        (i, cleaner.clean_text(ARTICLE_TEXT))
                    } else {
                        (i, cleaner.clean_html(html.as_bytes()))
                    }
                })
            })
            .collect();
        for h in handles {
            let (i, got) = h.join().expect("a cleaning thread panicked");
            // The same input gives the same result on any thread.
            let want = if i % 2 == 0 { &alone_text } else { &alone_html };
            assert_eq!(&got, want, "thread {i}");
        }
    });
}

#[test]
fn error_messages_are_readable() {
    let cases = [
        (ErrorKind::EmptyInput, "empty input"),
        (
            ErrorKind::TooLarge {
                size: 101,
                limit: 100,
            },
            "input of 101 bytes is over the limit of 100 bytes",
        ),
        (
            ErrorKind::TooManyNodes { limit: 10 },
            "document has more than 10 elements",
        ),
        (
            ErrorKind::NoArticle {
                why: NoArticleReason::NoText,
            },
            "no article found: the page holds no text",
        ),
    ];
    for (kind, want) in cases {
        assert_eq!(kind.to_string(), want);
    }

    // Through the public entry points: the error's message is its kind's.
    let err = tinsach::clean_text("  ").expect_err("blank");
    assert_eq!(err.to_string(), "empty input");
    let err = Cleaner::builder()
        .max_bytes(3)
        .build()
        .clean_text("four")
        .expect_err("too large");
    assert_eq!(
        err.to_string(),
        "input of 4 bytes is over the limit of 3 bytes"
    );

    // Every message is one plain line: no Debug formatting leaks through.
    let no_body = ErrorKind::NoArticle {
        why: NoArticleReason::NoBody,
    }
    .to_string();
    assert!(no_body.starts_with("no article found: "));
    assert!(!no_body.contains('\n') && !no_body.contains('{'));
}

/// `keep_removed(false)` empties `removed` and changes nothing else, on
/// every Vietnamese fixture, text and HTML.
#[test]
fn without_removed_pieces_the_article_is_the_same() {
    let lean = Cleaner::builder().keep_removed(false).build();
    let full = Cleaner::new();
    let mut checked = 0;
    for dir in ["seeds", "vi-text", "vi-html"] {
        for entry in std::fs::read_dir(common::fixtures_dir().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let (mut want, got) = match path.extension().and_then(|e| e.to_str()) {
                Some("html") => (full.clean_html(&bytes), lean.clean_html(&bytes)),
                Some("txt") => {
                    let text = std::str::from_utf8(&bytes).unwrap();
                    (full.clean_text(text), lean.clean_text(text))
                }
                _ => continue,
            };
            let (want, got) = (want.as_mut().unwrap(), got.unwrap());
            assert!(!want.removed.is_empty(), "{}", path.display());
            want.removed.clear();
            assert_eq!(*want, got, "{}", path.display());
            checked += 1;
        }
    }
    assert_eq!(checked, 23);
}

/// A date the page gives is never dropped: without an offset, or without a
/// time, it is kept at its precision (issue: dates dropped or buried).
#[test]
fn dates_keep_their_precision() {
    use tinsach::{OffsetSource, Precision};
    let body = "<p>Tomatoes are one of the most rewarding crops a home gardener can grow, \
                and with a little care they will produce fruit all summer long.</p>\
                <p>Start with healthy seedlings from a nursery, or sow seeds indoors six to \
                eight weeks before the last expected frost in your area.</p>";
    // A metadata time without an offset: no instant, the local time kept.
    let page = format!(
        "<html><head><meta name=\"date\" content=\"2016-02-01 01:28:49\"></head>\
         <body><h1>How to grow tomatoes at home</h1>{body}</body></html>"
    );
    let a = tinsach::clean_html(page.as_bytes()).unwrap();
    assert_eq!(a.published(), None);
    let d = a.published_date().expect("the date is kept");
    assert_eq!(d.to_string(), "2016-02-01T01:28");
    assert_eq!(d.precision(), Precision::Minute);
    assert_eq!(d.offset_source(), OffsetSource::Unknown);
    // A date without a time: a day.
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2024-09-05\"></head>\
         <body><h1>How to grow tomatoes at home</h1>{body}</body></html>"
    );
    let a = tinsach::clean_html(page.as_bytes()).unwrap();
    assert_eq!(a.published(), None);
    let d = a.published_date().expect("the day is kept");
    assert_eq!(
        (d.to_string(), d.precision()),
        ("2024-09-05".to_string(), Precision::Day)
    );
    // A full instant: both, and `published` borrows the article.
    let page = format!(
        "<html><head><meta property=\"article:published_time\" \
         content=\"2024-09-05T08:30:00+02:00\"></head>\
         <body><h1>How to grow tomatoes at home</h1>{body}</body></html>"
    );
    let a = tinsach::clean_html(page.as_bytes()).unwrap();
    assert_eq!(
        a.published().map(|t| t.to_string()).as_deref(),
        Some("2024-09-05T08:30:00+02:00")
    );
    assert_eq!(
        a.published_date().map(|d| d.offset_source()),
        Some(OffsetSource::Printed)
    );
    assert!(
        !a.body.is_empty(),
        "the article is still usable after published()"
    );
    // A Vietnamese page's printed time without an offset: +07:00, assumed.
    let text = "Thành phố mở thêm ba tuyến xe buýt điện\n\n\
                Thứ Hai, 02/03/2026 07:15\n\n\
                Sáng 2/3, thành phố đưa vào khai thác ba tuyến xe buýt điện mới \
                nối trung tâm với các khu dân cư phía tây, giá vé không đổi.\n\n\
                Theo sở giao thông, mỗi tuyến có mười hai xe chạy từ năm giờ sáng \
                đến mười giờ đêm, mỗi chuyến cách nhau mười lăm phút.\n";
    let a = tinsach::clean_text(text).unwrap();
    let d = a.published_date().unwrap();
    assert_eq!(d.to_string(), "2026-03-02T07:15+07:00");
    assert_eq!(d.offset_source(), OffsetSource::Assumed);
    assert_eq!(
        a.dateline.as_ref().unwrap().to_string(),
        "2026-03-02T07:15:00+07:00"
    );
}

/// Older layouts print a short date ("(03/06/13)") and give the date with
/// its time only in the element's `title` tooltip: the tooltip is read.
#[test]
fn date_in_a_title_attribute() {
    let page = article_html().replacen(
        "</h1>",
        r#"</h1><span class="date" title="Thứ Hai, 03/06/2013 08:05">(03/06/13)</span>"#,
        1,
    );
    let a = tinsach::clean_html(page.as_bytes()).unwrap();
    assert_eq!(
        a.published().map(|d| d.to_string()).as_deref(),
        Some("2013-06-03T08:05:00+07:00")
    );
    // A link's title is a sentence, not a date.
    let page = article_html().replacen(
        "</h1>",
        r#"</h1><a href="/x" title="Báo cáo 2013 của 24 tỉnh về 365 dự án">Xem</a>"#,
        1,
    );
    let a = tinsach::clean_html(page.as_bytes()).unwrap();
    assert_eq!(a.published(), None);
}

/// A text rendering with a promo line between the headline and the lead:
/// the headline is the title-like line whose words recur in the lead, not
/// the nearest one.
#[test]
fn text_headline_is_the_line_about_the_story() {
    let text = "Home\n\nNutrition Trends Shaping Healthy Eating in 2025\n\n\
                See this trend inside our analytics platform today\n\n\
                Nutrition trends change quickly, and healthy eating in 2025 is shaped by \
                protein, fibre and gut health more than by any single diet.\n\n\
                Shoppers now read labels for fibre and protein first, and brands answer \
                with new products every season across every aisle of the store.\n";
    let a = tinsach::clean_text(text).unwrap();
    assert_eq!(
        a.headline.as_deref(),
        Some("Nutrition Trends Shaping Healthy Eating in 2025")
    );
}

#[test]
fn body_blocks_have_their_roles() {
    use tinsach::BlockRole;
    // Each row: the markup of a block in the article, its text and role.
    let rows: &[(&str, &str, BlockRole)] = &[
        (
            "<p>{}</p>",
            "Đoạn mở đầu kể lại sự việc đã diễn ra trong ngày hôm qua tại thành phố, với đủ chi tiết.",
            BlockRole::Paragraph,
        ),
        ("<h2>{}</h2>", "Bối cảnh của sự việc", BlockRole::Heading(2)),
        (
            "<p>{}</p>",
            "Đoạn thứ hai nói thêm về bối cảnh của sự việc và những gì các bên liên quan đã làm sau đó.",
            BlockRole::Paragraph,
        ),
        ("<h3>{}</h3>", "Những điều cần biết", BlockRole::Heading(3)),
        (
            "<ul><li>{}</li>",
            "Thứ nhất, người dân được hướng dẫn đăng ký trực tuyến trên cổng dịch vụ công của thành phố.",
            BlockRole::ListItem,
        ),
        (
            "<li>{}</li></ul>",
            "Thứ hai, hồ sơ giấy vẫn được nhận tại bộ phận một cửa của phường trong giờ hành chính.",
            BlockRole::ListItem,
        ),
        (
            "<blockquote><p>{}</p></blockquote>",
            "Chúng tôi sẽ làm hết sức để mọi người dân đều được phục vụ nhanh chóng và thuận tiện nhất.",
            BlockRole::Quote,
        ),
        (
            "<pre>{}</pre>",
            "Mã hồ sơ: HN-2026-000123, tra cứu tại cổng dịch vụ công bằng số điện thoại đã đăng ký.",
            BlockRole::Preformatted,
        ),
        (
            "<p>{}</p>",
            "Đoạn cuối cho biết thành phố sẽ đánh giá kết quả sau ba tháng và điều chỉnh nếu cần thiết.",
            BlockRole::Paragraph,
        ),
    ];
    let blocks: String = rows
        .iter()
        .map(|(markup, text, _)| markup.replace("{}", text))
        .collect();
    let page = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Tiêu đề</title></head>\
         <body><article><h1>Tiêu đề bài báo thử nghiệm</h1>{blocks}</article></body></html>"
    );
    let article = tinsach::clean_html(page.as_bytes()).unwrap();
    let got: Vec<(&str, BlockRole)> = article.blocks().map(|b| (b.text, b.role)).collect();
    let want: Vec<(&str, BlockRole)> = rows.iter().map(|(_, t, r)| (*t, *r)).collect();
    assert_eq!(got, want);
    assert_eq!(article.roles.len(), article.body.len());
    // Text input carries no markup: every line is a paragraph.
    let article = tinsach::clean_text(ARTICLE_TEXT).unwrap();
    assert!(!article.body.is_empty());
    assert!(article.blocks().all(|b| b.role == BlockRole::Paragraph));
    assert_eq!(article.roles.len(), article.body.len());
}

/// Thai writes no space between words and no stop after a sentence: its
/// paragraphs are measured by their letters, so a Thai page has its
/// article, in HTML and as text.
#[test]
fn thai_paragraphs_are_prose() {
    let paragraphs = [
        "กรุงเทพมหานครประกาศเปิดเส้นทางรถโดยสารไฟฟ้าสายใหม่สามสายเพื่อเชื่อมต่อชุมชนชานเมืองกับระบบรถไฟฟ้าในเมือง โดยจะเริ่มให้บริการตั้งแต่ต้นเดือนหน้าเป็นต้นไป",
        "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่าโครงการนี้จะช่วยลดปัญหาการจราจรติดขัดในชั่วโมงเร่งด่วนและลดมลพิษทางอากาศได้อย่างมีนัยสำคัญ ประชาชนสามารถใช้บัตรโดยสารเดิมได้ทันที",
        "สำนักการจราจรและขนส่งระบุว่ารถแต่ละคันสามารถวิ่งได้ไกลกว่าสองร้อยกิโลเมตรต่อการชาร์จหนึ่งครั้ง และจะมีการชาร์จไฟในช่วงกลางคืนที่อู่จอดรถ",
    ];
    let headline = "กทม.เปิดรถเมล์ไฟฟ้าสามสายใหม่";
    let ps: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>\
         <nav><a href=\"/\">หน้าแรก</a> <a href=\"/news\">ข่าว</a></nav>\
         <article><h1>{headline}</h1>{ps}</article></body></html>"
    );
    let text = format!("หน้าแรก\nข่าว\n\n{headline}\n\n{}\n", paragraphs.join("\n\n"));
    for a in [
        tinsach::clean_html(html.as_bytes()).unwrap(),
        tinsach::clean_text(&text).unwrap(),
    ] {
        assert_eq!(a.headline.as_deref(), Some(headline));
        assert_eq!(a.body, paragraphs);
    }
}
