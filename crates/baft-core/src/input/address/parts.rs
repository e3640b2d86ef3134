//! A full address cut into its parts (`خیابان سرو`, `نبش کوچهٔ ۲۲`, `پلاک ۸۲`): by its commas,
//! and, written without them, before each way's kind word and `پلاک`; which parts are
//! landmarks, and which name a way.

use super::words::{
    way_word, ALONG_WORDS, BESIDE_IF_JOINED, BESIDE_WORDS, JOINING_WORDS, PLATE_WORDS,
};
use super::{spaced, without_unit};
use crate::base::letters::fold;
use crate::layer::streets::key;

/// Whether `words[i]` places its part beside a way: a landmark's word ([`BESIDE_WORDS`](super::words::BESIDE_WORDS)), or
/// one of [`BESIDE_IF_JOINED`](super::words::BESIDE_IF_JOINED) followed by a joining word or a way's kind.
fn beside(words: &[&str], i: usize) -> bool {
    let next = words.get(i + 1);
    BESIDE_WORDS.contains(&words[i])
        || BESIDE_IF_JOINED.contains(&words[i])
            && next.is_some_and(|w| JOINING_WORDS.contains(w) || way_word(w))
}

/// How many of the `len` words before `words[end]` (a way's kind) lead a landmark into it
/// (`نرسیده به` in `… سرو نرسیده به میدان …`): from the first landmark word of the run of
/// landmark and joining words just before it.
fn landmark_lead(words: &[&str], end: usize, len: usize) -> usize {
    let mut lead = 0;
    for i in (end - len..end).rev() {
        if beside(words, i) {
            lead = end - i;
        } else if !JOINING_WORDS.contains(&words[i]) {
            break;
        }
    }
    lead
}

/// The parts of a full address: its comma-separated parts, each cut again before a Persian
/// way word or `پلاک`, a landmark's leading words going with the way they lead into
/// (`خیابان سرو نبش کوچه ۲۲ پلاک ۸۲` is `خیابان سرو`, `نبش کوچه ۲۲`, `پلاک ۸۲`). Units and
/// floors are dropped, and words saying where along its street the door is; so are landmarks
/// after the rest (`…، پلاک ۸۲، روبروی مسجد`).
pub(super) fn parts(text: &str) -> Vec<String> {
    let folded = spaced(&fold(text));
    let mut out: Vec<Vec<&str>> = Vec::new();
    for part in folded.split(['،', ',']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut cur: Vec<&str> = Vec::new();
        for (i, &w) in words.iter().enumerate() {
            if (way_word(w) || PLATE_WORDS.contains(&w)) && !cur.is_empty() {
                let lead = cur.split_off(cur.len() - landmark_lead(&words, i, cur.len()));
                // `… سرو انتهای کوچه ۲۲`, not `کوچه اول پلاک ۵` nor `خیابان اول کوچه ۲۲`.
                while way_word(w)
                    && cur.last().is_some_and(|w| ALONG_WORDS.contains(w))
                    && !key(&cur[..cur.len() - 1].join(" ")).is_empty()
                {
                    cur.pop();
                }
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur = lead;
            }
            if !(cur.is_empty() && along(&words[i..])) {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    let mut parts: Vec<String> = (out.into_iter())
        .map(without_unit)
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| landmark(p)) {
        parts.pop();
    }
    parts
}

/// Whether the words start with where along a way the door is (`انتهای کوچهٔ ۲۲`): a word of
/// [`ALONG_WORDS`](super::words::ALONG_WORDS) before a way's kind.
pub(super) fn along(words: &[&str]) -> bool {
    words.len() > 1 && ALONG_WORDS.contains(&words[0]) && way_word(words[1])
}

/// A part that places the address beside a way (`نبش کوچهٔ ۲۲`): a landmark.
pub(super) fn landmark(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty() && beside(&words, 0)
}

/// A part that names a way by its kind (`خیابان کاج`, `Kaj Street`): the way a street leads
/// off. A bare name (`قدس`, a city's) is not one.
pub(super) fn way(part: &str) -> Option<(String, String)> {
    let k = key(part);
    (!k.is_empty() && k != part.to_lowercase()).then(|| (k, part.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A landmark's words go with the way they lead into; `اول` after a kind word is a name; a
    /// landmark last is dropped; a street named with a landmark's word is no landmark.
    #[test]
    fn parts_keep_landmarks_with_their_way() {
        let p = |t: &str| parts(t);
        assert_eq!(
            p("خیابان سرو نبش کوچه ۲۲ پلاک ۸۲"),
            ["خیابان سرو", "نبش کوچه 22", "پلاک 82"]
        );
        assert_eq!(
            p("خیابان سرو نرسیده به میدان شهدا کوچه ۲۲ پلاک ۸۰"),
            ["خیابان سرو", "نرسیده به میدان شهدا", "کوچه 22", "پلاک 80"]
        );
        assert_eq!(p("خیابان سرو انتهای کوچه ۲۲"), ["خیابان سرو", "کوچه 22"]);
        assert_eq!(p("کوچه اول پلاک ۵"), ["کوچه اول", "پلاک 5"]);
        // Every Persian kind the street search drops cuts a way (the ezafe written on), but not
        // `م.` or `ب.`, a name's initial too.
        assert_eq!(
            p("قدس خیابان سرو کوچهی ۲۲ پلاک ۸۰"),
            ["قدس", "خیابان سرو", "کوچهی 22", "پلاک 80"]
        );
        assert_eq!(
            p("خیابان شهید م. رضایی کوچه ۲۲ پلاک ۸۰"),
            ["خیابان شهید م. رضایی", "کوچه 22", "پلاک 80"]
        );
        assert_eq!(p("خیابان اول کوچه ۲۲"), ["خیابان اول", "کوچه 22"]);
        assert_eq!(
            p("خیابان سرو، پلاک ۸۲، روبروی مسجد"),
            ["خیابان سرو", "پلاک 82"]
        );
        assert!(landmark("سر کوچه 22") && landmark("بعد از میدان") && landmark("جنب بانک"));
        assert!(!landmark("سر آسیاب") && !landmark("بین النهرین"));
        assert_eq!(
            without_unit(vec![
                "کوچه", "22", "طبقه", "2", "پلاک", "80", "واحد", "3", "شرقی"
            ]),
            ["کوچه", "22", "پلاک", "80"]
        );
    }
}
