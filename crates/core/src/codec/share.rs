//! The share-link codec: a call id and the answers, as a short URL-safe text that lives in the
//! URL's fragment (never sent to a server) and in local storage.
//!
//! Format: `w2.` + base64url (no padding) of the postcard encoding of `(call_id, Answers)`.
//! The `w2` prefix is the version (`w2` since members keep the directory entry they were picked
//! from; `w1` codes were never published): a link of another version, or a damaged one, decodes to
//! a clear `ShareError`, never a panic. Decoded answers are clamped to `Limits`, so a crafted link
//! cannot blow up the page, and their members numbered 1..n, so ids never collide.
//!
//! A share link is `BASE#r=CODE`, on the page's address as [`share_base`] keeps it (what a visitor
//! chose, never a staff preview date); the web app and `welfare share` make it the same way.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::model::{Answers, Limits};

/// The version this build writes and reads.
pub const VERSION: &str = "w2";
/// The longest code that answers within [`Limits`] can make (every list full, every text at its
/// limit in 4-byte characters, every number at its widest): longer codes are refused before decoding,
/// and nothing the UI accepts is ever refused.
pub const MAX_LINK_LEN: usize = VERSION.len() + 1 + (max_payload() * 4).div_ceil(3);

/// The most bytes postcard writes for a call id and answers within [`Limits`].
const fn max_payload() -> usize {
    /// Bytes of a varint (LEB128) of `n`.
    const fn varint(n: usize) -> usize {
        let mut bytes = 1;
        let mut rest = n >> 7;
        while rest > 0 {
            bytes += 1;
            rest >>= 7;
        }
        bytes
    }
    const fn text(chars: usize) -> usize {
        varint(4 * chars) + 4 * chars
    }
    const fn list(items: usize, each: usize) -> usize {
        varint(items) + items * each
    }
    // An `Option`'s tag, a unit variant of a taxonomy (fewer than 128), a bool, a u8: one byte each.
    const ONE: usize = 1;
    const U32: usize = 5;
    const U64: usize = 10;
    let call_id = text(Limits::CALL_ID);
    let territory = 2 * list(Limits::LIST, text(Limits::CODE));
    let member = U32 + text(Limits::NAME) + (ONE + ONE) + (ONE + text(Limits::CODE)) + (ONE + ONE) + (ONE + text(Limits::DIRECTORY_KEY));
    let members = list(Limits::MEMBERS, member);
    let lead = ONE + U32;
    let taxonomies = 2 * list(Limits::LIST, ONE);
    let money = 2 * (ONE + U64) + list(Limits::LIST, ONE);
    let merit = list(Limits::LIST, text(Limits::QUESTION_ID) + ONE);
    call_id + territory + members + lead + taxonomies + text(Limits::DESCRIPTION) + money + merit
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing to decode.
    Empty,
    /// A version this build does not know (an older or newer widget made it).
    UnknownVersion(String),
    /// The text was cut, altered or is not a share link at all.
    Damaged,
    TooLong,
}

/// Encodes a call id and answers into a share code (`w2.…`).
pub fn encode(call_id: &str, answers: &Answers) -> String {
    let bytes = postcard::to_allocvec(&(call_id, answers)).unwrap_or_default();
    format!("{VERSION}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The keys a visitor's link may carry into a share link or a QR code: not `now` (a staff preview
/// stays on the staff's device), nor anything else.
const SHARED_KEYS: [&str; 5] = ["lang", "call", "theme", "embed", "parent"];

/// The base of a share link or QR code from the page's address: the query keeps only what a visitor
/// chose (`SHARED_KEYS`), the fragment is dropped.
pub fn share_base(href: &str) -> String {
    let without_fragment = href.split('#').next().unwrap_or_default();
    let (path, query) = without_fragment.split_once('?').unwrap_or((without_fragment, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split_once('=').map_or(*pair, |(k, _)| k);
            SHARED_KEYS.contains(&key)
        })
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// Decodes a share code back into a call id and (clamped) answers.
pub fn decode(code: &str) -> Result<(String, Answers), ShareError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    if code.len() > MAX_LINK_LEN {
        return Err(ShareError::TooLong);
    }
    let (version, payload) = code.split_once('.').ok_or(ShareError::Damaged)?;
    if version != VERSION {
        return Err(if version.starts_with('w') && version.len() <= 4 {
            ShareError::UnknownVersion(version.to_string())
        } else {
            ShareError::Damaged
        });
    }
    let bytes = URL_SAFE_NO_PAD.decode(payload).map_err(|_| ShareError::Damaged)?;
    let ((call_id, answers), rest): ((String, Answers), &[u8]) = postcard::take_from_bytes(&bytes).map_err(|_| ShareError::Damaged)?;
    // Bytes after the answers: two links pasted together, or an altered one.
    if !rest.is_empty() {
        return Err(ShareError::Damaged);
    }
    if call_id.len() > Limits::CALL_ID || !call_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ShareError::Damaged);
    }
    Ok((call_id, answers.clamped().renumbered()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample() -> Answers {
        Answers {
            territory: Territory { provinces: vec!["SO".into()], municipalities: vec!["014061".into()] },
            members: vec![
                Member {
                    id: 1,
                    name: "Comune di Sondrio".into(),
                    kind: Some(MemberKind::Comune),
                    province: Some("SO".into()),
                    letter_of_intent: Some(true),
                    directory: Some("014061".into()),
                },
                Member {
                    id: 2,
                    name: "Cooperativa «Età» – ✓".into(),
                    kind: Some(MemberKind::SocialCooperative),
                    province: None,
                    letter_of_intent: None,
                    directory: None,
                },
            ],
            lead: Some(1),
            needs: vec![Need::Youth, Need::Employment],
            beneficiaries: vec![Beneficiary::YoungPeople],
            description: "Lavoro per i giovani della Valtellina".into(),
            money: Money { total_cost: Some(1_500_000), requested_grant: Some(900_000), cofinancing: vec![CofinancingSource::Donations] },
            merit: vec![("comunita_coinvolgimento".into(), 2)],
        }
    }

    #[test]
    fn round_trips_answers_and_call() {
        let code = encode("2016", &sample());
        assert!(code.starts_with("w2."));
        assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'), "{code}");
        assert_eq!(decode(&code), Ok(("2016".to_string(), sample())));
        assert_eq!(decode(&encode("2017", &Answers::default())), Ok(("2017".to_string(), Answers::default())));
    }

    #[test]
    fn is_compact_enough_for_a_qr_code() {
        let code = encode("2016", &sample());
        assert!(code.len() < 300, "{} chars", code.len());
    }

    #[test]
    fn unknown_versions_and_damage_are_errors_not_panics() {
        let good = encode("2016", &sample());
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode(&good.replacen("w2.", "w0.", 1)), Err(ShareError::UnknownVersion("w0".into())));
        assert_eq!(decode(&good.replacen("w2.", "w9.", 1)), Err(ShareError::UnknownVersion("w9".into())));
        assert_eq!(decode("hello"), Err(ShareError::Damaged));
        assert_eq!(decode("w2.!!!"), Err(ShareError::Damaged));
        // Every truncation of a good link decodes to an error or to answers, never a panic.
        for cut in 0..good.len() {
            let _ = decode(good.get(..cut).unwrap_or_default());
        }
        assert_eq!(decode(&format!("w2.{}", "A".repeat(MAX_LINK_LEN))), Err(ShareError::TooLong));
    }

    #[test]
    fn decoded_answers_are_clamped() {
        let mut big = sample();
        big.description = "x".repeat(Limits::DESCRIPTION + 500);
        big.members = (0..150).map(|i| Member { id: i, name: "y".repeat(if i == 3 { 900 } else { 5 }), ..Member::default() }).collect();
        let (_, answers) = decode(&encode("2016", &big)).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(answers.description.chars().count(), Limits::DESCRIPTION);
        assert_eq!(answers.members.len(), Limits::MEMBERS);
        assert!(answers.members.iter().all(|m| m.name.chars().count() <= Limits::NAME));
    }

    /// Answers at every limit, in 4-byte characters (the longest each text can be): they fit in a code
    /// `decode` accepts and come back unchanged, so nothing the UI lets a visitor give is lost on reload.
    #[test]
    fn answers_at_every_limit_round_trip() {
        let text = |chars: usize| "😀".repeat(chars);
        let full = Answers {
            territory: Territory {
                provinces: vec![text(Limits::CODE); Limits::LIST],
                municipalities: vec![text(Limits::CODE); Limits::LIST],
            },
            members: (1..=Limits::MEMBERS as u32)
                .map(|id| Member {
                    id,
                    name: text(Limits::NAME),
                    kind: Some(MemberKind::Citizen),
                    province: Some(text(Limits::CODE)),
                    letter_of_intent: Some(false),
                    directory: Some(text(Limits::DIRECTORY_KEY)),
                })
                .collect(),
            lead: Some(Limits::MEMBERS as u32),
            needs: vec![Need::SocialTies; Limits::LIST],
            beneficiaries: vec![Beneficiary::WholeCommunity; Limits::LIST],
            description: text(Limits::DESCRIPTION),
            money: Money {
                total_cost: Some(u64::MAX),
                requested_grant: Some(u64::MAX),
                cofinancing: vec![CofinancingSource::OtherFoundations; Limits::LIST],
            },
            merit: vec![(text(Limits::QUESTION_ID), 3); Limits::LIST],
        };
        // (No assert_eq: a failure would print every character.)
        assert!(full.clone().clamped() == full, "the sample is within the limits");
        let call = "A".repeat(Limits::CALL_ID);
        let code = encode(&call, &full);
        assert!(code.len() <= MAX_LINK_LEN, "{} > {MAX_LINK_LEN}", code.len());
        let decoded = decode(&code);
        assert!(decoded.as_ref().is_ok_and(|(c, a)| *c == call && *a == full), "{:?}", decoded.err());
        // The bound is tight: a few bytes more than the fullest answers need.
        assert!(MAX_LINK_LEN - code.len() < 1024, "{MAX_LINK_LEN} for {}", code.len());
    }

    /// Crafted links whose member ids would collide or overflow: decoded, the members are numbered
    /// 1..n in their order, the lead follows its member, and a member added next gets an id of its own.
    #[test]
    fn decoded_members_are_numbered_one_to_n_and_the_lead_follows() {
        let member = |id: u32, name: &str| Member { id, name: name.into(), ..Member::default() };
        // (ids in the link, lead in the link, lead expected after decoding)
        let cases: &[(&[u32], Option<u32>, Option<u32>)] = &[
            (&[u32::MAX], Some(u32::MAX), Some(1)),
            (&[u32::MAX - 1, u32::MAX], Some(u32::MAX), Some(2)),
            (&[u32::MAX, u32::MAX, u32::MAX], Some(u32::MAX), Some(1)),
            (&[7, 7, 3], Some(3), Some(3)),
            (&[0, 1, 2], Some(0), Some(1)),
            (&[40, 2], None, None),
            (&[5], Some(9), None),
        ];
        for (ids, lead, expected_lead) in cases {
            let names: Vec<String> = (0..ids.len()).map(|i| format!("Ente {i}")).collect();
            let answers = Answers {
                members: ids.iter().zip(&names).map(|(id, name)| member(*id, name)).collect(),
                lead: *lead,
                ..Answers::default()
            };
            let (_, got) = decode(&encode("2016", &answers)).unwrap_or_else(|e| panic!("{ids:?}: {e:?}"));
            let got_ids: Vec<u32> = got.members.iter().map(|m| m.id).collect();
            assert_eq!(got_ids, (1..=ids.len() as u32).collect::<Vec<_>>(), "{ids:?}");
            assert_eq!(got.members.iter().map(|m| m.name.clone()).collect::<Vec<_>>(), names, "{ids:?}: order kept");
            assert_eq!(got.lead, *expected_lead, "{ids:?} lead {lead:?}");
            let next = got.next_member_id();
            assert!(!got_ids.contains(&next), "{ids:?}: next id {next} is taken");
            // Decoding again changes nothing.
            assert_eq!(decode(&encode("2016", &got)), Ok(("2016".to_string(), got.clone())), "{ids:?}");
        }
    }

    #[test]
    fn share_links_carry_the_visitors_choices_and_never_a_preview_date() {
        let cases = [
            ("https://x.example/v/index.html", "https://x.example/v/index.html"),
            ("https://x.example/v/?now=2016-04-01T10:00#/esito", "https://x.example/v/"),
            ("https://x.example/?lang=en&now=2016-04-01T10%3A00&call=2017&kiosk=1#r=w2.abc", "https://x.example/?lang=en&call=2017"),
            ("https://x.example/?utm_source=x&theme=dark&debug-panic=1", "https://x.example/?theme=dark"),
            ("https://x.example/?embed=iframe&parent=https://host.example", "https://x.example/?embed=iframe&parent=https://host.example"),
        ];
        for (href, base) in cases {
            assert_eq!(share_base(href), base, "{href}");
        }
    }
}
