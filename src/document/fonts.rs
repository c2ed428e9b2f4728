//! The embedded font family (Liberation Sans, SIL OFL 1.1, in `assets/fonts/`)
//! and its metrics: how wide a string is at a size, read from the font files
//! themselves so layout never depends on the machine's fonts.

use std::sync::OnceLock;

use crate::document::model::TextStyle;
use crate::{Error, Result};

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");

/// The bytes of the font file for a style.
pub fn font_bytes(style: TextStyle) -> &'static [u8] {
    match style {
        TextStyle::Regular => REGULAR,
        TextStyle::Bold => BOLD,
        TextStyle::Italic => ITALIC,
    }
}

/// Advance widths of one font, in thousandths of the font size.
#[derive(Debug)]
pub struct Metrics {
    /// Widths of U+0000–U+02FF, looked up directly (nearly all French text).
    latin: Vec<Option<f32>>,
    /// Other characters the font has, sorted for binary search.
    others: Vec<(char, f32)>,
    /// Ascender above the baseline, in thousandths of the size.
    pub ascender: f32,
}

const LATIN_END: u32 = 0x300;

impl Metrics {
    fn parse(bytes: &[u8]) -> Result<Self> {
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| Error::Document(format!("police illisible : {e}")))?;
        let per_em = f32::from(face.units_per_em());
        let width_of = |c: char| -> Option<f32> {
            let glyph = face.glyph_index(c)?;
            let advance = face.glyph_hor_advance(glyph)?;
            Some(f32::from(advance) * 1000.0 / per_em)
        };
        let latin = (0..LATIN_END)
            .map(|code| char::from_u32(code).and_then(width_of))
            .collect();
        let mut others = Vec::new();
        if let Some(table) = face.tables().cmap {
            for subtable in table.subtables {
                if !subtable.is_unicode() {
                    continue;
                }
                subtable.codepoints(|code| {
                    if code >= LATIN_END {
                        if let Some(c) = char::from_u32(code) {
                            if let Some(w) = width_of(c) {
                                others.push((c, w));
                            }
                        }
                    }
                });
            }
        }
        others.sort_by_key(|(c, _)| *c);
        others.dedup_by_key(|(c, _)| *c);
        Ok(Self {
            latin,
            others,
            ascender: f32::from(face.ascender()) * 1000.0 / per_em,
        })
    }

    /// Width of a character in thousandths of the size, `None` if the font lacks it.
    pub fn char_width(&self, c: char) -> Option<f32> {
        let code = c as u32;
        if code < LATIN_END {
            self.latin.get(code as usize).copied().flatten()
        } else {
            self.others
                .binary_search_by_key(&c, |(k, _)| *k)
                .ok()
                .map(|i| self.others[i].1)
        }
    }

    /// Width of a string at `size` points; characters the font lacks count as
    /// the replacement they will be printed with.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let mut total = 0.0;
        for c in text.chars() {
            total += self
                .char_width(c)
                .or_else(|| self.char_width('?'))
                .unwrap_or(500.0);
        }
        total * size / 1000.0
    }

    /// The text as it will be printed: characters the font lacks become « ? ».
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c == '\n' || c == '\t' {
                    ' '
                } else if self.char_width(c).is_some() {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    }
}

/// The metrics of the three styles.
#[derive(Debug)]
pub struct FontSet {
    regular: Metrics,
    bold: Metrics,
    italic: Metrics,
}

impl FontSet {
    /// The family, parsed once per process.
    pub fn get() -> Result<&'static FontSet> {
        static FONTS: OnceLock<std::result::Result<FontSet, String>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(FontSet {
                    regular: Metrics::parse(REGULAR).map_err(|e| e.to_string())?,
                    bold: Metrics::parse(BOLD).map_err(|e| e.to_string())?,
                    italic: Metrics::parse(ITALIC).map_err(|e| e.to_string())?,
                })
            })
            .as_ref()
            .map_err(|e| Error::Document(e.clone()))
    }

    pub fn metrics(&self, style: TextStyle) -> &Metrics {
        match style {
            TextStyle::Regular => &self.regular,
            TextStyle::Bold => &self.bold,
            TextStyle::Italic => &self.italic,
        }
    }

    pub fn width(&self, style: TextStyle, text: &str, size: f32) -> f32 {
        self.metrics(style).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_punctuation_and_accents_are_in_the_font() {
        let fonts = FontSet::get().unwrap();
        for c in "« » é è ç œ € à ù ê ô î ï É \u{a0}\u{202f}".chars() {
            assert!(
                fonts.metrics(TextStyle::Regular).char_width(c).is_some(),
                "{c:?} must be printable, French text uses it"
            );
        }
    }

    #[test]
    fn bold_text_is_wider_than_regular() {
        let fonts = FontSet::get().unwrap();
        let regular = fonts.width(TextStyle::Regular, "Préfecture", 10.0);
        let bold = fonts.width(TextStyle::Bold, "Préfecture", 10.0);
        assert!(bold > regular, "bold glyphs are wider: {bold} vs {regular}");
        assert!(
            (40.0..60.0).contains(&regular),
            "10 letters at 10 pt: {regular}"
        );
    }
}
