use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    /// What the code encodes (a share link).
    pub text: AttrValue,
    /// The accessible name of the image.
    pub label: AttrValue,
}

/// A QR code drawn as one SVG path, generated in the app (no network).
#[component]
pub fn Qr(props: &QrProps) -> Html {
    let Ok(code) = QrCode::encode_text(&props.text, QrCodeEcc::Low) else {
        return html! {};
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
        <svg class="wc-qr" viewBox={format!("0 0 {full} {full}")} role="img" aria-label={props.label.clone()}
             shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
            <rect width={full.to_string()} height={full.to_string()} fill="#ffffff" />
            <path d={path} fill="#000000" />
        </svg>
    }
}
