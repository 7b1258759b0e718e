//! The embedded default list (TSV, written by hand from general knowledge).

/// `data/default.tsv`: `id<TAB>type<TAB>canonical<TAB>aliases<TAB>attributes`.
pub(crate) const TSV: &str = include_str!("../data/default.tsv");

include!(concat!(env!("OUT_DIR"), "/default_columns.rs"));
