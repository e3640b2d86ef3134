//! Each input error in words, Persian and English, naming what was typed.

use super::*;

impl BaftError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        [
            Self::typed_words,
            Self::outline_words,
            Self::plot_words,
            Self::data_words,
        ]
        .iter()
        .find_map(|words| words(self, lang))
        .unwrap_or_default()
    }
    /// What was typed and could not be read as a place.
    fn typed_words(&self, lang: Lang) -> Option<String> {
        use BaftError::*;
        let num = |x: f64| crate::base::digits::localize_digits(&error_number(x), lang);
        Some(match self {
            EmptyInput => {
                say!(lang, "چیزی وارد نشده است. مختصات (مثلاً ۳۵٫۷۱، ۵۱٫۱۱)، UTM (مثلاً E ۵۱۰۱۲۲ N ۳۹۵۱۷۵۶) یا پیوند نقشه را وارد کنید.", "Nothing was entered. Type coordinates (e.g. 35.71, 51.11), UTM figures (e.g. E 510122 N 3951756) or paste a map link.")
            }
            Unrecognised { text } => {
                say!(lang, "«{}» خوانده نشد. انتظار می‌رفت: عرض و طول جغرافیایی (۳۵٫۷۱، ۵۱٫۱۱)، درجه و دقیقه و ثانیه (۳۵°۴۲′۳۵″ شمالی ۵۱°۰۶′۴۳″ شرقی)، UTM ناحیه ۳۹ (E ۵۱۰۱۲۲ N ۳۹۵۱۷۵۶)، geo: یا پیوند نقشه.", "Could not read “{}”. Expected latitude and longitude (35.71, 51.11), degrees-minutes-seconds (35°42′35″N 51°06′43″E), UTM zone 39 (E 510122 N 3951756), a geo: URI or a map link.", crate::base::digits::localize_digits(&clip(text), lang))
            }
            NotFound {
                text,
                parcels: true,
            } => {
                say!(lang, "«{}» پیدا نشد. می‌توانید بنویسید: پلاک ثبتی (۱۲۱/۴۰۶ بخش ۱۱)، کد پستی ده‌رقمی از قبض، نشانی (خیابان سرو، پلاک ۶۱) یا نام خیابان، کد نوسازی (۰۲۳۲-۰۰۱)، شناسهٔ ملک، مختصات (۳۵٫۷۱، ۵۱٫۱۱)، UTM ناحیهٔ ۳۹ از سند (E ۵۱۰۱۲۲ N ۳۹۵۱۷۵۶)، پیوند نقشه، یا نام محله؛ یا ملک را روی نقشه بزنید.", "Nothing found for “{}”. You can type: a registration plate (121/406 section 11), the ten-digit postal code from a bill, an address (No. 61, Sarv Street) or a street's name, a renovation code (0232-001), a plot id, coordinates (35.71, 51.11), UTM zone 39 figures from the deed (E 510122 N 3951756), a map link, or a neighbourhood's name; or tap the plot on the map.", crate::base::digits::localize_digits(&clip(text), lang))
            }
            NotFound {
                text,
                parcels: false,
            } => {
                say!(lang, "«{}» پیدا نشد. می‌توانید بنویسید: مختصات (۳۵٫۷۱، ۵۱٫۱۱)، UTM ناحیهٔ ۳۹ از سند (E ۵۱۰۱۲۲ N ۳۹۵۱۷۵۶)، پیوند نقشه، یا نام محله؛ یا نقطه را روی نقشه بزنید.", "Nothing found for “{}”. You can type: coordinates (35.71, 51.11), UTM zone 39 figures from the deed (E 510122 N 3951756), a map link, or a neighbourhood's name; or tap the place on the map.", crate::base::digits::localize_digits(&clip(text), lang))
            }
            OutOfRange { lat, lon } => {
                say!(lang, "عرض {} یا طول {} خارج از بازهٔ مجاز است (عرض بین ۹۰- و ۹۰، طول بین ۱۸۰- و ۱۸۰).", "Latitude {} or longitude {} is out of range (latitude −90…90, longitude −180…180).", num(*lat), num(*lon))
            }
            AmbiguousNumbers { a, b } => {
                say!(lang, "اعداد {} و {} نه عرض و طول جغرافیایی هستند و نه UTM. برای UTM، شرقی (۶ رقم) و شمالی (۷ رقم) را بنویسید.", "The numbers {} and {} are neither latitude/longitude nor UTM. For UTM give the easting (6 digits) and northing (7 digits).", num(*a), num(*b))
            }
            UtmOutOfRange { easting, northing } => {
                say!(lang, "UTM خارج از بازه است: شرقی {} باید بین ۱۶۶۰۰۰ و ۸۳۴۰۰۰ و شمالی {} بین ۰ و ۹۴۰۰۰۰۰ باشد.", "UTM out of range: easting {} must be 166000–834000 and northing {} 0–9400000.", num(*easting), num(*northing))
            }
            LinkWithoutCoordinates { host } => {
                say!(lang, "پیوند {} مختصات ندارد (پیوند کوتاه یا شناسهٔ مکان). پیوند را باز کنید و پیوندی که مختصات دارد یا خود مختصات را کپی کنید.", "The {} link carries no coordinates (a short link or a place id). Open it and copy a link with coordinates, or the coordinates themselves.", host)
            }
            BadGeoUri { text } => {
                say!(
                    lang,
                    "نشانی geo: «{}» خوانده نشد؛ شکل درست: geo:35.71,51.11",
                    "Could not read the geo: URI “{}”; expected geo:35.71,51.11",
                    clip(text)
                )
            }
            _ => return None,
        })
    }

    /// Corner lists and typed outlines that could not be read.
    fn outline_words(&self, lang: Lang) -> Option<String> {
        use BaftError::*;
        let fa = lang == Lang::Fa;
        let num = |x: f64| crate::base::digits::localize_digits(&error_number(x), lang);
        Some(match self {
            CornerLine { line, text, reason } => {
                let why = reason.message(lang);
                // The reason quotes the line itself when it could not read it.
                let quoted = why.contains(&clip(text));
                let line = crate::base::digits::localize_digits(&line.to_string(), lang);
                if quoted {
                    say!(lang, "سطر {line}: {why}", "Line {line}: {why}")
                } else {
                    say!(
                        lang,
                        "سطر {line}: «{}» — {why}",
                        "Line {line}: “{}” — {why}",
                        clip(text)
                    )
                }
            }
            CornersNoArea => {
                say!(lang, "گوشه‌ها روی یک خط‌اند و محدوده مساحتی ندارد. ارقام گوشه‌ها را بررسی کنید.", "The corners lie on one line, so the outline has no area. Check the corners' figures.")
            }
            NotAPlate { text } => {
                say!(lang, "«{}» پلاک یا کد نوسازی درستی نیست. پلاک را با رقم به شکل اصلی/فرعی (مثلاً ۱۲۳/۴۵ یا بخش ۱۱ پلاک ۱۲۳/۴۵) و کد نوسازی را با رقم و خط تیره همان‌طور که روی فیش عوارض آمده (مثلاً ۰۴۱۲-۰۱۷) بنویسید.", "“{}” is not a plate or renovation code. Write a plate in digits as main/sub (e.g. 123/45, or بخش 11 پلاک 123/45 with the section) and a renovation code in digits and dashes as printed on the fee receipt (e.g. 0412-017).", crate::base::digits::localize_digits(&clip(text), lang))
            }
            DecimalComma { text } => {
                say!(lang, "در «{}» ممیز با ویرگول نوشته شده است. ممیز را با «٫» یا نقطه بنویسید (۳۵٫۷۱) و دو عدد را با ویرگول یا فاصله جدا کنید: ۳۵٫۷۱، ۵۱٫۱۱", "“{}” has commas as decimal marks. Write decimals with a point (35.71) and separate the two numbers with a comma or a space: 35.71, 51.11", crate::base::digits::localize_digits(&clip(text), lang))
            }
            MinutesSeconds { value } => {
                say!(
                    lang,
                    "دقیقه و ثانیه باید کمتر از ۶۰ باشند، اما {} آمده است (مثلاً ۳۵°۴۲′۳۵″).",
                    "Minutes and seconds must be below 60, but {} was given (e.g. 35°42′35″).",
                    num(*value)
                )
            }
            TooFewCorners { count } => {
                if fa {
                    format!("برای محدودهٔ ملک دست‌کم ۳ گوشهٔ متمایز لازم است؛ {} گوشه داده شد. هر گوشه را در یک سطر بنویسید.", num(*count as f64))
                } else {
                    format!("A plot outline needs at least 3 distinct corners; got {count}. Put one corner per line.")
                }
            }
            CornersCrossing => {
                say!(lang, "اضلاع محدوده همدیگر را قطع می‌کنند. گوشه‌ها را به ترتیب دور ملک (مثلاً الف، ب، ج، د از شمال‌غربی) بنویسید.", "The outline's sides cross each other. List the corners in order around the plot (A, B, C, D… from the north-west).")
            }
            _ => return None,
        })
    }

    /// Uploaded plot outlines, plots not found, and shared links.
    fn plot_words(&self, lang: Lang) -> Option<String> {
        use BaftError::*;
        Some(match self {
            BadPlotFile { problem } => {
                let hint = match problem {
                    ProblemKind::NotGeoJson { format } if format != "empty" && format != "utf16" => {
                        lang.pick(
                            ". محدوده را به صورت GeoJSON بارگذاری کنید یا گوشه‌هایش را هر کدام در یک سطر بنویسید.",
                            ". Upload the outline as GeoJSON, or type its corners one per line.",
                        )
                    }
                    _ => "",
                };
                say!(
                    lang,
                    "محدودهٔ ملک قابل استفاده نیست: {}{hint}",
                    "The plot outline can't be used: {}{hint}",
                    problem.describe(lang)
                )
            }
            PlotFileTooLarge { bytes, limit } => {
                let mb = |b: usize| crate::base::units::megabytes(b, lang);
                say!(lang, "فایل محدودهٔ ملک {} است و بیش از {} را نمی‌توان خواند. فقط محدودهٔ همین یک ملک را بارگذاری کنید (نه همهٔ لایهٔ پلاک‌ها).", "The plot outline file is {}; at most {} can be read. Upload the outline of this one plot only (not a whole parcel layer).", mb(*bytes), mb(*limit))
            }
            PlotTooComplex { vertices, limit } => {
                let n = |x: usize| crate::base::units::format_number(x as f64, 0, lang);
                say!(lang, "محدودهٔ ملک {} گوشه دارد و بیش از {} گوشه پذیرفته نمی‌شود. محدودهٔ یک ملک را بارگذاری کنید یا آن را ساده کنید.", "The plot outline has {} corners; at most {} are accepted. Upload a single plot's outline, or simplify it.", n(*vertices), n(*limit))
            }
            PlotNotFound { text } => {
                say!(lang, "ملکی با پلاک یا کد «{text}» در لایهٔ پلاک‌ها نیست. پلاک را به شکل اصلی/فرعی (مثلاً ۱۲۳/۴۵) یا کد نوسازی را همان‌طور که روی فیش عوارض آمده بنویسید.", "No plot with plate or code “{text}” is in the parcel layer. Write the plate as main/sub (e.g. 123/45), or the renovation code as printed on the fee receipt.", text = crate::base::digits::localize_digits(text, lang))
            }
            PostalCodeNotFound { postal_code: code } => {
                say!(lang, "ملکی با کد پستی «{code}» در لایهٔ پلاک‌ها نیست. ده رقم کد پستی را همان‌طور که روی قبض آب یا برق آمده بنویسید، یا ملک را روی نقشه بزنید.", "No plot with postal code “{code}” is in the parcel layer. Write the ten digits as printed on a water or electricity bill, or tap the plot on the map.", code = crate::base::digits::localize_digits(code, lang))
            }
            AddressNotFound { street, number } => {
                say!(lang, "در لایهٔ پلاک‌ها، ملکی با پلاک {n} در «{street}» نیست. نام خیابان را به‌تنهایی بنویسید تا آن را روی نقشه ببینید و ملک خود را روی آن بزنید، یا کد پستی را بنویسید.", "No plot numbered {n} on “{street}” is in the parcel layer. Type the street's name alone to see it on the map and tap your plot on it, or type your postal code.", n = crate::base::digits::localize_digits(number, lang), street = crate::base::digits::localize_digits(street, lang))
            }
            NoParcelLayer => {
                say!(lang, "این داده لایهٔ پلاک‌به‌پلاک ندارد؛ با مختصات یا پیوند نقشه جست‌وجو کنید.", "This data has no plot-by-plot parcel layer; search by coordinates or a map link.")
            }
            PlotsLoading => {
                say!(
                    lang,
                    "لایهٔ پلاک‌ها هنوز در حال بارگیری است؛ پاسخ همین که برسد می‌آید.",
                    "The plots are still loading; the answer comes as soon as they are in."
                )
            }
            PlotsByArea => {
                say!(lang, "پلاک‌های این شهر یک‌جا جست‌وجو نمی‌شوند و فقط همان‌جا که می‌پرسید بارگیری می‌شوند: ملک را روی نقشه بزنید، یا مختصات یا پیوند نقشهٔ آن را بنویسید.", "This city's plots can't all be searched at once; only those where you look are loaded: tap the plot on the map, or type its coordinates or a map link.")
            }
            BadLink { field, text } => {
                say!(lang, "بخش «{field}» پیوند اشتراکی خوانده نشد («{}»). پیوند ناقص یا دست‌خورده است؛ آن را دوباره از فرستنده بگیرید.", "The “{field}” part of the shared link can't be read (“{}”). The link is cut short or altered; ask the sender for it again.", clip(text))
            }
            _ => return None,
        })
    }

    /// Published data files, the manifest, and files that could not be read.
    fn data_words(&self, lang: Lang) -> Option<String> {
        use BaftError::*;
        Some(match self {
            BadManifest { errors } => {
                let detail = errors.iter().map(|e| e.message(lang)).collect::<Vec<_>>();
                unusable("manifest.json", &detail.join(lang.pick("؛ ", "; ")), lang)
            }
            UnusableFile { file, problem } => {
                let detail = match problem {
                    Some(p) => p.what(lang),
                    None => say!(lang, "هیچ عارضهٔ قابل استفاده‌ای ندارد", "no usable feature"),
                };
                unusable(file, &detail, lang)
            }
            Io { path, why } => {
                let why = why.words(lang);
                say!(
                    lang,
                    "خواندن «{path}» ممکن نشد: {why}",
                    "Could not read “{path}”: {why}"
                )
            }
            PackAsText { file } => {
                say!(
                    lang,
                    "«{file}» فایل فشرده (دودویی) است؛ بایت‌هایش را با addFileBytes بدهید",
                    "“{file}” is a packed (binary) file: pass its bytes to addFileBytes"
                )
            }
            _ => return None,
        })
    }
}

/// A data file that can't be used, and why.
fn unusable(file: &str, detail: &str, lang: Lang) -> String {
    say!(
        lang,
        "دادهٔ «{file}» قابل استفاده نیست: {detail}",
        "Data file “{file}” can't be used: {detail}"
    )
}
