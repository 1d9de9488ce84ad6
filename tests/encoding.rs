//! The same page saved as UTF-8, windows-1258 and UTF-16LE (with a BOM),
//! with and without its `<meta>` declaration, or with the charset only in
//! the HTTP `Content-Type`, gives the identical `Article`; only
//! `Article::encoding` differs, and it names the right encoding and source.

use encoding_rs::WINDOWS_1258;
use tinsach::{Article, Cleaner, EncodingSource, PageInfo};
use unicode_normalization::{UnicodeNormalization, is_nfc};

const HEADLINE: &str = "Hà Nội mở thêm tuyến xe buýt điện nối các khu đô thị phía Tây";

/// A small news page, written for this test, with `meta` in its head.
fn page(meta: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="vi">
<head>
{meta}
<title>{HEADLINE} - Báo Phố Thị</title>
<meta name="description" content="Từ đầu tháng Tư, người dân các khu đô thị phía Tây có thêm lựa chọn đi lại.">
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">Báo Phố Thị</a>
  <nav class="menu">
    <a href="/thoi-su">Thời sự</a> <a href="/kinh-te">Kinh tế</a>
    <a href="/xa-hoi">Xã hội</a> <a href="/giao-thong">Giao thông</a>
    <a href="/the-thao">Thể thao</a>
  </nav>
</header>
<main>
<article class="detail">
  <div class="breadcrumb"><a href="/xa-hoi">Xã hội</a> › <a href="/giao-thong">Giao thông</a></div>
  <h1 class="title">{HEADLINE}</h1>
  <div class="date">Thứ Năm, 14/03/2024 08:30 (GMT+7)</div>
  <div class="content">
    <p><strong>Từ đầu tháng Tư, người dân sống ở các khu đô thị phía Tây Hà Nội sẽ có thêm
    một tuyến xe buýt điện chạy qua những trục đường đông đúc nhất vào giờ cao điểm.</strong></p>
    <p>Theo Sở Giao thông vận tải, tuyến mới dài gần hai mươi ba ki-lô-mét, đi qua mười
    tám điểm dừng, trong đó có ba điểm trung chuyển với đường sắt đô thị. Mỗi ngày sẽ có
    khoảng hai trăm lượt xe, tần suất từ mười đến mười lăm phút một chuyến.</p>
    <p>Đại diện doanh nghiệp vận hành cho biết toàn bộ đoàn xe được sạc tại bãi đỗ ở
    huyện Hoài Đức trong đêm, mỗi lần sạc đầy đủ cho xe chạy hơn hai trăm ki-lô-mét. Giá
    vé lượt được giữ nguyên như các tuyến xe buýt thường, người có vé tháng liên tuyến
    được dùng ngay mà không phải đăng ký lại.</p>
    <p>Nhiều người dân ở khu đô thị Dương Nội bày tỏ sự phấn khởi. Chị Nguyễn Thị Hường,
    nhân viên văn phòng, kể rằng trước đây chị phải đổi hai chuyến xe mới tới được chỗ
    làm, còn nay chỉ cần một tuyến, thời gian đi lại rút ngắn gần nửa tiếng mỗi buổi.</p>
    <p>Sở Giao thông vận tải cũng cho biết sẽ theo dõi lượng khách trong ba tháng đầu để
    điều chỉnh lộ trình, đồng thời xem xét mở thêm hai tuyến xe điện nữa trong năm nay
    nếu nhu cầu đi lại tiếp tục tăng như dự báo.</p>
  </div>
  <p class="author">Minh Khuê</p>
</article>
<aside class="related">
  <h3>Tin liên quan</h3>
  <ul>
    <li><a href="/giao-thong/gio-cao-diem">Giờ cao điểm buổi sáng, nhiều nút giao ùn tắc kéo dài</a></li>
    <li><a href="/giao-thong/ve-thang">Người dân được mua vé tháng xe buýt trực tuyến từ tuần sau</a></li>
    <li><a href="/giao-thong/duong-sat">Đường sắt đô thị đón lượng khách kỷ lục dịp cuối tuần</a></li>
  </ul>
</aside>
</main>
<footer>© 2024 Báo Phố Thị. Giấy phép hoạt động báo điện tử số 00/GP-BTTTT.</footer>
</body>
</html>
"#
    )
}

/// Vietnamese NFC text as a legacy windows-1258 page stores it: the code
/// page holds only some letters with tone marks precomposed, so the others
/// are written as a base letter it holds ("ê", "ơ", "ư"…) followed by a
/// combining tone mark. Decoded, such text is not NFC until normalised.
fn to_windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut legacy = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let mut buf = [0; 4];
        if !WINDOWS_1258.encode(c.encode_utf8(&mut buf)).2 {
            legacy.push(c);
            continue;
        }
        let (tones, base): (Vec<char>, Vec<char>) = c.nfd().partition(|m| TONES.contains(m));
        legacy.extend(base.into_iter().nfc());
        legacy.extend(tones);
    }
    let (bytes, _, unmappable) = WINDOWS_1258.encode(&legacy);
    assert!(!unmappable, "every letter of the page fits windows-1258");
    bytes.into_owned()
}

fn to_utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn with_utf8_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// One way of saving and serving the page, and the encoding it must report.
struct Variant {
    what: &'static str,
    bytes: Vec<u8>,
    content_type: Option<&'static str>,
    name: &'static str,
    source: EncodingSource,
}

fn variants() -> Vec<Variant> {
    let utf8_meta = page(r#"<meta charset="utf-8">"#);
    let legacy_meta = page(r#"<meta charset="windows-1258">"#);
    let legacy_http_equiv =
        page(r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">"#);
    let utf16_meta = page(r#"<meta charset="utf-16">"#);
    let bare = page("");
    let v = |what, bytes, content_type, name, source| Variant {
        what,
        bytes,
        content_type,
        name,
        source,
    };
    use EncodingSource::*;
    vec![
        v(
            "UTF-8, meta",
            utf8_meta.clone().into_bytes(),
            None,
            "UTF-8",
            MetaPrescan,
        ),
        v(
            "UTF-8, no meta",
            bare.clone().into_bytes(),
            None,
            "UTF-8",
            Detected,
        ),
        v(
            "UTF-8, BOM",
            with_utf8_bom(&bare),
            None,
            "UTF-8",
            ByteOrderMark,
        ),
        v(
            "UTF-8, Content-Type",
            bare.clone().into_bytes(),
            Some("text/html; charset=UTF-8"),
            "UTF-8",
            ContentType,
        ),
        v(
            "windows-1258, meta charset",
            to_windows_1258(&legacy_meta),
            None,
            "windows-1258",
            MetaPrescan,
        ),
        v(
            "windows-1258, meta http-equiv",
            to_windows_1258(&legacy_http_equiv),
            None,
            "windows-1258",
            MetaPrescan,
        ),
        v(
            "windows-1258, Content-Type only",
            to_windows_1258(&bare),
            Some("text/html; charset=windows-1258"),
            "windows-1258",
            ContentType,
        ),
        v(
            "windows-1258, Content-Type over a lying meta",
            to_windows_1258(&utf8_meta),
            Some("text/html; charset=windows-1258"),
            "windows-1258",
            ContentType,
        ),
        v(
            "windows-1258, undeclared",
            to_windows_1258(&bare),
            None,
            "windows-1258",
            Detected,
        ),
        v(
            "UTF-16LE, BOM, meta",
            to_utf16le_with_bom(&utf16_meta),
            None,
            "UTF-16LE",
            ByteOrderMark,
        ),
        v(
            "UTF-16LE, BOM, no meta",
            to_utf16le_with_bom(&bare),
            Some("text/html; charset=windows-1258"),
            "UTF-16LE",
            ByteOrderMark,
        ),
    ]
}

fn clean(variant: &Variant) -> Article {
    let mut info = PageInfo::new();
    if let Some(content_type) = variant.content_type {
        info = info.content_type(content_type);
    }
    Cleaner::new()
        .clean_html_with(&variant.bytes, info)
        .unwrap_or_else(|e| panic!("{}: {e}", variant.what))
}

#[test]
fn legacy_bytes_really_are_decomposed() {
    // The point of the windows-1258 variants: letters such as "ố" and "ệ"
    // are stored as base letter plus combining tone mark (0xEC is U+0301,
    // 0xF2 is U+0323), so equality below depends on NFC normalisation.
    let bytes = to_windows_1258(&page(""));
    assert!(bytes.contains(&0xEC));
    assert!(bytes.contains(&0xF2));
    assert!(!bytes.is_ascii());
}

#[test]
fn every_encoding_gives_the_same_article() {
    let variants = variants();
    let mut reference: Option<(&str, Article)> = None;
    for variant in &variants {
        let mut article = clean(variant);
        let info = article
            .encoding
            .take()
            .expect("HTML input reports its encoding");
        assert_eq!(
            (info.name.as_str(), info.source, info.had_errors),
            (variant.name, variant.source, false),
            "{}",
            variant.what
        );
        match &reference {
            None => reference = Some((variant.what, article)),
            Some((first, same)) => {
                assert_eq!(&article, same, "{} differs from {first}", variant.what)
            }
        }
    }
}

#[test]
fn text_is_composed() {
    for variant in &variants() {
        let article = clean(variant);
        assert!(!article.body.is_empty(), "{}: empty body", variant.what);
        let text = article.text();
        assert!(is_nfc(&text), "{}: body is not NFC", variant.what);
        assert!(
            text.contains("tuyến xe buýt điện"),
            "{}: composed words missing from {text:?}",
            variant.what
        );
        assert!(
            article.body[0].starts_with("Từ đầu tháng Tư, người dân sống"),
            "{}: lead is {:?}",
            variant.what,
            article.body[0]
        );
        for field in [&article.headline, &article.kicker, &article.source]
            .into_iter()
            .flatten()
        {
            assert!(is_nfc(field), "{}: {field:?} is not NFC", variant.what);
        }
        assert_eq!(
            article.headline.as_deref(),
            Some(HEADLINE),
            "{}",
            variant.what
        );
    }
}
