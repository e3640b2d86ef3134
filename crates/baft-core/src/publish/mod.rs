//! Publishing data: validating a data folder and writing a corrected copy.

pub mod fix;
pub mod validate;
