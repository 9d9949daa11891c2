//! The service's integration tests, in one binary: the `reglament` command
//! line, the HTTP API, the desk, the escalation worker, and the store
//! conformance suite run against SQLite and PostgreSQL.

mod abuse;
mod api;
mod browser;
mod cli;
mod common;
mod conformance;
mod desk;
mod escalations;
mod harness;
mod openapi;
mod replicas;
mod sealing;
mod tools;
