//! Foundations every other module uses: the two languages, digits, Jalali dates, small sorting
//! helpers, varints.

pub mod bidi;
pub mod csv;
pub mod digits;
pub mod jalali;
#[macro_use]
pub mod lang;
pub mod letters;
pub mod small;
pub mod text;
pub mod units;
pub(crate) mod varint;

pub use text::LocalText;
