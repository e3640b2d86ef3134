//! The brochure (HTML, two A4 sides) and the banner (SVG, 300 × 100 cm) of a neighbourhood.

use super::NeighbourhoodOutreach;
use crate::answer::certificate::qr_svg;
use crate::base::digits::to_persian_digits as fa;
use crate::packages::rules::PackageStatus;

pub(super) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The office's lines: name, address, hours, phone (Persian digits; the number stays whole).
pub(super) fn office_lines(o: &NeighbourhoodOutreach) -> Vec<String> {
    let Some(m) = &o.office else {
        return Vec::new();
    };
    let f = &m.office;
    vec![
        fa(&esc(&f.name.fa)),
        fa(&esc(&f.address.fa)),
        fa(&esc(&f.hours.fa)),
        format!("تلفن: <bdi dir=ltr>{}</bdi>", fa(&esc(&f.phone_shown()))),
    ]
}

/// The documents to bring, as list items (Persian).
pub(super) fn document_items(o: &NeighbourhoodOutreach) -> String {
    (o.documents.iter())
        .map(|d| format!("<li>{}</li>", esc(&fa(&d.fa))))
        .collect()
}

/// The brochure: side one, what the neighbourhood's owners can claim; side two, where to go,
/// what to bring, and the QR code that opens Baft on the neighbourhood.
pub fn brochure_html(o: &NeighbourhoodOutreach) -> String {
    let name = esc(&o.name.fa);
    let packages: String = o
        .packages
        .iter()
        .map(|p| {
            let tag = match p.status {
                PackageStatus::Applies => "برای همهٔ ملک‌های محدوده",
                _ => "بسته به ویژگی‌های ملک",
            };
            let lines: String = p
                .benefits
                .iter()
                .map(|b| format!("<li>{}</li>", esc(&fa(&b.fa))))
                .collect();
            format!(
                "<li class=package><h3>{} <small>({tag})</small></h3><ul>{lines}</ul></li>",
                esc(&fa(&p.name.fa))
            )
        })
        .collect();
    let office: String = office_lines(o)
        .iter()
        .map(|l| format!("<p>{l}</p>"))
        .collect();
    let documents = document_items(o);
    let sample = if o.sample {
        "<p class=sample>دادهٔ نمونه: این بروشور برای آزمایش ساخته شده و مرزها و بسته‌های آن رسمی نیستند.</p>"
    } else {
        ""
    };
    let qr = qr_svg(&o.link).unwrap_or_default();
    format!(
        "<!doctype html><html lang=fa dir=rtl><head><meta charset=utf-8><title>بروشور نوسازی — {name}</title><style>\
         @page {{ size: A4; margin: 12mm; }} body {{ font-family: Vazirmatn, Tahoma, sans-serif; margin: 0; color: #111; line-height: 1.55; font-size: 10pt; }}\
         .side {{ break-after: page; box-sizing: border-box; padding: 2mm 4mm; }} .side:last-child {{ break-after: auto; }}\
         h1 {{ font-size: 22pt; margin: 0 0 4mm; color: #0b3d91; }} h2 {{ font-size: 15pt; color: #0b3d91; }} h3 {{ font-size: 12pt; margin: 2mm 0 0; }}\
         .packages {{ list-style: none; padding: 0; }} .package {{ border: 1px solid #cfd5da; border-radius: 3mm; padding: 1mm 4mm; margin: 0 0 2mm; break-inside: avoid; }} .package ul {{ margin: 0; }}\
         .qr svg {{ width: 45mm; height: 45mm; }} .link {{ direction: ltr; unicode-bidi: isolate; font-size: 8pt; word-break: break-all; }} .sample {{ background: #fff3cd; padding: 2mm; }}\
         .en {{ direction: ltr; unicode-bidi: isolate; color: #4f5862; font-size: 9pt; display: block; }}</style></head><body>\
         <section class=side><h1>نوسازی در {name}</h1><span class=en>Renewal in {name_en}: incentives for owners</span>{sample}\
         <p>بخشی از {name} در محدودهٔ بافت فرسوده یا محلهٔ هدف بازآفرینی است. مالکان این محدوده می‌توانند از این بسته‌های تشویقی بهره ببرند:</p>\
         <ul class=packages>{packages}</ul>\
         <p>نشانی، پلاک یا کد پستی خود را در «بافت» بنویسید تا ببینید کدام بسته‌ها شامل ملک شما می‌شود.</p></section>\
         <section class=side><h2>کجا بروید</h2>{office}<h2>مدارک لازم</h2><ul>{documents}</ul>\
         <h2>ملک خود را بسنجید</h2><div class=qr role=img aria-label=\"کد QR بافت برای {name}\">{qr}</div><p class=link>{link}</p>\
         <p>این کد را با دوربین گوشی بخوانید: «بافت» روی همین محله باز می‌شود. <span class=en>Scan with a phone camera: Baft opens on this neighbourhood.</span></p>\
         <p>نسخهٔ داده‌ها: <bdi class=id>{ver}</bdi> <span class=en>Data: {ver}</span></p></section></body></html>",
        name_en = esc(&o.name.en),
        link = esc(&o.link),
        ver = esc(&o.data_version),
    )
}

/// The banner: 300 × 100 cm (one unit a millimetre), the headline, up to five packages, the
/// office and its phone, and the QR code, print-ready vector.
pub fn banner_svg(o: &NeighbourhoodOutreach) -> String {
    let qr = qr_svg(&o.link).unwrap_or_default();
    // The QR document nested as it is, placed and sized at the banner's left end.
    let qr = qr.replacen(
        "<svg ",
        "<svg x=\"2060\" y=\"80\" width=\"840\" height=\"840\" ",
        1,
    );
    // Those for every plot first, then those that depend on the plot.
    let mut packages: Vec<_> = o.packages.iter().collect();
    packages.sort_by_key(|p| p.status != PackageStatus::Applies);
    let lines: String = packages
        .into_iter()
        .take(5)
        .enumerate()
        .map(|(k, p)| {
            format!(
                "<text x=\"1960\" y=\"{}\" font-size=\"70\">• {}</text>",
                430 + 95 * k,
                esc(&fa(&p.name.fa))
            )
        })
        .collect();
    let office = o.office.as_ref().map(|m| &m.office);
    let office_line = office.map_or(String::new(), |f| {
        // The number left to right in its own span: its groups keep their order.
        format!(
            "{} — تلفن <tspan direction=\"ltr\" unicode-bidi=\"embed\">{}</tspan>",
            esc(&fa(&f.name.fa)),
            esc(&fa(&f.phone_shown()))
        )
    });
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000mm\" height=\"1000mm\" viewBox=\"0 0 3000 1000\" direction=\"rtl\" font-family=\"Vazirmatn, Tahoma, sans-serif\">\
         <title>بنر نوسازی — {name}</title><rect width=\"3000\" height=\"1000\" fill=\"#ffffff\"/><rect width=\"3000\" height=\"60\" fill=\"#0b3d91\"/>\
         <text x=\"1960\" y=\"230\" font-size=\"130\" font-weight=\"700\" fill=\"#0b3d91\" text-anchor=\"start\">نوسازی در {name}</text>\
         <text x=\"1960\" y=\"340\" font-size=\"64\" text-anchor=\"start\">بسته‌های تشویقی برای مالکان:</text>{lines}\
         <text x=\"1960\" y=\"880\" font-size=\"58\" text-anchor=\"start\">{office_line}</text>\
         <text x=\"2480\" y=\"960\" font-size=\"40\" text-anchor=\"middle\">کد را بخوانید و ملک خود را بسنجید</text>{qr}</svg>",
        name = esc(&fa(&o.name.fa)),
    )
}
