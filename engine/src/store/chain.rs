//! The journal as a hash chain: each entry's hash is SHA-256 over the hash
//! of the entry before it and the entry's own fields, so that editing,
//! inserting or deleting an entry anywhere but at the very end breaks every
//! hash after it. `reglament check` recomputes the chain; the hash of its
//! last entry (the head), kept outside the store, also fixes the end.
//!
//! A start entry's `detail` records what its instance row must hold — the
//! regulation, channel, edition, calendar, FLK status and a digest of the
//! stored application — so that the instance rows are covered too.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::edition::sha256_hex;

/// The hash the first entry follows.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The kind of the entry that starts a case.
pub const START: &str = "start";
/// The kind of an entry that moves a case.
pub const MOVE: &str = "move";
/// The kind of an entry that records a disclosure of personal data.
pub const DISCLOSURE: &str = "disclosure";

/// The fields of a journal entry, as hashed.
#[derive(Debug, Clone)]
pub struct ChainRow<'a> {
    /// Its place in the journal.
    pub seq: i64,
    /// The instance.
    pub instance: i64,
    /// The instance's version after it (`None` for a disclosure).
    pub version: Option<i64>,
    /// [`START`], [`MOVE`] or [`DISCLOSURE`].
    pub kind: &'a str,
    /// When, as stored.
    pub at: &'a str,
    /// Who.
    pub actor: &'a str,
    /// The action left.
    pub from: Option<u32>,
    /// The action entered.
    pub to: Option<u32>,
    /// The branch's condition.
    pub branch: Option<&'a str>,
    /// The idempotency key.
    pub key: Option<&'a str>,
    /// A start's [`StartDetail`], as stored.
    pub detail: Option<&'a str>,
    /// The person who acted in the participant's role, when the service
    /// knows people (`reglament serve`); `None` for the command line.
    pub person: Option<&'a str>,
}

/// The hash of `row` following `prev`: SHA-256 over the previous hash, a
/// line feed and the row's fields as a JSON array (unambiguous whatever the
/// fields hold). The person is a twelfth field only when there is one, so
/// that every entry written before people were recorded keeps its hash.
pub fn link(prev: &str, row: &ChainRow<'_>) -> String {
    let fields = (
        row.seq,
        row.instance,
        row.version,
        row.kind,
        row.at,
        row.actor,
        row.from,
        row.to,
        row.branch,
        row.key,
        row.detail,
    );
    let mut text = String::with_capacity(256);
    text.push_str(prev);
    text.push('\n');
    let json = match row.person {
        None => serde_json::to_string(&fields),
        Some(person) => serde_json::to_value(fields).and_then(|mut v| {
            if let serde_json::Value::Array(items) = &mut v {
                items.push(serde_json::Value::String(person.to_string()));
            }
            serde_json::to_string(&v)
        }),
    };
    text.push_str(&json.unwrap_or_default());
    sha256_hex(text.as_bytes())
}

/// What a start entry records of its instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartDetail {
    /// The regulation's id.
    pub regulation: String,
    /// The channel's id.
    pub channel: String,
    /// The digest of the edition's snapshot (`None` before version 3).
    pub edition: Option<String>,
    /// The digest of the calendar data (`None` before version 3).
    pub calendar: Option<String>,
    /// The FLK status, as stored.
    pub flk: Option<String>,
    /// Whether the case replays history under a repealed regulation.
    pub replayed: bool,
    /// SHA-256 of the stored application ([`application_bytes`]).
    pub application: String,
    /// Whose case it is: the person (a citizen's subject) it was started
    /// for, when the service knows people. Absent from older details, so
    /// their hashes stay what they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<String>,
}

impl StartDetail {
    /// The detail as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The bytes of a stored application that its digest covers, its storage
/// class included: clear JSON and a sealed value never hash alike.
pub fn application_bytes(value: &Value) -> Vec<u8> {
    match value {
        Value::Text(text) => [b"text:".as_slice(), text.as_bytes()].concat(),
        Value::Blob(bytes) => [b"blob:".as_slice(), bytes].concat(),
        Value::Null => b"null".to_vec(),
        Value::Integer(n) => format!("integer:{n}").into_bytes(),
        Value::Real(x) => format!("real:{x}").into_bytes(),
    }
}

/// The digest a start records of an application kept in clear (a store
/// without a key), as [`application_bytes`] computes it for text.
pub fn clear_application_digest(json: &str) -> String {
    sha256_hex(&application_bytes(&Value::Text(json.to_string())))
}

/// The digest a start records of a sealed application, as
/// [`application_bytes`] computes it for a blob.
pub fn sealed_application_digest(sealed: &[u8]) -> String {
    sha256_hex(&application_bytes(&Value::Blob(sealed.to_vec())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of `row("mio")` after the genesis, as version 3 stores wrote it.
    const PINNED: &str = "da7880450f4993296a47aa5153dfdc9a95d3849773c14668c565ad21298d20f0";

    fn row(actor: &str) -> ChainRow<'_> {
        ChainRow {
            seq: 1,
            instance: 1,
            version: Some(1),
            kind: START,
            at: "2024-03-15T10:00:00",
            actor,
            from: None,
            to: Some(1),
            branch: None,
            key: None,
            detail: None,
            person: None,
        }
    }

    #[test]
    fn every_field_and_the_previous_hash_count() {
        let a = link(GENESIS, &row("mio"));
        assert_eq!(a.len(), 64);
        assert_eq!(a, link(GENESIS, &row("mio")), "deterministic");
        assert_ne!(a, link(GENESIS, &row("is_mio")));
        assert_ne!(a, link(&a, &row("mio")));
        // Fields cannot run into each other: a branch that looks like a key is not a key.
        let mut x = row("mio");
        x.branch = Some("k");
        let mut y = row("mio");
        y.key = Some("k");
        assert_ne!(link(GENESIS, &x), link(GENESIS, &y));
        // A person is hashed too, and an entry without one hashes as before.
        let mut z = row("mio");
        z.person = Some("aigerim");
        assert_ne!(link(GENESIS, &z), a);
        assert_eq!(a, PINNED, "an entry without a person hashes as it did before people were recorded: {a}");
    }
}
