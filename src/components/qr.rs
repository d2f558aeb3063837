use qrcodegen::{QrCode, QrCodeEcc};
use welfare_core::{share, Answers, Lang};
use yew::prelude::*;

use crate::i18n::K;

/// What a kiosk's QR code carries: the share link if it fits in a QR code (at most 2,953 bytes),
/// else the link without the free-text description (the verdict does not depend on it), else nothing.
pub enum QrLink {
    /// Every answer.
    Full { link: String, code: QrCode },
    /// Every answer but the description, too long for a QR code with it.
    WithoutDescription { link: String, code: QrCode },
    /// Too many answers for a QR code even without the description (many members, long names).
    TooLarge,
}

/// The QR code of the share link on `base` (`base#r=w1.…`) for these answers: see [`QrLink`].
pub fn qr_link(base: &str, call_id: &str, answers: &Answers) -> QrLink {
    let encode = |answers: &Answers| {
        let link = format!("{base}#r={}", share::encode(call_id, answers));
        QrCode::encode_text(&link, QrCodeEcc::Low).ok().map(|code| (link, code))
    };
    if let Some((link, code)) = encode(answers) {
        return QrLink::Full { link, code };
    }
    if !answers.description.is_empty() {
        let without = Answers { description: String::new(), ..answers.clone() };
        if let Some((link, code)) = encode(&without) {
            return QrLink::WithoutDescription { link, code };
        }
    }
    QrLink::TooLarge
}

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub lang: Lang,
    /// The address the link opens (`base#r=w1.…`).
    pub base: AttrValue,
    /// The edition and the answers the link carries.
    pub call_id: AttrValue,
    pub answers: Answers,
}

/// The kiosk's QR code of the share link, generated in the app (no network) and drawn as one SVG path,
/// with what it leaves out; or why there is none. Its props change only with the answers, so the code
/// is not built again on every render of the result (a kiosk's countdown re-renders it each second).
#[component]
pub fn Qr(props: &QrProps) -> Html {
    let lang = props.lang;
    let (link, code, note) = match qr_link(&props.base, &props.call_id, &props.answers) {
        QrLink::Full { link, code } => (link, code, None),
        QrLink::WithoutDescription { link, code } => (link, code, Some(K::QrWithoutDescription)),
        QrLink::TooLarge => {
            return html! { <p class="wc-panel wc-panel--warn" id="wc-qr-note">{ K::QrTooLarge.get(lang) }</p> };
        }
    };
    let size = code.size();
    let quiet = 4;
    let mut path = String::with_capacity((size * size * 8) as usize);
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    let full = size + 2 * quiet;
    html! {
        <>
            <p>{ K::QrText.get(lang) }</p>
            if let Some(note) = note {
                <p id="wc-qr-note">{ note.get(lang) }</p>
            }
            <div class="wc-qr-box" data-link={link}>
                <svg class="wc-qr" viewBox={format!("0 0 {full} {full}")} role="img" aria-label={K::QrLabel.get(lang)}
                     shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
                    <rect width={full.to_string()} height={full.to_string()} fill="#ffffff" />
                    <path d={path} fill="#000000" />
                </svg>
            </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use welfare_core::{Limits, Member, MemberKind};

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
            let (kind, link) = match qr_link(BASE, "2016", &given) {
                QrLink::Full { link, .. } => ("full", Some(link)),
                QrLink::WithoutDescription { link, .. } => ("without description", Some(link)),
                QrLink::TooLarge => ("too large", None),
            };
            assert_eq!(kind, expected, "{members} members of {name_len} characters, description of {description}");
            if let Some(link) = link {
                let code = link.strip_prefix(&format!("{BASE}#r=")).unwrap_or_default();
                let (_, carried) = share::decode(code).unwrap_or_else(|e| panic!("{e:?}"));
                let omitted = Answers { description: String::new(), ..given.clone() };
                assert!(carried == if kind == "full" { given } else { omitted }, "{kind}: the link carries other answers");
            }
        }
    }
}
