//! How the host asked the widget to run: from the page's query string (standalone, iframe) or
//! from the `<welfare-check>` element's attributes (embedded), which the loader passes in the same
//! `key=value&…` form. Pure: parsed and tested natively.

use welfare_core::time::RomeDateTime;
use welfare_core::Lang;

use crate::data::DEFAULT_CALL;

/// Where the widget runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Its own page: it owns the document's `lang` and title.
    #[default]
    Standalone,
    /// In a shadow root inside a host page it does not own.
    Element,
    /// In an iframe: it reports its height to the parent.
    Iframe,
}

/// A colour scheme preset; the host can still override any `--wc-*` property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Contrast,
}

impl Theme {
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "wc-theme-light",
            Theme::Dark => "wc-theme-dark",
            Theme::Contrast => "wc-theme-contrast",
        }
    }
}

/// Default seconds of inactivity before a kiosk warns and then wipes the session.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// Shortest idle time accepted (short ones are for tests and demos).
pub const MIN_IDLE_SECONDS: u32 = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub lang: Lang,
    pub call_id: String,
    /// A fixed "now" (Italian time) instead of the clock: for staff previews of an open edition
    /// and for tests (`now=2016-04-01T10:00`).
    pub now: Option<RomeDateTime>,
    pub mode: Mode,
    pub theme: Theme,
    pub kiosk: bool,
    pub idle_seconds: u32,
    /// Public base URL the kiosk's QR code points to (the kiosk's own address is not reachable
    /// from a visitor's phone).
    pub qr_base: Option<String>,
    /// URL of an updated catalog (packed, see `data::CatalogData::from_packed`) to use instead of the
    /// bundled one, when it loads and validates.
    pub catalog_url: Option<String>,
    /// Where the build's files are (the bundled catalog is fetched from there): the page's folder
    /// (`""`), or, for the `<welfare-check>` element, the loader's folder (`assets=`, set by the loader).
    pub asset_base: String,
    /// Origin of the page embedding the iframe, to which its height is posted.
    pub parent_origin: Option<String>,
    /// Crash on purpose, to check the crash screen: while mounting (`debug-panic=1`), or from a timer
    /// once the first screen is up (`debug-panic=later`: a trap thrown out of a callback, as one from
    /// an event handler would be).
    pub debug_panic: Option<DebugPanic>,
}

/// When `debug-panic` crashes the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebugPanic {
    AtMount,
    Later,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::It,
            call_id: DEFAULT_CALL.to_string(),
            now: None,
            mode: Mode::Standalone,
            theme: Theme::Light,
            kiosk: false,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            qr_base: None,
            catalog_url: None,
            asset_base: String::new(),
            parent_origin: None,
            debug_panic: None,
        }
    }
}

impl Options {
    /// The time the verdict is computed at: the fixed one if given, else the clock.
    pub fn now(&self) -> RomeDateTime {
        self.now.unwrap_or_else(crate::platform::clock)
    }

    /// Seconds the kiosk's idle warning counts down before wiping: 15, or a third of a short idle time.
    pub fn warning_seconds(&self) -> u32 {
        (self.idle_seconds / 3).clamp(2, 15)
    }

    /// Reads `lang=en&call=2017&kiosk=1&idle=60&…`; anything missing, unknown or malformed keeps
    /// its default.
    pub fn from_query(query: &str) -> Options {
        let mut o = Options::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(raw);
            let value = value.trim();
            match key {
                "lang" => o.lang = Lang::from_code(value).unwrap_or(o.lang),
                "call" if (1..=16).contains(&value.len()) && value.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    o.call_id = value.to_string();
                }
                "now" => o.now = RomeDateTime::parse(value).ok(),
                "embed" => {
                    o.mode = match value {
                        "iframe" => Mode::Iframe,
                        "element" => Mode::Element,
                        _ => o.mode,
                    }
                }
                "theme" => {
                    o.theme = match value {
                        "dark" => Theme::Dark,
                        "contrast" => Theme::Contrast,
                        _ => Theme::Light,
                    }
                }
                "kiosk" => o.kiosk = !matches!(value, "0" | "false" | "no"),
                "idle" => {
                    if let Ok(seconds) = value.parse::<u32>() {
                        o.idle_seconds = seconds.clamp(MIN_IDLE_SECONDS, 3600);
                    }
                }
                "qr-base" | "qrbase" if is_http_url(value) => o.qr_base = Some(value.to_string()),
                "catalog" if is_http_url(value) || value.starts_with('/') || value.starts_with("./") => {
                    o.catalog_url = Some(value.to_string());
                }
                "assets" if (is_http_url(value) || value.starts_with('/')) && value.ends_with('/') => {
                    o.asset_base = value.to_string();
                }
                "debug-panic" => {
                    o.debug_panic = match value {
                        "1" => Some(DebugPanic::AtMount),
                        "later" => Some(DebugPanic::Later),
                        _ => None,
                    }
                }
                "parent" if is_http_url(value) => o.parent_origin = Some(value.trim_end_matches('/').to_string()),
                _ => {}
            }
        }
        o
    }
}

fn is_http_url(value: &str) -> bool {
    (value.starts_with("https://") || value.starts_with("http://")) && value.len() <= 2048 && !value.contains(char::is_whitespace)
}

/// Decodes `%XX` escapes and `+` (as URLSearchParams writes them); bad escapes stay as they are.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option_and_ignores_the_rest() {
        let o = Options::from_query(
            "?lang=en&call=2017&now=2016-04-01T10%3A00&embed=iframe&theme=dark&kiosk&idle=60\
             &qr-base=https%3A%2F%2Fwww.example.org%2Fverifica&catalog=.%2Fcatalog.bin&parent=https://host.example/&assets=https%3A%2F%2Fcdn.example%2Fwc%2F&junk=1",
        );
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.call_id, "2017");
        assert_eq!(o.now.map(|n| n.to_string()).as_deref(), Some("2016-04-01T10:00"));
        assert_eq!(o.mode, Mode::Iframe);
        assert_eq!(o.theme, Theme::Dark);
        assert!(o.kiosk);
        assert_eq!(o.idle_seconds, 60);
        assert_eq!(o.qr_base.as_deref(), Some("https://www.example.org/verifica"));
        assert_eq!(o.catalog_url.as_deref(), Some("./catalog.bin"));
        assert_eq!(o.asset_base, "https://cdn.example/wc/");
        assert_eq!(o.parent_origin.as_deref(), Some("https://host.example"));
    }

    #[test]
    fn malformed_values_keep_the_defaults() {
        let o = Options::from_query("lang=fr&call=../../etc&now=yesterday&idle=soon&qr-base=javascript:alert(1)&catalog=data:x&kiosk=0&assets=javascript:x/");
        assert_eq!(o, Options::default());
        assert_eq!(Options::from_query("idle=1").idle_seconds, MIN_IDLE_SECONDS, "idle is clamped");
        assert_eq!(Options::default().warning_seconds(), 15);
        assert_eq!(Options::from_query("idle=6").warning_seconds(), 2);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%E2%9C%93+ok"), "✓ ok");
    }
}
