//! The article as Markdown and as an HTML fragment: [`Article::to_markdown`]
//! and [`Article::to_html`].
//!
//! Both treat every field as untrusted text (it is what a scraped page
//! printed): Markdown escapes what would start a block or open inline
//! markup, HTML escapes every `<`, `>`, `&` and quote, so the only structure
//! in the output is the structure written here.

use std::fmt::Write as _;

use crate::article::{Article, BlockRole, Dateline};

impl Article {
    /// The article as CommonMark: the headline as a `#` heading; a list of
    /// its metadata (kicker, date, authors, source, outlet); the body, with
    /// subheadings as `##` to `######` (an `h1` in the body is `##`, under
    /// the headline), list items as `- ` lines, quotes as `> ` blocks,
    /// preformatted text in a code fence, table cells as paragraphs; then
    /// the captions, each an emphasised line.
    ///
    /// The text is escaped: a paragraph that starts with `#`, `-`, `>` or
    /// `1.`, or holds `*`, `_`, `[`, `<`, `&`, backticks…, prints as
    /// itself instead of making a heading, a list, a link or HTML; a line
    /// break inside a field (the cleaner never leaves one) becomes a space.
    ///
    /// ```
    /// // `\x23` is `#`: rustdoc would hide a line of this example that starts with one.
    /// let text = "Giá xăng giảm *mạnh* từ chiều nay\n\n\
    ///             Giá xăng giảm hơn 1.000 đồng mỗi lít từ 15 giờ chiều nay, theo thông báo của liên bộ.\n\n\
    ///             \x23 Không phải tiêu đề <script>alert(1)</script>, chỉ là một đoạn văn khá dài của bài.\n";
    /// let article = tinsach::clean_text(text)?;
    /// let md = article.to_markdown();
    /// assert!(md.starts_with("# Giá xăng giảm \\*mạnh\\* từ chiều nay\n"));
    /// assert!(md.contains("\n\\# Không phải tiêu đề \\<script>alert(1)\\</script>, chỉ"));
    /// # Ok::<(), tinsach::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(headline) = &self.headline {
            let _ = write!(out, "# {}\n\n", md_escape(headline));
        }
        let mut meta = Vec::new();
        if let Some(kicker) = &self.kicker {
            meta.push(format!("- **Kicker:** {}", md_escape(kicker)));
        }
        if let Some(date) = self.dateline.as_ref().and_then(date_line) {
            meta.push(format!("- **Date:** {}", md_escape(&date)));
        }
        if !self.authors.is_empty() {
            let authors: Vec<String> = self.authors.iter().map(|a| md_escape(a)).collect();
            meta.push(format!("- **Authors:** {}", authors.join(", ")));
        }
        if let Some(source) = &self.source {
            meta.push(format!("- **Source:** {}", md_escape(source)));
        }
        if let Some(outlet) = self
            .outlet
            .as_ref()
            .filter(|o| Some(*o) != self.source.as_ref())
        {
            meta.push(format!("- **Outlet:** {}", md_escape(outlet)));
        }
        if !meta.is_empty() {
            out.push_str(&meta.join("\n"));
            out.push_str("\n\n");
        }
        let mut blocks = self.blocks().peekable();
        while let Some(block) = blocks.next() {
            let text = md_escape(block.text);
            match block.role {
                BlockRole::Heading(level) => {
                    // The headline is the one `#`: body headings start at `##`.
                    let hashes = "#".repeat(usize::from(level.clamp(2, 6)));
                    let _ = write!(out, "{hashes} {text}\n\n");
                }
                BlockRole::ListItem => {
                    // Items in a row make one tight list.
                    let next_is_item = blocks.peek().is_some_and(|b| b.role == BlockRole::ListItem);
                    let end = if next_is_item { "\n" } else { "\n\n" };
                    let _ = write!(out, "- {text}{end}");
                }
                BlockRole::Quote => {
                    let _ = write!(out, "> {text}\n\n");
                }
                BlockRole::Preformatted => {
                    // Verbatim inside a fence longer than any run of
                    // backticks in it, which could otherwise close it.
                    let fence = "`".repeat(longest_run(block.text, '`').max(2) + 1);
                    let _ = write!(out, "{fence}\n{}\n{fence}\n\n", one_line(block.text));
                }
                BlockRole::Caption => {
                    let _ = write!(out, "*{text}*\n\n");
                }
                _ => {
                    let _ = write!(out, "{text}\n\n");
                }
            }
        }
        for caption in &self.captions {
            let _ = write!(out, "*{}*\n\n", md_escape(caption));
        }
        // One line feed at the end, not a blank line.
        out.truncate(out.trim_end_matches('\n').len());
        out.push('\n');
        out
    }

    /// The article as a sanitised HTML fragment: one `<article>` holding a
    /// `<header>` (the headline as `<h1>`, the kicker and the metadata as
    /// `<p>`s), the body (`<p>`, `<h2>`–`<h6>`, `<ul><li>`,
    /// `<blockquote><p>`, `<pre>`), then each caption as
    /// `<figure><figcaption>`. Every piece of text is escaped (`&`, `<`,
    /// `>`, `"`, `'`), and no element has an attribute: the output holds no
    /// markup but these elements, whatever the page held.
    ///
    /// ```
    /// let text = "Giá xăng giảm mạnh từ chiều nay\n\n\
    ///             Giá xăng giảm hơn 1.000 đồng mỗi lít <b>từ 15 giờ</b> chiều nay, theo liên bộ.\n";
    /// let html = tinsach::clean_text(text)?.to_html();
    /// assert_eq!(
    ///     html,
    ///     "<article>\n<header>\n<h1>Giá xăng giảm mạnh từ chiều nay</h1>\n</header>\n\
    ///      <p>Giá xăng giảm hơn 1.000 đồng mỗi lít &lt;b&gt;từ 15 giờ&lt;/b&gt; chiều nay, theo liên bộ.</p>\n\
    ///      </article>\n"
    /// );
    /// # Ok::<(), tinsach::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::from("<article>\n");
        let mut header = String::new();
        if let Some(kicker) = &self.kicker {
            let _ = writeln!(header, "<p>{}</p>", html_escape(kicker));
        }
        if let Some(headline) = &self.headline {
            let _ = writeln!(header, "<h1>{}</h1>", html_escape(headline));
        }
        let mut meta = Vec::new();
        if let Some(date) = self.dateline.as_ref().and_then(date_line) {
            meta.push(date);
        }
        if !self.authors.is_empty() {
            meta.push(self.authors.join(", "));
        }
        meta.extend(self.source.clone());
        meta.extend(
            self.outlet
                .clone()
                .filter(|o| Some(o) != self.source.as_ref()),
        );
        if !meta.is_empty() {
            let _ = writeln!(header, "<p>{}</p>", html_escape(&meta.join(" · ")));
        }
        if !header.is_empty() {
            let _ = write!(out, "<header>\n{header}</header>\n");
        }
        let mut in_list = false;
        for block in self.blocks() {
            let text = html_escape(block.text);
            let item = block.role == BlockRole::ListItem;
            if item != in_list {
                out.push_str(if item { "<ul>\n" } else { "</ul>\n" });
                in_list = item;
            }
            let _ = match block.role {
                BlockRole::Heading(level) => {
                    let level = level.clamp(2, 6);
                    writeln!(out, "<h{level}>{text}</h{level}>")
                }
                BlockRole::ListItem => writeln!(out, "<li>{text}</li>"),
                BlockRole::Quote => writeln!(out, "<blockquote><p>{text}</p></blockquote>"),
                BlockRole::Preformatted => writeln!(out, "<pre>{text}</pre>"),
                BlockRole::Caption => {
                    writeln!(out, "<figure><figcaption>{text}</figcaption></figure>")
                }
                _ => writeln!(out, "<p>{text}</p>"),
            };
        }
        if in_list {
            out.push_str("</ul>\n");
        }
        for caption in &self.captions {
            let _ = writeln!(
                out,
                "<figure><figcaption>{}</figcaption></figure>",
                html_escape(caption)
            );
        }
        out.push_str("</article>\n");
        out
    }
}

/// The date for reading: as printed, with the parsed date after it when
/// there is one ("29/03/2023 21:20 (2023-03-29T21:20:00+07:00)").
fn date_line(dateline: &Dateline) -> Option<String> {
    let parsed = dateline
        .datetime
        .map(|d| d.to_string())
        .or_else(|| dateline.date.as_ref().map(|d| d.to_string()));
    match (&dateline.text, parsed) {
        (Some(printed), Some(parsed)) => Some(format!("{printed} ({parsed})")),
        (Some(printed), None) => Some(printed.clone()),
        (None, parsed) => parsed,
    }
}

/// `text` on one line: a line break would end the block it is written in.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// Characters escaped wherever they stand: inline markup (emphasis, code,
/// links, raw HTML, entities, strikethrough, table cells), the escape
/// itself, and `#`, whose run at the end of a heading would be read as its
/// closing sequence.
const MD_INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '&', '~', '|', '#'];

/// Characters escaped at the start of a line, where they open a block: a
/// quote, a list item, a setext underline or a thematic break.
const MD_LINE_START: &[char] = &['>', '-', '+', '='];

/// `text` as one line of Markdown that reads as the text itself. Leading
/// and trailing white space goes (Markdown ignores it, or reads four
/// spaces as code); a digit run followed by `.` or `)` at the start has
/// that mark escaped, which would make an ordered list.
fn md_escape(text: &str) -> String {
    let text = one_line(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (i, c) in text.char_indices() {
        let list_mark = i == digits && digits > 0 && matches!(c, '.' | ')');
        if MD_INLINE.contains(&c) || (i == 0 && MD_LINE_START.contains(&c)) || list_mark {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as HTML text content (and safe in a quoted attribute too).
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::DateTime;

    fn article(body: &[(&str, BlockRole)]) -> Article {
        Article {
            headline: Some("Tiêu đề".into()),
            body: body.iter().map(|(t, _)| t.to_string()).collect(),
            roles: body.iter().map(|(_, r)| *r).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn markdown_escapes_what_would_be_markup() {
        for (text, want) in [
            ("# not a heading", "\\# not a heading"),
            ("C# and F#", "C\\# and F\\#"),
            ("a *b* c_d", "a \\*b\\* c\\_d"),
            ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
            ("[link](http://x)", "\\[link\\](http://x)"),
            ("`code`", "\\`code\\`"),
            ("&amp; stays", "\\&amp; stays"),
            ("~~struck~~", "\\~\\~struck\\~\\~"),
            ("- not an item", "\\- not an item"),
            ("+ not an item", "\\+ not an item"),
            ("> not a quote", "\\> not a quote"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("2024. Năm mới", "2024\\. Năm mới"),
            ("1) một", "1\\) một"),
            ("a | b", "a \\| b"),
            ("back\\slash", "back\\\\slash"),
            ("x - y > z 3. w", "x - y > z 3. w"),
            ("line\n# two", "line \\# two"),
            ("    indented", "indented"),
            ("Hà Nội", "Hà Nội"),
        ] {
            assert_eq!(md_escape(text), want, "{text:?}");
        }
    }

    #[test]
    fn markdown_gives_each_role_its_markup() {
        let a = article(&[
            ("Đoạn mở đầu.", BlockRole::Paragraph),
            ("Bối cảnh", BlockRole::Heading(2)),
            ("Chi tiết", BlockRole::Heading(3)),
            ("Mục một", BlockRole::ListItem),
            ("Mục hai", BlockRole::ListItem),
            ("Lời trích", BlockRole::Quote),
            ("let x = `a`;", BlockRole::Preformatted),
            ("Ô bảng", BlockRole::TableCell),
            ("Chú thích", BlockRole::Caption),
            ("Cấp một", BlockRole::Heading(1)),
        ]);
        assert_eq!(
            a.to_markdown(),
            "# Tiêu đề\n\nĐoạn mở đầu.\n\n## Bối cảnh\n\n### Chi tiết\n\n- Mục một\n- Mục hai\n\n\
             > Lời trích\n\n```\nlet x = `a`;\n```\n\nÔ bảng\n\n*Chú thích*\n\n## Cấp một\n"
        );
    }

    #[test]
    fn a_fence_outruns_the_backticks_inside() {
        let a = article(&[("a ```` b", BlockRole::Preformatted)]);
        assert!(a.to_markdown().contains("\n`````\na ```` b\n`````\n"));
    }

    #[test]
    fn markdown_metadata_and_captions() {
        let mut a = article(&[("Đoạn.", BlockRole::Paragraph)]);
        a.kicker = Some("Thời sự:".into());
        a.dateline = Some(Dateline::new(
            Some("29/03/2023 21:20".into()),
            DateTime::new(2023, 3, 29, 21, 20, 0, 420),
        ));
        a.authors = vec!["Nguyễn_A".into(), "Trần B".into()];
        a.source = Some("QĐND".into());
        a.outlet = Some("baochinhphu.vn".into());
        a.captions = vec!["Ảnh: *minh họa*".into()];
        assert_eq!(
            a.to_markdown(),
            "# Tiêu đề\n\n- **Kicker:** Thời sự:\n\
             - **Date:** 29/03/2023 21:20 (2023-03-29T21:20:00+07:00)\n\
             - **Authors:** Nguyễn\\_A, Trần B\n- **Source:** QĐND\n- **Outlet:** baochinhphu.vn\n\n\
             Đoạn.\n\n*Ảnh: \\*minh họa\\**\n"
        );
    }

    #[test]
    fn a_body_without_roles_is_paragraphs() {
        let mut a = article(&[]);
        a.body = vec!["- một".into(), "hai".into()];
        assert_eq!(a.to_markdown(), "# Tiêu đề\n\n\\- một\n\nhai\n");
    }

    #[test]
    fn html_escapes_text_and_writes_only_its_tags() {
        let mut a = article(&[
            ("<script>alert('x')</script> & \"y\"", BlockRole::Paragraph),
            ("Mục <b>một</b>", BlockRole::ListItem),
            ("Mục hai", BlockRole::ListItem),
            ("Bối cảnh", BlockRole::Heading(1)),
            ("Lời trích", BlockRole::Quote),
            ("x < y", BlockRole::Preformatted),
        ]);
        a.headline = Some("Tiêu <i>đề</i>".into());
        a.authors = vec!["A <a@b>".into()];
        a.captions = vec!["Ảnh </figcaption><script>".into()];
        assert_eq!(
            a.to_html(),
            "<article>\n<header>\n<h1>Tiêu &lt;i&gt;đề&lt;/i&gt;</h1>\n<p>A &lt;a@b&gt;</p>\n</header>\n\
             <p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;</p>\n\
             <ul>\n<li>Mục &lt;b&gt;một&lt;/b&gt;</li>\n<li>Mục hai</li>\n</ul>\n\
             <h2>Bối cảnh</h2>\n<blockquote><p>Lời trích</p></blockquote>\n<pre>x &lt; y</pre>\n\
             <figure><figcaption>Ảnh &lt;/figcaption&gt;&lt;script&gt;</figcaption></figure>\n\
             </article>\n"
        );
    }

    #[test]
    fn html_closes_a_list_at_the_end() {
        let a = article(&[("Mục", BlockRole::ListItem)]);
        assert!(a.to_html().ends_with("<li>Mục</li>\n</ul>\n</article>\n"));
    }
}
