//! Folding Persian and Arabic letter forms, so that a name stored one way is found when typed
//! the other way.
//!
//! Municipal data and keyboards mix Arabic and Persian code points for the same letter: Arabic
//! yeh `ي` (U+064A) and alef maksura `ى` (U+0649) for Persian yeh `ی` (U+06CC), Arabic kaf `ك`
//! (U+0643) for keheh `ک` (U+06A9), teh marbuta `ة` (U+0629) and heh with yeh above `ۀ` (U+06C0)
//! for heh `ه` (U+0647); short vowels, the hamza above of the ezafe (`محلهٔ`) and tatweel are
//! dropped. Words are joined with a zero-width non-joiner (U+200C), a space, or
//! nothing. [`fold`] maps all of these to one form, every digit to ASCII (as
//! [`crate::base::digits::normalize`] does), Latin letters to lower case, and runs of spaces and
//! non-joiners to one space.
//!
//! ```
//! use baft_core::base::letters::fold;
//! assert_eq!(fold("كوي  علي‌آباد ۱۲"), fold("کوی علی آباد 12"));
//! assert_eq!(fold("QB-0372"), "qb-0372");
//! ```

/// The search form of `text`: see the module docs.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in crate::base::digits::normalize(&text.replace('\u{200C}', " ")).chars() {
        let c = match c {
            // Short vowels, hamza above (the ezafe of «محلهٔ») and tatweel are not letters.
            '\u{064B}'..='\u{0655}' | '\u{0670}' | '\u{0640}' => continue,
            '\u{064A}' | '\u{0649}' => '\u{06CC}',
            '\u{0643}' => '\u{06A9}',
            '\u{0629}' | '\u{06C0}' => '\u{0647}',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn arabic_and_persian_forms_are_one() {
        assert_eq!(fold("ي"), fold("ی"));
        assert_eq!(fold("ى"), fold("ی"));
        assert_eq!(fold("ك"), fold("ک"));
        assert_eq!(fold("ة"), fold("ه"));
        assert_eq!(fold("خانۀ"), fold("خانه"));
        assert_eq!(fold("محلهٔ"), fold("محله"));
        assert_eq!(fold("علی‌آباد"), fold("علی آباد"));
        assert_eq!(fold(" ٤٥ "), "45");
        assert_ne!(fold("کاوسیه"), fold("کاوسی"));
    }
}
