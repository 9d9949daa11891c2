//! Personal data at rest: applications are sealed with XChaCha20-Poly1305
//! (RustCrypto's `chacha20poly1305`) under a key the operator supplies.
//!
//! - The key is 32 random bytes, kept by the operator in a file of 64 hex
//!   digits (`reglament keygen FILE` writes one, readable by its owner only).
//!   The store never holds it: only a check value, so that a wrong key is
//!   refused before anything is written.
//! - Each application gets a fresh random 192-bit nonce, so nonces never
//!   repeat in practice, and is bound to its instance's id (associated
//!   data): a sealed application copied onto another row does not open.
//! - A sealed value is `RGS1 ‖ nonce ‖ ciphertext and tag`, kept as a BLOB.

use std::fmt;
use std::path::Path;

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

/// The first bytes of a sealed value: the format and its version.
const MAGIC: &[u8; 4] = b"RGS1";
/// The length of an XChaCha20 nonce.
const NONCE_LEN: usize = 24;
/// What the key check value seals: nothing secret, just known bytes.
const CHECK_PLAINTEXT: &[u8] = b"reglament store key check";
/// The associated data of the key check value.
const CHECK_AAD: &[u8] = b"reglament key check";

/// The operator's key for personal data. Its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct Key {
    cipher: XChaCha20Poly1305,
    bytes: [u8; 32],
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub String);

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeyError {}

impl Key {
    /// A key from its 32 bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Key {
        Key { cipher: XChaCha20Poly1305::new(&bytes.into()), bytes }
    }

    /// A new random key from the operating system's generator.
    pub fn generate() -> Key {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        Key::from_bytes(key.into())
    }

    /// Reads 64 hex digits (surrounding white space allowed).
    pub fn from_hex(text: &str) -> Result<Key, KeyError> {
        let text = text.trim();
        let bad = || KeyError("a key is 64 hexadecimal digits (`reglament keygen FILE` writes one)".to_string());
        if text.len() != 64 || !text.is_ascii() {
            return Err(bad());
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(Key::from_bytes(bytes))
    }

    /// Reads a key file.
    pub fn read_file(path: &Path) -> Result<Key, KeyError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| KeyError(format!("cannot read the key file {}: {e}", path.display())))?;
        Key::from_hex(&text).map_err(|e| KeyError(format!("key file {}: {e}", path.display())))
    }

    /// The key as 64 hex digits, for the key file.
    pub fn to_hex(&self) -> String {
        self.bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Seals `plaintext` for the row `row`.
    pub fn seal(&self, plaintext: &[u8], row: i64) -> Vec<u8> {
        self.seal_with(plaintext, &row_aad(row))
    }

    /// Opens a value sealed for the row `row`; `None` when it is not one,
    /// was sealed for another row or with another key, or was altered.
    pub fn open(&self, sealed: &[u8], row: i64) -> Option<Vec<u8>> {
        self.open_with(sealed, &row_aad(row))
    }

    /// The check value a store keeps to recognise its key.
    pub fn check_value(&self) -> Vec<u8> {
        self.seal_with(CHECK_PLAINTEXT, CHECK_AAD)
    }

    /// Whether `value` is this key's check value.
    pub fn matches(&self, value: &[u8]) -> bool {
        self.open_with(value, CHECK_AAD).is_some_and(|p| p == CHECK_PLAINTEXT)
    }

    fn seal_with(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption fails only for messages beyond 256 GiB, far over the
        // application limit; an empty result would then fail to open.
        let sealed = self.cipher.encrypt(&nonce, Payload { msg: plaintext, aad }).unwrap_or_default();
        let mut out = Vec::with_capacity(MAGIC.len() + NONCE_LEN + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    fn open_with(&self, sealed: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
        let rest = sealed.strip_prefix(MAGIC.as_slice())?;
        if rest.len() < NONCE_LEN {
            return None;
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
        self.cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad }).ok()
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

fn row_aad(row: i64) -> Vec<u8> {
    let mut aad = b"reglament application ".to_vec();
    aad.extend_from_slice(&row.to_le_bytes());
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_their_key_and_row() {
        let key = Key::generate();
        let sealed = key.seal(b"{\"iin\":\"920101300010\"}", 7);
        assert!(!sealed.windows(12).any(|w| w == b"920101300010"), "nothing in clear");
        assert_eq!(key.open(&sealed, 7).as_deref(), Some(&b"{\"iin\":\"920101300010\"}"[..]));
        assert_eq!(key.open(&sealed, 8), None, "bound to its row");
        assert_eq!(Key::generate().open(&sealed, 7), None, "another key");
        let mut altered = sealed.clone();
        let last = altered.len() - 1;
        altered[last] ^= 1;
        assert_eq!(key.open(&altered, 7), None, "altered");
        assert_ne!(key.seal(b"x", 1), key.seal(b"x", 1), "fresh nonces");
    }

    #[test]
    fn keys_read_from_hex_and_check_values_recognise_them() {
        let key = Key::generate();
        let again = Key::from_hex(&format!("{}\n", key.to_hex())).unwrap();
        assert!(again.matches(&key.check_value()));
        assert!(!Key::generate().matches(&key.check_value()));
        assert!(Key::from_hex("abc").is_err());
        assert!(Key::from_hex(&"zz".repeat(32)).is_err());
        assert_eq!(format!("{key:?}"), "Key(…)");
    }
}
