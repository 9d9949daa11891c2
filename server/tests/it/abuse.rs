//! Over real TCP: a client that sends slowly gets a problem while others
//! are served, and the `reglament serve --demo` process — one command, an
//! embedded store — serves the API and the desk and writes no personal data
//! to its log.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{folder, Harness, GOOD_APPLICATION, PRESCHOOL};

/// Serves the harness's router on a free port of the loopback, as `reglament
/// serve` does, with two seconds for a request's headers.
pub async fn listen(h: &Harness) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = h.app();
    let headers = Duration::from_secs(2);
    tokio::spawn(reglament_server::serve::accept(listener, app, headers, std::future::pending()));
    address
}

fn raw(address: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_sends_slowly_gets_a_problem_and_others_are_served() {
    let h = Harness::sqlite("abuse-slow");
    let address = listen(&h).await;
    let token = h.token("aigerim");
    let slow = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let head = format!(
            "POST /api/cases HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {token}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{{\"regul"
        );
        stream.write_all(head.as_bytes()).unwrap();
        let started = Instant::now();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        (answer, started.elapsed())
    });
    // Meanwhile another client is served at once.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let other = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        (raw(address, "GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"), started.elapsed())
    })
    .await
    .unwrap();
    assert!(other.0.starts_with("HTTP/1.1 200") && other.1 < Duration::from_millis(900), "{other:?}");
    let (answer, waited) = slow.await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("R0709") && answer.contains("application/problem+json"), "{answer}");
    assert!(waited < Duration::from_secs(5), "the body's limit is a second: {waited:?}");
    let officer = h.token("aigerim");
    assert_eq!(h.get("/api/cases", Some(&officer)).await.json, serde_json::json!([]), "nothing was written");
}

/// A client that trickles its headers in, a byte now and then, has its
/// connection closed when the time for headers runs out, and holds nothing:
/// other clients are served meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_sends_its_headers_slowly_is_cut_off() {
    let h = Harness::sqlite("abuse-slow-headers");
    let address = listen(&h).await;
    let slow = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
        let started = Instant::now();
        // A byte every 300 ms: never the whole head, for as long as the
        // server lets it.
        for byte in "GET /healthz HTTP/1.1\r\nhost: x\r\nx-slow: ".bytes().chain(std::iter::repeat(b'a')) {
            if stream.write_all(&[byte]).is_err() {
                break;
            }
            let mut answer = [0u8; 256];
            match stream.read(&mut answer) {
                Ok(0) => break,
                Ok(n) => return (String::from_utf8_lossy(&answer[..n]).to_string(), started.elapsed()),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
                Err(_) => break,
            }
            if started.elapsed() > Duration::from_secs(30) {
                break;
            }
        }
        (String::new(), started.elapsed())
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let other = tokio::task::spawn_blocking(move || {
        raw(address, "GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
    });
    assert!(other.await.unwrap().starts_with("HTTP/1.1 200"));
    let (answer, held) = slow.await.unwrap();
    assert!(!answer.starts_with("HTTP/1.1 200"), "a head never finished was answered: {answer}");
    assert!(held < Duration::from_secs(20), "the connection was held {held:?}; headers have two seconds");
}

/// A `reglament serve` process, killed when dropped.
pub struct Served {
    /// The process.
    pub child: Child,
    /// Where it listens.
    pub address: SocketAddr,
    /// What it wrote to its standard error so far.
    pub log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `reglament serve` with `args` and waits until it listens.
pub fn serve(args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .arg("serve")
        .args(args)
        .args(["--listen", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let (tx, rx) = std::sync::mpsc::channel();
    let kept = std::sync::Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("reglament: serving on http://") {
                let _ = tx.send(rest.split('/').next().unwrap_or("").to_string());
            }
            let mut log = kept.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    let address = rx
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("serve did not start: {}", log.lock().unwrap()));
    Served { child, address: address.parse().unwrap(), log }
}

/// An HTTP request with ureq; returns the status and the body.
pub fn http(method: &str, url: &str, token: Option<&str>, body: Option<&str>) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let auth = token.map(|t| format!("Bearer {t}"));
    let response = match (method, body) {
        ("GET", _) => {
            let mut r = agent.get(url);
            if let Some(a) = &auth {
                r = r.header("authorization", a);
            }
            r.call()
        }
        (_, body) => {
            let mut r = agent.post(url).header("content-type", "application/json");
            if let Some(a) = &auth {
                r = r.header("authorization", a);
            }
            r.send(body.unwrap_or(""))
        }
    };
    let mut response = response.unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap_or_default())
}

/// SIGTERM, what a service manager sends, stops the service gracefully:
/// it says so and exits with success.
#[cfg(unix)]
#[test]
fn sigterm_stops_the_service_gracefully() {
    let dir = folder("abuse-sigterm");
    let mut served = serve(&["--demo", dir.to_str().unwrap()]);
    let pid = served.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "still running: {}", served.log.lock().unwrap());
        std::thread::sleep(Duration::from_millis(50));
    };
    std::thread::sleep(Duration::from_millis(200));
    assert!(status.success(), "{status:?}: {}", served.log.lock().unwrap());
    assert!(served.log.lock().unwrap().contains("reglament: stopped"), "{}", served.log.lock().unwrap());
}

#[test]
fn one_command_serves_a_demo_and_its_log_holds_no_personal_data() {
    let dir = folder("abuse-demo");
    let served = serve(&["--demo", dir.to_str().unwrap()]);
    let base = format!("http://{}", served.address);
    let (status, login) = http("GET", &format!("{base}/desk/login"), None, None);
    assert_eq!(status, 200);
    assert!(login.contains("Айгерім Сейтқали") && login.contains("data-subject=\"aigerim\""), "{login}");
    // A token from the demo's own key, as `reglament token issue` prints it.
    let out = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args([
            "token",
            "issue",
            dir.join("signing-key.json").to_str().unwrap(),
            "--sub",
            "aigerim",
            "--iss",
            "reglament-demo",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let start = format!(r#"{{"regulation": "{PRESCHOOL}", "channel": "con", "application": {GOOD_APPLICATION}}}"#);
    let (status, body) = http("POST", &format!("{base}/api/cases"), Some(&token), Some(&start));
    assert_eq!(status, 201, "{body}");
    let bad = start.replace("920101300010", "920101300011");
    let (status, body) = http("POST", &format!("{base}/api/cases"), Some(&token), Some(&bad));
    assert_eq!(status, 422, "{body}");
    let (status, body) = http("POST", &format!("{base}/api/cases/1/application"), Some(&token), None);
    assert!(status == 200 && body.contains("920101300010"), "{body}");
    let (status, _) = http("POST", &format!("{base}/api/cases"), Some("forged"), Some(&start));
    assert_eq!(status, 401);
    std::thread::sleep(Duration::from_millis(200));
    let log = served.log.lock().unwrap().clone();
    assert!(!log.contains("920101300010") && !log.contains("920101300011") && !log.contains("+77011234567"), "{log}");
    // The demo's files are there for the next run; its store is sealed.
    for file in ["reglament.db", "reglament.db-wal"] {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(!bytes.windows(12).any(|w| w == b"920101300010"), "{file}: the application is sealed at rest");
    }
}
