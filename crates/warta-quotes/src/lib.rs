//! warta-quotes (skeleton: being written).
