//! The service's configuration: one TOML file an operator writes. It says
//! where the store is, which keys verify tokens, who is who — which people
//! act as which participants (roles) of which regulations, in which regions
//! —, where escalations go, and the limits of requests.
//!
//! ```toml
//! listen = "127.0.0.1:8080"
//! replay_history = false
//!
//! [store]
//! sqlite = "reglament.db"            # or: postgres = "host=/tmp user=reglament dbname=reglament"
//! key_file = "reglament.key"         # seals applications (reglament keygen)
//!
//! [auth]
//! jwks = "jwks.json"                 # the identity provider's published keys
//! issuer = "https://idp.example"     # checked when given
//! audience = "reglament"             # checked when given
//!
//! [[officers]]
//! subject = "aigerim"                # the token's `sub`
//! name = "Айгерім Сейтқали"
//! grants = [{ regulation = "muragattyq_anyqtamalar_beru", participants = ["kyzmet_berushi"] }]
//!
//! [webhook]
//! url = "http://127.0.0.1:9000/escalations"
//! ```
//!
//! Everyone with a valid token who is not an officer is a citizen: a
//! citizen acts only as a channel's applicant, on their own cases.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use reglament_runtime::RegulationSpec;
use serde::Deserialize;

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where to listen.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// Let repealed regulations start cases, each recorded as replaying history.
    #[serde(default)]
    pub replay_history: bool,
    /// The store.
    pub store: StoreConfig,
    /// Token verification.
    pub auth: AuthConfig,
    /// The officers and their roles.
    #[serde(default)]
    pub officers: Vec<Officer>,
    /// Where escalations are delivered.
    #[serde(default)]
    pub webhook: Option<WebhookConfig>,
    /// Limits of requests.
    #[serde(default)]
    pub limits: Limits,
    /// The escalation worker.
    #[serde(default)]
    pub worker: WorkerConfig,
    /// The officers' web desk.
    #[serde(default)]
    pub desk: DeskConfig,
    /// Demo mode: the desk's sign-in page offers every officer and a citizen
    /// with a token issued from the local key. Never in production.
    #[serde(default)]
    pub demo: Option<DemoConfig>,
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}

/// Where cases are kept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    /// An SQLite file (created when missing): the embedded store.
    #[serde(default)]
    pub sqlite: Option<PathBuf>,
    /// A PostgreSQL connection string (`host=… user=… dbname=…` or a URL).
    #[serde(default)]
    pub postgres: Option<String>,
    /// The key that seals applications (`reglament keygen`).
    pub key_file: PathBuf,
    /// Connections to the store, each serving one request at a time
    /// (default: 2 for SQLite, which has one writer anyway; 8 for PostgreSQL).
    #[serde(default)]
    pub connections: Option<usize>,
    /// SQLite only: `full` (the default: every commit survives a power
    /// failure) or `normal` (synced at checkpoints).
    #[serde(default)]
    pub durability: Option<String>,
}

/// How bearer tokens are verified.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    /// A JWKS file: the public keys tokens are signed with.
    pub jwks: PathBuf,
    /// The issuer (`iss`) tokens must name, if given.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The audience (`aud`) tokens must name, if given.
    #[serde(default)]
    pub audience: Option<String>,
}

/// An officer: a person who acts as participants of regulations.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    /// The token's subject (`sub`).
    pub subject: String,
    /// The name shown on the desk and recorded with disclosures.
    pub name: String,
    /// What they may do.
    pub grants: Vec<Grant>,
}

/// A role: participants of a regulation, optionally in one region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// The regulation's id.
    pub regulation: String,
    /// The participant ids the officer acts as (`mio`, `kyzmet_berushi`, …).
    pub participants: Vec<String>,
    /// The region, when the grant holds only for the regulation's edition of
    /// one region (a regulation's `region`).
    #[serde(default)]
    pub region: Option<String>,
}

impl Grant {
    /// Whether the grant covers `regulation`.
    pub fn covers(&self, regulation: &RegulationSpec) -> bool {
        self.regulation == regulation.id && self.region.as_deref().is_none_or(|r| regulation.region == Some(r))
    }
}

/// The webhook escalations are posted to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// Its URL (`http://…`).
    pub url: String,
    /// Seconds to wait for an answer (default 10).
    #[serde(default)]
    pub timeout_secs: Option<u64>,
}

/// Limits that keep one client from hurting the others.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The largest request body, in bytes (default 256 KiB).
    #[serde(default = "default_body")]
    pub body_bytes: usize,
    /// Seconds a client may take to send a request's body (default 10).
    #[serde(default = "default_body_secs")]
    pub body_secs: u64,
    /// Seconds a client may take to send a request's headers (default 10);
    /// the connection is closed when they run out.
    #[serde(default = "default_body_secs")]
    pub header_secs: u64,
}

fn default_body() -> usize {
    256 * 1024
}

fn default_body_secs() -> u64 {
    10
}

impl Default for Limits {
    fn default() -> Self {
        Limits { body_bytes: default_body(), body_secs: default_body_secs(), header_secs: default_body_secs() }
    }
}

/// The officers' web desk.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskConfig {
    /// Whether the sign-in cookie is marked `Secure` (sent over HTTPS only).
    /// By default it is, unless the service listens on a loopback address
    /// (a developer's machine, the demo), where browsers are served over
    /// plain HTTP; behind a TLS-terminating proxy it always is.
    #[serde(default)]
    pub secure_cookies: Option<bool>,
}

/// The escalation worker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerConfig {
    /// Seconds between looks at what fell due (default 30; 0: no worker).
    #[serde(default = "default_every")]
    pub every_secs: u64,
    /// Seconds a claimed escalation is held by one replica (default 60).
    #[serde(default = "default_lease")]
    pub lease_secs: i64,
}

fn default_every() -> u64 {
    30
}

fn default_lease() -> i64 {
    60
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig { every_secs: default_every(), lease_secs: default_lease() }
    }
}

/// Demo mode.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoConfig {
    /// The local signing key (`reglament token keygen`).
    pub signing_key: PathBuf,
    /// The citizen the sign-in page offers.
    #[serde(default = "default_citizen")]
    pub citizen: String,
}

fn default_citizen() -> String {
    "citizen-920101300010".to_string()
}

/// Why a configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Whether the desk's sign-in cookie is `Secure` (see [`DeskConfig`]).
    pub fn secure_cookies(&self) -> bool {
        self.desk.secure_cookies.unwrap_or(!self.listen.ip().is_loopback())
    }

    /// Reads a configuration file; relative paths in it are taken from the
    /// file's folder.
    pub fn read(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError(format!("cannot read the configuration {}: {e}", path.display())))?;
        let base = path.parent().unwrap_or(Path::new("."));
        Config::parse(&text, base).map_err(|e| ConfigError(format!("{}: {e}", path.display())))
    }

    /// Reads a configuration's text, checking it whole.
    pub fn parse(text: &str, base: &Path) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        config.check()?;
        config.resolve(base);
        Ok(config)
    }

    fn check(&self) -> Result<(), ConfigError> {
        match (&self.store.sqlite, &self.store.postgres) {
            (Some(_), Some(_)) => return Err(ConfigError("[store] names both sqlite and postgres: choose one".into())),
            (None, None) => {
                return Err(ConfigError("[store] names no store: give sqlite = FILE or postgres = URL".into()))
            }
            _ => {}
        }
        if !matches!(self.store.durability.as_deref(), None | Some("full" | "normal")) {
            return Err(ConfigError("[store] durability is `full` or `normal`".into()));
        }
        let registry = reglament_engine::Registry::default();
        for officer in &self.officers {
            for grant in &officer.grants {
                let regulation = registry
                    .regulation(&grant.regulation)
                    .map_err(|e| ConfigError(format!("officer `{}`: {e}", officer.subject)))?;
                for participant in &grant.participants {
                    if !regulation.participants.iter().any(|p| p.id == participant) {
                        let known: Vec<&str> = regulation.participants.iter().map(|p| p.id).collect();
                        return Err(ConfigError(format!(
                            "officer `{}`: regulation `{}` has no participant `{participant}`; its participants: {}",
                            officer.subject,
                            regulation.id,
                            known.join(", ")
                        )));
                    }
                }
            }
        }
        let mut subjects: Vec<&str> = self.officers.iter().map(|o| o.subject.as_str()).collect();
        subjects.sort_unstable();
        if let Some(twice) = subjects.windows(2).find(|w| w[0] == w[1]) {
            return Err(ConfigError(format!("officer `{}` is listed twice", twice[0])));
        }
        Ok(())
    }

    fn resolve(&mut self, base: &Path) {
        let at = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        if let Some(p) = &mut self.store.sqlite {
            at(p);
        }
        at(&mut self.store.key_file);
        at(&mut self.auth.jwks);
        if let Some(demo) = &mut self.demo {
            at(&mut demo.signing_key);
        }
    }

    /// The officer with this subject, if there is one.
    pub fn officer(&self, subject: &str) -> Option<&Officer> {
        self.officers.iter().find(|o| o.subject == subject)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"
[store]
sqlite = "s.db"
key_file = "k"
[auth]
jwks = "j.json"
"#;

    #[test]
    fn a_configuration_is_checked_whole_and_its_paths_are_taken_from_its_folder() {
        let config = Config::parse(BASE, Path::new("/etc/reglament")).unwrap();
        assert_eq!(config.store.sqlite.as_deref(), Some(Path::new("/etc/reglament/s.db")));
        assert_eq!(config.auth.jwks, Path::new("/etc/reglament/j.json"));
        assert_eq!(config.limits.body_bytes, 256 * 1024);
        let both = BASE.replace("sqlite = \"s.db\"", "sqlite = \"s.db\"\npostgres = \"host=x\"");
        assert!(Config::parse(&both, Path::new(".")).unwrap_err().0.contains("choose one"));
        let unknown = format!("{BASE}\ncolour = 1");
        assert!(Config::parse(&unknown, Path::new(".")).is_err());
        let officer =
            |grants: &str| format!("{BASE}\n[[officers]]\nsubject = \"a\"\nname = \"A\"\ngrants = [{grants}]\n");
        let wrong = officer(r#"{ regulation = "postanovka_na_ochered_doshkolnikov", participants = ["boss"] }"#);
        let e = Config::parse(&wrong, Path::new(".")).unwrap_err().0;
        assert!(e.contains("no participant `boss`") && e.contains("mio"), "{e}");
        let nowhere = officer(r#"{ regulation = "nope", participants = ["mio"] }"#);
        assert!(Config::parse(&nowhere, Path::new(".")).unwrap_err().0.contains("unknown regulation `nope`"));
        let twice =
            format!("{}{}", officer("").as_str(), "[[officers]]\nsubject = \"a\"\nname = \"A2\"\ngrants = []\n");
        assert!(Config::parse(&twice, Path::new(".")).unwrap_err().0.contains("listed twice"));
    }

    #[test]
    fn the_sign_in_cookie_is_secure_unless_served_on_the_loopback() {
        let at = |listen: &str| format!("listen = \"{listen}\"\n{BASE}");
        let local = Config::parse(&at("127.0.0.1:8080"), Path::new(".")).unwrap();
        assert!(!local.secure_cookies(), "the demo on a developer's machine is plain HTTP");
        assert!(Config::parse(&at("0.0.0.0:8080"), Path::new(".")).unwrap().secure_cookies());
        assert!(Config::parse(&at("[::1]:8080"), Path::new(".")).is_ok_and(|c| !c.secure_cookies()));
        let told = format!("{}\n[desk]\nsecure_cookies = false\n", at("0.0.0.0:8080"));
        assert!(!Config::parse(&told, Path::new(".")).unwrap().secure_cookies());
    }

    #[test]
    fn a_grant_with_a_region_covers_that_regions_regulation_only() {
        let registry = reglament_engine::Registry::default();
        let regulation = registry.regulation("postanovka_na_ochered_doshkolnikov").unwrap();
        let grant = |region: Option<&str>| Grant {
            regulation: regulation.id.to_string(),
            participants: vec!["mio".into()],
            region: region.map(str::to_string),
        };
        assert!(grant(None).covers(regulation));
        let own = regulation.region.map(str::to_string);
        assert!(grant(own.as_deref()).covers(regulation), "its own region");
        assert!(!grant(Some("Атлантида")).covers(regulation), "another region's grant");
        let other = registry.regulation("vydacha_arhivnyh_spravok").unwrap();
        assert!(!grant(None).covers(other), "another regulation");
    }
}
