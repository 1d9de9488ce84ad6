//! Chrome knowledge as data: the phrases and patterns that mark pieces of a
//! news page that are not the article.
//!
//! Every entry is general: it names a kind of widget that news sites print
//! around articles, in words any site of the language uses, never a sentence
//! of a particular page. Matching is done on whole blocks (a line of text or
//! an HTML paragraph) after case folding, unless an entry says otherwise.
//! Adding an entry here is the way to teach the cleaner a new piece of
//! chrome; the logic in `classify` does not name phrases.

use crate::article::{Reason, TeaserKind};

/// Whole-block labels: a block whose case-folded text equals one of these
/// (ignoring a trailing ":" or "!" and surrounding punctuation) is chrome of
/// the given kind. Where the label heads a list (`heads_list`), the short
/// lines that follow it belong to the same widget.
pub(crate) struct Label {
    pub text: &'static str,
    pub reason: Reason,
    pub heads_list: bool,
}

const fn label(text: &'static str, reason: Reason, heads_list: bool) -> Label {
    Label {
        text,
        reason,
        heads_list,
    }
}

/// Section labels of widgets. Vietnamese first, then English; all are the
/// generic captions sites give these boxes.
pub(crate) static LABELS: &[Label] = &[
    // Most-read and latest-news boxes.
    label("xem nhiều nhất", Reason::MostRead, true),
    label("xem nhiều", Reason::MostRead, true),
    label("đọc nhiều", Reason::MostRead, true),
    label("đọc nhiều nhất", Reason::MostRead, true),
    label("tin mới", Reason::MostRead, true),
    label("tin mới nhất", Reason::MostRead, true),
    label("mới nhất", Reason::MostRead, true),
    label("tin nóng", Reason::MostRead, true),
    label("tin nổi bật", Reason::MostRead, true),
    label("tin đọc nhiều", Reason::MostRead, true),
    label("tin xem nhiều", Reason::MostRead, true),
    label("tin tiêu điểm", Reason::MostRead, true),
    label("tiêu điểm", Reason::MostRead, true),
    label("điểm tin nổi bật", Reason::MostRead, true),
    label("chủ đề nóng", Reason::MostRead, true),
    label("đọc nhanh", Reason::MostRead, false),
    label("đọc nhanh >>", Reason::MostRead, false),
    label("most read", Reason::MostRead, true),
    label("most popular", Reason::MostRead, true),
    label("trending", Reason::MostRead, true),
    label("latest news", Reason::MostRead, true),
    label("latest", Reason::MostRead, true),
    // Related-article boxes.
    label("đọc thêm", Reason::RelatedList, true),
    label("xem thêm", Reason::RelatedList, true),
    label("tham khảo thêm", Reason::RelatedList, true),
    label("tin liên quan", Reason::RelatedList, true),
    label("bài liên quan", Reason::RelatedList, true),
    label("bài viết liên quan", Reason::RelatedList, true),
    label("cùng chuyên mục", Reason::RelatedList, true),
    label("tin cùng chuyên mục", Reason::RelatedList, true),
    label("bài viết cùng chủ đề", Reason::RelatedList, true),
    label("bài cùng chủ đề", Reason::RelatedList, true),
    label("cùng chủ đề", Reason::RelatedList, true),
    label("các tin khác", Reason::RelatedList, true),
    label("tin khác", Reason::RelatedList, true),
    label("tin bài khác", Reason::RelatedList, true),
    label("có thể bạn quan tâm", Reason::RelatedList, true),
    label("bạn có thể quan tâm", Reason::RelatedList, true),
    label("related", Reason::RelatedList, true),
    label("related articles", Reason::RelatedList, true),
    label("related stories", Reason::RelatedList, true),
    label("read more", Reason::RelatedList, true),
    label("more stories", Reason::RelatedList, true),
    label("you may also like", Reason::RelatedList, true),
    // Comments and feedback.
    label("phản hồi", Reason::Comments, false),
    label("bình luận", Reason::Comments, false),
    label("ý kiến bạn đọc", Reason::Comments, false),
    label("gửi bình luận", Reason::Comments, false),
    label("bình luận bài viết này", Reason::Comments, false),
    label("comments", Reason::Comments, false),
    label("leave a comment", Reason::Comments, false),
    // The comment form's title in the common blog engines (WordPress's
    // "Leave a Reply", its themes' "Reader Interactions"), and the usual
    // wordings of the same header elsewhere.
    label("leave a reply", Reason::Comments, false),
    label("reader interactions", Reason::Comments, false),
    label("post a comment", Reason::Comments, false),
    label("add a comment", Reason::Comments, false),
    label("join the discussion", Reason::Comments, false),
    label("join the conversation", Reason::Comments, false),
    label("like this", Reason::FollowShare, false),
    label("share this", Reason::FollowShare, false),
    // Share, follow, copy.
    label("chia sẻ", Reason::FollowShare, false),
    label("chia sẻ bài viết", Reason::FollowShare, false),
    label("copy link", Reason::FollowShare, false),
    label("sao chép liên kết", Reason::FollowShare, false),
    label("copy link thành công", Reason::FollowShare, false),
    label("lấy link", Reason::FollowShare, false),
    label("link bài gốc", Reason::FollowShare, false),
    label("tặng sao cho bài viết hay", Reason::FollowShare, false),
    label("in bài", Reason::FollowShare, false),
    label("lưu bài", Reason::FollowShare, false),
    label("share", Reason::FollowShare, false),
    label("tweet", Reason::FollowShare, false),
    label("facebook", Reason::FollowShare, false),
    label("zalo", Reason::FollowShare, false),
    // The share buttons of a share bar, each a social network's name
    // alone on its line (a text rendering prints the bar so).
    label("twitter", Reason::FollowShare, false),
    label("linkedin", Reason::FollowShare, false),
    label("pinterest", Reason::FollowShare, false),
    label("reddit", Reason::FollowShare, false),
    label("whatsapp", Reason::FollowShare, false),
    label("telegram", Reason::FollowShare, false),
    label("messenger", Reason::FollowShare, false),
    label("bluesky", Reason::FollowShare, false),
    label("threads", Reason::FollowShare, false),
    label("mastodon", Reason::FollowShare, false),
    label("tumblr", Reason::FollowShare, false),
    label("flipboard", Reason::FollowShare, false),
    label("email", Reason::FollowShare, false),
    label("print", Reason::FollowShare, false),
    // Tags.
    label("từ khóa", Reason::Tags, true),
    label("từ khoá", Reason::Tags, true),
    label("tags", Reason::Tags, true),
    label("tag", Reason::Tags, true),
    label("xem thêm về", Reason::Tags, true),
    label("chủ đề", Reason::Tags, true),
    // Players.
    label("đang phát", Reason::PlayerWidget, false),
    label("now playing", Reason::PlayerWidget, false),
    label("xem lịch phát sóng", Reason::PlayerWidget, false),
    label("x", Reason::PlayerWidget, false),
    // Navigation.
    label("phiên bản di động", Reason::Navigation, false),
    label("trang chủ", Reason::Navigation, false),
    label("về đầu trang", Reason::Navigation, false),
    label("lên đầu trang", Reason::Navigation, false),
    label("tất cả chuyên mục", Reason::Navigation, false),
    label("danh mục", Reason::Navigation, false),
    label("back to top", Reason::Navigation, false),
    label("skip to content", Reason::Navigation, false),
    label("menu", Reason::Navigation, false),
    label("podcast", Reason::Navigation, false),
    label("video", Reason::Navigation, false),
    label("multimedia", Reason::Navigation, false),
    label("magazine", Reason::Navigation, false),
    // The same widgets' captions in the other languages most news is
    // written in (German, French, Spanish, Italian, Portuguese, Dutch) and
    // the English ones blogs and company sites give them. Each is the
    // generic caption of a box any site of the language prints, never a
    // site's own name for it.
    //
    // Most-read and latest boxes.
    label("meistgelesen", Reason::MostRead, true),
    label("meistgelesene artikel", Reason::MostRead, true),
    label("am meisten gelesen", Reason::MostRead, true),
    label("neueste artikel", Reason::MostRead, true),
    label("les plus lus", Reason::MostRead, true),
    label("les plus populaires", Reason::MostRead, true),
    label("lo más leído", Reason::MostRead, true),
    label("lo más visto", Reason::MostRead, true),
    label("i più letti", Reason::MostRead, true),
    label("più letti", Reason::MostRead, true),
    label("mais lidas", Reason::MostRead, true),
    label("mais lidos", Reason::MostRead, true),
    label("meest gelezen", Reason::MostRead, true),
    label("popular articles", Reason::MostRead, true),
    label("popular posts", Reason::MostRead, true),
    label("recent posts", Reason::MostRead, true),
    label("recent articles", Reason::MostRead, true),
    label("latest posts", Reason::MostRead, true),
    label("latest articles", Reason::MostRead, true),
    label("editor's picks", Reason::MostRead, true),
    // Related-article boxes.
    label("mehr zum thema", Reason::RelatedList, true),
    label(
        "das könnte sie auch interessieren",
        Reason::RelatedList,
        true,
    ),
    label("das könnte sie interessieren", Reason::RelatedList, true),
    label("lesen sie auch", Reason::RelatedList, true),
    label("auch interessant", Reason::RelatedList, true),
    label("weitere artikel", Reason::RelatedList, true),
    label("verwandte artikel", Reason::RelatedList, true),
    label("passend zum thema", Reason::RelatedList, true),
    label("alle artikel zum thema", Reason::RelatedList, true),
    label("lire aussi", Reason::RelatedList, true),
    label("à lire aussi", Reason::RelatedList, true),
    label("à lire également", Reason::RelatedList, true),
    label("sur le même sujet", Reason::RelatedList, true),
    label("articles similaires", Reason::RelatedList, true),
    label("noticias relacionadas", Reason::RelatedList, true),
    label("te puede interesar", Reason::RelatedList, true),
    label("también te puede interesar", Reason::RelatedList, true),
    label("lee también", Reason::RelatedList, true),
    label("artículos relacionados", Reason::RelatedList, true),
    label("leggi anche", Reason::RelatedList, true),
    label("articoli correlati", Reason::RelatedList, true),
    label("leia também", Reason::RelatedList, true),
    label("veja também", Reason::RelatedList, true),
    label("notícias relacionadas", Reason::RelatedList, true),
    label("lees ook", Reason::RelatedList, true),
    label("related posts", Reason::RelatedList, true),
    label("related content", Reason::RelatedList, true),
    label("related reading", Reason::RelatedList, true),
    label("more articles", Reason::RelatedList, true),
    label("more from this author", Reason::RelatedList, true),
    label("read next", Reason::RelatedList, true),
    label("keep reading", Reason::RelatedList, true),
    label("you might also like", Reason::RelatedList, true),
    label("you may also be interested in", Reason::RelatedList, true),
    label("recommended for you", Reason::RelatedList, true),
    // Comment threads.
    label("kommentare", Reason::Comments, false),
    label("leserkommentare", Reason::Comments, false),
    label("kommentieren", Reason::Comments, false),
    label("commentaires", Reason::Comments, false),
    label("comentarios", Reason::Comments, false),
    label("comentários", Reason::Comments, false),
    label("commenti", Reason::Comments, false),
    label("reacties", Reason::Comments, false),
    label("comments are closed", Reason::Comments, false),
    // Share bars and reading tools.
    label("teilen", Reason::FollowShare, false),
    label("artikel teilen", Reason::FollowShare, false),
    label("beitrag teilen", Reason::FollowShare, false),
    label("diesen artikel teilen", Reason::FollowShare, false),
    label("link kopieren", Reason::FollowShare, false),
    label("drucken", Reason::FollowShare, false),
    label("merken", Reason::FollowShare, false),
    label("partager", Reason::FollowShare, false),
    label("partager cet article", Reason::FollowShare, false),
    label("copier le lien", Reason::FollowShare, false),
    label("compartir", Reason::FollowShare, false),
    label("compartilhar", Reason::FollowShare, false),
    label("condividi", Reason::FollowShare, false),
    label("delen", Reason::FollowShare, false),
    label("share this article", Reason::FollowShare, false),
    label("share this story", Reason::FollowShare, false),
    label("share this post", Reason::FollowShare, false),
    label("share on facebook", Reason::FollowShare, false),
    label("share on twitter", Reason::FollowShare, false),
    // Advertising slots and the note that the story goes on past one.
    label("advertisement", Reason::Advertisement, false),
    label("anzeige", Reason::Advertisement, false),
    label("werbung", Reason::Advertisement, false),
    label("publicité", Reason::Advertisement, false),
    label("publicidad", Reason::Advertisement, false),
    label("pubblicità", Reason::Advertisement, false),
    label("publicidade", Reason::Advertisement, false),
    label("advertentie", Reason::Advertisement, false),
    label("sponsored", Reason::Advertisement, false),
    label("article continues below", Reason::Advertisement, false),
    label("story continues below", Reason::Advertisement, false),
    label(
        "article continues after advertisement",
        Reason::Advertisement,
        false,
    ),
    label(
        "advertisement - continue reading below",
        Reason::Advertisement,
        false,
    ),
    label("weiterlesen nach der anzeige", Reason::Advertisement, false),
    // Tags.
    label("themen", Reason::Tags, true),
    label("schlagwörter", Reason::Tags, true),
    label("mots-clés", Reason::Tags, true),
    label("etiquetas", Reason::Tags, true),
    label("argomenti", Reason::Tags, true),
    // Navigation and the links of a site's footer.
    label("table of contents", Reason::Navigation, true),
    label("inhaltsverzeichnis", Reason::Navigation, true),
    label("sommaire", Reason::Navigation, true),
    label("startseite", Reason::Navigation, false),
    label("accueil", Reason::Navigation, false),
    label("previous post", Reason::Navigation, false),
    label("next post", Reason::Navigation, false),
    label("previous article", Reason::Navigation, false),
    label("next article", Reason::Navigation, false),
    label("back to blog", Reason::Navigation, false),
    label("privacy policy", Reason::Footer, false),
    label("terms of service", Reason::Footer, false),
    label("terms of use", Reason::Footer, false),
    label("cookie policy", Reason::Footer, false),
    label("cookie settings", Reason::Footer, false),
    label("contact us", Reason::Footer, false),
    label("about us", Reason::Footer, false),
    label("impressum", Reason::Footer, false),
    label("datenschutz", Reason::Footer, false),
    label("datenschutzerklärung", Reason::Footer, false),
    label("mentions légales", Reason::Footer, false),
    label("aviso legal", Reason::Footer, false),
];

/// Blocks longer than this many characters are never matched against
/// [`PATTERNS`]: widget lines are short, and a long block is prose whatever
/// words it opens with.
pub(crate) const PATTERN_MAX_CHARS: usize = 250;

/// Patterns for chrome whose wording varies: prompts with the site's name in
/// them, player widgets, footers. Each matches the shape of the widget, not
/// a page's sentence. They are matched against the block's lower-cased
/// text, whose white space is already folded to single spaces; so they use
/// plain spaces, no case folding and only small bounded repetitions (a few
/// words), which keep the regex engine's automaton small.
pub(crate) static PATTERNS: &[(&str, Reason)] = &[
    // "Theo dõi Baoquocte.vn trên", "Theo dõi Báo X trên Google News", "Follow us on".
    (
        r"^theo dõi [^ ]+( [^ ]+){0,3} trên( [^ ]+){0,3}$",
        Reason::FollowShare,
    ),
    (r"^(follow|like) us( on .*)?$", Reason::FollowShare),
    (
        r"^(mời (quý )?(độc giả|bạn đọc)|\* mời).*(theo dõi|xem|đón đọc)",
        Reason::FollowShare,
    ),
    (
        r"^(đăng ký|subscribe|sign up)( ngay| now)?( (để )?nhận (bản )?tin.*| to (our )?newsletter.*)?$",
        Reason::FollowShare,
    ),
    (
        r"^.*[^0-9][0-9]+ ?(phút|giờ|giây|ngày) trước$",
        Reason::MostRead,
    ),
    (r"^([0-9]+:)?[0-9][0-9]?:[0-9][0-9]$", Reason::PlayerWidget),
    // Footer: licences, editors, addresses, contacts, copyright.
    (r"^(©|copyright|bản quyền)", Reason::Footer),
    (
        r"(giữ bản quyền|all rights reserved|giấy phép (số|xuất bản)|số giấy phép)",
        Reason::Footer,
    ),
    (
        r"^(tổng biên tập|phó tổng biên tập|cơ quan chủ quản|chịu trách nhiệm|phụ trách nội dung|tòa soạn|toà soạn|địa chỉ|điện thoại|đt|hotline|fax|email|liên hệ( quảng cáo| tòa soạn)?|powered by) ?[:.]",
        Reason::Footer,
    ),
    // The republication notice Vietnamese outlets print in their footers
    // ("Chỉ được phát hành lại thông tin từ website này khi có sự đồng ý…"),
    // matched by its opening words only: the rest names the outlet.
    (r"^chỉ được phát hành lại thông tin", Reason::Footer),
    // The moderation note above a comment form ("Ý kiến của bạn sẽ được
    // biên tập trước khi đăng…"), common to outlets that take comments.
    (r"^ý kiến của bạn sẽ được biên tập", Reason::Comments),
    // "There are 13 comments", "13 bình luận", "Comments (4)".
    (
        r"^(there (are|is) )?[0-9]+ (comments?|responses?|replies|bình luận|ý kiến|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties)$",
        Reason::Comments,
    ),
    (
        r"^(comments?|bình luận|ý kiến|kommentare|commentaires|comentarios|comentários|commenti|reacties) \([0-9]+\)$",
        Reason::Comments,
    ),
    // A thread's header with the story's title: "59 Comments on “…”",
    // "12 thoughts on “…”", "3 responses to “…”".
    (
        r"^[0-9]+ (comments?|responses?|replies|thoughts?) (on|to) ",
        Reason::Comments,
    ),
    (r"^(xem|tải) (thêm )?(ứng dụng|app)", Reason::FollowShare),
    (r"^#[^ ]", Reason::Tags),
    (
        r"^(xem thêm|đọc thêm|xem tiếp|xem thêm tại|read more) ?(>>|»|:|\.\.\.)?$",
        Reason::RelatedList,
    ),
    (r"^trở lại( [^ ]+){1,5}$", Reason::Navigation),
    // Reading time, alone or after the date: "8 min read", "Dec 17, 2025 13
    // min read", "5 phút đọc". Blogs and magazines of every CMS print it
    // under the headline.
    (
        r"^([^ ]+ ){0,4}[0-9]{1,3} ?(min|mins|minute|minutes|phút) ?(read|reading|đọc)( time)?$",
        Reason::Dateline,
    ),
    // A publication or update line with its date: "Updated on 09/11/25",
    // "Last updated: December 2025", "Published on Feb 26, 2026 Updated on
    // Mar 4, 2026", or the label alone ("Last updated:"). A digit or a
    // closing colon sets it apart from a sentence that opens with the word.
    (
        r"^(last )?(updated|published|posted|modified|cập nhật)( on| at| lúc| ngày)?(:|( .{0,60}[0-9].{0,40}))$",
        Reason::Dateline,
    ),
];

/// Teaser kinds recognised by topic, applied only to blocks already judged
/// to be teasers or list items by their place and shape (never to body
/// prose: an article about the lottery keeps its body). Matched against the
/// block's lower-cased text, so written in small letters.
///
/// Each phrase stands as whole words: a non-word character or an end of
/// the text on each side. Around phrases that open and close with a letter
/// or digit that is what `\b` means, but the regex engine's fast automaton
/// gives up on a Unicode `\b` in non-ASCII text (Vietnamese text is never
/// ASCII) and a slow one runs over the whole block instead.
pub(crate) static TEASER_TOPICS: &[(&str, TeaserKind)] = &[
    (
        r"(?:^|\W)(xs(mn|mb|mt|kt|td)|sxm[nbt]|xổ số|kết quả xổ số|vietlott|xo so)(?:\W|$)",
        TeaserKind::Lottery,
    ),
    (
        r"(?:^|\W)(tử vi|cung hoàng đạo|horoscope|12 con giáp|phong thủy hôm nay)(?:\W|$)",
        TeaserKind::Horoscope,
    ),
    (
        r"(?:^|\W)(lịch (cúp|cắt|mất) điện|cúp điện|cắt điện)(?:\W|$)",
        TeaserKind::PowerCut,
    ),
];

/// Caption markers: the word before a colon that opens a photo credit at
/// the end of a block ("… Ảnh: Phương Hoa - TTXVN", "- Ảnh: H.Y.T.",
/// "Photo: Reuters"). Lower case. Besides Vietnamese and English, the word
/// other languages of the development corpus write before a photo's
/// credit: "Foto:" (German, Dutch, the Scandinavian languages, Spanish,
/// Portuguese, Italian), "Bild:" and "Bildrechte:" (German), and the
/// English variants "Photograph:", "Picture:".
pub(crate) static CAPTION_MARKERS: &[&str] = &[
    "ảnh",
    "ảnh minh họa",
    "ảnh minh hoạ",
    "nguồn ảnh",
    "photo",
    "image",
    "credit",
    "đồ họa",
    "đồ hoạ",
    "video",
    "clip",
    "photograph",
    "photos",
    "picture",
    "pictures",
    "foto",
    "fotos",
    "bild",
    "bildrechte",
];

/// Markers that make a caption only inside parentheses at the end of a
/// block ("(Nguồn: TTXVN)"); alone on a line, "Nguồn: …" credits the story.
pub(crate) static CAPTION_PAREN_MARKERS: &[&str] = &["nguồn"];

/// The longest photo credit after a caption marker, in characters: a name
/// or two and an agency. A longer tail is a sentence that happens to say
/// "ảnh:".
pub(crate) const CAPTION_CREDIT_MAX_CHARS: usize = 60;

/// Blocks that are only a stock caption, lower case, without a final ".".
pub(crate) static STOCK_CAPTIONS: &[&str] = &[
    "ảnh minh họa",
    "ảnh minh hoạ",
    "hình minh họa",
    "hình minh hoạ",
    "ảnh: internet",
    "photo illustration",
    "illustration",
];

/// Stock credits closing a caption after a dash ("… - Ảnh minh họa").
pub(crate) static STOCK_CAPTION_ENDS: &[&str] = &[
    " - ảnh minh họa",
    " - ảnh minh hoạ",
    " - ảnh internet",
    " - ảnh tư liệu",
    " – ảnh minh họa",
    " – ảnh minh hoạ",
    " - photo illustration",
];

/// Words naming an image in a placeholder: the alternative text some sites
/// print where an image stands, "&lt;headline&gt; - Ảnh 1.", "Photo 2".
pub(crate) static PLACEHOLDER_WORDS: &[&str] = &["ảnh", "hình", "photo", "image"];

/// How a credit line opens, lower case (see [`CREDIT_PATTERNS`]).
pub(crate) const CREDIT_OPENERS: &[&str] =
    &["theo", "(theo", "nguồn", "(nguồn", "source", "(source"];

/// Credit lines: who the story comes from. The capture is the credited
/// origin. "Theo QĐND", "(theo TTXVN)", "Nguồn: Reuters", "Theo Đại Đoàn
/// kết Copy link".
pub(crate) static CREDIT_PATTERNS: &[&str] =
    &[r"^\(?\s*(?:theo|nguồn|nguồn tin|source)\s*:?\s+([^()]{2,60}?)\s*\)?\s*\.?$"];

/// Words that close a byline with the authors' role, not a name: "(tổng
/// hợp)" compiled by, "(lược dịch)" translated, "thực hiện" made by, "ghi"
/// noted, "CTV" contributor, "TTS" intern, "PV" reporter. Lower case; matched
/// as whole words at the end of the line, in brackets or not.
pub(crate) static BYLINE_ROLES: &[&str] = &[
    "tổng hợp",
    "lược dịch",
    "biên dịch",
    "dịch",
    "thực hiện",
    "ghi",
    "ctv",
    "tts",
    "pv",
];

/// The word after which a byline names its source, not a person: "Minh Anh
/// theo Reuters". Lower case.
pub(crate) static BYLINE_SOURCE_WORD: &str = "theo";

/// The word that joins two names in a byline ("Felix Schröder und Jörg
/// Soldwisch"), in the languages of [`BYLINE_OPENERS`]: Vietnamese, English,
/// German, French, Spanish and Portuguese ("y", "e"). Lower case, as
/// printed: a capitalised "Und" is no joint.
pub(crate) static NAME_CONJUNCTIONS: &[&str] = &["và", "and", "und", "et", "y", "e"];

/// What a byline may open with before the names ("Theo Hồ Hương", "Bài và
/// ảnh: Lan Anh", "By Jane Doe", "Par Jean Dupont", "Von Max Muster", "Por
/// Ana Pérez"), lower case, matched without regard to case. "by" may also
/// be glued to the name by a scrape ("ByJane Doe"): see
/// `recognize::byline`.
pub(crate) static BYLINE_OPENERS: &[&str] = &[
    "theo ",
    "bài và ảnh:",
    "bài và ảnh ",
    "written by ",
    "reporting by ",
    "story by ",
    "words by ",
    "posted by ",
    "by:",
    "by ",
    "par ",
    "von ",
    "por ",
];

/// Words that end a byline's names when what follows is its date or a
/// note ("By Jane Doe Updated Sep 5, 2024", "Posted by X on Friday …"),
/// lower case; the names are cut before the first of them.
pub(crate) static BYLINE_TAIL_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "on",
    "at",
    "last",
    "cập",
    "đăng",
    "am",
    "um",
    "el",
    "le",
];

/// Marks that set a byline's names apart from its date or role ("Emily
/// Baron· October 10, 2021", "Ben Bauch ⋅ Review Editor", "Jane Doe |
/// Reuters").
pub(crate) static BYLINE_TAIL_MARKS: &[char] = &['·', '⋅', '•', '|'];

/// Notes printed beside a byline, whole lines: "và 1 tác giả khác" (and one
/// more author), "Xem các bài viết của tác giả" (the author's page link),
/// "Tác giả:", "By". Matched without regard to case.
pub(crate) static BYLINE_NOTE: &str =
    r"(?i)^(và \d+ tác giả khác|xem (các )?bài viết của tác giả|tác giả:?|by)$";

/// A follow prompt that names the site ("Theo dõi Báo X trên Google News"):
/// the capture is the outlet's name. Matched without regard to case; opens
/// with [`FOLLOW_OPENER`].
pub(crate) static FOLLOW_NAME: &str = r"(?i)^theo dõi\s+(\S.{0,40}?)\s+trên";

/// The words [`FOLLOW_NAME`] opens with, in small letters: a block whose key
/// opens otherwise is not searched (a test checks the two agree).
pub(crate) static FOLLOW_OPENER: &str = "theo dõi";

/// Words that open a line but are not the first syllable of a name: titles
/// ("Ông", "Bà" open body sentences about a person), prepositions, time
/// words, and menu words. "Anh" and "Chị" are left out: they are common
/// given-name syllables ("Anh Minh").
pub(crate) static NOT_NAME_WORDS: &[&str] = &[
    "ông", "bà", "theo", "tại", "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "các", "những",
    "một", "trong", "khi", "đây", "đó", "này", "việc", "tin", "xem", "the", "a", "an", "by", "and",
    "of", "in", "on", "to", "for", "trang", "chủ", "báo", "tháng", "năm", "video",
];

/// Separators that string the items of a menu or a breadcrumb on one line
/// ("Trang chủ | Thời sự | Thế giới", "Home » News » World", "In trang |
/// Trở về | Đầu trang"). A scrape or a text rendering of a page prints a
/// horizontal menu as one line, its entries set apart by the glyph the
/// page draws between them; prose never puts these glyphs, spaced, between
/// every few words. Matched with their spaces.
pub(crate) static MENU_SEPARATORS: &[&str] = &[" | ", " » ", " > ", " · ", " • ", " :: "];

/// Site-name separators at the end of an HTML title: "Headline - VnExpress",
/// "Headline | Báo Dân trí". The suffix after the last separator is dropped
/// when it is short and names the site. The bullet ("Headline • Site") is
/// the separator of several static-site and blog themes.
pub(crate) static TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "];

/// A source mark before a lead: "(TTXVN) - " (group 1) or a short name or
/// domain and a dash, "VTV.vn - " (group 2). The bounds are explained at
/// its reader, `recognize::source_mark`.
pub(crate) static LEAD_PREFIX: &str =
    r"^(?:\(([^()]{2,30})\)|([^()\-–—:,.]{2,30}?(?:\.[a-z]{2,4})?))\s*[-–—]+\s+";
