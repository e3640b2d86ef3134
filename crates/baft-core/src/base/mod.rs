//! Foundations every other module uses: the two languages, digits, Jalali dates, small sorting helpers.

pub mod digits;
pub mod jalali;
#[macro_use]
pub mod lang;
pub mod letters;
pub mod small;
pub mod text;
pub mod units;

pub use text::LocalText;
