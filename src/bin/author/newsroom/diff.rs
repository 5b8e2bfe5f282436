//! What an export changes, compared with the file that was opened: items added, removed,
//! edited or moved, and election times changed. Both sides are compared as the widget reads
//! them, so a change the reader would not show is no change.

use election_widget::feed::native;
use election_widget::feed::tree::Tree;
use election_widget::locale::{to_persian_digits, Locale};
use election_widget::model::{Bulletin, Election, Item};

/// The changes from the bulletin in `opened` to `now`, one Persian line each.
pub fn changes(opened: &Tree, now: &Bulletin) -> Vec<String> {
    let Ok(before) = native::parse(opened, &super::check::context()) else {
        return vec!["فایل باز شده را ابزارک نمی‌خواند؛ همهٔ آن تازه است.".into()];
    };
    let before = before.bulletin;
    let mut out = Vec::new();
    for it in &now.items {
        match before.items.iter().find(|b| b.id == it.id) {
            None => out.push(format!("خبر تازه: «{}»", it.title)),
            Some(b) => {
                let fields = edited(b, it);
                if !fields.is_empty() {
                    out.push(format!(
                        "ویرایش شده: «{}» ({})",
                        it.title,
                        fields.join("، ")
                    ));
                }
            }
        }
    }
    for b in &before.items {
        if !now.items.iter().any(|it| it.id == b.id) {
            out.push(format!("حذف شده: «{}»", b.title));
        }
    }
    let order = |items: &[Item], other: &[Item]| -> Vec<String> {
        items
            .iter()
            .filter(|i| other.iter().any(|o| o.id == i.id))
            .map(|i| i.id.clone())
            .collect()
    };
    if order(&before.items, &now.items) != order(&now.items, &before.items) {
        out.push("ترتیب خبرها تغییر کرد.".into());
    }
    if let (Some(b), Some(n)) = (before.items.first(), now.items.first()) {
        if b.id != n.id {
            out.push(format!("کارت اصلی اکنون «{}» است.", n.title));
        }
    }
    let locale = Locale::persian();
    let count = before.elections.len().max(now.elections.len());
    for i in 0..count {
        let place = if count > 1 {
            format!("انتخابات {}", to_persian_digits(&(i + 1).to_string()))
        } else {
            "انتخابات".into()
        };
        match (before.elections.get(i), now.elections.get(i)) {
            (Some(b), Some(n)) => out.extend(election(&place, b, n, &locale)),
            (None, Some(n)) => out.push(format!("{place} تازه: «{}»", n.title)),
            (Some(b), None) => out.push(format!("{place} حذف شده: «{}»", b.title)),
            (None, None) => {}
        }
    }
    out
}

fn edited(b: &Item, n: &Item) -> Vec<&'static str> {
    let mut f = Vec::new();
    if b.kicker != n.kicker {
        f.push("روتیتر");
    }
    if b.title != n.title {
        f.push("عنوان");
    }
    if b.lead != n.lead {
        f.push("لید");
    }
    if b.body != n.body {
        f.push("متن");
    }
    if b.source != n.source {
        f.push("منبع");
    }
    if b.published != n.published {
        f.push("زمان انتشار");
    }
    if b.url != n.url {
        f.push("پیوند");
    }
    if b.image != n.image {
        f.push("تصویر");
    }
    f
}

fn election(place: &str, b: &Election, n: &Election, locale: &Locale) -> Vec<String> {
    let mut out = Vec::new();
    if b.title != n.title {
        out.push(format!("عنوان {place}: «{}» ← «{}»", b.title, n.title));
    }
    if b.opens != n.opens {
        out.push(format!(
            "آغاز رأی‌گیری {place}: {} ← {}",
            locale.date_time(b.opens),
            locale.date_time(n.opens)
        ));
    }
    if b.closes != n.closes {
        out.push(format!(
            "پایان رأی‌گیری {place}: {} ← {}",
            locale.date_time(b.closes),
            locale.date_time(n.closes)
        ));
    }
    if b.cta != n.cta {
        out.push(format!("دکمهٔ فراخوان {place} تغییر کرد."));
    }
    if b.turnout != n.turnout {
        out.push(format!("مشارکت دورهٔ پیش در {place} تغییر کرد."));
    }
    out
}
