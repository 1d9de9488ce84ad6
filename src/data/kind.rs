//! What a page's URL and self-description say about its kind (see
//! [`crate::kind`]). Every entry is a hint, weighed with the page's text,
//! never a verdict: sites mislabel their pages, and a story can sit under
//! any path.

/// What a hint points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// One story: a news article, a blog post, a report.
    Article,
    /// A list of items that link elsewhere: a section, a tag, a search
    /// result, a collection.
    Listing,
    /// A page built around a video, a gallery or a podcast.
    Media,
    /// A discussion: a forum thread, questions and answers.
    Forum,
    /// A page about a thing or a service: a product, a shop, documentation,
    /// a profile.
    Other,
}

/// Words of a URL's path (a whole segment, or a word of a hyphenated or
/// underscored segment, lower case) that name the kind of page at that
/// address. CMSes route by these: WordPress's `/tag/` and `/category/`,
/// `/search?q=`, `/video/`, phpBB's and Discourse's `/forum/`, `/t/`,
/// shops' `/product/`, `/cart`; Vietnamese outlets use the same English
/// routes, and `chu-de` (topic), `tim-kiem` (search), `tag` for listings.
/// A path word is a hint only: a story about a video sits under `/video/`
/// as often as a player page does.
pub(crate) static URL_WORDS: &[(&str, Hint)] = &[
    // Listings: the routes of tag, topic, archive, search and paging pages.
    ("tag", Hint::Listing),
    ("tags", Hint::Listing),
    ("category", Hint::Listing),
    ("categories", Hint::Listing),
    ("topic", Hint::Listing),
    ("topics", Hint::Listing),
    ("search", Hint::Listing),
    ("archive", Hint::Listing),
    ("archives", Hint::Listing),
    ("page", Hint::Listing),
    ("author", Hint::Listing),
    ("authors", Hint::Listing),
    ("collections", Hint::Listing),
    ("collection", Hint::Listing),
    ("chu-de", Hint::Listing),
    ("tim-kiem", Hint::Listing),
    ("su-kien", Hint::Listing),
    // Media: player, gallery and podcast routes.
    ("video", Hint::Media),
    ("videos", Hint::Media),
    ("watch", Hint::Media),
    ("gallery", Hint::Media),
    ("photos", Hint::Media),
    ("podcast", Hint::Media),
    ("podcasts", Hint::Media),
    ("emagazine", Hint::Media),
    ("infographic", Hint::Media),
    // Forums: the routes of phpBB, vBulletin, XenForo, Discourse,
    // Stack Exchange and community boards.
    ("forum", Hint::Forum),
    ("forums", Hint::Forum),
    ("thread", Hint::Forum),
    ("threads", Hint::Forum),
    ("questions", Hint::Forum),
    ("community", Hint::Forum),
    ("discussion", Hint::Forum),
    ("discussions", Hint::Forum),
    ("showthread", Hint::Forum),
    ("viewtopic", Hint::Forum),
    // Other: shop, product and documentation routes.
    ("product", Hint::Other),
    ("products", Hint::Other),
    ("shop", Hint::Other),
    ("store", Hint::Other),
    ("cart", Hint::Other),
    ("docs", Hint::Other),
    ("documentation", Hint::Other),
    ("api", Hint::Other),
    ("reference", Hint::Other),
    ("services", Hint::Other),
    ("pricing", Hint::Other),
];

/// `og:type` values (lower case) and what they say. Open Graph's own types:
/// `article` for a story, `video.*` and `music.*` for media, `product` for
/// shops; `website` is the default most CMSes print on every page that is
/// not an article, so it counts towards a listing or another page.
pub(crate) static OG_TYPES: &[(&str, Hint)] = &[
    ("article", Hint::Article),
    ("news", Hint::Article),
    ("blog", Hint::Article),
    ("video.other", Hint::Media),
    ("video.movie", Hint::Media),
    ("video.episode", Hint::Media),
    ("video", Hint::Media),
    ("music.song", Hint::Media),
    ("product", Hint::Other),
    ("product.item", Hint::Other),
    ("profile", Hint::Other),
    ("book", Hint::Other),
    ("website", Hint::Other),
];

/// JSON-LD (schema.org) `@type` values and what they say. The article
/// types of schema.org, its list and search pages, its media objects, its
/// discussion types, and the things a shop or a service describes.
/// Pages also describe their publisher, breadcrumb and images
/// (`Organization`, `BreadcrumbList`, `ImageObject`): those say nothing of
/// the kind and are not listed.
pub(crate) static LD_TYPES: &[(&str, Hint)] = &[
    ("NewsArticle", Hint::Article),
    ("Article", Hint::Article),
    ("BlogPosting", Hint::Article),
    ("ReportageNewsArticle", Hint::Article),
    ("AnalysisNewsArticle", Hint::Article),
    ("OpinionNewsArticle", Hint::Article),
    ("LiveBlogPosting", Hint::Article),
    ("TechArticle", Hint::Article),
    ("ScholarlyArticle", Hint::Article),
    ("Report", Hint::Article),
    ("Recipe", Hint::Article),
    ("CollectionPage", Hint::Listing),
    ("ItemList", Hint::Listing),
    ("SearchResultsPage", Hint::Listing),
    ("VideoObject", Hint::Media),
    ("VideoGallery", Hint::Media),
    ("ImageGallery", Hint::Media),
    ("PodcastEpisode", Hint::Media),
    ("MediaGallery", Hint::Media),
    ("DiscussionForumPosting", Hint::Forum),
    ("QAPage", Hint::Forum),
    ("Question", Hint::Forum),
    ("SocialMediaPosting", Hint::Forum),
    ("Product", Hint::Other),
    ("ProductGroup", Hint::Other),
    ("Offer", Hint::Other),
    ("AggregateOffer", Hint::Other),
    ("Service", Hint::Other),
    ("LocalBusiness", Hint::Other),
    ("SoftwareApplication", Hint::Other),
    ("Course", Hint::Other),
    ("FAQPage", Hint::Other),
    ("ContactPage", Hint::Other),
    ("AboutPage", Hint::Other),
    ("ProfilePage", Hint::Other),
    ("Event", Hint::Other),
];

/// Words that address the reader: a service page, a shop, a manual or a
/// course speaks to "you"; a news story reports on third parties and
/// prints "you" only in quotes. English and Vietnamese ("bạn": the
/// second person of the web's ads and guides); `eq_ignore_ascii_case`
/// compares them, so the Vietnamese entry matches as printed in lower case.
pub(crate) static READER_WORDS: &[&str] = &["you", "your", "yours", "bạn"];

/// Words that speak for a business or a group of writers: a service page's
/// "we" and "our". English only: Vietnamese "chúng tôi" is two words, and
/// its "tôi" is every quoted speaker's "I".
pub(crate) static WE_WORDS: &[&str] = &["we", "our", "ours", "us"];
