//! CSV (RFC 4180: quoted fields with commas, doubled quotes, CRLF), read by the `csv` crate, with line
//! numbers, and a header-checked table over it. Native only (feature `source`): the web app gets the
//! catalog packed.

use crate::problem::Problem;

/// One CSV record and the (1-based) line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Parses CSV text with the `csv` crate: a leading byte-order mark and blank lines are skipped, a row
/// may have fewer or more fields than the header; a line may end in LF, CRLF or CR. Errors (an unterminated quote, text after a closing
/// quote) name the line.
///
/// The `csv` crate reads leniently (it has no strict mode: BurntSushi/rust-csv#77): a quote left open
/// takes the rest of the file into one field, and text after a closing quote joins the field. Both
/// stay errors here: each record's own text, which the reader's byte positions delimit, is checked for
/// them ([`quoting_problem`]). Lines are counted here too, from those positions: the crate's own count
/// puts a record after a blank line, or after a CRLF, on the line before.
pub fn parse_csv(text: &str) -> Result<Vec<CsvRecord>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    // Lines counted up to byte `counted` (always a character boundary: a position after a terminator).
    let (mut line, mut counted) = (1usize, 0usize);
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let at = e.position().map_or(start, |p| p.byte() as usize);
                let line = line + text.get(counted..at).map_or(0, line_ends);
                return Err((line, e.to_string()));
            }
        }
        let end = reader.position().byte() as usize;
        let raw = text.get(start..end).unwrap_or_default();
        // The record's text starts after the line ends the reader skipped (blank lines, a CRLF's LF).
        let content = raw.trim_start_matches(['\r', '\n']);
        let content_start = start + (raw.len() - content.len());
        line += text.get(counted..content_start).map_or(0, line_ends);
        counted = content_start;
        if let Some((lines_in, problem)) = quoting_problem(content) {
            return Err((line + lines_in, problem.to_string()));
        }
        out.push(CsvRecord { line, fields: record.iter().map(str::to_string).collect() });
    }
    Ok(out)
}

/// What the `csv` crate lets through in one record's text (`raw`, from its first character): a quoted
/// field not closed, or text after a closing quote (anything but a comma or the line's end, a space
/// included), with the number of line ends before the problem.
fn quoting_problem(raw: &str) -> Option<(usize, &'static str)> {
    let (mut field_start, mut in_quotes, mut after_quote, mut lines) = (true, false, false, 0);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => (in_quotes, after_quote) = (false, true),
                '\n' => lines += 1,
                '\r' if chars.peek() != Some(&'\n') => lines += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if field_start => (in_quotes, field_start) = (true, false),
            ',' => (field_start, after_quote) = (true, false),
            '\r' | '\n' => return None,
            _ if after_quote => return Some((lines, "text after a closing quote")),
            _ => field_start = false,
        }
    }
    in_quotes.then_some((0, "a quoted field is not closed"))
}

/// Line ends in `text`: LF, CRLF, or a CR alone (old Mac files: the `csv` crate ends a record there,
/// and editors a line).
fn line_ends(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

/// Header-checked CSV: the trimmed header and the rows, with problems for a missing column.
pub fn csv_table(file: &str, text: &str, required: &[&str]) -> Result<(Vec<String>, Vec<CsvRecord>), Vec<Problem>> {
    let records = parse_csv(text).map_err(|(line, msg)| vec![Problem::new(file, format!("line {line}"), msg)])?;
    let mut it = records.into_iter();
    let Some(header) = it.next() else {
        return Err(vec![Problem::new(file, "line 1", "the file is empty (a header row is expected)")]);
    };
    let header: Vec<String> = header.fields.iter().map(|h| h.trim().to_string()).collect();
    let missing: Vec<Problem> = required
        .iter()
        .filter(|r| !header.iter().any(|h| h == *r))
        .map(|r| Problem::new(file, "line 1", format!("missing column \"{r}\" (expected: {})", required.join(","))))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok((header, it.collect()))
}

pub fn col<'a>(header: &[String], rec: &'a CsvRecord, name: &str) -> &'a str {
    header.iter().position(|h| h == name).and_then(|i| rec.fields.get(i)).map(|s| s.trim()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_handles_quotes_commas_and_lines() {
        let t = "a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\n3,\"multi\nline\"\n4,5";
        let r = parse_csv(t).unwrap_or_default();
        assert_eq!(r.len(), 4);
        assert_eq!(r[1].fields, vec!["x, y".to_string(), "he said \"hi\"".to_string()]);
        assert_eq!(r[2].line, 4);
        assert_eq!(r[3].line, 6);
        assert!(parse_csv("a,\"b\nc").is_err());
        // Lines as the file numbers them, whatever the line ends and blank lines; a byte-order mark skipped.
        let r = parse_csv("\u{feff}name,kind\r\n\r\n  ,x\r\n\"a\r\nb\",y\r\nlast").unwrap_or_default();
        let lines: Vec<(usize, &str)> = r.iter().map(|r| (r.line, r.fields[0].as_str())).collect();
        assert_eq!(lines, [(1, "name"), (3, "  "), (4, "a\r\nb"), (6, "last")]);
        let r = parse_csv("a,b\rc,d\r\re,f").unwrap_or_default();
        assert_eq!(r.iter().map(|r| (r.line, r.fields[0].as_str())).collect::<Vec<_>>(), [(1, "a"), (2, "c"), (4, "e")], "CR alone");
        // What the `csv` crate would let through: an open quote, text after a closing one.
        let errors = [
            ("a,b\n\"Uno,x\n3,4\n", (2, "a quoted field is not closed")),
            ("a,b\n1,2\n3,\"x", (3, "a quoted field is not closed")),
            ("a,b\n\"Uno\" bis,x\n", (2, "text after a closing quote")),
            ("a,b\n\"Uno\n\"x,y\n", (3, "text after a closing quote")),
            ("a,b\r\n\r\n1,\"2\" \r\n", (3, "text after a closing quote")),
        ];
        for (text, (line, message)) in errors {
            assert_eq!(parse_csv(text), Err((line, message.to_string())), "{text:?}");
        }
        // A quote inside an unquoted field is text, as it was.
        assert_eq!(parse_csv("a\"b,c").unwrap_or_default()[0].fields, ["a\"b", "c"]);
    }
}
