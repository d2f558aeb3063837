//! The share-link codec: a call id and the answers, as a short URL-safe text that lives in the
//! URL's fragment (never sent to a server) and in local storage.
//!
//! Format: `w1.` + base64url (no padding) of the postcard encoding of `(call_id, Answers)`.
//! The `w1` prefix is the version: a link of another version, or a damaged one, decodes to a
//! clear `ShareError`, never a panic. Decoded answers are clamped to `Limits`, so a crafted link
//! cannot blow up the page.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::model::Answers;

/// The version this build writes and reads.
pub const VERSION: &str = "w1";
/// Longer links are refused before decoding.
pub const MAX_LINK_LEN: usize = 16 * 1024;

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

/// Encodes a call id and answers into a share code (`w1.…`).
pub fn encode(call_id: &str, answers: &Answers) -> String {
    let bytes = postcard::to_allocvec(&(call_id, answers)).unwrap_or_default();
    format!("{VERSION}.{}", URL_SAFE_NO_PAD.encode(bytes))
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
    let ((call_id, answers), rest): ((String, Answers), &[u8]) =
        postcard::take_from_bytes(&bytes).map_err(|_| ShareError::Damaged)?;
    // Bytes after the answers: two links pasted together, or an altered one.
    if !rest.is_empty() {
        return Err(ShareError::Damaged);
    }
    if call_id.len() > 16 || !call_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ShareError::Damaged);
    }
    Ok((call_id, answers.clamped()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample() -> Answers {
        Answers {
            territory: Territory { provinces: vec!["SO".into()], municipalities: vec!["014061".into()] },
            members: vec![
                Member { id: 0, name: "Comune di Sondrio".into(), kind: Some(MemberKind::Comune), province: Some("SO".into()), letter_of_intent: Some(true) },
                Member { id: 1, name: "Cooperativa «Età» – ✓".into(), kind: Some(MemberKind::SocialCooperative), province: None, letter_of_intent: None },
            ],
            lead: Some(0),
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
        assert!(code.starts_with("w1."));
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
        assert_eq!(decode(&good.replacen("w1.", "w0.", 1)), Err(ShareError::UnknownVersion("w0".into())));
        assert_eq!(decode(&good.replacen("w1.", "w9.", 1)), Err(ShareError::UnknownVersion("w9".into())));
        assert_eq!(decode("hello"), Err(ShareError::Damaged));
        assert_eq!(decode("w1.!!!"), Err(ShareError::Damaged));
        // Every truncation of a good link decodes to an error or to answers, never a panic.
        for cut in 0..good.len() {
            let _ = decode(good.get(..cut).unwrap_or_default());
        }
        assert_eq!(decode(&format!("w1.{}", "A".repeat(MAX_LINK_LEN))), Err(ShareError::TooLong));
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
}
