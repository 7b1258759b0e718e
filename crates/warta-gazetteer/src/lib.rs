//! warta-gazetteer (skeleton: being written).
