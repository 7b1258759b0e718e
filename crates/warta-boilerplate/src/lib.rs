//! warta-boilerplate (skeleton: being written).
