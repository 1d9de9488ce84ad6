//! The cleaned article and the types it is made of.

use std::fmt;

pub use crate::datetime::{DateTime, PageDate};

/// A news article, cleaned of the page around it.
///
/// Every field is what the page printed, cleaned: whitespace folded, Unicode
/// in NFC. Fields the page does not give are `None` or empty.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Article {
    /// The headline, without a site-name suffix and without the kicker.
    pub headline: Option<String>,
    /// A topic label printed above the headline ("Hội nghị Đối ngoại toàn
    /// quốc:"), if any.
    pub kicker: Option<String>,
    /// When the article was published.
    pub dateline: Option<Dateline>,
    /// The credited origin of the story: the explicit credit when there is
    /// one, else the outlet.
    pub source: Option<String>,
    /// The name of the site that published the page ("VnExpress", "Tuổi
    /// Trẻ"), as the page gives it: `og:site_name`, the JSON-LD publisher,
    /// the title's suffix, `application-name`, or for text a source mark.
    /// Never a URL, a host in small letters, a dateline's place or a
    /// byline: without a name it is `None`, and [`Article::host`] says
    /// where the page came from.
    pub outlet: Option<String>,
    /// The page's host, lower case, without "www." ("vnexpress.net"): from
    /// the URL given in [`crate::PageInfo`], else the page's
    /// `<link rel=canonical>` or `og:url`, else a site name given as a URL.
    #[cfg_attr(feature = "serde", serde(default))]
    pub host: Option<String>,
    /// The explicit credit alone ("QĐND" from "Theo QĐND"), when the page
    /// has one.
    pub credit: Option<String>,
    /// People in the byline, without titles or the outlet's name.
    pub authors: Vec<String>,
    /// The article's paragraphs in order. The lead is the first paragraph;
    /// subheadings are paragraphs too (their role is in [`Article::roles`]).
    pub body: Vec<String>,
    /// What each body paragraph is on the page, index for index: `roles[i]`
    /// is the role of `body[i]` (a heading, a list item, a quote…). Read
    /// the two together with [`Article::blocks`]. Text input has no markup
    /// to tell: every line is a [`BlockRole::Paragraph`].
    #[cfg_attr(feature = "serde", serde(default))]
    pub roles: Vec<BlockRole>,
    /// Each photo or video caption once, in order of first appearance.
    pub captions: Vec<String>,
    /// Every piece of the page that was cut, with the reason, in page order,
    /// except what is cut from body paragraphs once the body is known (a
    /// caption printed again as a paragraph, a source mark), which comes
    /// last.
    pub removed: Vec<Removed>,
    /// For HTML input: the character encoding used to decode it, and why.
    pub encoding: Option<EncodingInfo>,
    /// What kind of page this is, judged from the whole page: a story, a
    /// listing of teasers, a media page, a forum thread or another page.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: PageKind,
    /// How sure the cleaner is, from 0.0 to 1.0, that the page's main
    /// content is one article (see [`crate::Builder::min_confidence`]). Never
    /// NaN.
    #[cfg_attr(feature = "serde", serde(default))]
    pub confidence: f32,
}

// `confidence` is never NaN (it is a clamped logistic), so equality is
// reflexive.
impl Eq for Article {}

/// What kind of page a cleaned page is. Serialised as its snake_case
/// [`Display`](fmt::Display) form (`"article"`, `"listing"`…).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PageKind {
    /// One story: a news article, a blog post, a report.
    #[default]
    Article,
    /// A list of teasers linking elsewhere: a home page, a section, tag or
    /// search page, a collection.
    Listing,
    /// A page built around a video, a gallery or a podcast.
    Media,
    /// A discussion thread: posts by several people, one after another.
    Forum,
    /// Any other page: a product, a service, documentation, a profile.
    Other,
}

impl fmt::Display for PageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PageKind::Article => "article",
            PageKind::Listing => "listing",
            PageKind::Media => "media",
            PageKind::Forum => "forum",
            PageKind::Other => "other",
        })
    }
}

impl Article {
    /// When the article was published, as a full instant (date, time and
    /// offset), if the page gives one: `article.published()` borrows, where
    /// `article.dateline.and_then(|d| d.datetime)` would move the dateline.
    pub fn published(&self) -> Option<DateTime> {
        self.dateline.as_ref().and_then(|d| d.datetime)
    }

    /// The publication date at the precision the page gives it (a day, or a
    /// time whose offset may be unknown), if it gives any.
    pub fn published_date(&self) -> Option<&PageDate> {
        self.dateline.as_ref().and_then(|d| d.date.as_ref())
    }

    /// The body as one string, paragraphs separated by a blank line.
    pub fn text(&self) -> String {
        self.body.join("\n\n")
    }

    /// The body paragraphs with their roles, in order: [`Article::body`]
    /// and [`Article::roles`] side by side, borrowed. A paragraph without a
    /// role (`roles` shorter than `body`, as after the caller pushed to
    /// `body` alone) is a [`BlockRole::Paragraph`].
    ///
    /// ```
    /// use tinsach::BlockRole;
    ///
    /// let long = "Đoạn văn của bài báo, đủ dài để là một đoạn văn thật sự của bài viết, kể lại sự việc.";
    /// let page = format!(
    ///     "<article><h1>Tiêu đề</h1><p>{long}</p><h2>Bối cảnh</h2><p>{long} Thêm nữa.</p></article>"
    /// );
    /// let article = tinsach::clean_html(page.as_bytes())?;
    /// let roles: Vec<BlockRole> = article.blocks().map(|b| b.role).collect();
    /// assert_eq!(roles, [BlockRole::Paragraph, BlockRole::Heading(2), BlockRole::Paragraph]);
    /// assert_eq!(article.blocks().nth(1).unwrap().text, "Bối cảnh");
    /// # Ok::<(), tinsach::Error>(())
    /// ```
    pub fn blocks(&self) -> impl Iterator<Item = BodyBlock<'_>> {
        let roles = self
            .roles
            .iter()
            .copied()
            .chain(std::iter::repeat(BlockRole::Paragraph));
        self.body
            .iter()
            .zip(roles)
            .map(|(text, role)| BodyBlock { role, text })
    }
}

/// One body paragraph with its role: an item of [`Article::blocks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct BodyBlock<'a> {
    /// What the paragraph is on the page.
    pub role: BlockRole,
    /// Its text, as in [`Article::body`].
    pub text: &'a str,
}

/// What a body paragraph is on the page, from the element that held it.
///
/// With the `serde` feature it serialises as one snake_case string:
/// `"paragraph"`, `"heading_2"`, `"list_item"`, `"quote"`, `"table_cell"`,
/// `"preformatted"`, `"caption"` (its [`Display`](fmt::Display) form).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockRole {
    /// A paragraph (`p`, text in a `div`), or a line of text input.
    #[default]
    Paragraph,
    /// A subheading `h1`–`h6`, with its level (the headline itself is
    /// [`Article::headline`], never a body block).
    Heading(u8),
    /// An item of a list (`li`).
    ListItem,
    /// A block quotation.
    Quote,
    /// A table cell (`td`, `th`).
    TableCell,
    /// Preformatted text (`pre`); its white space is folded like any
    /// block's.
    Preformatted,
    /// A caption (`figcaption`, a caption cell of an image table) that the
    /// classifier kept as body: the captions it cut are
    /// [`Article::captions`].
    Caption,
}

impl fmt::Display for BlockRole {
    /// The snake_case name, the serialised form: `heading_2` for an `h2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockRole::Paragraph => f.write_str("paragraph"),
            BlockRole::Heading(level) => write!(f, "heading_{level}"),
            BlockRole::ListItem => f.write_str("list_item"),
            BlockRole::Quote => f.write_str("quote"),
            BlockRole::TableCell => f.write_str("table_cell"),
            BlockRole::Preformatted => f.write_str("preformatted"),
            BlockRole::Caption => f.write_str("caption"),
        }
    }
}

impl BlockRole {
    /// Reads the [`Display`](fmt::Display) form back (for serde).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    fn from_name(name: &str) -> Option<BlockRole> {
        Some(match name {
            "paragraph" => BlockRole::Paragraph,
            "list_item" => BlockRole::ListItem,
            "quote" => BlockRole::Quote,
            "table_cell" => BlockRole::TableCell,
            "preformatted" => BlockRole::Preformatted,
            "caption" => BlockRole::Caption,
            _ => BlockRole::Heading(name.strip_prefix("heading_")?.parse().ok()?),
        })
    }
}

/// Serialises a type as one string, what `$name` makes of a value (any
/// `Display`), and reads it back with the type's `from_name`: a flat name
/// is simpler to filter and group by than serde's default
/// `{"variant": value}` for a variant with data.
#[cfg(feature = "serde")]
macro_rules! serde_as_name {
    ($type:ty, $what:literal, $name:expr) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&($name)(self))
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<$type, D::Error> {
                let name = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                <$type>::from_name(&name).ok_or_else(|| {
                    serde::de::Error::custom(format_args!(
                        concat!("unknown ", $what, " {:?}"),
                        name
                    ))
                })
            }
        }
    };
}

#[cfg(feature = "serde")]
serde_as_name!(BlockRole, "block role", |role: &BlockRole| *role);
#[cfg(feature = "serde")]
serde_as_name!(Reason, "reason", Reason::name);

/// When an article was published: the date as printed and as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Dateline {
    /// The date as printed on the page, or `None` when only metadata carries
    /// it.
    pub text: Option<String>,
    /// The parsed instant, when the page gives a full date: a day, a time
    /// and an offset, printed or implied by the page's language (a date
    /// without a year, like "Ngày 4/7", is not one).
    pub datetime: Option<DateTime>,
    /// The date at the precision the page gives it, even without a time or
    /// an offset (`<meta name="date" content="2016-02-01 01:28:49">`, "Sep
    /// 5, 2024"): see [`PageDate`].
    pub date: Option<PageDate>,
}

impl Dateline {
    /// A dateline from its printed text and parsed instant.
    pub fn new(text: Option<String>, datetime: Option<DateTime>) -> Dateline {
        Dateline {
            text,
            datetime,
            date: datetime.map(PageDate::from),
        }
    }

    /// A dateline with the date at the page's precision beside the instant.
    pub(crate) fn with_date(mut self, date: Option<PageDate>) -> Dateline {
        self.date = date.or(self.date);
        self
    }
}

impl fmt::Display for Dateline {
    /// The instant in RFC 3339 when there is one, else the date at its
    /// precision, else the printed text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.datetime, &self.date, &self.text) {
            (Some(dt), _, _) => dt.fmt(f),
            (None, Some(d), _) => d.fmt(f),
            (None, None, Some(t)) => f.write_str(t),
            (None, None, None) => Ok(()),
        }
    }
}

/// A piece of the page that was cut, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Removed {
    /// The text that was cut, whitespace folded. Blocks next to each other
    /// on the page and cut for the same reason (a menu, a related list) make
    /// one piece, a line each: `text` then holds one `'\n'` between blocks
    /// and no other.
    pub text: String,
    /// Why it was cut.
    pub reason: Reason,
}

/// Why a piece of the page was cut from the body.
///
/// With the `serde` feature it serialises as one snake_case string, its
/// [`Reason::name`]: `"navigation"`, `"related_list"`, a teaser with its
/// kind as `"teaser_lottery"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Menus, breadcrumbs, section links, category labels.
    Navigation,
    /// A list of related articles ("Tin liên quan", "Cùng chuyên mục", a
    /// title followed by the same title and a teaser).
    RelatedList,
    /// A most-read or latest-news block ("Xem nhiều nhất", "Tin mới").
    MostRead,
    /// A teaser for another page, of the given kind.
    Teaser(TeaserKind),
    /// A photo or video caption (kept in [`Article::captions`]).
    Caption,
    /// A caption printed again.
    RepeatedCaption,
    /// Alternative text standing in for an image ("`<headline> - Ảnh 1.`").
    ImagePlaceholder,
    /// A prompt to follow, share, comment, subscribe or copy a link.
    FollowShare,
    /// The byline (kept in [`Article::authors`]).
    Byline,
    /// A credit line such as "Theo QĐND" (kept in [`Article::credit`]).
    Credit,
    /// The printed date (kept in [`Article::dateline`]).
    Dateline,
    /// The headline, or a repeat of it (kept in [`Article::headline`]).
    Headline,
    /// The kicker above the headline (kept in [`Article::kicker`]).
    Kicker,
    /// A source prefix at the start of the lead ("VTV.vn - ") or the end mark
    /// "./.".
    SourceMark,
    /// Site footer: licence, address, contacts, copyright.
    Footer,
    /// A video or audio player widget ("ĐANG PHÁT").
    PlayerWidget,
    /// Comment threads and feedback prompts ("Phản hồi", "Bình luận").
    Comments,
    /// Tags and keyword lists ("Từ khóa", "Xem thêm về").
    Tags,
    /// Advertising.
    Advertisement,
    /// Text outside the article's column, or too short and isolated to be
    /// part of it.
    Boilerplate,
    /// A paragraph already in the body.
    Duplicate,
}

impl Reason {
    /// Every reason, each teaser kind apart: the names [`Reason::name`]
    /// gives, and no other, are read back.
    const ALL: [Reason; 24] = [
        Reason::Navigation,
        Reason::RelatedList,
        Reason::MostRead,
        Reason::Teaser(TeaserKind::Lottery),
        Reason::Teaser(TeaserKind::Horoscope),
        Reason::Teaser(TeaserKind::PowerCut),
        Reason::Teaser(TeaserKind::Article),
        Reason::Caption,
        Reason::RepeatedCaption,
        Reason::ImagePlaceholder,
        Reason::FollowShare,
        Reason::Byline,
        Reason::Credit,
        Reason::Dateline,
        Reason::Headline,
        Reason::Kicker,
        Reason::SourceMark,
        Reason::Footer,
        Reason::PlayerWidget,
        Reason::Comments,
        Reason::Tags,
        Reason::Advertisement,
        Reason::Boilerplate,
        Reason::Duplicate,
    ];

    /// The stable snake_case name, the serialised form: `"related_list"`,
    /// `"teaser_lottery"`. (The [`Display`](fmt::Display) form is for
    /// people: "related list", "teaser (lottery)".)
    ///
    /// ```
    /// use tinsach::{Reason, TeaserKind};
    /// assert_eq!(Reason::RelatedList.name(), "related_list");
    /// assert_eq!(Reason::Teaser(TeaserKind::PowerCut).name(), "teaser_power_cut");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Reason::Navigation => "navigation",
            Reason::RelatedList => "related_list",
            Reason::MostRead => "most_read",
            Reason::Teaser(TeaserKind::Lottery) => "teaser_lottery",
            Reason::Teaser(TeaserKind::Horoscope) => "teaser_horoscope",
            Reason::Teaser(TeaserKind::PowerCut) => "teaser_power_cut",
            Reason::Teaser(TeaserKind::Article) => "teaser_article",
            Reason::Caption => "caption",
            Reason::RepeatedCaption => "repeated_caption",
            Reason::ImagePlaceholder => "image_placeholder",
            Reason::FollowShare => "follow_share",
            Reason::Byline => "byline",
            Reason::Credit => "credit",
            Reason::Dateline => "dateline",
            Reason::Headline => "headline",
            Reason::Kicker => "kicker",
            Reason::SourceMark => "source_mark",
            Reason::Footer => "footer",
            Reason::PlayerWidget => "player_widget",
            Reason::Comments => "comments",
            Reason::Tags => "tags",
            Reason::Advertisement => "advertisement",
            Reason::Boilerplate => "boilerplate",
            Reason::Duplicate => "duplicate",
        }
    }

    /// The reason of a [`Reason::name`] (for serde).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Reason::Navigation => "navigation",
            Reason::RelatedList => "related list",
            Reason::MostRead => "most-read list",
            Reason::Teaser(kind) => return write!(f, "teaser ({kind})"),
            Reason::Caption => "caption",
            Reason::RepeatedCaption => "repeated caption",
            Reason::ImagePlaceholder => "image placeholder",
            Reason::FollowShare => "follow/share prompt",
            Reason::Byline => "byline",
            Reason::Credit => "credit",
            Reason::Dateline => "dateline",
            Reason::Headline => "headline",
            Reason::Kicker => "kicker",
            Reason::SourceMark => "source mark",
            Reason::Footer => "footer",
            Reason::PlayerWidget => "player widget",
            Reason::Comments => "comments",
            Reason::Tags => "tags",
            Reason::Advertisement => "advertisement",
            Reason::Boilerplate => "boilerplate",
            Reason::Duplicate => "duplicate",
        };
        f.write_str(s)
    }
}

/// What a teaser for another page is about. Serialised in snake_case
/// (`"power_cut"`); inside a [`Reason`], as part of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TeaserKind {
    /// Lottery results ("XSMN", "kết quả xổ số").
    Lottery,
    /// Horoscopes ("Tử vi", "cung hoàng đạo").
    Horoscope,
    /// Power-cut schedules ("Lịch cúp điện").
    PowerCut,
    /// Any other article teaser.
    Article,
}

impl fmt::Display for TeaserKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TeaserKind::Lottery => "lottery",
            TeaserKind::Horoscope => "horoscope",
            TeaserKind::PowerCut => "power cut",
            TeaserKind::Article => "article",
        })
    }
}

/// The character encoding an HTML page was decoded with, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct EncodingInfo {
    /// The WHATWG name of the encoding ("UTF-8", "windows-1258").
    pub name: String,
    /// How the encoding was chosen.
    pub source: EncodingSource,
    /// Whether malformed byte sequences were replaced with U+FFFD.
    pub had_errors: bool,
    /// Whether the decode looks wrong although the standard was followed:
    /// a UTF-16 byte-order mark over bytes that read as UTF-8 (no NUL byte,
    /// which UTF-16 markup is full of, and valid UTF-8). Browsers obey the
    /// mark, so the text is the mojibake a reader saw, with no malformed
    /// bytes to set `had_errors`; this says not to trust it.
    #[cfg_attr(feature = "serde", serde(default))]
    pub looks_wrong: bool,
}

/// How the encoding of a page was chosen, in the WHATWG order of precedence.
/// Serialised in snake_case (`"meta_prescan"`), as [`EncodingSource::name`]
/// gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte-order mark at the start of the bytes.
    ByteOrderMark,
    /// The charset parameter of the HTTP `Content-Type` the caller gave.
    ContentType,
    /// A `<meta charset>` or `http-equiv` declaration in the page's first
    /// 1024 bytes.
    MetaPrescan,
    /// A guess from the bytes themselves (chardetng).
    Detected,
    /// The page declared a legacy charset (in the HTTP `Content-Type` or a
    /// `<meta>`), but its bytes are valid UTF-8 with multi-byte characters,
    /// as a page re-saved by a scraper is: read as UTF-8.
    Utf8OverDeclaration,
}

impl EncodingSource {
    /// The stable snake_case name, the serialised form: `"byte_order_mark"`,
    /// `"content_type"`, `"meta_prescan"`, `"detected"`,
    /// `"utf8_over_declaration"`. (The [`Display`](fmt::Display) form is
    /// for people.)
    pub fn name(&self) -> &'static str {
        match self {
            EncodingSource::ByteOrderMark => "byte_order_mark",
            EncodingSource::ContentType => "content_type",
            EncodingSource::MetaPrescan => "meta_prescan",
            EncodingSource::Detected => "detected",
            EncodingSource::Utf8OverDeclaration => "utf8_over_declaration",
        }
    }
}

impl fmt::Display for EncodingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EncodingSource::ByteOrderMark => "byte-order mark",
            EncodingSource::ContentType => "Content-Type",
            EncodingSource::MetaPrescan => "meta prescan",
            EncodingSource::Utf8OverDeclaration => "valid UTF-8 over a declared charset",
            EncodingSource::Detected => "detected",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_checks_fields() {
        assert!(DateTime::new(2024, 2, 29, 0, 0, 0, 0).is_some());
        assert!(DateTime::new(2023, 2, 29, 0, 0, 0, 0).is_none());
        assert!(DateTime::new(2023, 13, 1, 0, 0, 0, 0).is_none());
        assert!(DateTime::new(2023, 1, 1, 24, 0, 0, 0).is_none());
        // Offsets to ±18 h; the extremes of the type are refused, not a panic.
        assert!(DateTime::new(2023, 1, 1, 0, 0, 0, -18 * 60).is_some());
        assert!(DateTime::new(2023, 1, 1, 0, 0, 0, 18 * 60 + 1).is_none());
        assert!(DateTime::new(2023, 1, 1, 0, 0, 0, i16::MIN).is_none());
        assert!(DateTime::new(2023, 1, 1, 0, 0, 0, i16::MAX).is_none());
    }

    #[test]
    fn datetime_formats_rfc3339() {
        let d = DateTime::new(2023, 3, 29, 21, 20, 0, 420).unwrap();
        assert_eq!(d.to_string(), "2023-03-29T21:20:00+07:00");
        let d = DateTime::new(2023, 3, 29, 21, 20, 5, 0).unwrap();
        assert_eq!(d.to_string(), "2023-03-29T21:20:05Z");
        let d = DateTime::new(2023, 3, 29, 21, 20, 5, -330).unwrap();
        assert_eq!(d.to_string(), "2023-03-29T21:20:05-05:30");
    }

    #[test]
    fn parses_its_own_display() {
        for s in [
            "2023-03-29T21:20:00+07:00",
            "2023-03-29T21:20:05Z",
            "2023-03-29T21:20:05-05:30",
        ] {
            let d: DateTime = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert!("2023-03-29".parse::<DateTime>().is_err());
        assert!("yesterday".parse::<DateTime>().is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip() {
        let d = DateTime::new(2023, 3, 29, 21, 20, 0, 420).unwrap();
        let article = Article {
            headline: Some("Tiêu đề".into()),
            dateline: Some(Dateline::new(Some("29/03/2023 21:20".into()), Some(d))),
            body: vec!["Đoạn một.".into()],
            ..Article::default()
        };
        let json = serde_json::to_string(&article).unwrap();
        assert!(
            json.contains(r#""datetime":"2023-03-29T21:20:00+07:00""#),
            "{json}"
        );
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, article);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn names_are_the_serialised_forms() {
        use std::collections::HashSet;
        let names: HashSet<&str> = Reason::ALL.iter().map(Reason::name).collect();
        assert_eq!(names.len(), Reason::ALL.len(), "a name given twice");
        // Every reason is in the written schema (`tests/schema.rs` checks
        // the rest of it against the JSON).
        let schema = include_str!("../docs/SCHEMA.md");
        for name in names {
            assert!(
                schema.contains(&format!("| `{name}` |")),
                "{name} not in docs/SCHEMA.md"
            );
        }
        for reason in Reason::ALL {
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.name()));
            assert_eq!(serde_json::from_str::<Reason>(&json).unwrap(), reason);
        }
        for source in [
            EncodingSource::ByteOrderMark,
            EncodingSource::ContentType,
            EncodingSource::MetaPrescan,
            EncodingSource::Detected,
            EncodingSource::Utf8OverDeclaration,
        ] {
            let json = serde_json::to_string(&source).unwrap();
            assert_eq!(json, format!("\"{}\"", source.name()));
        }
        for role in [
            BlockRole::Heading(2),
            BlockRole::ListItem,
            BlockRole::Paragraph,
        ] {
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{role}\""));
            assert_eq!(serde_json::from_str::<BlockRole>(&json).unwrap(), role);
        }
        assert!(serde_json::from_str::<BlockRole>("\"heading_x\"").is_err());
    }

    #[test]
    fn unix_minutes_compares_instants() {
        let a = DateTime::new(2023, 3, 29, 21, 20, 0, 420).unwrap();
        let b = DateTime::new(2023, 3, 29, 14, 20, 0, 0).unwrap();
        assert_eq!(a.unix_minutes(), b.unix_minutes());
        let epoch = DateTime::new(1970, 1, 1, 0, 0, 0, 0).unwrap();
        assert_eq!(epoch.unix_minutes(), 0);
    }
}
