//! Timers that fire: a worker looks at the open cases every so often,
//! records an escalation in the store's outbox for each step (and each
//! service) that fell due, and delivers what the outbox holds to the
//! configured webhook, retrying with growing pauses.
//!
//! Several replicas may run the worker on one store: an escalation is
//! recorded once (the store keys it by case, version and kind) and each
//! delivery is claimed by one replica for a lease, so each escalation is
//! posted once. A replica that dies between the webhook's answer and
//! marking the delivery leaves it to be posted again after the lease: the
//! webhook gets each escalation's id (`Idempotency-Key: escalation-N`) to
//! recognise it.

use std::sync::Arc;
use std::time::Duration;

use reglament_engine::{EscalationKind, NewEscalation, OverdueRow};
use serde_json::json;

use crate::api::Fail;
use crate::Service;

/// What one round of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Escalations recorded now.
    pub noticed: usize,
    /// Escalations delivered now.
    pub delivered: usize,
    /// Deliveries that failed now (to be retried).
    pub failed: usize,
}

/// The most escalations one round delivers.
const BATCH: usize = 50;

/// Runs the worker until the process ends.
pub async fn run(service: Arc<Service>) {
    let every = service.config.worker.every_secs;
    if every == 0 {
        return;
    }
    loop {
        if let Err(fail) = round(&service).await {
            eprintln!("worker: {}", fail.problem(reglament_engine::Lang::En).detail);
        }
        tokio::time::sleep(Duration::from_secs(every)).await;
    }
}

/// One round: notice what fell due, then deliver what waits.
pub async fn round(service: &Arc<Service>) -> Result<Round, Fail> {
    let noticed = notice(service).await?;
    let (delivered, failed) = deliver(service).await?;
    Ok(Round { noticed, delivered, failed })
}

/// Records an escalation for every step and service past due now.
pub async fn notice(service: &Service) -> Result<usize, Fail> {
    let now = service.clock.now();
    let unix = service.clock.unix();
    let recorded = service
        .pool
        .run(move |engine| {
            let report = engine.open_cases(now)?;
            let mut new = 0;
            for row in &report.rows {
                for escalation in escalations(row, now) {
                    if engine.store_mut().record_escalation(&escalation, unix)? {
                        new += 1;
                    }
                }
            }
            Ok(new)
        })
        .await?;
    Ok(recorded)
}

/// The escalations a case's row calls for: its current step once per step
/// entered (the case's version), its whole service once.
fn escalations(row: &OverdueRow, now: reglament_runtime::LocalDateTime) -> Vec<NewEscalation> {
    let i = &row.instance;
    let mut out = Vec::new();
    let mut add = |kind: EscalationKind, version: i64, due: reglament_runtime::LocalDateTime| {
        let payload = json!({
            "instance": i.id, "regulation": i.regulation, "channel": i.channel, "kind": kind.as_str(),
            "action": row.action.number, "responsible": row.action.participant, "due": due.to_string(),
            "late_seconds": now.seconds_since(due), "noticed_at": now.to_string(),
        });
        out.push(NewEscalation {
            instance: i.id,
            version,
            kind,
            action: row.action.number,
            due,
            payload: payload.to_string(),
        });
    };
    if let (Some(_), Some(due)) = (row.step_late, &row.step_due) {
        add(EscalationKind::Step, i.version, due.at);
    }
    if let (Some(_), Some(due)) = (row.service_late, row.service_due) {
        add(EscalationKind::Service, 0, due);
    }
    out
}

/// Claims waiting escalations and posts each to the webhook.
pub async fn deliver(service: &Service) -> Result<(usize, usize), Fail> {
    let Some(webhook) = service.config.webhook.clone() else { return Ok((0, 0)) };
    let unix = service.clock.unix();
    let lease = service.config.worker.lease_secs;
    let claimed = service.pool.run(move |engine| Ok(engine.store_mut().claim_escalations(unix, lease, BATCH)?)).await?;
    let (mut delivered, mut failed) = (0, 0);
    for escalation in claimed {
        let url = webhook.url.clone();
        let timeout = Duration::from_secs(webhook.timeout_secs.unwrap_or(10));
        let payload = escalation.payload.clone();
        let id = escalation.id;
        let sent = tokio::task::spawn_blocking(move || post(&url, id, &payload, timeout))
            .await
            .unwrap_or_else(|_| Err("the delivery failed".to_string()));
        let now = service.clock.unix();
        match sent {
            Ok(()) => {
                service.pool.run(move |engine| Ok(engine.store_mut().escalation_delivered(id, now)?)).await?;
                delivered += 1;
            }
            Err(error) => {
                let retry_at = now + backoff(escalation.attempts);
                service.pool.run(move |engine| Ok(engine.store_mut().escalation_failed(id, retry_at, &error)?)).await?;
                failed += 1;
            }
        }
    }
    Ok((delivered, failed))
}

/// Seconds to wait before the next try after `attempts` tries: 10 s,
/// doubling, at most an hour.
pub fn backoff(attempts: u32) -> i64 {
    (10i64 << attempts.min(9)).min(3600)
}

fn post(url: &str, id: i64, payload: &str, timeout: Duration) -> Result<(), String> {
    let config = ureq::Agent::config_builder().timeout_global(Some(timeout)).http_status_as_error(true).build();
    let agent: ureq::Agent = config.into();
    agent
        .post(url)
        .header("content-type", "application/json")
        .header("idempotency-key", &format!("escalation-{id}"))
        .send(payload)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(backoff(0), 10);
        assert_eq!(backoff(1), 20);
        assert_eq!(backoff(5), 320);
        assert_eq!(backoff(20), 3600);
    }
}
