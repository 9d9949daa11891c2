//! Durable transitions per second over HTTP, with p50 and p99 latency: the
//! service on the loopback (a real TCP server, the same router as `reglament
//! serve`), clients on keep-alive connections each driving its own cases of
//! the archive certificates regulation's authority channel through the API
//! (1→2→3→5→6→8→end, branches by their numbers), every move one
//! `POST /api/cases/{id}/advance` answered with the case's view.
//!
//! ```sh
//! cargo bench -p reglament-server --bench http -- sqlite            # the embedded store, synchronous = FULL
//! cargo bench -p reglament-server --bench http -- sqlite-normal     # synchronous = NORMAL
//! .ci/with-postgres cargo bench -p reglament-server --bench http -- postgres   # REGLAMENT_TEST_POSTGRES
//! ```
//!
//! Options after the store: `--clients N` (default 16), `--seconds S`
//! (default 10), `--connections N` (the service's store connections).
//! Not a test: it prints figures (BENCHMARKS.md has them with the machine).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reglament_server::auth::{Claims, SigningKey};
use reglament_server::clock::SystemClock;
use reglament_server::config::Config;
use serde_json::Value;

struct Options {
    store: String,
    clients: usize,
    seconds: u64,
    connections: Option<usize>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    Options {
        store: args
            .iter()
            .find(|a| !a.starts_with("--") && a.parse::<u64>().is_err())
            .cloned()
            .unwrap_or_else(|| "sqlite".into()),
        clients: value("--clients").and_then(|v| v.parse().ok()).unwrap_or(16),
        seconds: value("--seconds").and_then(|v| v.parse().ok()).unwrap_or(10),
        connections: value("--connections").and_then(|v| v.parse().ok()),
    }
}

fn main() {
    let o = options();
    let dir = std::env::temp_dir().join(format!("reglament-http-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let store = match o.store.as_str() {
        "sqlite" => "sqlite = \"bench.db\"".to_string(),
        "sqlite-normal" => "sqlite = \"bench.db\"\ndurability = \"normal\"".to_string(),
        "postgres" => {
            let base = std::env::var("REGLAMENT_TEST_POSTGRES")
                .expect("REGLAMENT_TEST_POSTGRES (run under .ci/with-postgres)");
            format!("postgres = \"{}\"", fresh_database(&base))
        }
        other => panic!("unknown store {other}: sqlite, sqlite-normal or postgres"),
    };
    let connections = o.connections.map(|n| format!("connections = {n}\n")).unwrap_or_default();
    let key = SigningKey::generate().expect("a key");
    std::fs::write(dir.join("jwks.json"), key.jwks()).expect("the JWKS");
    std::fs::write(dir.join("store.key"), reglament_engine::Key::generate().to_hex()).expect("the store key");
    let text = format!(
        "replay_history = true\n[store]\n{store}\n{connections}key_file = \"store.key\"\n[auth]\njwks = \"jwks.json\"\n\
         [worker]\nevery_secs = 0\n[[officers]]\nsubject = \"bench\"\nname = \"Bench\"\n\
         grants = [{{ regulation = \"muragattyq_anyqtamalar_beru\", participants = [\"qyzmet_berushi\", \"qyzmet_berushi_azho\"] }}]\n"
    );
    let config = Config::parse(&text, &dir).expect("the configuration");
    let service = reglament_server::serve::build(config, Arc::new(SystemClock)).expect("the service");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let token = key
        .issue(&Claims { sub: "bench".into(), name: None, exp: now + 3600, iat: now, iss: None, aud: None })
        .expect("a token");

    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("a port");
    let address = listener.local_addr().expect("an address");
    let app = reglament_server::api::router(Arc::clone(&service));
    runtime.spawn(async move { axum::serve(listener, app).await });

    // Warm-up: a case each, to the end, outside the measure.
    run(address, &token, o.clients, Duration::from_secs(1));
    let (latencies, starts, elapsed) = run(address, &token, o.clients, Duration::from_secs(o.seconds));
    report(&o, &latencies, starts, elapsed);
    check(&runtime, &service);
    drop(runtime);
    drop(service);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every client drives cases for `time`; returns the latency of each
/// advance, the starts, and the time taken.
fn run(address: SocketAddr, token: &str, clients: usize, time: Duration) -> (Vec<Duration>, usize, Duration) {
    let began = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let token = token.to_string();
            std::thread::spawn(move || client(address, &token, began + time))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut starts = 0;
    for t in threads {
        let (l, s) = t.join().expect("a client");
        latencies.extend(l);
        starts += s;
    }
    (latencies, starts, began.elapsed())
}

fn client(address: SocketAddr, token: &str, until: Instant) -> (Vec<Duration>, usize) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let auth = format!("Bearer {token}");
    let post = |path: &str, body: &str| -> (u16, Value) {
        let mut response = agent
            .post(&format!("http://{address}{path}"))
            .header("authorization", &auth)
            .header("content-type", "application/json")
            .send(body)
            .expect("an answer");
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    };
    let start = r#"{"regulation": "muragattyq_anyqtamalar_beru", "channel": "qyzmet_berushi", "applicant": "citizen"}"#;
    let mut latencies = Vec::new();
    let mut starts = 0;
    while Instant::now() < until {
        let (status, case) = post("/api/cases", start);
        assert_eq!(status, 201, "{case}");
        starts += 1;
        let id = case["id"].as_i64().expect("an id");
        let mut view = case;
        while view["status"] != "finished" && Instant::now() < until {
            let next =
                view["next"].as_array().and_then(|n| n.iter().rev().find(|b| b["to"] != 4 && b["to"] != 7)).cloned();
            let body = match next {
                Some(b) => format!(r#"{{"to": {}}}"#, b["to"]),
                None => r#"{"to": "end"}"#.to_string(),
            };
            let sent = Instant::now();
            let (status, answer) = post(&format!("/api/cases/{id}/advance"), &body);
            latencies.push(sent.elapsed());
            assert_eq!(status, 200, "{answer}");
            view = answer;
        }
    }
    (latencies, starts)
}

fn report(o: &Options, latencies: &[Duration], starts: usize, elapsed: Duration) {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let at = |q: f64| {
        sorted
            .get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    let per_second = latencies.len() as f64 / elapsed.as_secs_f64();
    println!(
        "{}: {} clients, {:.1} s: {} advances ({:.0}/s) and {} starts; advance latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        o.store,
        o.clients,
        elapsed.as_secs_f64(),
        latencies.len(),
        per_second,
        starts,
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        sorted.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}

/// Checks the store after the run: on PostgreSQL, how many entries the
/// sealer had not chained yet when the clients stopped, then, once it has
/// stopped (sealing the rest), that the whole journal is one sound chain.
fn check(runtime: &tokio::runtime::Runtime, service: &Arc<reglament_server::Service>) {
    let verify = || runtime.block_on(service.pool.run(|e| Ok(e.store().verify()?))).expect("the store's check");
    let right_after = verify();
    if let Some(sealer) = &service.sealer {
        sealer.stop();
    }
    let sealed = verify();
    println!(
        "the store: {} journal entries, {} of them unsealed when the clients stopped, {} after the sealer's last round; {}",
        sealed.entries,
        right_after.unsealed,
        sealed.unsealed,
        if sealed.is_ok() { "sound".to_string() } else { format!("FAILED its check: {:?}", sealed.problems) }
    );
}

/// A new database in the cluster `base` names, for one run.
fn fresh_database(base: &str) -> String {
    let name = format!("bench_{}", std::process::id());
    let mut admin = postgres::Client::connect(base, postgres::NoTls).expect("the cluster");
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).expect("drop");
    admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create");
    let others: Vec<&str> = base.split_whitespace().filter(|p| !p.starts_with("dbname=")).collect();
    format!("{} dbname={name}", others.join(" "))
}
