//! Local time in Rome (Europe/Rome), to the minute, without a date-time library.
//!
//! Deadlines are written in the call files as Italian local time (`2016-04-28T18:00`). The core never
//! reads a clock: the caller passes `now`, usually from [`RomeDateTime::from_unix_utc`], which applies
//! the EU daylight-saving rule Italy follows (CET, UTC+1; CEST, UTC+2 from the last Sunday of March
//! 01:00 UTC to the last Sunday of October 01:00 UTC).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A wall-clock minute in Rome. Field order makes the derived `Ord` chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RomeDateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (0 for an invalid month).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a count of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u8, day as u8)
}

/// Day of the month of the last Sunday of `month`.
fn last_sunday(year: i32, month: u8) -> u8 {
    let last = days_in_month(year, month);
    let days = days_from_civil(year, month, last);
    // 1970-01-01 was a Thursday: weekday 0 = Sunday.
    let weekday = (days + 4).rem_euclid(7) as u8;
    last - weekday
}

/// Seconds since the epoch (UTC) of a UTC civil time.
fn unix_of(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> i64 {
    days_from_civil(year, month, day) * 86_400 + i64::from(hour) * 3_600 + i64::from(minute) * 60
}

impl RomeDateTime {
    /// A checked constructor: `None` if the date or time does not exist.
    pub fn new(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> Option<RomeDateTime> {
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour < 24
            && minute < 60
            && (1..=9999).contains(&year);
        valid.then_some(RomeDateTime { year, month, day, hour, minute })
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T` is accepted too).
    pub fn parse(text: &str) -> Result<RomeDateTime, String> {
        let bad = || format!("`{text}` is not a date and time of the form YYYY-MM-DDTHH:MM (Italian local time)");
        let b = text.trim().as_bytes();
        if b.len() != 16 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(13) != Some(&b':') {
            return Err(bad());
        }
        if !matches!(b.get(10), Some(b'T') | Some(b' ')) {
            return Err(bad());
        }
        let num = |from: usize, to: usize| -> Result<u32, String> {
            let part = b.get(from..to).ok_or_else(bad)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return Err(bad());
            }
            Ok(part.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
        };
        let (year, month, day, hour, minute) = (num(0, 4)?, num(5, 7)?, num(8, 10)?, num(11, 13)?, num(14, 16)?);
        RomeDateTime::new(year as i32, month as u8, day as u8, hour as u8, minute as u8)
            .ok_or_else(|| format!("`{text}` is not a real date and time"))
    }

    /// Offset of Rome's local time from UTC, in hours, at a UTC instant.
    pub fn utc_offset_hours(secs: i64) -> i64 {
        let (year, _, _) = civil_from_days(secs.div_euclid(86_400));
        let summer_start = unix_of(year, 3, last_sunday(year, 3), 1, 0);
        let summer_end = unix_of(year, 10, last_sunday(year, 10), 1, 0);
        if secs >= summer_start && secs < summer_end {
            2
        } else {
            1
        }
    }

    /// Rome's wall clock at a UTC instant (seconds since 1970-01-01T00:00Z), seconds dropped.
    pub fn from_unix_utc(secs: i64) -> RomeDateTime {
        let local = secs + RomeDateTime::utc_offset_hours(secs) * 3_600;
        let days = local.div_euclid(86_400);
        let rest = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        RomeDateTime { year, month, day, hour: (rest / 3_600) as u8, minute: ((rest % 3_600) / 60) as u8 }
    }

    /// `28/04/2016 ore 18:00`
    pub fn format_it(&self) -> String {
        format!("{:02}/{:02}/{} ore {:02}:{:02}", self.day, self.month, self.year, self.hour, self.minute)
    }

    /// `28 April 2016, 18:00`
    pub fn format_en(&self) -> String {
        const MONTHS: [&str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let month = MONTHS.get(usize::from(self.month).saturating_sub(1)).copied().unwrap_or("?");
        format!("{} {} {}, {:02}:{:02}", self.day, month, self.year, self.hour, self.minute)
    }
}

impl fmt::Display for RomeDateTime {
    /// `YYYY-MM-DDTHH:MM`, the form the data files use.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}T{:02}:{:02}", self.year, self.month, self.day, self.hour, self.minute)
    }
}

impl std::str::FromStr for RomeDateTime {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RomeDateTime::parse(s)
    }
}

impl Serialize for RomeDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RomeDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        RomeDateTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rome(text: &str) -> RomeDateTime {
        RomeDateTime::parse(text).unwrap()
    }

    #[test]
    fn parse_format_round_trip_and_rejects_bad_input() {
        for t in ["2016-04-28T18:00", "2017-06-30T23:59", "2016-02-29T00:00"] {
            assert_eq!(rome(t).to_string(), t);
        }
        for bad in [
            "2016-04-28",
            "2016-04-31T10:00",
            "2015-02-29T10:00",
            "2016-13-01T10:00",
            "2016-04-28T24:00",
            "2016-04-28T18:60",
            "2016/04/28T18:00",
            "abcd-ef-ghTij:kl",
            "",
            "2016-04-28T18:00Z",
        ] {
            assert!(RomeDateTime::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn order_is_chronological() {
        assert!(rome("2016-04-28T17:59") < rome("2016-04-28T18:00"));
        assert!(rome("2016-04-28T18:00") < rome("2016-04-28T18:01"));
        assert!(rome("2015-12-31T23:59") < rome("2016-01-01T00:00"));
    }

    #[test]
    fn epoch_and_winter_time() {
        // 1970-01-01T00:00Z is 01:00 in Rome.
        assert_eq!(RomeDateTime::from_unix_utc(0), rome("1970-01-01T01:00"));
        // 2016-01-15T12:00Z
        assert_eq!(RomeDateTime::from_unix_utc(1_452_859_200), rome("2016-01-15T13:00"));
    }

    #[test]
    fn dst_edges_2016() {
        // Last Sunday of March 2016: the 27th. 00:59:59Z is still CET; 01:00Z jumps to CEST 03:00.
        let spring = unix_of(2016, 3, 27, 1, 0);
        assert_eq!(last_sunday(2016, 3), 27);
        assert_eq!(RomeDateTime::from_unix_utc(spring - 60), rome("2016-03-27T01:59"));
        assert_eq!(RomeDateTime::from_unix_utc(spring), rome("2016-03-27T03:00"));
        // Last Sunday of October 2016: the 30th. 00:59Z is 02:59 CEST; 01:00Z falls back to 02:00 CET.
        let autumn = unix_of(2016, 10, 30, 1, 0);
        assert_eq!(last_sunday(2016, 10), 30);
        assert_eq!(RomeDateTime::from_unix_utc(autumn - 60), rome("2016-10-30T02:59"));
        assert_eq!(RomeDateTime::from_unix_utc(autumn), rome("2016-10-30T02:00"));
    }

    #[test]
    fn deadlines_in_summer_time() {
        // 2016-04-28T16:00Z = 18:00 CEST, the edition III deadline.
        assert_eq!(RomeDateTime::from_unix_utc(unix_of(2016, 4, 28, 16, 0)), rome("2016-04-28T18:00"));
        // 2017: last Sundays are 26 March and 29 October.
        assert_eq!(last_sunday(2017, 3), 26);
        assert_eq!(last_sunday(2017, 10), 29);
        assert_eq!(RomeDateTime::from_unix_utc(unix_of(2017, 6, 30, 16, 0)), rome("2017-06-30T18:00"));
        assert_eq!(RomeDateTime::from_unix_utc(unix_of(2017, 3, 26, 0, 59)), rome("2017-03-26T01:59"));
        assert_eq!(RomeDateTime::from_unix_utc(unix_of(2017, 3, 26, 1, 0)), rome("2017-03-26T03:00"));
        // New year crossing in winter.
        assert_eq!(RomeDateTime::from_unix_utc(unix_of(2016, 12, 31, 23, 30)), rome("2017-01-01T00:30"));
        // Negative instants work too.
        assert_eq!(RomeDateTime::from_unix_utc(-3_600), rome("1970-01-01T00:00"));
    }

    #[test]
    fn civil_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn serde_as_string() {
        let t = rome("2016-04-28T18:00");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"2016-04-28T18:00\"");
        assert_eq!(serde_json::from_str::<RomeDateTime>(&json).unwrap(), t);
        assert!(serde_json::from_str::<RomeDateTime>("\"2016-04-28\"").is_err());
    }

    #[test]
    fn english_and_italian_formats() {
        let t = rome("2016-04-28T18:00");
        assert_eq!(t.format_it(), "28/04/2016 ore 18:00");
        assert_eq!(t.format_en(), "28 April 2016, 18:00");
    }
}
