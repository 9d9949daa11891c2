//! Scale-out: two `serve` replicas on one PostgreSQL database, each on its
//! own port, with concurrent clients advancing the same case and different
//! cases through both: no lost update, no double advance, one hash chain;
//! and both replicas' workers deliver every escalation once.

use std::net::SocketAddr;
use std::sync::Arc;

use serde_json::{json, Value};

use crate::abuse::{http, listen};
use crate::escalations::hook;
use crate::harness::{folder, Harness, ARCHIVE_KK, GOOD_APPLICATION, PRESCHOOL};
use crate::tools;

/// Two replicas of one service on the database `url`, sharing a clock.
async fn replicas(name: &str, url: &str, extra: &str) -> (Harness, Harness) {
    let dir = folder(name);
    let store = format!("postgres = \"{url}\"");
    let extra = extra.to_string();
    // The PostgreSQL client blocks: build the services off the async threads.
    tokio::task::spawn_blocking(move || {
        let a = Harness::in_folder(dir.clone(), &store, &extra, None);
        let b = Harness::in_folder(dir, &store, &extra, Some(a.clock.clone()));
        (a, b)
    })
    .await
    .unwrap()
}

/// Takes the next step of a case through `address`: the only way on, the
/// "no violations" branch, or the end. Returns the status, or `None` when
/// the case has ended.
fn step(address: SocketAddr, token: &str, case: i64) -> Option<u16> {
    let (status, body) = http("GET", &format!("http://{address}/api/cases/{case}"), Some(token), None);
    assert_eq!(status, 200, "{body}");
    let view: Value = serde_json::from_str(&body).unwrap();
    if view["status"] == "finished" {
        return None;
    }
    let next = view["next"].as_array().cloned().unwrap_or_default();
    let choice = match next.iter().find(|n| n["when"].as_str().is_some_and(|w| w.ends_with("болмаса"))) {
        Some(branch) => json!({"to": branch["to"]}),
        None if view["can_end"] == true => json!({"to": "end"}),
        None => json!({"to": next[0]["to"]}),
    };
    let url = format!("http://{address}/api/cases/{case}/advance");
    Some(http("POST", &url, Some(token), Some(&choice.to_string())).0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_one_postgresql_without_lost_updates_or_double_advances() {
    let Some(base) = tools::postgres() else { return };
    let url = tokio::task::spawn_blocking(move || crate::conformance::fresh_database(&base, "replicas")).await.unwrap();
    let (a, b) = replicas("replicas", &url, "").await;
    let addresses = [listen(&a).await, listen(&b).await];
    let token = a.token("aigerim");
    let start = json!({"regulation": ARCHIVE_KK, "channel": "qyzmet_berushi", "applicant": "citizen-1"}).to_string();
    let mut cases = Vec::new();
    for i in 0..6 {
        let (status, body) =
            http("POST", &format!("http://{}/api/cases", addresses[i % 2]), Some(&token), Some(&start));
        assert_eq!(status, 201, "{body}");
        cases.push(serde_json::from_str::<Value>(&body).unwrap()["id"].as_i64().unwrap());
    }

    // The same move sent eight times at once through both replicas: one wins.
    let same = cases[0];
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let (address, token) = (addresses[i % 2], token.clone());
            std::thread::spawn(move || {
                let url = format!("http://{address}/api/cases/{same}/advance");
                http("POST", &url, Some(&token), Some(r#"{"to": 2}"#)).0
            })
        })
        .collect();
    let statuses: Vec<u16> = racers.into_iter().map(|r| r.join().unwrap()).collect();
    assert_eq!(statuses.iter().filter(|&&s| s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| [200, 409, 422].contains(s)), "{statuses:?}");

    // Four clients race one case to its end, five more drive a case each,
    // every request through either replica.
    let shared = cases[1];
    let mut clients = Vec::new();
    for i in 0..4 {
        let (token, addresses) = (token.clone(), addresses);
        clients.push(std::thread::spawn(move || {
            let mut won = 0;
            let mut turn = i;
            while let Some(status) = step(addresses[turn % 2], &token, shared) {
                assert!([200, 409, 422].contains(&status), "{status}");
                won += usize::from(status == 200);
                turn += 1;
            }
            won
        }));
    }
    for (i, &case) in cases[2..].iter().enumerate() {
        let (token, addresses) = (token.clone(), addresses);
        clients.push(std::thread::spawn(move || {
            let mut turn = i;
            let mut won = 0;
            while let Some(status) = step(addresses[turn % 2], &token, case) {
                assert_eq!(status, 200);
                won += 1;
                turn += 1;
            }
            won
        }));
    }
    let won: Vec<usize> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    // 1→2→3→5→6→8→end: six moves per case, each committed once.
    assert_eq!(won[..4].iter().sum::<usize>(), 6, "the shared case moved once per step: {won:?}");
    assert!(won[4..].iter().all(|&w| w == 6), "{won:?}");
    for &case in &cases[1..] {
        let view = a.get(&format!("/api/cases/{case}"), Some(&token)).await;
        assert_eq!(
            (view.json["status"].as_str(), view.json["version"].as_i64()),
            (Some("finished"), Some(7)),
            "{}",
            view.text
        );
    }
    let service = Arc::clone(&a.service);
    let verified = service.pool.run(|e| Ok(e.store().verify()?)).await.unwrap();
    assert!(verified.is_ok(), "{:?}", verified.problems);
    assert_eq!(verified.entries, 6 + 1 + 6 * 5, "six starts, one move of the first case, six moves of five others");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_replicas_workers_deliver_each_escalation_once() {
    let Some(base) = tools::postgres() else { return };
    let url = tokio::task::spawn_blocking(move || crate::conformance::fresh_database(&base, "replicas_outbox"))
        .await
        .unwrap();
    let hook = hook(0).await;
    let extra = format!("[webhook]\nurl = \"{}\"\n", hook.url);
    let (a, b) = replicas("replicas-outbox", &url, &extra).await;
    let token = a.token("aigerim");
    let start = format!(r#"{{"regulation": "{PRESCHOOL}", "channel": "mio", "application": {GOOD_APPLICATION}}}"#);
    for _ in 0..5 {
        assert_eq!(a.post("/api/cases", Some(&token), &start).await.status, 201);
    }
    a.clock.set(crate::harness::t("2024-03-15T11:00"));
    let rounds = |service: Arc<reglament_server::Service>| {
        tokio::spawn(async move {
            let mut delivered = 0;
            for _ in 0..4 {
                delivered += reglament_server::worker::round(&service).await.unwrap().delivered;
            }
            delivered
        })
    };
    let (da, db) = (rounds(Arc::clone(&a.service)), rounds(Arc::clone(&b.service)));
    let total = da.await.unwrap() + db.await.unwrap();
    assert_eq!(total, 10, "five late steps and five late services");
    let mut keys: Vec<String> = hook.received.lock().unwrap().iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(keys.len(), 10);
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 10, "each posted once");
}
