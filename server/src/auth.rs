//! People: bearer tokens (JWT) verified against the keys the operator
//! configures (a JWKS file, as an identity provider publishes it), and the
//! local signing key `reglament token` issues tokens with for local use.
//!
//! A token must be signed by a key of the set (chosen by its `kid`, with the
//! algorithm that key names), unexpired, and name the configured issuer and
//! audience when those are configured. Its `sub` is the person; the
//! configuration says whether that person is an officer and of what.

use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::AuthConfig;

/// The claims the service reads.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    /// The person.
    pub sub: String,
    /// Their name, if the identity provider gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Expiry, seconds since the Unix epoch.
    pub exp: i64,
    /// Issued at.
    #[serde(default)]
    pub iat: i64,
    /// The issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    /// The audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
}

/// Why a token is refused (always 401; the reason is for the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// No `Authorization: Bearer …` (and no desk cookie).
    Missing,
    /// Not a JWT, or signed by no key of the set, or altered.
    Invalid,
    /// Past its `exp`.
    Expired,
    /// Another issuer or audience.
    WrongParty,
}

/// The keys tokens are verified with.
pub struct Verifier {
    keys: Vec<(Option<String>, Algorithm, DecodingKey)>,
    issuer: Option<String>,
    audience: Option<String>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Verifier({} key(s))", self.keys.len())
    }
}

impl Verifier {
    /// Reads the JWKS file of the configuration.
    pub fn from_config(auth: &AuthConfig) -> Result<Verifier, String> {
        let text = std::fs::read_to_string(&auth.jwks)
            .map_err(|e| format!("cannot read the JWKS file {}: {e}", auth.jwks.display()))?;
        Verifier::from_jwks(&text, auth.issuer.clone(), auth.audience.clone())
            .map_err(|e| format!("JWKS file {}: {e}", auth.jwks.display()))
    }

    /// Reads a JWKS. Every key must name its algorithm (`alg`), so that a
    /// token cannot choose a weaker one.
    pub fn from_jwks(text: &str, issuer: Option<String>, audience: Option<String>) -> Result<Verifier, String> {
        let set: JwkSet = serde_json::from_str(text).map_err(|e| format!("not a JWKS ({e})"))?;
        let mut keys = Vec::new();
        for jwk in &set.keys {
            keys.push(decoding_key(jwk)?);
        }
        if keys.is_empty() {
            return Err("the set has no key".to_string());
        }
        Ok(Verifier { keys, issuer, audience })
    }

    /// Verifies a token at `now` (seconds since the Unix epoch: the server's
    /// clock, which tests set).
    pub fn verify(&self, token: &str, now: i64) -> Result<Claims, TokenProblem> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| TokenProblem::Invalid)?;
        let candidates = self.keys.iter().filter(|(kid, alg, _)| {
            *alg == header.alg && (header.kid.is_none() || kid.is_none() || *kid == header.kid)
        });
        for (_, alg, key) in candidates {
            let mut validation = Validation::new(*alg);
            // Expiry is checked below against the server's clock, not the system's.
            validation.validate_exp = false;
            validation.validate_aud = false;
            validation.required_spec_claims.clear();
            let Ok(data) = jsonwebtoken::decode::<Claims>(token, key, &validation) else { continue };
            let claims = data.claims;
            if claims.exp <= now {
                return Err(TokenProblem::Expired);
            }
            let wrong = |want: &Option<String>, got: &Option<String>| want.is_some() && want != got;
            if wrong(&self.issuer, &claims.iss) || wrong(&self.audience, &claims.aud) || claims.sub.is_empty() {
                return Err(TokenProblem::WrongParty);
            }
            return Ok(claims);
        }
        Err(TokenProblem::Invalid)
    }
}

fn decoding_key(jwk: &Jwk) -> Result<(Option<String>, Algorithm, DecodingKey), String> {
    let alg = jwk.common.key_algorithm.ok_or_else(|| "every key must name its algorithm (`alg`)".to_string())?;
    let alg: Algorithm = alg.to_string().parse().map_err(|_| format!("algorithm {alg} cannot sign tokens"))?;
    if matches!(alg, Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512) {
        return Err("shared secrets (HS*) are refused: publish public keys (RS*, ES*, PS*, EdDSA)".to_string());
    }
    let key = DecodingKey::from_jwk(jwk).map_err(|e| format!("a key cannot be read ({e})"))?;
    Ok((jwk.common.key_id.clone(), alg, key))
}

/// A local signing key: Ed25519, kept in a JSON file readable by its owner
/// only; its public half is a JWKS the service verifies with.
pub struct SigningKey {
    kid: String,
    pkcs8: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    kid: String,
    pkcs8: String,
}

impl SigningKey {
    /// A new key from the operating system's generator.
    pub fn generate() -> Result<SigningKey, String> {
        let rng = ring::rand::SystemRandom::new();
        let doc = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| "cannot generate a key".to_string())?;
        let pkcs8 = doc.as_ref().to_vec();
        let pair = Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| "cannot read the new key".to_string())?;
        let kid = crate::hex(&Sha256::digest(pair.public_key().as_ref())[..8]);
        Ok(SigningKey { kid, pkcs8 })
    }

    /// Reads a key file.
    pub fn read(path: &Path) -> Result<SigningKey, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file: KeyFile =
            serde_json::from_str(&text).map_err(|_| format!("{} is not a signing key", path.display()))?;
        let pkcs8 =
            URL_SAFE_NO_PAD.decode(file.pkcs8).map_err(|_| format!("{} is not a signing key", path.display()))?;
        Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| format!("{} is not an Ed25519 key", path.display()))?;
        Ok(SigningKey { kid: file.kid, pkcs8 })
    }

    /// The key file's text.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(&KeyFile { kid: self.kid.clone(), pkcs8: URL_SAFE_NO_PAD.encode(&self.pkcs8) })
            .unwrap_or_default()
    }

    /// The public key as a JWKS.
    pub fn jwks(&self) -> String {
        let public =
            Ed25519KeyPair::from_pkcs8(&self.pkcs8).map(|p| p.public_key().as_ref().to_vec()).unwrap_or_default();
        let set = serde_json::json!({"keys": [{
            "kty": "OKP", "crv": "Ed25519", "use": "sig", "alg": "EdDSA",
            "kid": self.kid, "x": URL_SAFE_NO_PAD.encode(public),
        }]});
        serde_json::to_string_pretty(&set).unwrap_or_default()
    }

    /// A token for `claims`.
    pub fn issue(&self, claims: &Claims) -> Result<String, String> {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_ed_der(&self.pkcs8))
            .map_err(|e| format!("cannot sign the token ({e})"))
    }
}

/// Writes a file readable by its owner only; it must not exist.
pub fn write_private(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .map_err(|e| format!("cannot create {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(sub: &str, exp: i64) -> Claims {
        Claims { sub: sub.into(), name: None, exp, iat: 0, iss: Some("local".into()), aud: None }
    }

    #[test]
    fn tokens_verify_only_with_their_key_until_they_expire() {
        let key = SigningKey::generate().unwrap();
        let verifier = Verifier::from_jwks(&key.jwks(), Some("local".into()), None).unwrap();
        let token = key.issue(&claims("aigerim", 1_000)).unwrap();
        assert_eq!(verifier.verify(&token, 999).unwrap().sub, "aigerim");
        assert_eq!(verifier.verify(&token, 1_000), Err(TokenProblem::Expired));
        let other = SigningKey::generate().unwrap().issue(&claims("aigerim", 1_000)).unwrap();
        assert_eq!(verifier.verify(&other, 10), Err(TokenProblem::Invalid), "forged: another key");
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        parts[1] = URL_SAFE_NO_PAD.encode(br#"{"sub":"boss","exp":99999,"iss":"local"}"#);
        assert_eq!(verifier.verify(&parts.join("."), 10), Err(TokenProblem::Invalid), "altered claims");
        assert_eq!(verifier.verify("not a token", 10), Err(TokenProblem::Invalid));
        let mut foreign = claims("aigerim", 1_000);
        foreign.iss = Some("elsewhere".into());
        assert_eq!(verifier.verify(&key.issue(&foreign).unwrap(), 10), Err(TokenProblem::WrongParty));
    }

    #[test]
    fn key_files_round_trip_and_shared_secrets_are_refused() {
        let key = SigningKey::generate().unwrap();
        let dir = std::env::temp_dir().join(format!("reglament-key-{}", std::process::id()));
        let _ = std::fs::remove_file(&dir);
        write_private(&dir, &key.to_file()).unwrap();
        let again = SigningKey::read(&dir).unwrap();
        assert_eq!(again.jwks(), key.jwks());
        let _ = std::fs::remove_file(&dir);
        let hs = r#"{"keys":[{"kty":"oct","k":"c2VjcmV0","alg":"HS256"}]}"#;
        assert!(Verifier::from_jwks(hs, None, None).unwrap_err().contains("shared secrets"));
        let no_alg = r#"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA"}]}"#;
        assert!(Verifier::from_jwks(no_alg, None, None).unwrap_err().contains("alg"));
    }
}
