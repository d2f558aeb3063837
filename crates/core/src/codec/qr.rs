//! The kiosk's QR code of a share link: which link fits in a code, and the code drawn as one SVG path.
//! Built by the catalog engine (`engine::Request::Qr`), so the encoder is not in the app's first load.

use qrcodegen::{QrCode, QrCodeEcc};
use serde::{Deserialize, Serialize};

use crate::codec::share;
use crate::model::Answers;

/// What a kiosk's QR code carries: the share link if it fits in a QR code (at most 2,953 bytes),
/// else the link without the free-text description (the verdict does not depend on it), else nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QrView {
    /// Every answer.
    Full { link: String, image: QrImage },
    /// Every answer but the description, too long for a QR code with it.
    WithoutDescription { link: String, image: QrImage },
    /// Too many answers for a QR code even without the description (many members, long names).
    TooLarge,
}

/// A QR code as an SVG: `size` modules a side, quiet zone included; `path` draws the dark modules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrImage {
    pub size: u32,
    pub path: String,
}

/// Modules of white border on each side (the QR standard's quiet zone).
const QUIET: i32 = 4;

/// The QR code of the share link on `base` (`base#r=w2.…`) for these answers: see [`QrView`].
pub fn qr_link(base: &str, call_id: &str, answers: &Answers) -> QrView {
    let encode = |answers: &Answers| {
        let link = format!("{base}#r={}", share::encode(call_id, answers));
        QrCode::encode_text(&link, QrCodeEcc::Low).ok().map(|code| (link, image(&code)))
    };
    if let Some((link, image)) = encode(answers) {
        return QrView::Full { link, image };
    }
    if !answers.description.is_empty() {
        let without = Answers { description: String::new(), ..answers.clone() };
        if let Some((link, image)) = encode(&without) {
            return QrView::WithoutDescription { link, image };
        }
    }
    QrView::TooLarge
}

fn image(code: &QrCode) -> QrImage {
    use std::fmt::Write;
    let size = code.size();
    let mut path = String::with_capacity((size * size * 8) as usize);
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + QUIET, y + QUIET);
            }
        }
    }
    QrImage { size: (size + 2 * QUIET).unsigned_abs(), path }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Limits, Member, MemberKind};

    const BASE: &str = "https://www.example.org/verifica";

    /// A network of `members` members named with `name_len` characters, and a description of `description` characters.
    fn answers(members: usize, name_len: usize, description: usize) -> Answers {
        Answers {
            members: (1..=members as u32)
                .map(|id| Member { id, name: "n".repeat(name_len), kind: Some(MemberKind::Association), ..Member::default() })
                .collect(),
            lead: Some(1),
            description: "d".repeat(description),
            ..Answers::default()
        }
    }

    /// Every set of answers gets a QR code that decodes to answers it names, or says there is none:
    /// the code never just disappears.
    #[test]
    fn the_qr_code_carries_what_fits_and_says_what_it_leaves_out() {
        // (members, name length, description length, expected)
        let cases = [
            (2, 20, 200, "full"),
            (2, 20, Limits::DESCRIPTION, "without description"),
            (30, 40, Limits::DESCRIPTION, "without description"),
            (Limits::MEMBERS, Limits::NAME, Limits::DESCRIPTION, "too large"),
            (Limits::MEMBERS, Limits::NAME, 0, "too large"),
        ];
        for (members, name_len, description, expected) in cases {
            let given = answers(members, name_len, description);
            let (kind, link, image) = match qr_link(BASE, "2016", &given) {
                QrView::Full { link, image } => ("full", Some(link), Some(image)),
                QrView::WithoutDescription { link, image } => ("without description", Some(link), Some(image)),
                QrView::TooLarge => ("too large", None, None),
            };
            assert_eq!(kind, expected, "{members} members of {name_len} characters, description of {description}");
            if let (Some(link), Some(image)) = (link, image) {
                let code = link.strip_prefix(&format!("{BASE}#r=")).unwrap_or_default();
                let (_, carried) = share::decode(code).unwrap_or_else(|e| panic!("{e:?}"));
                let omitted = Answers { description: String::new(), ..given.clone() };
                assert!(carried == if kind == "full" { given } else { omitted }, "{kind}: the link carries other answers");
                // A version-1 code is 21 modules a side, plus the quiet zone; the path starts inside it.
                assert!(image.size >= 21 + 8, "{}", image.size);
                assert!(image.path.starts_with("M4,4h1v1h-1z"), "the finder pattern's corner: {}", &image.path[..20]);
            }
        }
    }
}
