//! Text measured with the font's real advance widths and wrapped into lines.
//!
//! Breaks happen at ordinary spaces only: non-breaking spaces (U+00A0, U+202F)
//! keep « mot » and « 12 € » together. A word wider than the line is cut
//! between characters, so text never overflows its box.

use crate::document::fonts::FontSet;
use crate::document::model::{Align, TextStyle};

use super::frame::{Item, Rgb};

/// A piece of text in one style, optionally a link to an anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub style: TextStyle,
    pub link: Option<String>,
}

impl Piece {
    pub fn new(text: impl Into<String>, style: TextStyle) -> Self {
        Self {
            text: text.into(),
            style,
            link: None,
        }
    }
}

/// A fragment of a line: text in one style (and link), at an x offset.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub dx: f32,
    pub width: f32,
    pub text: String,
    pub style: TextStyle,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub fragments: Vec<Fragment>,
    /// Width without the trailing space.
    pub width: f32,
}

/// Text settings for a block of lines.
#[derive(Debug, Clone, Copy)]
pub struct TextSpec {
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
}

struct LineBuilder<'a> {
    fonts: &'a FontSet,
    size: f32,
    width: f32,
    lines: Vec<Line>,
    current: Line,
    /// Width including a pending space.
    cursor: f32,
}

impl LineBuilder<'_> {
    fn push_text(&mut self, text: &str, style: TextStyle, link: &Option<String>) {
        let w = self.fonts.width(style, text, self.size);
        match self.current.fragments.last_mut() {
            Some(last) if last.style == style && &last.link == link => {
                last.text.push_str(text);
                last.width += w;
            }
            _ => self.current.fragments.push(Fragment {
                dx: self.cursor,
                width: w,
                text: text.to_owned(),
                style,
                link: link.clone(),
            }),
        }
        self.cursor += w;
        self.current.width = self.cursor;
    }

    /// A space goes at the end of the previous fragment (never starts a link).
    fn push_space(&mut self, style: TextStyle) {
        let width_before = self.current.width;
        let w = self.fonts.width(style, " ", self.size);
        let Some(last) = self.current.fragments.last_mut() else {
            return;
        };
        last.text.push(' ');
        last.width += w;
        self.cursor += w;
        self.current.width = width_before;
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.current);
        self.lines.push(line);
        self.cursor = 0.0;
    }

    /// Places one word (parts in several styles), wrapping or cutting as needed.
    fn push_word(&mut self, parts: &[(String, TextStyle, Option<String>)]) {
        let word_width: f32 = parts
            .iter()
            .map(|(t, s, _)| self.fonts.width(*s, t, self.size))
            .sum();
        if !self.current.fragments.is_empty() && self.cursor + word_width > self.width + 0.01 {
            self.break_line();
        }
        if self.cursor + word_width <= self.width + 0.01 {
            for (text, style, link) in parts {
                self.push_text(text, *style, link);
            }
            return;
        }
        // Too wide for a line of its own: cut between characters.
        for (text, style, link) in parts {
            let metrics = self.fonts.metrics(*style);
            let mut chunk = String::new();
            for c in text.chars() {
                let cw = metrics.width(c.encode_utf8(&mut [0; 4]), self.size);
                let chunk_w = metrics.width(&chunk, self.size);
                if self.cursor + chunk_w + cw > self.width + 0.01
                    && (!chunk.is_empty() || !self.current.fragments.is_empty())
                {
                    if !chunk.is_empty() {
                        self.push_text(&chunk, *style, link);
                        chunk.clear();
                    }
                    self.break_line();
                }
                chunk.push(c);
            }
            if !chunk.is_empty() {
                self.push_text(&chunk, *style, link);
            }
        }
    }
}

/// Wraps pieces into lines no wider than `width` at `size` points.
pub fn wrap(fonts: &FontSet, pieces: &[Piece], size: f32, width: f32) -> Vec<Line> {
    let mut builder = LineBuilder {
        fonts,
        size,
        width,
        lines: Vec::new(),
        current: Line::default(),
        cursor: 0.0,
    };
    // A word may span pieces ("**gras**," is one word); spaces separate words.
    let mut word: Vec<(String, TextStyle, Option<String>)> = Vec::new();
    let mut pending_space: Option<TextStyle> = None;
    for piece in pieces {
        let text = fonts.metrics(piece.style).printable(&piece.text);
        for (i, part) in text.split(' ').enumerate() {
            if i > 0 {
                // A space: the word so far is complete.
                if !word.is_empty() {
                    if let Some(style) = pending_space.take() {
                        builder.push_space(style);
                    }
                    builder.push_word(&word);
                    word.clear();
                }
                pending_space = Some(piece.style);
            }
            if !part.is_empty() {
                word.push((part.to_owned(), piece.style, piece.link.clone()));
            }
        }
    }
    if !word.is_empty() {
        if let Some(style) = pending_space.take() {
            builder.push_space(style);
        }
        builder.push_word(&word);
    }
    if !builder.current.fragments.is_empty() || builder.lines.is_empty() {
        builder.break_line();
    }
    builder.lines
}

/// Items for wrapped lines in a box at (x, top) of `width`: texts, and links
/// over the linked fragments. Returns the items and the height used.
pub fn line_items(
    lines: &[Line],
    x: f32,
    top: f32,
    width: f32,
    align: Align,
    spec: TextSpec,
    items: &mut Vec<Item>,
) -> f32 {
    let ascent = spec.size * 0.905;
    let first_baseline = top + (spec.leading - spec.size) / 2.0 + ascent;
    for (i, line) in lines.iter().enumerate() {
        let baseline = first_baseline + i as f32 * spec.leading;
        let offset = match align {
            Align::Left => 0.0,
            Align::Center => ((width - line.width) / 2.0).max(0.0),
            Align::Right => (width - line.width).max(0.0),
        };
        for fragment in &line.fragments {
            let text = if std::ptr::eq(fragment, line.fragments.last().unwrap_or(fragment)) {
                fragment.text.trim_end().to_owned()
            } else {
                fragment.text.clone()
            };
            if text.is_empty() {
                continue;
            }
            items.push(Item::Text {
                x: x + offset + fragment.dx,
                y: baseline,
                style: fragment.style,
                size: spec.size,
                color: spec.color,
                text,
            });
            if let Some(target) = &fragment.link {
                items.push(Item::Link {
                    x: x + offset + fragment.dx,
                    y: top + i as f32 * spec.leading,
                    w: fragment.width,
                    h: spec.leading,
                    target: target.clone(),
                });
            }
        }
    }
    lines.len() as f32 * spec.leading
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;

    fn check(text: &str, width: f32, expect: Expect) {
        let fonts = FontSet::get().unwrap();
        let pieces = [Piece::new(text, TextStyle::Regular)];
        let lines = wrap(fonts, &pieces, 10.0, width);
        let mut out = String::new();
        for line in &lines {
            assert!(
                line.width <= width + 0.01,
                "a line must never be wider than its box: {} > {width}",
                line.width
            );
            let text: String = line.fragments.iter().map(|f| f.text.as_str()).collect();
            out.push_str(&format!("w={:.1} |{}|\n", line.width, text.trim_end()));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn paragraph_wraps_at_the_box_width() {
        check(
            "Les apprentis rencontrent les entreprises partenaires lors du « Forum des métiers » organisé chaque printemps.",
            150.0,
            expect![[r#"
                w=129.0 |Les apprentis rencontrent les|
                w=143.4 |entreprises partenaires lors du «|
                w=132.8 |Forum des métiers » organisé|
                w=82.3 |chaque printemps.|
            "#]],
        );
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_between_characters() {
        check(
            "Référence: ANTICONSTITUTIONNELLEMENTANTICONSTITUTIONNELLEMENT fin",
            100.0,
            expect![[r#"
                w=48.9 |Référence:|
                w=97.8 |ANTICONSTITUTION|
                w=97.8 |NELLEMENTANTICO|
                w=100.0 |NSTITUTIONNELLEM|
                w=33.3 |ENT fin|
            "#]],
        );
    }

    #[test]
    fn non_breaking_spaces_keep_their_words_together() {
        check(
            "Montant total\u{a0}: 1\u{a0}250\u{a0}€ pour « l’atelier\u{a0}»",
            70.0,
            expect![[r#"
                w=63.4 |Montant total :|
                w=64.5 |1 250 € pour «|
                w=40.0 |l’atelier »|
            "#]],
        );
    }

    #[test]
    fn styles_change_inside_a_line_without_breaking_it() {
        let fonts = FontSet::get().unwrap();
        let pieces = [
            Piece::new("Statut : ", TextStyle::Regular),
            Piece::new("conforme", TextStyle::Bold),
            Piece::new(", vérifié.", TextStyle::Italic),
        ];
        let lines = wrap(fonts, &pieces, 10.0, 400.0);
        assert_eq!(lines.len(), 1, "short mixed text fits on one line");
        let styles: Vec<_> = lines[0].fragments.iter().map(|f| f.style).collect();
        assert_eq!(
            styles,
            vec![TextStyle::Regular, TextStyle::Bold, TextStyle::Italic],
            "each style keeps its fragment"
        );
    }
}
