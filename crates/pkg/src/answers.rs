//! The visitor's answers from JSON, in the shape `welfare assess` reads (`welfare_core::model::Answers`:
//! any field may be left out, or null, and is then unanswered), checked field by field so that every
//! problem names its field: `answers.members[2].kind: unknown kind "x" (one of: comune, …)`.
//!
//! Stricter than the CLI's lenient reader in two ways, both so that a mistake is never silently read
//! as "not answered": an unknown field is an error (a typo such as `member`), and the answers must fit
//! the widget's limits (`welfare_core::model::Limits`: 100 members, names of 200 characters, …), so
//! the package accepts exactly the answers the widget can hold.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use welfare_core::model::{Answers, Beneficiary, CofinancingSource, Limits, Member, MemberKind, Money, Need, Territory};

/// The fields of each object, in the order the core serialises them (a test checks they are all).
pub const ANSWERS_FIELDS: [&str; 8] = ["territory", "members", "lead", "needs", "beneficiaries", "description", "money", "merit"];
pub const TERRITORY_FIELDS: [&str; 2] = ["provinces", "municipalities"];
pub const MEMBER_FIELDS: [&str; 6] = ["id", "name", "kind", "province", "letter_of_intent", "directory"];
pub const MONEY_FIELDS: [&str; 3] = ["total_cost", "requested_grant", "cofinancing"];

/// Reads answers from JSON text; the error names the field (`answers…: …`).
pub fn read(text: &str) -> Result<Answers, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| format!("answers: not valid JSON ({e})"))?;
    from_value(&value)
}

/// Reads answers from a JSON value.
pub fn from_value(value: &Value) -> Result<Answers, String> {
    let path = "answers";
    let mut answers = Answers::default();
    let Some(fields) = object(value, path)? else {
        return Err(format!("{path}: expected an object, got null"));
    };
    for (key, v) in fields {
        let at = format!("{path}.{key}");
        match key.as_str() {
            "territory" => answers.territory = territory(v, &at)?,
            "members" => {
                answers.members = list(v, &at, Limits::MEMBERS, "members", member)?;
            }
            "lead" => answers.lead = optional(v, |v| whole(v, &at, u64::from(u32::MAX), "a member's id, a whole number"))?.map(as_u32),
            "needs" => answers.needs = list(v, &at, Limits::LIST, "needs", |v, at| choice(v, at, "need", &Need::ALL))?,
            "beneficiaries" => {
                answers.beneficiaries =
                    list(v, &at, Limits::LIST, "beneficiaries", |v, at| choice(v, at, "beneficiary", &Beneficiary::ALL))?;
            }
            "description" => answers.description = text(v, &at, Limits::DESCRIPTION)?,
            "money" => answers.money = money(v, &at)?,
            "merit" => answers.merit = list(v, &at, Limits::LIST, "merit answers", merit)?,
            _ => return Err(unknown_field(&at, &ANSWERS_FIELDS)),
        }
    }
    Ok(answers)
}

fn territory(value: &Value, path: &str) -> Result<Territory, String> {
    let mut territory = Territory::default();
    for (key, v) in object(value, path)?.into_iter().flatten() {
        let at = format!("{path}.{key}");
        match key.as_str() {
            "provinces" => territory.provinces = list(v, &at, Limits::LIST, "provinces", |v, at| text(v, at, Limits::CODE))?,
            "municipalities" => {
                territory.municipalities = list(v, &at, Limits::LIST, "municipalities", |v, at| text(v, at, Limits::CODE))?;
            }
            _ => return Err(unknown_field(&at, &TERRITORY_FIELDS)),
        }
    }
    Ok(territory)
}

fn member(value: &Value, path: &str) -> Result<Member, String> {
    let Some(fields) = object(value, path)? else {
        return Err(format!("{path}: expected an object (a member), got null"));
    };
    let mut member = Member::default();
    for (key, v) in fields {
        let at = format!("{path}.{key}");
        match key.as_str() {
            "id" => member.id = optional(v, |v| whole(v, &at, u64::from(u32::MAX), "an id, a whole number"))?.map(as_u32).unwrap_or(0),
            "name" => member.name = text(v, &at, Limits::NAME)?,
            "kind" => member.kind = optional(v, |v| choice(v, &at, "kind", &MemberKind::ALL))?,
            "province" => member.province = optional(v, |v| text(v, &at, Limits::CODE))?,
            "letter_of_intent" => member.letter_of_intent = optional(v, |v| boolean(v, &at))?,
            "directory" => member.directory = optional(v, |v| text(v, &at, Limits::DIRECTORY_KEY))?,
            _ => return Err(unknown_field(&at, &MEMBER_FIELDS)),
        }
    }
    Ok(member)
}

fn money(value: &Value, path: &str) -> Result<Money, String> {
    let mut money = Money::default();
    let euros = "a whole number of euros";
    for (key, v) in object(value, path)?.into_iter().flatten() {
        let at = format!("{path}.{key}");
        match key.as_str() {
            "total_cost" => money.total_cost = optional(v, |v| whole(v, &at, u64::MAX, euros))?,
            "requested_grant" => money.requested_grant = optional(v, |v| whole(v, &at, u64::MAX, euros))?,
            "cofinancing" => {
                money.cofinancing = list(v, &at, Limits::LIST, "sources", |v, at| choice(v, at, "source", &CofinancingSource::ALL))?;
            }
            _ => return Err(unknown_field(&at, &MONEY_FIELDS)),
        }
    }
    Ok(money)
}

/// One merit answer: `[question id, answer 0..=3]`.
fn merit(value: &Value, path: &str) -> Result<(String, u8), String> {
    let shape = || format!("{path}: expected [question id, answer from 0 to 3], got {}", describe(value));
    let Value::Array(pair) = value else { return Err(shape()) };
    let [question, answer] = pair.as_slice() else { return Err(shape()) };
    let question = text(question, &format!("{path}[0]"), Limits::QUESTION_ID)?;
    let answer = whole(answer, &format!("{path}[1]"), 3, "an answer, a whole number")?;
    Ok((question, u8::try_from(answer).unwrap_or(3)))
}

/// An object's fields, `None` for null.
fn object<'a>(value: &'a Value, path: &str) -> Result<Option<&'a Map<String, Value>>, String> {
    match value {
        Value::Object(fields) => Ok(Some(fields)),
        Value::Null => Ok(None),
        other => Err(format!("{path}: expected an object, got {}", describe(other))),
    }
}

/// A list of at most `max` items, each read by `item` (null: empty).
fn list<T>(value: &Value, path: &str, max: usize, noun: &str, item: impl Fn(&Value, &str) -> Result<T, String>) -> Result<Vec<T>, String> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) if items.len() > max => Err(format!("{path}: at most {max} {noun} (the widget's limit), got {}", items.len())),
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| item(v, &format!("{path}[{i}]"))).collect(),
        other => Err(format!("{path}: expected an array, got {}", describe(other))),
    }
}

/// `None` for null, else what `read` makes of the value.
fn optional<T>(value: &Value, read: impl FnOnce(&Value) -> Result<T, String>) -> Result<Option<T>, String> {
    match value {
        Value::Null => Ok(None),
        v => read(v).map(Some),
    }
}

/// A text of at most `max` characters (null: empty).
fn text(value: &Value, path: &str, max: usize) -> Result<String, String> {
    match value {
        Value::Null => Ok(String::new()),
        Value::String(s) if s.chars().count() > max => {
            Err(format!("{path}: at most {max} characters (the widget's limit), got {}", s.chars().count()))
        }
        Value::String(s) => Ok(s.clone()),
        other => Err(format!("{path}: expected a string, got {}", describe(other))),
    }
}

fn boolean(value: &Value, path: &str) -> Result<bool, String> {
    value.as_bool().ok_or_else(|| format!("{path}: expected true or false, got {}", describe(value)))
}

/// A whole number from 0 to `max`; `what` says what it is.
fn whole(value: &Value, path: &str, max: u64, what: &str) -> Result<u64, String> {
    match value.as_u64() {
        Some(n) if n <= max => Ok(n),
        _ if max == u64::MAX => Err(format!("{path}: expected {what}, got {}", describe(value))),
        _ => Err(format!("{path}: expected {what} from 0 to {max}, got {}", describe(value))),
    }
}

fn as_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One of a closed set, by its id (`comune`, `elderly`, …).
fn choice<T: DeserializeOwned + Serialize>(value: &Value, path: &str, noun: &str, all: &[T]) -> Result<T, String> {
    let ids = || {
        all.iter().filter_map(|t| serde_json::to_value(t).ok().and_then(|v| v.as_str().map(str::to_string))).collect::<Vec<_>>().join(", ")
    };
    match value {
        Value::String(s) => serde_json::from_value(value.clone())
            .map_err(|_| format!("{path}: unknown {noun} {} (one of: {})", Value::String(s.clone()), ids())),
        other => Err(format!("{path}: expected a {noun} (one of: {}), got {}", ids(), describe(other))),
    }
}

fn unknown_field(path: &str, known: &[&str]) -> String {
    format!("{path}: unknown field (fields: {})", known.join(", "))
}

/// A value as an error message shows it: short scalars as themselves, the rest by kind.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() <= 40 => Value::String(s.clone()).to_string(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        read(json).unwrap_err()
    }

    fn full() -> Answers {
        Answers {
            territory: Territory { provinces: vec!["LC".into(), "MI".into()], municipalities: vec!["097042".into()] },
            members: vec![
                Member {
                    id: 1,
                    name: "Comune di Lecco".into(),
                    kind: Some(MemberKind::Comune),
                    province: Some("LC".into()),
                    letter_of_intent: Some(true),
                    directory: Some("097042".into()),
                },
                Member { id: 7, name: "Coop".into(), kind: None, province: None, letter_of_intent: Some(false), directory: None },
            ],
            lead: Some(1),
            needs: vec![Need::Elderly, Need::SocialTies],
            beneficiaries: vec![Beneficiary::Carers],
            description: "Custodi sociali".into(),
            money: Money { total_cost: Some(1_800_000), requested_grant: Some(0), cofinancing: vec![CofinancingSource::Donations] },
            merit: vec![("comunita_legami".into(), 3), ("risorse_raccolta".into(), 0)],
        }
    }

    #[test]
    fn what_the_core_writes_reads_back_the_same() {
        let a = full();
        assert_eq!(read(&serde_json::to_string(&a).unwrap()).unwrap(), a);
        assert_eq!(read(&serde_json::to_string(&Answers::default()).unwrap()).unwrap(), Answers::default());
        // Every field left out or null: nothing answered.
        assert_eq!(read("{}").unwrap(), Answers::default());
        assert_eq!(read("\u{feff}{}").unwrap(), Answers::default());
        let nulls = r#"{"territory":null,"members":null,"lead":null,"needs":null,"beneficiaries":null,"description":null,
            "money":{"total_cost":null,"requested_grant":null,"cofinancing":null},"merit":null}"#;
        assert_eq!(read(nulls).unwrap(), Answers::default());
        // A member with only a name: id 0, the rest unanswered (as the CLI reads it).
        let one = read(r#"{"members":[{"name":"X"}]}"#).unwrap();
        assert_eq!(one.members, vec![Member { name: "X".into(), ..Member::default() }]);
    }

    #[test]
    fn the_field_lists_are_the_cores() {
        let keys = |v: Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        let mut answers = keys(serde_json::to_value(Answers::default()).unwrap());
        let mut expected: Vec<String> = ANSWERS_FIELDS.iter().map(|s| s.to_string()).collect();
        answers.sort();
        expected.sort();
        assert_eq!(answers, expected);
        let sorted = |list: &[&str]| {
            let mut l: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            l.sort();
            l
        };
        let sorted_keys = |v: Value| {
            let mut k = keys(v);
            k.sort();
            k
        };
        assert_eq!(sorted_keys(serde_json::to_value(Member::default()).unwrap()), sorted(&MEMBER_FIELDS));
        assert_eq!(sorted_keys(serde_json::to_value(Territory::default()).unwrap()), sorted(&TERRITORY_FIELDS));
        assert_eq!(sorted_keys(serde_json::to_value(Money::default()).unwrap()), sorted(&MONEY_FIELDS));
    }

    #[test]
    fn every_problem_names_its_field() {
        let cases = [
            ("", "answers: not valid JSON (EOF while parsing a value at line 1 column 0)"),
            ("{\"lead\": 1,", "answers: not valid JSON"),
            ("[]", "answers: expected an object, got an array"),
            ("null", "answers: expected an object, got null"),
            ("\"text\"", "answers: expected an object, got \"text\""),
            (r#"{"member": []}"#, "answers.member: unknown field (fields: territory, members, lead,"),
            (r#"{"members": {}}"#, "answers.members: expected an array, got an object"),
            (
                r#"{"members": [{}, {}, {"kind": "x"}]}"#,
                "answers.members[2].kind: unknown kind \"x\" (one of: comune, municipal_consortium,",
            ),
            (r#"{"members": [{"kind": 3}]}"#, "answers.members[0].kind: expected a kind (one of: comune,"),
            (r#"{"members": [null]}"#, "answers.members[0]: expected an object (a member), got null"),
            (r#"{"members": [{"id": -1}]}"#, "answers.members[0].id: expected an id, a whole number from 0 to 4294967295, got -1"),
            (r#"{"members": [{"id": 4294967296}]}"#, "answers.members[0].id: expected an id"),
            (r#"{"members": [{"id": 1.5}]}"#, "answers.members[0].id: expected an id, a whole number from 0 to 4294967295, got 1.5"),
            (r#"{"members": [{"name": 12}]}"#, "answers.members[0].name: expected a string, got 12"),
            (r#"{"members": [{"letter_of_intent": "yes"}]}"#, "answers.members[0].letter_of_intent: expected true or false, got \"yes\""),
            (
                r#"{"members": [{"email": "a@b"}]}"#,
                "answers.members[0].email: unknown field (fields: id, name, kind, province, letter_of_intent, directory)",
            ),
            (r#"{"lead": "1"}"#, "answers.lead: expected a member's id, a whole number from 0 to 4294967295, got \"1\""),
            (r#"{"needs": ["elderly", "poverty", "cats"]}"#, "answers.needs[2]: unknown need \"cats\" (one of: poverty, employment,"),
            (r#"{"beneficiaries": ["Elderly"]}"#, "answers.beneficiaries[0]: unknown beneficiary \"Elderly\""),
            (r#"{"description": ["a"]}"#, "answers.description: expected a string, got an array"),
            (r#"{"territory": []}"#, "answers.territory: expected an object, got an array"),
            (r#"{"territory": {"provinces": "LC"}}"#, "answers.territory.provinces: expected an array, got \"LC\""),
            (r#"{"territory": {"provinces": ["LC", 3]}}"#, "answers.territory.provinces[1]: expected a string, got 3"),
            (r#"{"territory": {"region": "Lombardia"}}"#, "answers.territory.region: unknown field (fields: provinces, municipalities)"),
            (r#"{"money": {"total_cost": "1.8M"}}"#, "answers.money.total_cost: expected a whole number of euros, got \"1.8M\""),
            (r#"{"money": {"requested_grant": 1e3}}"#, "answers.money.requested_grant: expected a whole number of euros, got 1000.0"),
            (r#"{"money": {"cofinancing": ["gifts"]}}"#, "answers.money.cofinancing[0]: unknown source \"gifts\" (one of: own_resources,"),
            (r#"{"money": {"grant": 1}}"#, "answers.money.grant: unknown field (fields: total_cost, requested_grant, cofinancing)"),
            (r#"{"merit": [["q", 4]]}"#, "answers.merit[0][1]: expected an answer, a whole number from 0 to 3, got 4"),
            (r#"{"merit": [["q"]]}"#, "answers.merit[0]: expected [question id, answer from 0 to 3], got an array"),
            (r#"{"merit": [{"q": 1}]}"#, "answers.merit[0]: expected [question id, answer from 0 to 3], got an object"),
            (r#"{"merit": [[1, 1]]}"#, "answers.merit[0][0]: expected a string, got 1"),
        ];
        for (json, expected) in cases {
            let e = err(json);
            assert!(e.starts_with(expected), "{json}\n  got:      {e}\n  expected: {expected}…");
        }
    }

    #[test]
    fn the_widgets_limits_hold() {
        let members: Vec<String> = (0..=Limits::MEMBERS).map(|i| format!("{{\"id\":{i}}}")).collect();
        assert_eq!(
            err(&format!("{{\"members\":[{}]}}", members.join(","))),
            "answers.members: at most 100 members (the widget's limit), got 101"
        );
        let at_limit = members.get(..Limits::MEMBERS).unwrap().join(",");
        assert_eq!(read(&format!("{{\"members\":[{at_limit}]}}")).unwrap().members.len(), Limits::MEMBERS);
        let name = "é".repeat(Limits::NAME + 1);
        assert_eq!(
            err(&format!("{{\"members\":[{{\"name\":\"{name}\"}}]}}")),
            "answers.members[0].name: at most 200 characters (the widget's limit), got 201"
        );
        let description = "x".repeat(Limits::DESCRIPTION + 1);
        assert!(err(&format!("{{\"description\":\"{description}\"}}")).starts_with("answers.description: at most 4000 characters"));
        assert!(read(&format!("{{\"description\":\"{}\"}}", "x".repeat(Limits::DESCRIPTION))).is_ok());
        let needs = vec!["\"elderly\""; Limits::LIST + 1].join(",");
        assert_eq!(err(&format!("{{\"needs\":[{needs}]}}")), "answers.needs: at most 200 needs (the widget's limit), got 201");
        assert!(err(r#"{"territory":{"municipalities":["0970420000"]}}"#)
            .starts_with("answers.territory.municipalities[0]: at most 8 characters"));
    }

    #[test]
    fn deep_or_strange_json_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(err(&deep).starts_with("answers: not valid JSON (recursion limit exceeded"));
        let deep_in = format!("{{\"members\":{}{}}}", "[".repeat(200), "]".repeat(200));
        assert!(err(&deep_in).starts_with("answers: not valid JSON"));
        assert!(err(r#"{"members": [[[]]]}"#).starts_with("answers.members[0]: expected an object, got an array"));
        assert!(err("{\"description\": \"\\ud800\"}").starts_with("answers: not valid JSON"));
        assert_eq!(describe(&Value::String("y".repeat(41))), "a string");
    }
}
