//! A service under test: a configuration with two officers, a fresh store
//! (SQLite, or PostgreSQL when asked), a local signing key, and a clock the
//! test moves. Requests go through the router in memory, or over TCP.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use reglament_runtime::LocalDateTime;
use reglament_server::auth::{Claims, SigningKey};
use reglament_server::clock::{Clock, ManualClock};
use reglament_server::config::Config;
use reglament_server::Service;
use serde_json::Value;
use tower::ServiceExt;

/// The archive certificates regulation (kk): no form; its authority
/// channel `qyzmet_berushi` is worked by officers and branches twice.
pub const ARCHIVE_KK: &str = "muragattyq_anyqtamalar_beru";
/// The preschool queue (ru): an FLK form.
pub const PRESCHOOL: &str = "postanovka_na_ochered_doshkolnikov";
/// A valid application for the preschool form.
pub const GOOD_APPLICATION: &str = r#"{"iin": "920101300010", "postal_code": "010000", "phone": "+77011234567"}"#;

/// A service and what the test needs to drive it.
pub struct Harness {
    /// The service.
    pub service: Arc<Service>,
    /// The clock.
    pub clock: ManualClock,
    /// Signs tokens the service trusts.
    pub key: SigningKey,
}

/// A fresh, empty folder under Cargo's test temp dir.
pub fn folder(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("server-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The configuration of the tests: `store` is its `[store]` line.
pub fn config_text(store: &str, extra: &str) -> String {
    format!(
        r#"replay_history = true
listen = "127.0.0.1:0"
[store]
{store}
key_file = "store.key"
[auth]
jwks = "jwks.json"
issuer = "test-idp"
[limits]
body_bytes = 4096
body_secs = 1
[worker]
every_secs = 0
lease_secs = 60

[[officers]]
subject = "aigerim"
name = "Айгерім"
grants = [
  {{ regulation = "{ARCHIVE_KK}", participants = ["qyzmet_berushi", "qyzmet_berushi_azho", "zht_mdb_zt_mdb"] }},
  {{ regulation = "{PRESCHOOL}", participants = ["con", "is_con", "mio", "is_mio"] }},
]

[[officers]]
subject = "bolat"
name = "Болат"
grants = [{{ regulation = "{PRESCHOOL}", participants = ["mio"] }}]
{extra}"#
    )
}

impl Harness {
    /// A service on a new SQLite store, at 15 March 2024, 10:00.
    pub fn sqlite(name: &str) -> Harness {
        Harness::with(name, r#"sqlite = "store.db""#, "")
    }

    /// A service with this `[store]` line and more configuration.
    pub fn with(name: &str, store: &str, extra: &str) -> Harness {
        let dir = folder(name);
        Harness::in_folder(dir, store, extra, None)
    }

    /// A service in `dir`, reusing its keys when they are there (a second
    /// replica of the same service).
    pub fn in_folder(dir: PathBuf, store: &str, extra: &str, clock: Option<ManualClock>) -> Harness {
        let key_path = dir.join("signing.json");
        let key = match SigningKey::read(&key_path) {
            Ok(key) => key,
            Err(_) => {
                let key = SigningKey::generate().unwrap();
                std::fs::write(&key_path, key.to_file()).unwrap();
                std::fs::write(dir.join("jwks.json"), key.jwks()).unwrap();
                std::fs::write(dir.join("store.key"), reglament_engine::Key::generate().to_hex()).unwrap();
                key
            }
        };
        let config = Config::parse(&config_text(store, extra), &dir).unwrap();
        let clock = clock.unwrap_or_else(|| ManualClock::at(t("2024-03-15T10:00")));
        let shared: Arc<dyn Clock> = Arc::new(clock.clone());
        let service = reglament_server::serve::build(config, shared).unwrap();
        Harness { service, clock, key }
    }

    /// The router.
    pub fn app(&self) -> Router {
        reglament_server::api::router(Arc::clone(&self.service))
    }

    /// A token for `sub`, valid for eight hours from the clock's now.
    pub fn token(&self, sub: &str) -> String {
        let now = self.clock.unix();
        self.key
            .issue(&Claims {
                sub: sub.into(),
                name: None,
                exp: now + 8 * 3600,
                iat: now,
                iss: Some("test-idp".into()),
                aud: None,
            })
            .unwrap()
    }

    /// Sends a request; returns the status, the headers and the body as JSON
    /// (or as a string when it is not JSON).
    pub async fn call(&self, request: Request<Body>) -> Answer {
        let response = self.app().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = serde_json::from_str(&text).unwrap_or(Value::String(text.clone()));
        Answer { status, headers, json, text }
    }

    /// GET with a token.
    pub async fn get(&self, uri: &str, token: Option<&str>) -> Answer {
        self.call(request("GET", uri, token, None)).await
    }

    /// POST JSON with a token.
    pub async fn post(&self, uri: &str, token: Option<&str>, body: &str) -> Answer {
        self.call(request("POST", uri, token, Some(body))).await
    }
}

/// A request with a bearer token and a JSON body.
pub fn request(method: &str, uri: &str, token: Option<&str>, body: Option<&str>) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        builder = builder.header("authorization", format!("Bearer {token}"));
    }
    match body {
        Some(body) => builder.header("content-type", "application/json").body(Body::from(body.to_string())).unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

/// An answer.
#[derive(Debug)]
pub struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: axum::http::HeaderMap,
    /// The body as JSON.
    pub json: Value,
    /// The body as text.
    pub text: String,
}

impl Answer {
    /// Checks a problem: its status, its code, its content type.
    pub fn problem(&self, status: u16, code: &str) -> &Answer {
        assert_eq!(self.status.as_u16(), status, "{}", self.text);
        assert_eq!(self.json["code"], code, "{}", self.text);
        assert_eq!(self.json["status"], status, "{}", self.text);
        assert_eq!(self.headers["content-type"], "application/problem+json", "{}", self.text);
        assert!(self.json["title"].as_str().is_some_and(|t| !t.is_empty()), "{}", self.text);
        assert!(self.json["detail"].as_str().is_some_and(|t| !t.is_empty()), "{}", self.text);
        self
    }
}

/// A local time.
pub fn t(text: &str) -> LocalDateTime {
    LocalDateTime::parse(text).unwrap()
}
