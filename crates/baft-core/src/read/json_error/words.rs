//! serde_json's English error messages rewritten in words, Persian and English.

use super::*;

/// `serde_json`'s message (with or without its " at line L column C" ending) in plain words.
/// Messages it doesn't know are kept, prefixed in Persian with «خطای JSON».
pub fn describe(msg: &str, lang: Lang) -> String {
    let (body, pos) = split_position(msg);
    let text = words(body, lang);
    match pos {
        Some((l, c)) => say!(
            lang,
            "{text} (سطر {l}، ستون {c})",
            "{text} (line {l}, column {c})",
            l = localize_digits(&l.to_string(), lang),
            c = localize_digits(&c.to_string(), lang)
        ),
        None => text,
    }
}

/// The message without serde_json's " at line L column C" ending (for text that was
/// re-serialised, whose positions mean nothing to the reader).
pub fn without_position(msg: &str) -> &str {
    split_position(msg).0
}

fn split_position(msg: &str) -> (&str, Option<(usize, usize)>) {
    if let Some((body, rest)) = msg.rsplit_once(" at line ") {
        if let Some((l, c)) = rest.split_once(" column ") {
            if let (Ok(l), Ok(c)) = (l.trim().parse(), c.trim().parse()) {
                return (body, Some((l, c)));
            }
        }
    }
    (msg, None)
}

/// The names in a "`a`, `b` or `c`" list, joined for the language.
fn names(list: &str, lang: Lang) -> String {
    let v: Vec<&str> = list
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect();
    v.join(lang.pick("، ", ", "))
}

/// serde_json's message body (its position already removed) in plain words for `lang`.
fn words(body: &str, lang: Lang) -> String {
    if let Some(text) = field_words(body, lang).or_else(|| type_words(body, lang)) {
        return text;
    }
    if let Some(text) = token_words(body, lang).or_else(|| structure_words(body, lang)) {
        return text;
    }
    if lang == Lang::Fa {
        format!("خطای JSON: {body}")
    } else {
        body.to_string()
    }
}

/// The words for serde's unknown, missing or duplicate field or unknown variant message
/// `body`; `None` for any other message.
fn field_words(body: &str, lang: Lang) -> Option<String> {
    let (prefix, rest) = strip_any(
        body,
        &[
            "unknown field `",
            "missing field `",
            "duplicate field `",
            "unknown variant `",
        ],
    )?;
    // The name ends at its closing backtick; the allowed names (if any) follow it.
    let (name, allowed) = rest.split_once('`').unwrap_or((rest, ""));
    Some(match prefix {
        "unknown field `" => {
            let allowed = if allowed.contains("there are no fields") {
                String::new()
            } else {
                names(allowed, lang)
            };
            if allowed.is_empty() {
                say!(lang, "فیلد ناشناختهٔ «{name}»", "unknown field “{name}”")
            } else {
                say!(
                    lang,
                    "فیلد ناشناختهٔ «{name}» (غلط تایپی؟)؛ فیلدهای مجاز: {allowed}",
                    "unknown field “{name}” (a typo?); allowed: {allowed}"
                )
            }
        }
        "missing field `" => say!(
            lang,
            "فیلد لازم «{name}» نیامده است",
            "the required field “{name}” is missing"
        ),
        "duplicate field `" => say!(
            lang,
            "فیلد «{name}» دو بار آمده است",
            "the field “{name}” appears twice"
        ),
        _ => {
            let allowed = names(allowed, lang);
            say!(
                lang,
                "مقدار ناشناختهٔ «{name}»؛ مقدارهای مجاز: {allowed}",
                "unknown value “{name}”; allowed: {allowed}"
            )
        }
    })
}

/// The words for serde's invalid type, value or length message `body`; `None` for any other.
fn type_words(body: &str, lang: Lang) -> Option<String> {
    let (prefix, rest) = strip_any(
        body,
        &["invalid type: ", "invalid value: ", "invalid length "],
    )?;
    // What serde found (or the length it read), then what it expected.
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let expected = expectation(expected, lang);
    if prefix == "invalid length " {
        return Some(say!(
            lang,
            "تعداد عضوها نادرست است ({n}): {expected} لازم است",
            "wrong number of items ({n}): expected {expected}",
            n = localize_digits(found, lang)
        ));
    }
    let found = unexpected(found, lang);
    Some(if prefix == "invalid type: " {
        say!(
            lang,
            "نوع نادرست: {expected} لازم است اما {found} آمده است",
            "wrong type: found {found}, expected {expected}"
        )
    } else {
        say!(
            lang,
            "{found} اینجا مجاز نیست: {expected} لازم است",
            "{found} is not allowed here: expected {expected}"
        )
    })
}

/// The first of `prefixes` that `body` starts with, and the rest of `body` after it.
fn strip_any<'a>(body: &'a str, prefixes: &[&'static str]) -> Option<(&'static str, &'a str)> {
    prefixes
        .iter()
        .find_map(|p| body.strip_prefix(*p).map(|rest| (*p, rest)))
}

/// The words for a fixed message `body` about one bad token (comment, quote, number,
/// escape…); `None` for any other message.
fn token_words(body: &str, lang: Lang) -> Option<String> {
    let fa = lang == Lang::Fa;
    let pick = |f: &str, e: &str| if fa { f.to_string() } else { e.to_string() };
    Some(match body {
        COMMENT => pick(
            "توضیح (// یا /* */): JSON توضیح ندارد",
            COMMENT,
        ),
        SINGLE_QUOTES => pick(
            "گیومهٔ تکی: JSON گیومهٔ دوتایی (\") می‌خواهد",
            SINGLE_QUOTES,
        ),
        NAN => pick("NaN یا Infinity: در JSON عدد نیست", NAN),
        PLUS => pick("علامت +: عدد JSON علامت + ندارد", PLUS),
        "expected ident" => pick(
            "واژهٔ نادرست: بدون گیومه فقط true، false و null مجاز است",
            "a misspelt word: only true, false and null may be written without quotes",
        ),
        "expected value" => pick(
            "اینجا مقداری لازم است: عدد، متن در گیومهٔ دوتایی، true، false، null، فهرست [ ] یا شیء { } (NaN، Infinity و گیومهٔ تکی در JSON مجاز نیست)",
            "a value is expected here: a number, text in double quotes, true, false, null, a list [ ] or an object { } (NaN, Infinity and single quotes are not JSON)",
        ),
        "invalid escape" => pick(
            "نویسهٔ گریز (\\) نادرست در متن",
            "an invalid escape (\\) in a quoted string",
        ),
        "invalid number" => pick(
            "عدد نادرست (عدد JSON صفر آغازین، نقطهٔ پایانی یا علامت + ندارد)",
            "an invalid number (JSON numbers have no leading zero, trailing dot or plus sign)",
        ),
        "number out of range" => pick(
            "عدد بزرگ‌تر از آن است که خوانده شود",
            "a number too large to read",
        ),
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => pick(
            "گریز \\u نادرست در متن",
            "an invalid \\u escape in a quoted string",
        ),
        "control character (\\u0000-\\u001F) found while parsing a string" => pick(
            "شکست سطر یا نویسهٔ کنترلی دیگری داخل متن گیومه‌دار (آن را \\n بنویسید)",
            "a line break or other control character inside a quoted string (write it as \\n)",
        ),
        "key must be a string" => pick(
            "نام عضو باید در گیومهٔ دوتایی باشد (\"name\")",
            "a member name must be in double quotes (\"name\")",
        ),
        _ => return None,
    })
}

/// The words for a fixed message `body` about the text's structure (early end, punctuation,
/// nesting); `None` for any other message.
fn structure_words(body: &str, lang: Lang) -> Option<String> {
    let fa = lang == Lang::Fa;
    let pick = |f: &str, e: &str| if fa { f.to_string() } else { e.to_string() };
    Some(match body {
        TOO_MANY_ITEMS => pick("یک عضو بیش از اندازه در این فهرست", TOO_MANY_ITEMS),
        "EOF while parsing a list" => pick(
            "متن پیش از بسته شدن یک فهرست [ … ] تمام شده است: فایل ناقص است",
            "the text ends before a list [ … ] is closed: the file is cut short",
        ),
        "EOF while parsing an object" => pick(
            "متن پیش از بسته شدن یک شیء { … } تمام شده است: فایل ناقص است",
            "the text ends before an object { … } is closed: the file is cut short",
        ),
        "EOF while parsing a string" => pick(
            "متن وسط یک رشتهٔ داخل گیومه تمام شده است: فایل ناقص است",
            "the text ends inside a quoted string: the file is cut short",
        ),
        "EOF while parsing a value" => pick(
            "متن جایی تمام شده است که مقداری لازم بود: فایل خالی یا ناقص است",
            "the text ends where a value was expected: the file is empty or cut short",
        ),
        "expected `:`" => pick(
            "پس از نام عضو، «:» نیامده است",
            "a “:” is missing after a member name",
        ),
        "expected `,` or `]`" => pick(
            "در فهرست، «,» یا «]» نیامده است",
            "a “,” or “]” is missing in a list",
        ),
        "expected `,` or `}`" => pick(
            "در شیء، «,» یا «}» نیامده است",
            "a “,” or “}” is missing in an object",
        ),
        "trailing comma" => pick(
            "ویرگول پیش از ] یا } پایانی",
            "a comma before a closing ] or }",
        ),
        "trailing characters" => pick(
            "متن اضافه پس از پایان مقدار JSON",
            "more text after the end of the JSON value",
        ),
        "recursion limit exceeded" => {
            pick("بیش از ۱۲۸ لایهٔ تودرتو", "nested more than 128 levels deep")
        }
        _ => return None,
    })
}

/// What serde found, from its "unexpected" text: `string "x"`, ``integer `5` ``, `map`…
fn unexpected(s: &str, lang: Lang) -> String {
    let fa = lang == Lang::Fa;
    let tick = |p: &str| s.strip_prefix(p).map(|r| r.trim_matches('`').to_string());
    if let Some(v) = s.strip_prefix("string ") {
        let v = v.trim_matches('"');
        return say!(lang, "متن «{v}»", "the text “{v}”");
    }
    if let Some(v) = tick("integer ").or_else(|| tick("floating point ")) {
        return say!(lang, "عدد «{v}»", "the number {v}");
    }
    if let Some(v) = tick("boolean ") {
        return v;
    }
    match s {
        "null" => "null".into(),
        "sequence" => if fa {
            "فهرست [ … ]"
        } else {
            "a list [ … ]"
        }
        .into(),
        "map" => if fa {
            "شیء { … }"
        } else {
            "an object { … }"
        }
        .into(),
        other => other.into(),
    }
}

/// What serde expected, from its "expected" text: `u8`, `a string`, `struct Manifest`…
fn expectation(s: &str, lang: Lang) -> String {
    let fa = lang == Lang::Fa;
    let pick = |f: &str, e: &str| if fa { f.to_string() } else { e.to_string() };
    if let Some(n) = s.strip_prefix("an array of length ") {
        return say!(
            lang,
            "فهرستی با {n} عضو",
            "a list of {n} items",
            n = localize_digits(n, lang)
        );
    }
    if s.starts_with("struct ") || s == "a map" {
        return pick("شیء { … }", "an object { … }");
    }
    match s {
        "u8" => pick("عدد صحیح از ۰ تا ۲۵۵", "a whole number from 0 to 255"),
        "u16" | "u32" | "u64" | "usize" => pick("عدد صحیح نامنفی", "a whole number, 0 or more"),
        "i8" | "i16" | "i32" | "i64" | "isize" => pick("عدد صحیح", "a whole number"),
        "f32" | "f64" => pick("عدد", "a number"),
        "a string" | "a borrowed string" => pick("متن در گیومهٔ دوتایی", "text in double quotes"),
        "a boolean" => pick("true یا false", "true or false"),
        "a sequence" => pick("فهرست [ … ]", "a list [ … ]"),
        "unit" => "null".into(),
        other if other.starts_with('`') => names(other, lang),
        other if fa => format!("«{other}»"),
        other => other.to_string(),
    }
}
