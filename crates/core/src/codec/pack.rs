//! The packed form of the data the widget reads, compiled and validated from `data/` at build time and
//! read in the browser without a JSON parser: [`CallData`] (the call editions and Italy's provinces,
//! embedded in the wasm: the first questions need them) and the [`Catalog`] (a file beside the wasm,
//! fetched once the start page is up; `welfare catalog-validate --out FILE.bin` makes a host's update).
//!
//! Format: a magic line naming the content and its version (`welfare-calls/1\n`,
//! `welfare-catalog/2\n`: version 2 added the partner weights `partnered`, `partnered_max`, `named`
//! and `named_area`), then the postcard encoding of the value. Postcard is positional: the
//! packed types never skip a field when serialising, and `Rule` is externally tagged in this form
//! (the TOML files tag it with `kind`, see `call::tagged_rule`). Anything else (a JSON catalog, an
//! HTML error page, a file of another version, a cut download) is a [`PackError`], never a panic.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Province};
use crate::rules::call::Call;

/// What the wasm embeds: the call editions, and the provinces the territory and network questions
/// offer (the same rows as the catalog's `provinces`, so the first questions do not wait for it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CallData {
    pub calls: Vec<Call>,
    pub provinces: Vec<Province>,
}

/// First line of packed calls.
pub const CALLS_MAGIC: &[u8] = b"welfare-calls/1\n";
/// First line of a packed catalog.
pub const CATALOG_MAGIC: &[u8] = b"welfare-catalog/2\n";

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
        // Same kind, other version: `welfare-catalog/1\n…`.
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

pub fn encode_calls(data: &CallData) -> Vec<u8> {
    encode(CALLS_MAGIC, data)
}

pub fn decode_calls(bytes: &[u8]) -> Result<CallData, PackError> {
    decode(CALLS_MAGIC, "call file", bytes)
}

/// FNV-1a, 64 bits: stable across runs and platforms (also matching's name keys).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// A short name for packed bytes (FNV-1a 64, hex): the bundled catalog's file is named after its
/// content (`catalog-<hash>.bin`), so browsers may cache it for good and a new build never reads a stale one.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

pub fn encode_catalog(catalog: &Catalog) -> Vec<u8> {
    encode(CATALOG_MAGIC, catalog)
}

/// The catalog as the widget gets it: trimmed to what it shows (`Catalog::for_embedding`), packed. The
/// build's file beside the wasm and `welfare catalog-validate --out` alike.
pub fn encode_catalog_for_widget(catalog: Catalog) -> Vec<u8> {
    encode_catalog(&catalog.for_embedding())
}

/// Decodes a packed catalog. It is not validated here: see `catalog::validate::validate_catalog`.
pub fn decode_catalog(bytes: &[u8]) -> Result<Catalog, PackError> {
    decode(CATALOG_MAGIC, "catalog", bytes)
}

/// A data folder validated and packed, as the build scripts embed it (the web app's and the npm
/// package's): the call editions with the provinces, and the catalog in its embedded form.
#[cfg(feature = "source")]
pub struct PackedData {
    pub calls: Vec<u8>,
    pub catalog: Vec<u8>,
}

/// Reads, validates and packs `data` (`calls/*.toml` with the core's loader, so two editions with one
/// id are a problem; the catalog's sources in `catalog/`). Every problem of every file, each naming
/// the file (as `data` names it) and the field; nothing is packed if there is one.
#[cfg(feature = "source")]
pub fn pack_data_dir(data: &std::path::Path) -> Result<PackedData, Vec<crate::problem::Problem>> {
    use crate::catalog::import::{load_catalog, CatalogSources};
    let mut problems = Vec::new();
    let calls = crate::rules::call::load_calls_dir(&data.join("calls")).map_err(|found| problems.extend(found)).unwrap_or_default();
    let label = data.join("catalog").display().to_string();
    let catalog = CatalogSources::read_dir(&data.join("catalog"), &label)
        .map_err(|found| problems.extend(found))
        .and_then(|sources| load_catalog(&sources).map_err(|found| problems.extend(found)));
    if calls.is_empty() && problems.is_empty() {
        problems.push(crate::problem::Problem::new(data.join("calls").display().to_string(), "", "no call file (*.toml) found"));
    }
    match catalog {
        Ok(catalog) if problems.is_empty() => {
            // `for_embedding` keeps every province: the calls carry the same rows.
            let provinces = catalog.provinces.clone();
            Ok(PackedData { calls: encode_calls(&CallData { calls, provinces }), catalog: encode_catalog_for_widget(catalog) })
        }
        _ => Err(problems),
    }
}

#[cfg(all(test, feature = "source"))]
mod tests {
    use super::*;
    use std::path::Path;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn real_catalog() -> Catalog {
        let sources = crate::catalog::import::CatalogSources::read_dir(&root().join("data/catalog"), "data/catalog").unwrap();
        crate::catalog::import::load_catalog(&sources).unwrap()
    }

    #[test]
    fn real_calls_and_catalog_round_trip() {
        let catalog = real_catalog();
        let calls = crate::rules::call::load_calls_dir(&root().join("data/calls")).unwrap();
        assert!(calls.len() >= 2);
        let data = CallData { calls, provinces: catalog.provinces.clone() };
        assert_eq!(decode_calls(&encode_calls(&data)).unwrap(), data);
        assert_eq!(crate::catalog::find_province(&data.provinces, "so").map(|p| p.name.as_str()), Some("Sondrio"));
        let packed = encode_catalog(&catalog);
        assert_eq!(decode_catalog(&packed).unwrap(), catalog);
        // The embedded form is also what the widget reads.
        let slim = catalog.for_embedding();
        assert_eq!(decode_catalog(&encode_catalog(&slim)).unwrap(), slim);
    }

    /// What both build scripts embed: the real folder packs to the calls and the embedded catalog;
    /// a folder with a broken call file packs nothing and names the file and field, the catalog's
    /// missing sources too.
    #[test]
    fn the_data_folder_packs_or_names_every_problem() {
        let packed = pack_data_dir(&root().join("data")).unwrap();
        let calls = decode_calls(&packed.calls).unwrap();
        assert_eq!(calls.calls, crate::rules::call::load_calls_dir(&root().join("data/calls")).unwrap());
        assert_eq!(decode_catalog(&packed.catalog).unwrap(), real_catalog().for_embedding());

        let dir = std::env::temp_dir().join(format!("welfare-pack-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("calls")).unwrap();
        let call = std::fs::read_to_string(root().join("data/calls/2016.toml")).unwrap();
        std::fs::write(dir.join("calls/2016.toml"), call.replacen("id = \"2016\"", "id = 2016", 1)).unwrap();
        let problems = pack_data_dir(&dir).err().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(problems.iter().any(|p| p.file.ends_with("calls/2016.toml")), "{problems:#?}");
        assert!(problems.iter().any(|p| p.file.contains("catalog")), "{problems:#?}");
    }

    #[test]
    fn anything_else_is_a_clear_error() {
        let packed = encode_catalog(&real_catalog());
        assert!(matches!(decode_catalog(b"{\"projects\": []}"), Err(PackError::NotPacked { .. })));
        assert!(matches!(decode_catalog(b"<html>not found</html>"), Err(PackError::NotPacked { .. })));
        assert!(matches!(decode_catalog(b""), Err(PackError::NotPacked { .. })));
        // Calls are not a catalog, and the other way round.
        assert!(matches!(decode_catalog(&encode_calls(&CallData::default())), Err(PackError::NotPacked { .. })));
        assert!(matches!(decode_calls(&packed), Err(PackError::NotPacked { .. })));
        for other in ["welfare-catalog/1", "welfare-catalog/3"] {
            let mut v = format!("{other}\n").into_bytes();
            v.extend_from_slice(&packed[CATALOG_MAGIC.len()..]);
            assert_eq!(decode_catalog(&v), Err(PackError::OtherVersion { found: other.into() }));
        }
        // Cut anywhere, or with bytes added: damaged, never a panic.
        for cut in [CATALOG_MAGIC.len(), CATALOG_MAGIC.len() + 1, packed.len() / 2, packed.len() - 1] {
            assert_eq!(decode_catalog(&packed[..cut]), Err(PackError::Damaged), "cut at {cut}");
        }
        let mut longer = packed.clone();
        longer.push(0);
        assert_eq!(decode_catalog(&longer), Err(PackError::Damaged));
    }

    #[test]
    fn the_content_hash_names_the_content() {
        let packed = encode_catalog(&real_catalog());
        assert_eq!(content_hash(&packed), content_hash(&packed.clone()));
        assert_eq!(content_hash(&packed).len(), 16);
        let mut other = packed.clone();
        if let Some(last) = other.last_mut() {
            *last ^= 1;
        }
        assert_ne!(content_hash(&packed), content_hash(&other));
        assert_eq!(content_hash(b""), "cbf29ce484222325");
    }
}
