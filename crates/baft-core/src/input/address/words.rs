//! The words an address is read by, as [`fold`](crate::base::letters::fold) writes them: the
//! house number's, a unit's or floor's, a landmark's and a way's. The kinds of way an address is
//! cut before are the streets layer's ([`PERSIAN_KINDS`]) and a few more ([`way_word`]).

use crate::layer::streets::PERSIAN_KINDS;

/// Words that say "house number".
pub(super) const NUMBER_WORDS: [&str; 8] = ["پلاک", "پ", "پ.", "شماره", "no", "no.", "number", "#"];

/// Kind words after which a number is a street's name (`کوچه ۱۲`).
pub(super) const NAMING_WORDS: [&str; 7] = ["کوچه", "کوچهی", "ک", "ک.", "alley", "بنبست", "بست"];

/// Words that name a unit or floor of the building (`واحد ۳`, `طبقه دوم`, `همکف`, `Unit 3`): the
/// plot is the building's, so they are dropped with what follows them (or, first in an English
/// address, with the word after them).
pub(super) const UNIT_WORDS: [&str; 10] = [
    "واحد",
    "طبقه",
    "ط",
    "ط.",
    "همکف",
    "زیرزمین",
    "unit",
    "floor",
    "apt",
    "apt.",
];

/// Words that place a part of an address beside a way (`نبش کوچهٔ ۲۲`, `نرسیده به میدان شهدا`,
/// `روبروی`, `جنب`…): such a part is a landmark, neither the door's street nor the way it
/// leads off.
pub(super) const BESIDE_WORDS: [&str; 7] =
    ["نبش", "نرسیده", "روبروی", "روبه", "مقابل", "جنب", "تقاطع"];

/// Words that place a part beside a way only when a joining word or a way's kind follows them
/// (`سر کوچهٔ ۲۲`, `بعد از میدان`, `حد فاصل`): streets are named with them too (`سر آسیاب`,
/// `بین‌النهرین`, `پشت باغ`).
pub(super) const BESIDE_IF_JOINED: [&str; 7] = ["بعد", "قبل", "پشت", "کنار", "بین", "حد", "سر"];

/// Words that join a landmark's word to its way (`نرسیده به`, `بعد از`, `حد فاصل`).
pub(super) const JOINING_WORDS: [&str; 5] = ["به", "از", "با", "روی", "فاصل"];

/// Words that say "house number" and start the last part of a full address written without
/// commas (`… کوچه ۲۲ پلاک ۸۰`); not `شماره`, which also names an alley (`کوچه شماره ۲۲`).
pub(super) const PLATE_WORDS: [&str; 3] = ["پلاک", "پ", "پ."];

/// Units that name no number (`همکف`): dropped alone.
pub(super) const BARE_UNITS: [&str; 2] = ["همکف", "زیرزمین"];

/// Words that say where along its street the door is (`انتهای کوچهٔ ۲۲`): dropped before a way's
/// kind word.
pub(super) const ALONG_WORDS: [&str; 5] = ["انتهای", "ابتدای", "اواسط", "اول", "داخل"];

/// More words that start a way in an address: `بن` (of `بن بست`), `بنبست` (`بن‌بست` once the
/// search box drops the non-joiner), which the street search drops whole; `کوی`, which it keeps
/// in the name.
const MORE_WAY_WORDS: [&str; 3] = ["بن", "بنبست", "کوی"];

/// Whether a word starts the name of a way in a Persian address ([`PERSIAN_KINDS`] and
/// [`MORE_WAY_WORDS`]): a full address written without commas (`خیابان کاج کوچه ۲۲ پلاک ۸۰`) is
/// cut before each.
pub(super) fn way_word(w: &str) -> bool {
    PERSIAN_KINDS.contains(&w) || MORE_WAY_WORDS.contains(&w)
}
