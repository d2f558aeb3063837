//! The packed form of the data the widget reads: the call editions and the catalog, compiled and
//! validated from `data/` at build time (or by `welfare catalog-validate --out FILE.bin` for a host's
//! updated catalog) and read in the browser without a JSON parser.
//!
//! Format: a magic line naming the content and its version (`welfare-calls/1\n`,
//! `welfare-catalog/1\n`), then the postcard encoding of the value. Postcard is positional: the
//! packed types never skip a field when serialising, and `Rule` is externally tagged in this form
//! (the TOML files tag it with `kind`, see `call::tagged_rule`). Anything else (a JSON catalog, an
//! HTML error page, a file of another version, a cut download) is a [`PackError`], never a panic.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::call::Call;
use crate::catalog::Catalog;

/// First line of packed calls.
pub const CALLS_MAGIC: &[u8] = b"welfare-calls/1\n";
/// First line of a packed catalog.
pub const CATALOG_MAGIC: &[u8] = b"welfare-catalog/1\n";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// Not packed data of this kind at all (JSON, HTML, another file).
    NotPacked { expected: &'static str },
    /// Packed by a widget of another version.
    OtherVersion { found: String },
    /// The right header, but the content is cut or altered.
    Damaged,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::NotPacked { expected } => {
                write!(f, "not a packed {expected} (make one with `welfare catalog-validate DIR --out FILE.bin`)")
            }
            PackError::OtherVersion { found } => write!(f, "packed for another version of the widget ({found})"),
            PackError::Damaged => f.write_str("the packed data is cut or damaged"),
        }
    }
}

fn encode<T: Serialize + ?Sized>(magic: &[u8], value: &T) -> Vec<u8> {
    let mut out = magic.to_vec();
    // Serialising into a Vec only fails for types postcard cannot write (none of ours).
    out.extend(postcard::to_allocvec(value).unwrap_or_default());
    out
}

fn decode<T: DeserializeOwned>(magic: &'static [u8], what: &'static str, bytes: &[u8]) -> Result<T, PackError> {
    let Some(body) = bytes.strip_prefix(magic) else {
        // Same kind, other version: `welfare-catalog/2\n…`.
        let stem = magic.split(|b| *b == b'/').next().unwrap_or(magic);
        let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
        if line.len() < 40 && line.starts_with(stem) && line.get(stem.len()) == Some(&b'/') {
            return Err(PackError::OtherVersion { found: String::from_utf8_lossy(line).into_owned() });
        }
        return Err(PackError::NotPacked { expected: what });
    };
    let (value, rest): (T, &[u8]) = postcard::take_from_bytes(body).map_err(|_| PackError::Damaged)?;
    if rest.is_empty() {
        Ok(value)
    } else {
        Err(PackError::Damaged)
    }
}

pub fn encode_calls(calls: &[Call]) -> Vec<u8> {
    encode(CALLS_MAGIC, calls)
}

pub fn decode_calls(bytes: &[u8]) -> Result<Vec<Call>, PackError> {
    decode(CALLS_MAGIC, "call file", bytes)
}

pub fn encode_catalog(catalog: &Catalog) -> Vec<u8> {
    encode(CATALOG_MAGIC, catalog)
}

/// Decodes a packed catalog. It is not validated here: see `catalog::validate_catalog`.
pub fn decode_catalog(bytes: &[u8]) -> Result<Catalog, PackError> {
    decode(CATALOG_MAGIC, "catalog", bytes)
}

#[cfg(all(test, feature = "source"))]
mod tests {
    use super::*;
    use std::path::Path;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn real_catalog() -> Catalog {
        let sources = crate::catalog::CatalogSources::read_dir(&root().join("data/catalog"), "data/catalog").unwrap();
        crate::catalog::load_catalog(&sources).unwrap()
    }

    #[test]
    fn real_calls_and_catalog_round_trip() {
        let calls = crate::call::load_calls_dir(&root().join("data/calls")).unwrap();
        assert!(calls.len() >= 2);
        assert_eq!(decode_calls(&encode_calls(&calls)).unwrap(), calls);
        let catalog = real_catalog();
        let packed = encode_catalog(&catalog);
        assert_eq!(decode_catalog(&packed).unwrap(), catalog);
        // The embedded form is also what the widget reads.
        let slim = catalog.for_embedding();
        assert_eq!(decode_catalog(&encode_catalog(&slim)).unwrap(), slim);
    }

    #[test]
    fn anything_else_is_a_clear_error() {
        let packed = encode_catalog(&real_catalog());
        assert!(matches!(decode_catalog(b"{\"projects\": []}"), Err(PackError::NotPacked { .. })));
        assert!(matches!(decode_catalog(b"<html>not found</html>"), Err(PackError::NotPacked { .. })));
        assert!(matches!(decode_catalog(b""), Err(PackError::NotPacked { .. })));
        // Calls are not a catalog, and the other way round.
        assert!(matches!(decode_catalog(&encode_calls(&[])), Err(PackError::NotPacked { .. })));
        assert!(matches!(decode_calls(&packed), Err(PackError::NotPacked { .. })));
        let mut v2 = b"welfare-catalog/2\n".to_vec();
        v2.extend_from_slice(&packed[CATALOG_MAGIC.len()..]);
        assert_eq!(decode_catalog(&v2), Err(PackError::OtherVersion { found: "welfare-catalog/2".into() }));
        // Cut anywhere, or with bytes added: damaged, never a panic.
        for cut in [CATALOG_MAGIC.len(), CATALOG_MAGIC.len() + 1, packed.len() / 2, packed.len() - 1] {
            assert_eq!(decode_catalog(&packed[..cut]), Err(PackError::Damaged), "cut at {cut}");
        }
        let mut longer = packed.clone();
        longer.push(0);
        assert_eq!(decode_catalog(&longer), Err(PackError::Damaged));
    }
}
