//! Pagination: blocks become chunks (unbreakable strips of items), and chunks
//! are stacked onto pages.
//!
//! A chunk can ask to stay with the next one (a heading with its first line,
//! a table header with its first row), to open a new page, or to carry a
//! header that is repeated when it opens a page (a table's header row). The
//! flow records where each anchor and bookmark landed, for the finishing passes.

use std::rc::Rc;

use super::frame::{Item, Page, PageKind, PAGE_HEIGHT, PAGE_WIDTH};

pub const MARGIN_X: f32 = 56.69;
pub const BODY_TOP: f32 = 78.0;
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 66.0;
pub const BODY_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
pub const BODY_HEIGHT: f32 = BODY_BOTTOM - BODY_TOP;

/// An unbreakable strip: items positioned relative to the strip's top.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    pub height: f32,
    pub items: Vec<Item>,
    /// Space above the chunk, dropped at the top of a page.
    pub space_before: f32,
    /// Never end a page with this chunk if the next one can follow it.
    pub keep_with_next: bool,
    /// Start a new page before this chunk (unless the page is still empty).
    pub break_before: bool,
    /// Placed first when this chunk opens a page (a table's header row).
    pub repeat: Option<Rc<Chunk>>,
    /// Ids whose page is where this chunk lands.
    pub anchors: Vec<String>,
    /// An outline entry (level, title, anchor) starting at this chunk.
    pub bookmark: Option<Bookmark>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub level: u8,
    pub title: String,
    pub anchor: String,
}

/// Where an anchor landed: page index in the whole document, y on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Landing {
    pub page: usize,
    pub y: f32,
}

/// Pages being filled, with what landed where.
#[derive(Debug)]
pub struct Flow {
    pub pages: Vec<Page>,
    /// Index of the first page this flow made, in the whole document.
    pub first_page: usize,
    pub kind: PageKind,
    y: f32,
    pub anchors: Vec<(String, Landing)>,
    pub bookmarks: Vec<(Bookmark, Landing)>,
}

impl Flow {
    pub fn new(kind: PageKind, first_page: usize) -> Self {
        Self {
            pages: Vec::new(),
            first_page,
            kind,
            y: BODY_TOP,
            anchors: Vec::new(),
            bookmarks: Vec::new(),
        }
    }

    fn page_is_empty(&self) -> bool {
        self.pages.is_empty() || self.y <= BODY_TOP + 0.01
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::new(self.kind.clone()));
        self.y = BODY_TOP;
    }

    /// Places chunks in order, breaking pages where needed.
    pub fn place(&mut self, chunks: &[Chunk]) {
        for (i, chunk) in chunks.iter().enumerate() {
            if self.pages.is_empty() || (chunk.break_before && !self.page_is_empty()) {
                self.new_page();
            }
            let need = chain_height(&chunks[i..]);
            let space = if self.page_is_empty() {
                0.0
            } else {
                chunk.space_before
            };
            if self.y + space + need > BODY_BOTTOM + 0.01 && !self.page_is_empty() {
                self.new_page();
                if let Some(header) = &chunk.repeat {
                    self.put(header, 0.0);
                }
                self.put(chunk, 0.0);
            } else {
                self.put(chunk, space);
            }
        }
    }

    fn put(&mut self, chunk: &Chunk, space: f32) {
        self.y += space;
        let landing = Landing {
            page: self.first_page + self.pages.len() - 1,
            y: self.y,
        };
        for anchor in &chunk.anchors {
            self.anchors.push((anchor.clone(), landing));
        }
        if let Some(bookmark) = &chunk.bookmark {
            self.bookmarks.push((bookmark.clone(), landing));
        }
        if let Some(page) = self.pages.last_mut() {
            for item in &chunk.items {
                let mut item = item.clone();
                item.shift(self.y);
                page.items.push(item);
            }
        }
        self.y += chunk.height;
    }
}

/// Height of a chunk and of those it keeps with (a few at most).
fn chain_height(chunks: &[Chunk]) -> f32 {
    let mut total = 0.0;
    for (i, chunk) in chunks.iter().enumerate().take(4) {
        if i > 0 {
            total += chunk.space_before;
        }
        total += chunk.height;
        if !chunk.keep_with_next {
            break;
        }
    }
    total.min(BODY_HEIGHT)
}

/// Joins chunks into one when they fit on a page (« keep together »).
pub fn keep_together(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let total: f32 = chunks
        .iter()
        .enumerate()
        .map(|(i, c)| c.height + if i > 0 { c.space_before } else { 0.0 })
        .sum();
    if total > BODY_HEIGHT || chunks.len() < 2 || chunks.iter().any(|c| c.break_before) {
        return chunks;
    }
    let mut joined = Chunk {
        space_before: chunks[0].space_before,
        keep_with_next: chunks.last().is_some_and(|c| c.keep_with_next),
        ..Chunk::default()
    };
    let mut y = 0.0;
    for (i, chunk) in chunks.into_iter().enumerate() {
        if i > 0 {
            y += chunk.space_before;
        }
        // Anchors inside the group land at the group's top: same page.
        joined.anchors.extend(chunk.anchors);
        if joined.bookmark.is_none() {
            joined.bookmark = chunk.bookmark;
        }
        for mut item in chunk.items {
            item.shift(y);
            joined.items.push(item);
        }
        y += chunk.height;
    }
    joined.height = y;
    vec![joined]
}
