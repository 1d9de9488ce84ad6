//! What a line of text is, read from the line alone: a dateline, a byline's
//! person names, a site's name. Shared by the classifier (as block features) and by the
//! metadata step (to read the values), so it stands below both.

pub(crate) mod byline;
pub(crate) mod chrome;
pub(crate) mod dateline;
pub(crate) mod site_name;
pub(crate) mod source_mark;
