//! Text measured with the font's real advance widths and wrapped into lines.
//!
//! Breaks happen at ordinary spaces, after a hyphen already in the text, and —
//! when a word does not fit the rest of a line — between French syllables
//! (TeX patterns through `hypher`), printing a hyphen at the line's end.
//! Non-breaking spaces (U+00A0, U+202F) keep « mot » and « 12 € » together.
//! A "\n" in the text forces a line break. Numbers, codes, e-mail addresses,
//! words in capitals and pieces marked not to be hyphenated are only broken at
//! spaces and existing hyphens. A word wider than the whole line even so is cut
//! between characters (so text never overflows its box) and reported.

use crate::document::fonts::FontSet;
use crate::document::model::{Align, TextStyle};

use super::frame::{Item, Rgb};

/// A piece of text in one style, optionally a link to an anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub style: TextStyle,
    pub link: Option<String>,
    /// May words of this piece be cut between syllables?
    pub hyphenate: bool,
}

impl Piece {
    pub fn new(text: impl Into<String>, style: TextStyle) -> Self {
        Self {
            text: text.into(),
            style,
            link: None,
            hyphenate: true,
        }
    }

    /// The same piece, never hyphenated (names, titles).
    pub fn unhyphenated(mut self) -> Self {
        self.hyphenate = false;
        self
    }
}

/// Where a word may be broken: after byte `at`, printing a hyphen or not (a
/// hyphen already in the text).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Opportunity {
    at: usize,
    hyphen: bool,
}

/// Shortest run of letters worth hyphenating.
const MIN_HYPHENATED: usize = 5;

/// Is this word something hyphenation must leave alone: a number, a code, an
/// e-mail address or web address, an acronym or a name in capitals?
fn is_code_like(word: &str) -> bool {
    let uppercase = word.chars().filter(|c| c.is_uppercase()).count();
    word.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '_' | '\\' | '=' | '#'))
        || uppercase >= 2
        || word
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '»', ')'])
            .contains('.')
}

type Remembered = std::collections::HashMap<Box<str>, std::rc::Rc<[Opportunity]>>;

thread_local! {
    /// Break opportunities already found, per word, with hyphenation [1] and
    /// without [0]: the layout runs several passes over the same text, and
    /// registers repeat the same words.
    static OPPORTUNITIES: std::cell::RefCell<[Remembered; 2]> = std::cell::RefCell::default();
}

/// Words remembered at most; past that the memory starts afresh.
const OPPORTUNITIES_KEPT: usize = 200_000;

/// The break opportunities inside one word (no spaces in it), remembered.
fn opportunities(word: &str, hyphenate: bool) -> std::rc::Rc<[Opportunity]> {
    OPPORTUNITIES.with(|cache| {
        let slot = usize::from(hyphenate);
        if let Some(found) = cache.borrow()[slot].get(word) {
            return found.clone();
        }
        let found: std::rc::Rc<[Opportunity]> = find_opportunities(word, hyphenate).into();
        let map = &mut cache.borrow_mut()[slot];
        if map.len() >= OPPORTUNITIES_KEPT {
            map.clear();
        }
        map.insert(word.into(), found.clone());
        found
    })
}

fn find_opportunities(word: &str, hyphenate: bool) -> Vec<Opportunity> {
    let mut out = Vec::new();
    if is_code_like(word) {
        // Not even at a hyphen: « cfa-villeurbanne.fr » must not look hyphenated.
        return out;
    }
    let mut run_start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let flush = |start: usize, end: usize, out: &mut Vec<Opportunity>| {
        let run = &word[start..end];
        if hyphenate && run.chars().count() >= MIN_HYPHENATED && run.len() <= 200 {
            let mut at = start;
            // French usage: at least two letters before a break, three after.
            let mut syllables =
                hypher::hyphenate_bounded(run, hypher::Lang::French, 2, 3).peekable();
            while let Some(s) = syllables.next() {
                at += s.len();
                if syllables.peek().is_some() {
                    out.push(Opportunity { at, hyphen: true });
                }
            }
        }
    };
    for (i, c) in word.char_indices() {
        if c.is_alphabetic() {
            if run_start.is_none() {
                run_start = Some(i);
            }
        } else {
            if let Some(start) = run_start.take() {
                flush(start, i, &mut out);
            }
            // After an existing hyphen between two letters (« Vendeur-conseil »).
            if (c == '-' || c == '\u{2010}') && prev.is_some_and(char::is_alphabetic) {
                let next = word[i + c.len_utf8()..].chars().next();
                if next.is_some_and(char::is_alphabetic) {
                    out.push(Opportunity {
                        at: i + c.len_utf8(),
                        hyphen: false,
                    });
                }
            }
        }
        prev = Some(c);
    }
    if let Some(start) = run_start {
        flush(start, word.len(), &mut out);
    }
    out.sort_by_key(|o| o.at);
    out
}

/// How wide a text must be, and would like to be, at a size: the widest piece
/// that can never be broken (after hyphenation), the widest word, and the
/// widest line when nothing but "\n" breaks it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measure {
    pub min_hyphenated: f32,
    pub min_word: f32,
    pub preferred: f32,
}

/// A word being measured: its width, its widest unbreakable piece with and
/// without hyphenation, and how many pieces (styles) it spans.
#[derive(Default)]
struct Word {
    width: f32,
    min: f32,
    whole: f32,
    parts: usize,
}

impl Word {
    fn finish(&mut self, m: &mut Measure) {
        if self.parts > 1 {
            // Across styles a word is never broken.
            self.min = self.width;
            self.whole = self.width;
        }
        m.min_word = m.min_word.max(self.whole);
        m.min_hyphenated = m.min_hyphenated.max(self.min);
        *self = Word::default();
    }
}

/// Measures pieces without wrapping them (for table columns).
pub fn measure(fonts: &FontSet, pieces: &[Piece], size: f32) -> Measure {
    let mut m = Measure::default();
    let mut line = 0.0_f32;
    let mut current = Word::default();
    for piece in pieces {
        let metrics = fonts.metrics(piece.style);
        let hyphen = metrics.width("-", size);
        let space = metrics.width(" ", size);
        for (li, text_line) in piece.text.split('\n').enumerate() {
            if li > 0 {
                current.finish(&mut m);
                m.preferred = m.preferred.max(line);
                line = 0.0;
            }
            let text = metrics.printable(text_line);
            for (i, word) in text.split(' ').enumerate() {
                if i > 0 {
                    current.finish(&mut m);
                    line += space;
                }
                if word.is_empty() {
                    continue;
                }
                let w = metrics.width(word, size);
                line += w;
                current.width += w;
                current.parts += 1;
                if w <= m.min_hyphenated && w <= m.min_word {
                    // No piece of it can be wider than what is already known:
                    // skip hyphenating it (most words of a column).
                    continue;
                }
                let breaks = opportunities(word, piece.hyphenate);
                let widest = |hyphens: bool| {
                    let mut from = 0;
                    let mut widest = 0.0_f32;
                    for o in breaks.iter().filter(|o| hyphens || !o.hyphen) {
                        let extra = if o.hyphen { hyphen } else { 0.0 };
                        widest = widest.max(metrics.width(&word[from..o.at], size) + extra);
                        from = o.at;
                    }
                    widest.max(metrics.width(&word[from..], size))
                };
                current.min = current.min.max(widest(true));
                // Existing hyphens break a word without hyphenation.
                current.whole = current.whole.max(widest(false));
            }
        }
    }
    current.finish(&mut m);
    m.preferred = m.preferred.max(line);
    m
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
    /// Words that had to be cut between letters.
    cut: Vec<String>,
}

type Part = (String, TextStyle, Option<String>, bool);

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

    fn fits(&self, w: f32) -> bool {
        self.cursor + w <= self.width + 0.01
    }

    /// Places one word (parts in several styles), wrapping, hyphenating or
    /// cutting as needed.
    fn push_word(&mut self, parts: &[Part]) {
        let word_width: f32 = parts
            .iter()
            .map(|(t, s, _, _)| self.fonts.width(*s, t, self.size))
            .sum();
        if self.fits(word_width) {
            for (text, style, link, _) in parts {
                self.push_text(text, *style, link);
            }
            return;
        }
        if let [(text, style, link, hyphenate)] = parts {
            let breaks = opportunities(text, *hyphenate);
            if !breaks.is_empty() {
                self.push_broken(text, *style, link, &breaks);
                return;
            }
        }
        if !self.current.fragments.is_empty() {
            self.break_line();
        }
        if self.fits(word_width) {
            for (text, style, link, _) in parts {
                self.push_text(text, *style, link);
            }
            return;
        }
        self.cut_between_characters(parts);
    }

    /// A word with break opportunities: as much of it as fits on each line,
    /// ending with a hyphen where the break is between syllables.
    fn push_broken(
        &mut self,
        text: &str,
        style: TextStyle,
        link: &Option<String>,
        breaks: &[Opportunity],
    ) {
        let metrics = self.fonts.metrics(style);
        let hyphen_w = metrics.width("-", self.size);
        let mut from = 0;
        loop {
            let rest = &text[from..];
            if self.fits(metrics.width(rest, self.size)) {
                self.push_text(rest, style, link);
                return;
            }
            // The longest head, up to an opportunity, that fits this line.
            let head = breaks
                .iter()
                .filter(|o| o.at > from)
                .take_while(|o| {
                    let extra = if o.hyphen { hyphen_w } else { 0.0 };
                    self.fits(metrics.width(&text[from..o.at], self.size) + extra)
                })
                .last()
                .copied();
            match head {
                Some(o) => {
                    self.push_text(&text[from..o.at], style, link);
                    if o.hyphen {
                        self.push_text("-", style, link);
                    }
                    self.break_line();
                    from = o.at;
                }
                None if !self.current.fragments.is_empty() => self.break_line(),
                None => {
                    // Even the first syllable is wider than the line.
                    let next = breaks
                        .iter()
                        .find(|o| o.at > from)
                        .map_or(text.len(), |o| o.at);
                    let piece = (text[from..next].to_owned(), style, link.clone(), false);
                    self.cut_between_characters(std::slice::from_ref(&piece));
                    if next == text.len() {
                        return;
                    }
                    if breaks.iter().any(|o| o.at == next && o.hyphen) {
                        self.push_text("-", style, link);
                    }
                    self.break_line();
                    from = next;
                }
            }
        }
    }

    /// Places a complete word, after the space before it.
    fn flush_word(&mut self, word: &mut Vec<Part>, space: &mut Option<TextStyle>) {
        if !word.is_empty() {
            if let Some(style) = space.take() {
                self.push_space(style);
            }
            self.push_word(word);
            word.clear();
        }
    }

    /// Too wide for a line of its own: cut between characters, and say so.
    fn cut_between_characters(&mut self, parts: &[Part]) {
        let word: String = parts.iter().map(|p| p.0.as_str()).collect();
        self.cut.push(word);
        for (text, style, link, _) in parts {
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
    wrap_report(fonts, pieces, size, width).0
}

/// Wraps pieces into lines, and names the words that had to be cut between
/// letters because they alone are wider than the line.
pub fn wrap_report(
    fonts: &FontSet,
    pieces: &[Piece],
    size: f32,
    width: f32,
) -> (Vec<Line>, Vec<String>) {
    let mut builder = LineBuilder {
        fonts,
        size,
        width,
        lines: Vec::new(),
        current: Line::default(),
        cursor: 0.0,
        cut: Vec::new(),
    };
    // A word may span pieces ("**gras**," is one word); spaces separate words.
    let mut word: Vec<Part> = Vec::new();
    let mut pending_space: Option<TextStyle> = None;
    for piece in pieces {
        let metrics = fonts.metrics(piece.style);
        for (li, text_line) in piece.text.split('\n').enumerate() {
            if li > 0 {
                // A forced line break.
                builder.flush_word(&mut word, &mut pending_space);
                pending_space = None;
                builder.break_line();
            }
            let text = metrics.printable(text_line);
            for (i, part) in text.split(' ').enumerate() {
                if i > 0 {
                    builder.flush_word(&mut word, &mut pending_space);
                    if !builder.current.fragments.is_empty() {
                        pending_space = Some(piece.style);
                    }
                }
                if !part.is_empty() {
                    word.push((
                        part.to_owned(),
                        piece.style,
                        piece.link.clone(),
                        piece.hyphenate,
                    ));
                }
            }
        }
    }
    builder.flush_word(&mut word, &mut pending_space);
    if !builder.current.fragments.is_empty() || builder.lines.is_empty() {
        builder.break_line();
    }
    (builder.lines, builder.cut)
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
                w=146.2 |Les apprentis rencontrent les en-|
                w=132.3 |treprises partenaires lors du «|
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

    #[test]
    fn a_french_paragraph_is_hyphenated_in_a_narrow_column() {
        check(
            "L’accompagnement personnalisé des apprentis favorise l’insertion professionnelle durable.",
            80.0,
            expect![[r#"
                w=68.4 |L’accompagne-|
                w=70.0 |ment personna-|
                w=77.8 |lisé des apprentis|
                w=67.2 |favorise l’inser-|
                w=68.4 |tion profession-|
                w=60.0 |nelle durable.|
            "#]],
        );
    }

    #[test]
    fn numbers_codes_capitals_and_addresses_are_never_hyphenated() {
        check(
            "RNCP37589 BONNEFOY 1234567890 contact@cfa-villeurbanne.fr www.cfa.fr",
            60.0,
            expect![[r#"
                w=56.1 |RNCP37589|
                w=56.1 |BONNEFOY|
                w=55.6 |1234567890|
                w=59.1 |contact@cfa-|
                w=59.5 |villeurbanne.f|
                w=52.8 |r www.cfa.fr|
            "#]],
        );
    }

    #[test]
    fn a_piece_marked_not_to_hyphenate_moves_whole_to_the_next_line() {
        let fonts = FontSet::get().unwrap();
        let pieces = [
            Piece::new("Apprentie : ", TextStyle::Regular),
            Piece::new("Gwendoline Montgolfier", TextStyle::Regular).unhyphenated(),
        ];
        let lines = wrap(fonts, &pieces, 10.0, 90.0);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.fragments.iter().map(|f| f.text.trim_end()).collect())
            .collect();
        assert_eq!(texts, ["Apprentie :", "Gwendoline", "Montgolfier"]);
        let hyphenated = wrap(
            fonts,
            &[Piece::new(
                "Apprentie : Gwendoline Montgolfier",
                TextStyle::Regular,
            )],
            10.0,
            90.0,
        );
        assert!(
            hyphenated
                .iter()
                .any(|l| l.fragments.iter().any(|f| f.text.trim_end().ends_with('-'))),
            "the same words are hyphenated when allowed: {hyphenated:?}"
        );
    }

    #[test]
    fn an_existing_hyphen_is_a_break_without_another_hyphen() {
        check(
            "Vendeur-conseil en crémerie-fromagerie",
            55.0,
            expect![[r#"
                w=41.1 |Vendeur-|
                w=45.0 |conseil en|
                w=42.2 |crémerie-|
                w=47.8 |fromagerie|
            "#]],
        );
    }

    #[test]
    fn a_newline_forces_a_line_break() {
        check(
            "Dossier d’audit\nBoulangerie\n\nfin",
            300.0,
            expect![[r#"
                w=66.1 |Dossier d’audit|
                w=53.4 |Boulangerie|
                w=0.0 ||
                w=10.6 |fin|
            "#]],
        );
    }

    #[test]
    fn an_over_long_word_is_cut_and_reported() {
        let fonts = FontSet::get().unwrap();
        let (lines, cut) = wrap_report(
            fonts,
            &[Piece::new(
                "code XJ4-PQRSTUVWXYZABCDEFG fin",
                TextStyle::Regular,
            )],
            10.0,
            60.0,
        );
        assert_eq!(cut, ["XJ4-PQRSTUVWXYZABCDEFG"], "the cut word is named");
        assert!(lines.len() >= 3, "{lines:?}");
        let (_, none) = wrap_report(
            fonts,
            &[Piece::new("professionnalisation", TextStyle::Regular)],
            10.0,
            60.0,
        );
        assert!(
            none.is_empty(),
            "a word broken between syllables is not reported as cut"
        );
    }

    #[test]
    fn measure_gives_syllable_word_and_line_widths() {
        let fonts = FontSet::get().unwrap();
        let m = measure(
            fonts,
            &[Piece::new("Boulangerie Dupré", TextStyle::Regular)],
            10.0,
        );
        let word = fonts.width(TextStyle::Regular, "Boulangerie", 10.0);
        let line = fonts.width(TextStyle::Regular, "Boulangerie Dupré", 10.0);
        assert!((m.min_word - word).abs() < 0.01, "{m:?}");
        assert!((m.preferred - line).abs() < 0.01, "{m:?}");
        assert!(m.min_hyphenated < word && m.min_hyphenated > 10.0, "{m:?}");
        let name = measure(
            fonts,
            &[Piece::new("Boulangerie", TextStyle::Regular).unhyphenated()],
            10.0,
        );
        assert!(
            (name.min_hyphenated - word).abs() < 0.01,
            "not hyphenated: {name:?}"
        );
    }
}
