//! Interface strings, Persian first. Result sentences come from `baft_core::check::words`, so the
//! app and the CLI say the same thing.

use crate::state::GeoFailure;
use baft_core::Lang;
use leptos::prelude::Get;

/// A string in both languages.
pub type T = (&'static str, &'static str);

pub fn t(lang: Lang, s: T) -> &'static str {
    lang.pick(s.0, s.1)
}

pub const APP_NAME: T = ("بافت", "Baft");
pub const TAGLINE: T = (
    "آیا ملک من در محدودهٔ بافت فرسوده یا بازآفرینی است؟",
    "Is my plot in a worn-out fabric or regeneration area?",
);
pub const OTHER_LANG: T = ("English", "فارسی");
pub const OTHER_LANG_LABEL: T = ("Switch to English", "تغییر زبان به فارسی");
pub const SEARCH_LABEL: T = (
    "پلاک ثبتی، کد پستی، نشانی، کد نوسازی، مختصات یا پیوند نقشه",
    "Plate, postal code, address, renovation code, coordinates or map link",
);
pub const SEARCH_HELP: T = (
    "نمونه‌ها: پلاک ۱۲۱/۴۰۶ بخش ۱۱ یا ۴۰۶ فرعی از ۱۲۱ اصلی — کد پستی ده‌رقمی از قبض (۳۷۵۱۴-۰۰۴۰۶) — نشانی (خیابان سرو، پلاک ۶۱) یا فقط نام خیابان — کد نوسازی ۰۲۳۲-۰۰۱ — شناسهٔ ملک QB-0232-001 — ۳۵٫۷۱، ۵۱٫۱۱ یا ۳۵/۷۱، ۵۱/۱۱ — E ۵۱۰۱۲۲ N ۳۹۵۱۷۵۶ (UTM ناحیهٔ ۳۹ از سند) — پیوند گوگل‌مپ، OpenStreetMap، نشان یا بلد — نام محله یا شمارهٔ بلوک. برای محدودهٔ ملک، هر گوشه را در یک سطر بنویسید.",
    "Examples: plate 121/406 section 11, or 406 sub of 121 main — the ten-digit postal code from a bill (37514-00406) — an address (No. 61, Sarv Street) or a street's name alone — renovation code 0232-001 — plot id QB-0232-001 — 35.71, 51.11 — E 510122 N 3951756 (UTM zone 39, from the deed) — a Google Maps, OpenStreetMap, Neshan or Balad link — a neighbourhood name or block number. For a plot outline, put one corner per line.",
);
pub const CHECK: T = ("بررسی", "Check");
pub const CHOOSE_FILE: T = ("انتخاب فایل…", "Choose a file…");
pub const MY_LOCATION: T = ("موقعیت من", "My location");
pub const MAP_CENTRE: T = ("بررسی مرکز نقشه", "Check the map centre");
pub const UPLOAD_LABEL: T = (
    "بارگذاری محدودهٔ ملک (GeoJSON یا فهرست گوشه‌ها)",
    "Upload the plot outline (GeoJSON or a list of corners)",
);
pub const MAP_LABEL: T = (
    "نقشهٔ محدوده‌ها؛ برای بررسی یک نقطه روی نقشه بزنید",
    "Map of the areas; tap or click a point to check it",
);
pub const LAYERS: T = ("لایه‌ها", "Layers");
pub const BASEMAP: T = (
    "نقشهٔ پایه (کاشی‌ها از سرور نقشه بارگذاری می‌شوند و محدودهٔ دیدن شما را می‌بینند)",
    "Basemap (tiles load from the map server, which sees the area you view)",
);
pub const RESULT: T = ("نتیجه", "Result");
pub const NO_RESULT: T = (
    "نقطه یا ملکی را جست‌وجو کنید یا روی نقشه بزنید.",
    "Search for a point or plot, or tap the map.",
);
pub const LOADING: T = ("در حال بارگذاری داده‌ها", "Loading data");
pub const LOAD_FAILED: T = ("داده‌ها بارگذاری نشد", "The data could not be loaded");
pub const DATA_WARNINGS: T = ("هشدارهای داده", "Data warnings");
pub const READ_AS: T = ("خوانده شد:", "Read as:");
pub const PLOT_AREA: T = ("مساحت ملک", "Plot area");
pub const LOCATING: T = ("در حال یافتن موقعیت شما…", "Finding your location…");
pub const OUTSIDE_DATA: T = (
    "این نقطه بیرون از محدوده‌ای است که داده‌های این شهر پوشش می‌دهد.",
    "This point is outside the area this city's data covers.",
);
pub const FROM_GPS: T = ("موقعیت از GPS گوشی", "Location from the phone's GPS");
pub const STATUS: T = ("وضعیت", "Status");
pub const BOUNDARY_VERSION: T = ("نسخهٔ مرز", "Boundary version");
pub const BOUNDARY_HISTORY: T = ("تاریخچهٔ این مرز", "This boundary's history");
pub const DISCLAIMER: T = (
    "تصمیم نهایی با شهرداری و دفتر تسهیلات محله است. موقعیت شما از مرورگر خارج نمی‌شود.",
    "The municipality and the neighbourhood facilitation office make the final decision. Your location never leaves your browser.",
);
pub const FATAL: T = (
    "خطای داخلی رخ داد. صفحه را دوباره بارگذاری کنید.",
    "An internal error occurred. Please reload the page.",
);

pub fn geo_failure(lang: Lang, f: GeoFailure) -> &'static str {
    match f {
        GeoFailure::Unsupported => t(lang, ("این مرورگر موقعیت‌یابی ندارد. مختصات را تایپ کنید یا روی نقشه بزنید.", "This browser has no geolocation. Type the coordinates or tap the map.")),
        GeoFailure::Denied => t(lang, ("اجازهٔ دسترسی به موقعیت داده نشد. در تنظیمات مرورگر اجازه دهید، یا مختصات را تایپ کنید.", "Permission to use your location was denied. Allow it in the browser settings, or type the coordinates.")),
        GeoFailure::Unavailable => t(lang, ("موقعیت در دسترس نیست (GPS خاموش است یا سیگنال ندارد). دوباره تلاش کنید یا روی نقشه بزنید.", "Your location is not available (GPS off or no signal). Try again or tap the map.")),
        GeoFailure::Timeout => t(lang, ("یافتن موقعیت بیش از ۱۵ ثانیه طول کشید. در فضای باز دوباره تلاش کنید یا مختصات را تایپ کنید.", "Finding your location took more than 15 seconds. Try again outdoors or type the coordinates.")),
    }
}

pub const INCENTIVES: T = ("بسته‌های تشویقی شما", "Your incentives");
pub const FACTS_FORM: T = (
    "ویژگی‌های ملک (برای سنجش بسته‌ها)",
    "About the plot (to judge the packages)",
);
pub const FACT_AREA: T = ("مساحت ملک (متر مربع)", "Plot area (m²)");
pub const FACT_STREET: T = (
    "عرض معبر جلوی ملک (متر)",
    "Width of the street or passage in front (m)",
);
pub const FACT_UNITS: T = ("تعداد واحدهای برنامه‌ریزی‌شده", "Planned housing units");
pub const FACT_USE: T = ("کاربری", "Land use");
pub const FACT_AXIS: T = ("بر محور اصلی محله؟", "On a main neighbourhood axis?");
pub const FACT_BLOCK: T = (
    "عضو طرح بازآفرینی بلوک؟",
    "Part of a block-scale regeneration project?",
);
pub const UNKNOWN: T = ("نمی‌دانم", "Don't know");
pub const YES: T = ("بله", "Yes");
pub const NO: T = ("خیر", "No");
pub const ASSUMED_NO: T = ("خیر (فرض)", "No (assumed)");
pub const APPLIES: T = ("شامل ملک شما می‌شود", "Apply to your plot");
pub const MAY_APPLY: T = (
    "ممکن است شامل شود — به این پرسش‌ها پاسخ دهید",
    "May apply — answer these questions",
);
pub const NOT_FOR_PLOT: T = ("شامل این ملک نمی‌شود", "Not for this plot");
pub const NOT_IN_FORCE: T = ("خارج از بازهٔ اعتبار", "Not in force");
pub const WHY: T = ("چرا:", "Why:");
pub const PACKAGE_DETAILS: T = ("چرا، و جزئیات این بسته", "Why, and this package's details");
pub const SOURCE: T = ("منبع:", "Source:");
pub const VALID: T = ("اعتبار:", "Valid:");
pub const UNTIL_FURTHER: T = ("تا اطلاع بعدی", "until replaced");
pub const SAMPLE_ASSUMPTION: T = ("فرض نمونه", "sample assumption");
pub const TELL_US_IN_FORM: T = ("آن را در فرم بالا وارد کنید.", "Tell us in the form above.");
pub const COUNTED_INSTEAD: T = ("به‌جای آن حساب شده:", "Counted instead:");
pub const WORTH: T = ("برآورد ارزش", "What it is worth");
pub const EXTRA_FLOORS: T = ("طبقهٔ اضافه", "Extra floors");
pub const EXTRA_AREA: T = ("زیربنای اضافه", "Extra floor area");
pub const FEE_SAVING: T = ("صرفه‌جویی در عوارض پروانه", "Permit-fee savings");
pub const LOANS: T = ("وام نوسازی (کل)", "Renovation loans (total)");
pub const RENT_LOANS: T = ("ودیعهٔ اجاره (کل)", "Rent loans (total)");
pub const ASSUMPTIONS: T = ("فرض‌های این برآورد", "Assumptions behind these figures");
pub const NEED_AREA: T = (
    "برای برآورد، مساحت ملک را وارد کنید یا محدودهٔ ملک را بارگذاری کنید.",
    "To estimate, give the plot area or upload the plot outline.",
);
pub const COMPARE: T = ("مقایسه برای سازندگان", "Compare (for builders)");
pub const SCENARIOS: T = ("سناریوهای این ملک", "Scenarios for this plot");
pub const NEIGHBOUR_AREA: T = ("مساحت همسایهٔ", "Area of neighbour");
pub const NEIGHBOUR_HELP: T = (
    "خالی = پلاک مجاور واقعی، یا هم‌اندازهٔ این ملک (فرض)",
    "blank = the real adjoining plot, or the same as this plot (assumed)",
);
pub const SORT_BY: T = ("مرتب‌سازی بر اساس", "Sort by");
pub const EXPORT_CSV: T = ("دریافت CSV (اکسل)", "Export CSV (Excel)");
pub const PRINT: T = ("چاپ", "Print");
pub const CANDIDATES: T = ("ملک‌های نامزد (کنار هم)", "Candidate plots (side by side)");
pub const ADD_CANDIDATE: T = (
    "افزودن این ملک به مقایسه",
    "Add this plot to the comparison",
);
pub const CLEAR: T = ("پاک کردن", "Clear");

pub const CHOOSE_CITY: T = ("شهر خود را انتخاب کنید", "Choose your city");
pub const CITY_FILTER: T = ("جست‌وجوی نام شهر", "Find a city by name");
pub const CITY: T = ("شهر:", "City:");
pub const CHANGE_CITY: T = ("تغییر شهر", "Change city");
pub const UNKNOWN_CITY: T = (
    "شهر این پیوند در فهرست شهرهای این سامانه نیست؛ شهر را انتخاب کنید.",
    "This link's city is not among this service's cities; choose the city.",
);
pub const NO_CITY_AT_POINT: T = (
    "نقطهٔ این پیوند در محدودهٔ هیچ‌یک از شهرهای این سامانه نیست؛ شهر را انتخاب کنید.",
    "No city of this service covers the link's point; choose the city.",
);
pub const SEVERAL_CITIES_AT_POINT: T = (
    "نقطهٔ این پیوند در محدودهٔ چند شهر است؛ یکی را انتخاب کنید.",
    "Several cities cover the link's point; choose one.",
);

pub const LATER_FAILED: T = (
    "بخشی از صفحه (بسته‌های تشویقی، دفتر تسهیلات، مقایسه و گواهی چاپی) بارگیری نشد. پاسخ بالا معتبر است.",
    "Part of the page (incentive packages, facilitation office, comparison and printed certificate) did not load. The answer above stands.",
);
pub const TRY_AGAIN: T = ("دوباره تلاش کنید", "Try again");
pub const LINK_OTHER_DATA: T = (
    "این پیوند با دادهٔ دیگری ساخته شده بود؛ پاسخ بالا با دادهٔ کنونی است. ",
    "This link was made with other data; the answer above uses the current data. ",
);
pub const LINK_DATA_VERSION: T = ("نسخهٔ داده در پیوند:", "data version in the link:");
pub const BOUNDARY: T = ("مرز", "boundary");

/// A string in the current language, as a reactive view or attribute value. Every use shares
/// one closure type, so the renderer's code for it exists once (this keeps the wasm small).
pub fn tr(s: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::state::use_state().lang;
    move || t(lang.get(), s)
}
