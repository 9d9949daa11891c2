//! Timers that fire: the worker notices steps and services that fell due,
//! records each once in the outbox, and delivers each to the webhook once,
//! retrying after failures — with two replicas on one store too.

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use reglament_server::worker;
use serde_json::Value;

use crate::harness::{folder, Harness, GOOD_APPLICATION, PRESCHOOL};

/// A webhook on the loopback: records what it receives; fails the first
/// `failures` posts.
pub struct Hook {
    /// Its URL.
    pub url: String,
    /// The bodies received, with their idempotency keys.
    pub received: Arc<Mutex<Vec<(String, Value)>>>,
}

/// Starts a webhook.
pub async fn hook(failures: usize) -> Hook {
    let received: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    let left = Arc::new(Mutex::new(failures));
    let kept = Arc::clone(&received);
    let app = Router::new().route(
        "/hook",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let kept = Arc::clone(&kept);
            let left = Arc::clone(&left);
            async move {
                let mut left = left.lock().unwrap();
                if *left > 0 {
                    *left -= 1;
                    return StatusCode::SERVICE_UNAVAILABLE;
                }
                let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
                kept.lock().unwrap().push((key, serde_json::from_str(&body).unwrap_or(Value::Null)));
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Hook { url, received }
}

fn webhook(url: &str) -> String {
    format!("[webhook]\nurl = \"{url}\"\ntimeout_secs = 5\n")
}

async fn start_preschool(h: &Harness) -> i64 {
    let token = h.token("aigerim");
    let body = format!(r#"{{"regulation": "{PRESCHOOL}", "channel": "mio", "application": {GOOD_APPLICATION}}}"#);
    let answer = h.post("/api/cases", Some(&token), &body).await;
    answer.json["id"].as_i64().unwrap_or_else(|| panic!("{}", answer.text))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overdue_steps_are_escalated_once_and_retried_until_delivered() {
    let hook = hook(1).await;
    let h = Harness::with("escalations-once", r#"sqlite = "store.db""#, &webhook(&hook.url));
    let case = start_preschool(&h).await;
    // Not yet due: nothing to escalate.
    assert_eq!(worker::round(&h.service).await.unwrap(), worker::Round::default());
    // 10:30: the step (due 10:10) is late; the service (due 10:39) not yet.
    h.clock.set(crate::harness::t("2024-03-15T10:30"));
    let first = worker::round(&h.service).await.unwrap();
    assert_eq!((first.noticed, first.delivered, first.failed), (1, 0, 1), "the webhook failed once");
    // Retried only after its pause; a round before that sends nothing.
    assert_eq!(worker::round(&h.service).await.unwrap().delivered, 0);
    h.clock.advance(worker::backoff(0));
    let second = worker::round(&h.service).await.unwrap();
    assert_eq!((second.noticed, second.delivered), (0, 1), "noticed once, delivered on the retry");
    {
        let received = hook.received.lock().unwrap();
        assert_eq!(received.len(), 1);
        let (key, body) = &received[0];
        assert!(key.starts_with("escalation-"), "{key}");
        assert_eq!(
            (body["instance"].as_i64(), body["kind"].as_str(), body["action"].as_i64()),
            (Some(case), Some("step"), Some(1))
        );
        assert_eq!(body["due"], "2024-03-15T10:10:00");
        assert!(!body.to_string().contains("920101300010"), "no personal data: {body}");
    }
    // 10:40: the whole service is late too: one more, once.
    h.clock.set(crate::harness::t("2024-03-15T10:40"));
    assert_eq!(worker::round(&h.service).await.unwrap().delivered, 1);
    assert_eq!(worker::round(&h.service).await.unwrap(), worker::Round::default());
    let kinds: Vec<String> =
        hook.received.lock().unwrap().iter().map(|(_, b)| b["kind"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(kinds, ["step", "service"]);
    let outbox = h.service.pool.run(|e| Ok(e.store().escalations()?)).await.unwrap();
    assert!(outbox.iter().all(|r| r.delivered.is_some()) && outbox[0].escalation.attempts == 2, "{outbox:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_store_deliver_each_escalation_once() {
    let hook = hook(0).await;
    let dir = folder("escalations-replicas");
    let extra = webhook(&hook.url);
    let a = Harness::in_folder(dir.clone(), r#"sqlite = "store.db""#, &extra, None);
    let b = Harness::in_folder(dir, r#"sqlite = "store.db""#, &extra, Some(a.clock.clone()));
    for _ in 0..6 {
        start_preschool(&a).await;
    }
    a.clock.set(crate::harness::t("2024-03-15T11:00"));
    // Both replicas' workers run at once, several rounds each.
    let (sa, sb) = (Arc::clone(&a.service), Arc::clone(&b.service));
    let ra = tokio::spawn(async move {
        let mut total = worker::Round::default();
        for _ in 0..3 {
            let r = worker::round(&sa).await.unwrap();
            total.noticed += r.noticed;
            total.delivered += r.delivered;
        }
        total
    });
    let rb = tokio::spawn(async move {
        let mut total = worker::Round::default();
        for _ in 0..3 {
            let r = worker::round(&sb).await.unwrap();
            total.noticed += r.noticed;
            total.delivered += r.delivered;
        }
        total
    });
    let (ra, rb) = (ra.await.unwrap(), rb.await.unwrap());
    // Six cases, each with a late step and a late service: twelve, once each.
    assert_eq!(ra.noticed + rb.noticed, 12, "{ra:?} {rb:?}");
    assert_eq!(ra.delivered + rb.delivered, 12, "{ra:?} {rb:?}");
    let mut keys: Vec<String> = hook.received.lock().unwrap().iter().map(|(k, _)| k.clone()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 12, "each escalation was posted once");
}
