//! Numbers as each language writes them, always as a bilingual [`Text`]: thousands grouped with `.` in
//! Italian and `,` in English, euros as `1.080.000 €` / `EUR 1,080,000`, percentages (from tenths of a
//! percent) as `61,1 %` / `61.1 %`. The core's explanations and the app's components use these, so a
//! separator is chosen in one place.

use super::Text;

/// Digits with a separator every three from the right.
fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// `1.234.567` / `1,234,567`
pub fn thousands(n: u64) -> Text {
    Text { it: group(n, '.'), en: group(n, ',') }
}

/// `1.080.000 €` / `EUR 1,080,000`
pub fn euros(n: u64) -> Text {
    Text { it: format!("{} €", group(n, '.')), en: format!("EUR {}", group(n, ',')) }
}

/// Tenths of a percent as `60 %` or `61,1 %` / `61.1 %`.
pub fn percent(tenths: u64) -> Text {
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        let t = format!("{whole} %");
        Text { it: t.clone(), en: t }
    } else {
        Text { it: format!("{whole},{tenth} %"), en: format!("{whole}.{tenth} %") }
    }
}

/// `part` as a share of `whole` in tenths of a percent, rounded (`None` for a zero whole).
/// Exact in `u64` for any sum of money; past that (a crafted link), rounded through `f64`, never a
/// wrap (no 128-bit arithmetic: its division and formatting would cost the first load 1 KB).
pub fn percent_tenths(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| {
        let exact = part.checked_mul(1000).and_then(|p| p.checked_add(whole / 2)).map(|p| p / whole);
        exact.unwrap_or_else(|| (part as f64 * 1000.0 / whole as f64).round() as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_in_each_language() {
        assert_eq!(euros(1_080_000), Text::new("1.080.000 €", "EUR 1,080,000"));
        assert_eq!(euros(999), Text::new("999 €", "EUR 999"));
        assert_eq!(euros(1_000).en, "EUR 1,000");
        assert_eq!(euros(0).it, "0 €");
        assert_eq!(euros(12_345_678).en, "EUR 12,345,678");
    }

    #[test]
    fn thousands_separator() {
        assert_eq!(thousands(1234567), Text::new("1.234.567", "1,234,567"));
        assert_eq!(thousands(999), Text::new("999", "999"));
    }

    #[test]
    fn percentages_in_each_language() {
        assert_eq!(percent(percent_tenths(1_100_000, 1_800_000).unwrap_or(0)), Text::new("61,1 %", "61.1 %"));
        assert_eq!(percent(percent_tenths(1_080_000, 1_800_000).unwrap_or(0)), Text::new("60 %", "60 %"));
        assert_eq!(percent_tenths(1, 0), None);
        // Past u64 arithmetic (a crafted link): no wrap, no panic, about right.
        assert_eq!(percent_tenths(u64::MAX, u64::MAX), Some(1000));
        assert_eq!(percent_tenths(u64::MAX / 2, u64::MAX), Some(500));
        assert_eq!(percent_tenths(u64::MAX, 1), Some(u64::MAX));
    }
}
