//! How the widget was asked to run, and by whom. Every option has an owner (see SECURITY.md):
//! - the **operator** (whoever controls the host): the `<welfare-check>` element's attributes, which the
//!   loader passes as `key=value&…`, or, for the standalone page and kiosks, the configuration file
//!   `widget.conf` beside `index.html` (one `key = value` a line), fetched same-origin by `start.js`;
//! - the **visitor's link** (the page's query string): only what a visitor may choose: language, edition,
//!   theme, a staff preview date (shown as such, never copied into share links), and, for an iframe the
//!   host writes, `embed`/`parent`. The step and a share code are in the fragment (`state`).
//!
//! A link that names an operator option (`kiosk`, `idle`, `qr-base`, `catalog`, `assets`) is ignored.
//! Pure: parsed and tested natively.

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
    #[cfg(debug_assertions)]
    /// Crash on purpose, to check the crash screen: while mounting (`debug-panic=1`), or from a timer
    /// once the first screen is up (`debug-panic=later`: a trap thrown out of a callback, as one from
    /// an event handler would be).
    pub debug_panic: Option<DebugPanic>,
}

/// When `debug-panic` crashes the widget (debug builds only).
#[cfg(debug_assertions)]
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
            #[cfg(debug_assertions)]
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

    /// The standalone page's options: the operator's configuration file (`widget.conf`), then the
    /// visitor's link (the query string), which may only set what a visitor may choose.
    pub fn for_page(config_file: &str, query: &str) -> Options {
        let mut o = Options::default();
        o.apply_pairs(config_lines(config_file), Owner::Operator);
        o.apply_pairs(query_pairs(query), Owner::Link);
        // The page's own files are beside it: nothing points the page elsewhere for them.
        o.asset_base = String::new();
        o
    }

    /// The `<welfare-check>` element's options: its attributes (the host's), as `key=value&…`.
    pub fn for_element(attributes: &str) -> Options {
        let mut o = Options::default();
        o.apply_pairs(query_pairs(attributes), Owner::Operator);
        if o.mode == Mode::Standalone {
            o.mode = Mode::Element;
        }
        o
    }

    /// Sets each known option its owner may set; anything unknown, malformed or not the owner's keeps
    /// its value.
    fn apply_pairs(&mut self, pairs: impl Iterator<Item = (String, String)>, owner: Owner) {
        for (key, value) in pairs {
            let value = value.trim();
            let operator = owner == Owner::Operator;
            let o = &mut *self;
            match key.trim() {
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
                "parent" if is_http_url(value) => o.parent_origin = Some(value.trim_end_matches('/').to_string()),
                "kiosk" if operator => o.kiosk = !matches!(value, "0" | "false" | "no"),
                "idle" if operator => {
                    if let Ok(seconds) = value.parse::<u32>() {
                        o.idle_seconds = seconds.clamp(MIN_IDLE_SECONDS, 3600);
                    }
                }
                "qr-base" | "qrbase" if operator && is_http_url(value) => o.qr_base = Some(value.to_string()),
                "catalog" if operator && (is_http_url(value) || value.starts_with('/') || value.starts_with("./")) => {
                    o.catalog_url = Some(value.to_string());
                }
                "assets" if operator && (is_http_url(value) || value.starts_with('/')) && value.ends_with('/') => {
                    o.asset_base = value.to_string();
                }
                // Only a debug build can be told to crash (the e2e suite traps the release build itself).
                #[cfg(debug_assertions)]
                "debug-panic" if operator => {
                    o.debug_panic = match value {
                        "1" => Some(DebugPanic::AtMount),
                        "later" => Some(DebugPanic::Later),
                        _ => None,
                    }
                }
                _ => {}
            }
        }
    }
}

/// Who set an option: the host (element attributes, configuration file) or a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Operator,
    Link,
}

/// The base of a share link or QR code from the page's address (in the core, so that `welfare share`
/// makes the same links).
pub use welfare_core::codec::share::share_base;

/// `key=value&…` (a query string or the element's attributes), percent-decoded.
fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(key), percent_decode(raw))
    })
}

/// The configuration file: one `key = value` a line; blank lines and lines starting with `#` are
/// skipped, as is a comment after ` #`; a line without `=` is a flag (`kiosk`). Values are taken as
/// written (no escapes).
fn config_lines(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let uncommented = |l: &str| l.split(" #").next().unwrap_or_default().trim().to_string();
    text.lines().map(uncommented).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|line| {
        let (key, value) = line.split_once('=').unwrap_or((&line, ""));
        (key.trim().to_string(), value.trim().to_string())
    })
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
    fn the_operator_sets_every_option() {
        let o = Options::for_element(
            "lang=en&call=2017&now=2016-04-01T10%3A00&embed=iframe&theme=dark&kiosk&idle=60\
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
        assert_eq!(Options::for_element("lang=en").mode, Mode::Element, "an element is an element unless it says iframe");
    }

    #[test]
    fn the_configuration_file_is_the_operators_and_a_link_only_chooses_what_a_visitor_may() {
        let file = "# Kiosk at the fair\n\nkiosk\nidle = 45   # seconds\nqr-base = https://www.example.org/verifica\n\
                    catalog = ./catalog-2026.bin\n  lang = en  \nnonsense line\n";
        let page = Options::for_page(file, "");
        assert!(page.kiosk);
        assert_eq!(page.idle_seconds, 45);
        assert_eq!(page.qr_base.as_deref(), Some("https://www.example.org/verifica"));
        assert_eq!(page.catalog_url.as_deref(), Some("./catalog-2026.bin"));
        assert_eq!(page.lang, Lang::En);

        // A link may choose language, edition, theme, a preview date and the iframe's parent…
        let linked = Options::for_page(file, "?lang=it&call=2017&theme=contrast&now=2016-04-01T10:00");
        assert_eq!((linked.lang, linked.call_id.as_str(), linked.theme), (Lang::It, "2017", Theme::Contrast));
        assert!(linked.now.is_some());
        assert!(linked.kiosk, "a link cannot turn the operator's kiosk off");
        // …and nothing an operator sets: each of these is refused from a link, alone or together.
        let refused = [
            "kiosk=1",
            "kiosk=1&qr-base=https%3A%2F%2Fevil.example%2F",
            "idle=6",
            "catalog=https%3A%2F%2Felsewhere.example%2Fc.bin",
            "catalog=.%2Fother.bin",
            "assets=https%3A%2F%2Fcdn.example%2F",
            "debug-panic=1",
            "debug-panic=later",
        ];
        for query in refused {
            assert_eq!(Options::for_page("", query), Options::default(), "{query}");
        }
        let kiosk = Options::for_page("kiosk", "kiosk=0&idle=6&qr-base=https%3A%2F%2Fevil.example%2F");
        assert!(kiosk.kiosk);
        assert_eq!((kiosk.idle_seconds, kiosk.qr_base), (DEFAULT_IDLE_SECONDS, None));
    }

    #[test]
    fn malformed_values_keep_the_defaults() {
        let o = Options::for_element(
            "lang=fr&call=../../etc&now=yesterday&idle=soon&qr-base=javascript:alert(1)&catalog=data:x&kiosk=0&assets=javascript:x/&embed=element",
        );
        assert_eq!(o, Options { mode: Mode::Element, ..Options::default() });
        assert_eq!(Options::for_element("idle=1").idle_seconds, MIN_IDLE_SECONDS, "idle is clamped");
        assert_eq!(Options::default().warning_seconds(), 15);
        assert_eq!(Options::for_element("idle=6").warning_seconds(), 2);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%E2%9C%93+ok"), "✓ ok");
    }
}
