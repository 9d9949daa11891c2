//! Reglament's services over HTTP: `reglament serve`.
//!
//! - a JSON API ([`api`]) over every generated regulation: regulations,
//!   channels and forms (each form's JSON Schema), starting a case with an
//!   application, advancing it (the responsible participant only; branches
//!   in the document's words), timelines, overdue cases, "my tasks"; an
//!   OpenAPI 3 document ([`openapi`]); errors as RFC 9457 problems in
//!   Russian, Kazakh or English ([`problem`]);
//! - people and roles ([`auth`], [`config`]): bearer tokens verified against
//!   a JWKS, officers mapped to participants per regulation and region,
//!   citizens on their own cases; the journal records the person and the
//!   role; the server's clock is the time ([`clock`]);
//! - a web desk ([`desk`]), server-rendered, in Russian and Kazakh;
//! - timers that fire ([`worker`]): steps that fall due become escalations
//!   in an outbox, delivered to a webhook with retries, once;
//! - the store: SQLite (embedded) or PostgreSQL ([`pg`]), behind the
//!   engine's [`CaseStore`].
//!
//! The engine stays a library without HTTP: this crate embeds it.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod clock;
pub mod config;
pub mod desk;
pub mod openapi;
pub mod pg;
pub mod pool;
pub mod problem;
pub mod serve;
pub mod views;
pub mod worker;

use std::sync::Arc;

use axum::http::{header, HeaderMap};
use reglament_engine::{CaseStore, Engine, Lang};
use reglament_runtime::{ParticipantKind, RegulationSpec};

use crate::auth::{SigningKey, TokenProblem, Verifier};
use crate::clock::Clock;
use crate::config::{Config, Officer};
use crate::pool::Pool;
use crate::problem::{Own, Problem};

/// An engine over whichever store the configuration names.
pub type AnyEngine = Engine<Box<dyn CaseStore>>;

/// Everything a request needs: the configuration, the keys, the clock and
/// the engines.
pub struct Service {
    /// The configuration.
    pub config: Config,
    /// Verifies tokens.
    pub verifier: Verifier,
    /// The time.
    pub clock: Arc<dyn Clock>,
    /// The engines, one per store connection.
    pub pool: Arc<Pool>,
    /// Demo mode's signing key: the desk's sign-in page issues tokens with it.
    pub demo: Option<SigningKey>,
    /// On PostgreSQL, the loop that seals committed journal entries into
    /// the chain ([`pg::Sealer`]); SQLite chains each entry as it commits.
    pub sealer: Option<pg::Sealer>,
}

/// The desk's cookie that holds the caller's token.
pub const TOKEN_COOKIE: &str = "reglament_token";

/// Who is calling.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The token's subject.
    pub subject: String,
    /// The name shown and recorded with disclosures.
    pub name: String,
    /// Their configuration, when they are an officer.
    pub officer: Option<Officer>,
}

impl Caller {
    /// Whether the caller is a citizen (no officer entry).
    pub fn is_citizen(&self) -> bool {
        self.officer.is_none()
    }

    /// The participants the caller acts as in `regulation`: an officer's
    /// grants, or for a citizen the regulation's applicant participants.
    pub fn roles(&self, regulation: &RegulationSpec) -> Vec<&'static str> {
        match &self.officer {
            Some(officer) => {
                let granted: Vec<&str> = officer
                    .grants
                    .iter()
                    .filter(|g| g.covers(regulation))
                    .flat_map(|g| g.participants.iter().map(String::as_str))
                    .collect();
                regulation.participants.iter().map(|p| p.id).filter(|id| granted.contains(id)).collect()
            }
            None => {
                regulation.participants.iter().filter(|p| p.kind == ParticipantKind::Applicant).map(|p| p.id).collect()
            }
        }
    }

    /// Whether an officer holds any grant in `regulation`.
    pub fn serves(&self, regulation: &RegulationSpec) -> bool {
        self.officer.as_ref().is_some_and(|o| o.grants.iter().any(|g| g.covers(regulation)))
    }

    /// Whether the caller may see a case: an officer of its regulation, or
    /// the citizen it belongs to.
    pub fn may_see(&self, regulation: &RegulationSpec, applicant: Option<&str>) -> bool {
        match &self.officer {
            Some(_) => self.serves(regulation),
            None => applicant == Some(self.subject.as_str()),
        }
    }
}

impl Service {
    /// The caller of a request: its bearer token, or the desk's cookie.
    pub fn caller(&self, headers: &HeaderMap, lang: Lang) -> Result<Caller, Problem> {
        let token = bearer(headers).or_else(|| cookie(headers, TOKEN_COOKIE));
        let token = token.ok_or_else(|| Problem::own(Own::Token(TokenProblem::Missing), lang))?;
        let claims = self.verifier.verify(&token, self.clock.unix()).map_err(|p| Problem::own(Own::Token(p), lang))?;
        let officer = self.config.officer(&claims.sub).cloned();
        let name = officer.as_ref().map(|o| o.name.clone()).or(claims.name).unwrap_or_else(|| claims.sub.clone());
        Ok(Caller { subject: claims.sub, name, officer })
    }
}

/// The language of a request: `Accept-Language`, else `default`.
pub fn lang_of(headers: &HeaderMap, default: Lang) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or(default)
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string())
}

/// A cookie's value.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
