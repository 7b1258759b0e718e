//! Indonesian tokenizer (skeleton: being written).
mod span;
pub use span::Span;
