//! The [`Span`] type shared by every Warta crate.

/// A half-open byte range `start..end` into the caller's original text.
///
/// Every span Warta emits lies in bounds and on `char` boundaries of the text it was computed
/// from, so [`Span::slice`] never fails on that text.
///
/// ```
/// use warta_tokenize::Span;
/// let text = "kata Home";
/// let span = Span::new(5, 9);
/// assert_eq!(span.slice(text), "Home");
/// assert_eq!(span.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `end` must not be smaller than `start`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// Panics when the span is out of bounds or not on char boundaries of `text`, which never
    /// happens for spans Warta computed on that same `text`.
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The span moved `offset` bytes to the right (to turn an offset into a slice into an
    /// offset into the whole text).
    ///
    /// ```
    /// use warta_tokenize::Span;
    /// assert_eq!(Span::new(2, 4).shifted(10), Span::new(12, 14));
    /// ```
    #[inline]
    pub const fn shifted(self, offset: usize) -> Self {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    /// True when `other` lies entirely inside this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
