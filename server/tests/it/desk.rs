//! The web desk, page by page: sign-in with a token kept in a cookie, the
//! officer's inbox with overdue steps marked, the case page with the next
//! steps as buttons in the document's words, personal data masked until
//! revealed (which is recorded), Kazakh and Russian, and posts from another
//! site refused.

use axum::body::Body;
use axum::http::Request;

use crate::harness::{Answer, Harness, ARCHIVE_KK, GOOD_APPLICATION, PRESCHOOL};

fn page(uri: &str, token: &str) -> Request<Body> {
    Request::builder().uri(uri).header("cookie", format!("reglament_token={token}")).body(Body::empty()).unwrap()
}

fn form(uri: &str, token: Option<&str>, body: &str) -> Request<Body> {
    let mut builder = Request::builder()
        .method("POST")
        .uri(uri)
        .header("host", "desk.local")
        .header("origin", "http://desk.local")
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(token) = token {
        builder = builder.header("cookie", format!("reglament_token={token}; reglament_lang=ru"));
    }
    builder.body(Body::from(body.to_string())).unwrap()
}

async fn start(h: &Harness, regulation: &str, channel: &str, application: &str) -> i64 {
    let token = h.token("aigerim");
    let body = format!(
        r#"{{"regulation": "{regulation}", "channel": "{channel}", "application": {application}, "applicant": "citizen-1"}}"#
    );
    let answer = h.post("/api/cases", Some(&token), &body).await;
    answer.json["id"].as_i64().unwrap_or_else(|| panic!("{}", answer.text))
}

fn location(answer: &Answer) -> &str {
    answer.headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test]
async fn an_officer_signs_in_sees_the_inbox_and_takes_a_case_to_its_end() {
    let h = Harness::sqlite("desk-officer");
    let case = start(&h, ARCHIVE_KK, "qyzmet_berushi", "{}").await;
    let token = h.token("aigerim");

    // Signing in keeps the token in an HttpOnly, SameSite=Strict cookie.
    let signed = h.call(form("/desk/login", None, &format!("token={token}"))).await;
    assert_eq!((signed.status.as_u16(), location(&signed)), (303, "/desk"), "{}", signed.text);
    let cookie = signed.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains("Secure"), "on a loopback address the desk is served over plain HTTP: {cookie}");
    // Outside demo mode, no button signs anyone in.
    let demo = h.call(form("/desk/login", None, "demo=aigerim")).await;
    assert_eq!(demo.status, 401, "{}", demo.text);
    let bad = h.call(form("/desk/login", None, "token=forged")).await;
    assert_eq!(bad.status, 401);
    assert!(bad.text.contains("токен недействителен"), "{}", bad.text);

    let inbox = h.call(page("/desk", &token)).await;
    assert!(inbox.text.contains(&format!("href=\"/desk/cases/{case}\"")), "{}", inbox.text);
    assert!(inbox.text.contains("Мои задачи"), "{}", inbox.text);

    for (to, _) in [(2, "2"), (3, "3")] {
        let version = to - 1;
        let moved = h
            .call(form(&format!("/desk/cases/{case}/advance"), Some(&token), &format!("to={to}&version={version}")))
            .await;
        assert_eq!(moved.status, 303, "{}", moved.text);
    }
    // A double click of the last button moves the case once.
    let again = h.call(form(&format!("/desk/cases/{case}/advance"), Some(&token), "to=3&version=2")).await;
    assert_eq!(again.status, 303, "{}", again.text);
    let at3 = h.call(page(&format!("/desk/cases/{case}"), &token)).await;
    assert!(at3.text.contains("егер бұзушылықтар болмаса → 5."), "the branch in the document's words: {}", at3.text);
    assert!(at3.text.contains("(aigerim)"), "the person beside the role: {}", at3.text);
    for (to, version) in [(5, 3), (6, 4), (8, 5)] {
        let moved = h
            .call(form(&format!("/desk/cases/{case}/advance"), Some(&token), &format!("to={to}&version={version}")))
            .await;
        assert_eq!(moved.status, 303, "{}", moved.text);
    }
    let at8 = h.call(page(&format!("/desk/cases/{case}"), &token)).await;
    assert!(at8.text.contains("id=\"finish\""), "{}", at8.text);
    h.call(form(&format!("/desk/cases/{case}/advance"), Some(&token), "to=end&version=6")).await;
    let ended = h.call(page(&format!("/desk/cases/{case}?lang=kk"), &token)).await;
    assert!(ended.text.contains("id=\"status\">аяқталды<"), "in Kazakh: {}", ended.text);
    assert!(!ended.text.contains("class=\"next\""), "no step is left: {}", ended.text);

    // A refused move shows the problem on the page, in the page's language.
    let refused = h.call(form(&format!("/desk/cases/{case}/advance"), Some(&token), "to=end&version=7")).await;
    assert!(refused.text.contains("class=\"error\"") && refused.text.contains("завершено"), "{}", refused.text);
}

#[tokio::test]
async fn personal_data_is_masked_until_revealed_and_the_reveal_is_recorded() {
    let h = Harness::sqlite("desk-reveal");
    let case = start(&h, PRESCHOOL, "mio", GOOD_APPLICATION).await;
    let token = h.token("aigerim");
    h.clock.set(crate::harness::t("2024-03-15T10:30"));
    let inbox = h.call(page("/desk", &token)).await;
    assert!(inbox.text.contains("class=\"overdue\""), "the late step is marked: {}", inbox.text);
    assert!(inbox.text.contains("просрочено на 20m 0s"), "{}", inbox.text);
    let shown = h.call(page(&format!("/desk/cases/{case}"), &token)).await;
    assert!(shown.text.contains("9201******10") && !shown.text.contains("920101300010"), "{}", shown.text);
    let revealed = h.call(form(&format!("/desk/cases/{case}/reveal"), Some(&token), "")).await;
    assert!(
        revealed.text.contains("920101300010") && revealed.text.contains("id=\"revealed-note\""),
        "{}",
        revealed.text
    );
    let after = h.call(page(&format!("/desk/cases/{case}"), &token)).await;
    assert!(after.text.contains("Айгерім (aigerim) — 2024-03-15T10:30:00"), "{}", after.text);
    assert!(!after.text.contains("920101300010"), "masked again: {}", after.text);
}

#[tokio::test]
async fn citizens_see_their_cases_and_other_sites_cannot_post() {
    let h = Harness::sqlite("desk-citizen");
    let case = start(&h, ARCHIVE_KK, "qyzmet_berushi", "{}").await;
    let citizen = h.token("citizen-1");
    let mine = h.call(page("/desk", &citizen)).await;
    assert!(mine.text.contains("Мои дела") && mine.text.contains(&format!("/desk/cases/{case}")), "{}", mine.text);
    let status = h.call(page(&format!("/desk/cases/{case}"), &citizen)).await;
    assert!(!status.text.contains("class=\"next\"") && !status.text.contains("id=\"reveal\""), "{}", status.text);
    let other = h.call(page(&format!("/desk/cases/{case}"), &h.token("citizen-2"))).await;
    assert_eq!(other.status, 404);
    // Without a cookie the desk asks to sign in.
    let anonymous = h.call(Request::builder().uri("/desk").body(Body::empty()).unwrap()).await;
    assert_eq!(location(&anonymous), "/desk/login");
    // A form posted from another site is refused.
    let officer = h.token("aigerim");
    let mut forged = form(&format!("/desk/cases/{case}/advance"), Some(&officer), "to=2&version=1");
    forged.headers_mut().insert("origin", "http://evil.example".parse().unwrap());
    assert_eq!(h.call(forged).await.status, 403);
    assert_eq!(h.get(&format!("/api/cases/{case}"), Some(&officer)).await.json["version"], 1);
}

/// Where the desk is served over HTTPS (any address but the loopback, or
/// when configured), the sign-in cookie is never sent over plain HTTP.
#[tokio::test]
async fn the_sign_in_cookie_is_secure_where_the_desk_is_served_over_https() {
    let h = Harness::with("desk-secure", r#"sqlite = "store.db""#, "[desk]\nsecure_cookies = true\n");
    let token = h.token("aigerim");
    let signed = h.call(form("/desk/login", None, &format!("token={token}"))).await;
    let cookie = signed.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("; Secure") && cookie.contains("HttpOnly"), "{cookie}");
}
