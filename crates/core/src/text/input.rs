//! Reading what a visitor types into typed answers: amounts of money in the Italian or English way.

/// Why a typed amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    /// Something other than digits, separators and a currency sign.
    NotANumber,
    /// Larger than any amount the call deals with (over a thousand billion euros).
    TooLarge,
}

/// Reads an amount in whole euros: `1.500.000`, `1,500,000`, `1 500 000 €`, `EUR 1500000`,
/// `1.500.000,00`. Cents are dropped. Blank means "not answered" (`Ok(None)`).
pub fn parse_euros(typed: &str) -> Result<Option<u64>, AmountError> {
    let cleaned: String = typed
        .trim()
        .trim_start_matches("EUR")
        .trim_start_matches("eur")
        .trim_start_matches('€')
        .trim_end_matches("EUR")
        .trim_end_matches("eur")
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '’'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    // A final separator followed by one or two digits is a decimal part: drop it.
    let whole = match cleaned.rfind([',', '.']) {
        Some(at) if cleaned.get(at + 1..).is_some_and(|tail| (1..=2).contains(&tail.len()) && tail.bytes().all(|b| b.is_ascii_digit())) => {
            cleaned.get(..at).unwrap_or_default()
        }
        _ => cleaned.as_str(),
    };
    let digits: String = whole.chars().filter(|c| !matches!(c, '.' | ',')).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    if digits.len() > 12 {
        return Err(AmountError::TooLarge);
    }
    digits.parse::<u64>().map(Some).map_err(|_| AmountError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_written_in_either_language() {
        let cases = [
            ("1.500.000", Some(1_500_000)),
            ("1,500,000", Some(1_500_000)),
            ("1 500 000 €", Some(1_500_000)),
            ("€ 2.000.000", Some(2_000_000)),
            ("EUR 1500000", Some(1_500_000)),
            ("1.500.000,00", Some(1_500_000)),
            ("1,500,000.50", Some(1_500_000)),
            ("2'000'000", Some(2_000_000)),
            ("900", Some(900)),
            ("0", Some(0)),
            ("", None),
            ("   ", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_euros(typed), Ok(expected), "{typed:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for typed in ["abc", "1.5 milioni", "-100", "12e6", ",", "1.000.000,0,0x"] {
            assert!(parse_euros(typed).is_err(), "{typed:?} should be rejected");
        }
        assert_eq!(parse_euros("9999999999999"), Err(AmountError::TooLarge));
    }
}
