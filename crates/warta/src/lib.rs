//! Warta facade (skeleton).
