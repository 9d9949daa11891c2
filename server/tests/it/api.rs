//! The JSON API: an officer takes a case through a branch to its end (the
//! journal records the person and the role, the server's clock the time),
//! citizens see their own cases only, tokens and roles are checked, "my
//! tasks" and overdue lists, disclosures on record, idempotency keys, and
//! problems in the caller's language.

use reglament_server::clock::Clock;
use serde_json::{json, Value};

use crate::harness::{request, Harness, ARCHIVE_KK, GOOD_APPLICATION, PRESCHOOL};

fn start_body(regulation: &str, channel: &str, application: Option<&str>, applicant: &str) -> String {
    let mut body = json!({"regulation": regulation, "channel": channel, "applicant": applicant});
    if let Some(a) = application {
        body["application"] = serde_json::from_str(a).unwrap();
    }
    body.to_string()
}

fn id(answer: &crate::harness::Answer) -> i64 {
    answer.json["id"].as_i64().unwrap_or_else(|| panic!("no case id: {}", answer.text))
}

#[tokio::test]
async fn an_officer_takes_a_case_through_a_branch_to_its_end() {
    let h = Harness::sqlite("api-branch");
    let officer = h.token("aigerim");
    let started =
        h.post("/api/cases", Some(&officer), &start_body(ARCHIVE_KK, "qyzmet_berushi", None, "citizen-1")).await;
    assert_eq!(started.status, 201, "{}", started.text);
    let case = id(&started);
    assert_eq!(started.headers["location"], format!("/api/cases/{case}"));
    assert_eq!(started.json["current"]["action"], 1);
    assert_eq!(started.json["started_at"], "2024-03-15T10:00:00", "the server's clock is the time");
    assert_eq!(started.json["applicant"], "citizen-1");

    let path = format!("/api/cases/{case}/advance");
    for expected in [2, 3] {
        h.clock.advance(60);
        let moved = h.post(&path, Some(&officer), "{}").await;
        assert_eq!(moved.status, 200, "{}", moved.text);
        assert_eq!(moved.json["current"]["action"], expected);
    }
    // Action 3 branches: the ways on carry the document's words.
    let at3 = h.get(&format!("/api/cases/{case}"), Some(&officer)).await;
    let words: Vec<&str> = at3.json["next"].as_array().unwrap().iter().filter_map(|n| n["when"].as_str()).collect();
    assert_eq!(words, ["егер бұзушылықтар болса", "егер бұзушылықтар болмаса"]);
    // Without a choice, every way is listed in the problem.
    let choose = h.post(&path, Some(&officer), "{}").await;
    choose.problem(422, "R0305");
    assert_eq!(choose.json["next"].as_array().unwrap().len(), 2, "{}", choose.text);
    // Words that are no branch's.
    h.post(&path, Some(&officer), r#"{"when": "егер бәрі жақсы болса"}"#).await.problem(422, "R0711");

    let taken = h.post(&path, Some(&officer), r#"{"when": "егер бұзушылықтар болмаса"}"#).await;
    assert_eq!(taken.json["current"]["action"], 5, "{}", taken.text);
    assert_eq!(taken.json["steps"][3]["branch"], "егер бұзушылықтар болмаса");
    h.post(&path, Some(&officer), "{}").await;
    let at8 = h.post(&path, Some(&officer), r#"{"when": "егер бұзушылықтар болмаса"}"#).await;
    assert_eq!(at8.json["current"]["action"], 8, "{}", at8.text);
    assert_eq!(at8.json["can_end"], true);
    h.post(&path, Some(&officer), r#"{"to": 9}"#).await.problem(422, "R0304");
    let ended = h.post(&path, Some(&officer), r#"{"to": "end"}"#).await;
    assert_eq!(ended.json["status"], "finished", "{}", ended.text);
    h.post(&path, Some(&officer), "{}").await.problem(422, "R0306");

    // The journal records the person and the role of every step.
    for step in ended.json["steps"].as_array().unwrap() {
        assert_eq!(step["done_by_person"], "aigerim", "{step}");
        assert!(step["done_by"].as_str().is_some_and(|r| r.starts_with("qyzmet_berushi")), "{step}");
    }
    let engine_view = h.service.pool.run(move |e| Ok(e.store().journal(case)?)).await.unwrap();
    assert!(engine_view.iter().all(|e| e.person.as_deref() == Some("aigerim")));
    assert_eq!(engine_view[0].actor, "qyzmet_berushi");
    let verified = h.service.pool.run(|e| Ok(e.store().verify()?)).await.unwrap();
    assert!(verified.is_ok(), "{:?}", verified.problems);
}

#[tokio::test]
async fn citizens_see_their_own_cases_only_and_act_in_no_officer_role() {
    let h = Harness::sqlite("api-citizens");
    let officer = h.token("aigerim");
    let mine =
        id(&h.post("/api/cases", Some(&officer), &start_body(ARCHIVE_KK, "qyzmet_berushi", None, "citizen-1")).await);
    let theirs =
        id(&h.post("/api/cases", Some(&officer), &start_body(ARCHIVE_KK, "qyzmet_berushi", None, "citizen-2")).await);
    let citizen = h.token("citizen-1");
    let listed = h.get("/api/cases", Some(&citizen)).await;
    let ids: Vec<i64> = listed.json.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [mine], "{}", listed.text);
    assert_eq!(h.get(&format!("/api/cases/{mine}"), Some(&citizen)).await.status, 200);
    // Another's case does not exist for them, whatever it holds.
    h.get(&format!("/api/cases/{theirs}"), Some(&citizen)).await.problem(404, "R0105");
    h.post(&format!("/api/cases/{theirs}/advance"), Some(&citizen), "{}").await.problem(404, "R0105");
    // Their own case, at an officer's action: not their role.
    let refused = h.post(&format!("/api/cases/{mine}/advance"), Some(&citizen), "{}").await;
    refused.problem(403, "R0702");
    assert!(refused.json["detail"].as_str().unwrap().contains("qyzmet_berushi"), "{}", refused.text);
    h.get("/api/overdue", Some(&citizen)).await.problem(403, "R0703");
    h.post(&format!("/api/cases/{mine}/application"), Some(&citizen), "").await.problem(403, "R0703");
    // An officer of another regulation sees neither.
    let bolat = h.token("bolat");
    h.get(&format!("/api/cases/{mine}"), Some(&bolat)).await.problem(404, "R0105");
    assert_eq!(h.get("/api/cases", Some(&bolat)).await.json, json!([]));
}

#[tokio::test]
async fn tokens_are_checked_and_roles_are_enforced() {
    let h = Harness::sqlite("api-tokens");
    let body = start_body(ARCHIVE_KK, "qyzmet_berushi", None, "citizen-1");
    let missing = h.post("/api/cases", None, &body).await;
    missing.problem(401, "R0701");
    assert_eq!(missing.headers["www-authenticate"], "Bearer");
    h.post("/api/cases", Some("not.a.token"), &body).await.problem(401, "R0701");
    let forged = reglament_server::auth::SigningKey::generate().unwrap();
    let now = h.clock.unix();
    let claims = reglament_server::auth::Claims {
        sub: "aigerim".into(),
        name: None,
        exp: now + 3600,
        iat: now,
        iss: Some("test-idp".into()),
        aud: None,
    };
    h.post("/api/cases", Some(&forged.issue(&claims).unwrap()), &body).await.problem(401, "R0701");
    let token = h.token("aigerim");
    h.clock.advance(9 * 3600);
    let expired = h.post("/api/cases", Some(&token), &body).await;
    expired.problem(401, "R0701");
    assert!(expired.json["detail"].as_str().unwrap().contains("expired"), "{}", expired.text);

    // Bolat acts as `mio` of the preschool queue only: the centre's channel starts with `con`.
    let bolat = h.token("bolat");
    let body = start_body(PRESCHOOL, "con", Some(GOOD_APPLICATION), "citizen-1");
    let refused = h.post("/api/cases", Some(&bolat), &body).await;
    refused.problem(403, "R0702");
    // Nothing was written by any refusal.
    let officer = h.token("aigerim");
    assert_eq!(h.get("/api/cases", Some(&officer)).await.json, json!([]));
}

#[tokio::test]
async fn my_tasks_and_overdue_cases_follow_the_servers_clock() {
    let h = Harness::sqlite("api-tasks");
    let aigerim = h.token("aigerim");
    let body = start_body(PRESCHOOL, "mio", Some(GOOD_APPLICATION), "citizen-9");
    let case = id(&h.post("/api/cases", Some(&aigerim), &body).await);
    let tasks = h.get("/api/tasks", Some(&aigerim)).await;
    assert_eq!(tasks.json[0]["id"], case, "{}", tasks.text);
    assert_eq!(tasks.json[0]["due"], "2024-03-15T10:10:00");
    assert_eq!(tasks.json[0]["late"], Value::Null);
    assert_eq!(h.get("/api/overdue", Some(&aigerim)).await.json, json!([]));
    // Bolat acts as `mio` too: the task is in his inbox as well.
    let bolat = h.token("bolat");
    assert_eq!(h.get("/api/tasks", Some(&bolat)).await.json[0]["id"], case);

    h.clock.set(crate::harness::t("2024-03-15T10:30"));
    let overdue = h.get("/api/overdue", Some(&aigerim)).await;
    assert_eq!(overdue.json[0]["id"], case, "{}", overdue.text);
    assert_eq!(overdue.json[0]["late"], 20 * 60);
    let view = h.get(&format!("/api/cases/{case}"), Some(&aigerim)).await;
    assert_eq!(view.json["current"]["late"], 20 * 60, "{}", view.text);
    assert_eq!(view.json["service_due"], "2024-03-15T10:39:00");
    // The application is shown masked; revealing it is recorded.
    let masked: Vec<&str> =
        view.json["application"].as_array().unwrap().iter().filter_map(|f| f["value"].as_str()).collect();
    assert!(masked.contains(&"9201******10") && !view.text.contains("920101300010"), "{}", view.text);
    let revealed = h.post(&format!("/api/cases/{case}/application"), Some(&aigerim), "").await;
    assert!(revealed.text.contains("920101300010"), "{}", revealed.text);
    let after = h.get(&format!("/api/cases/{case}"), Some(&aigerim)).await;
    assert_eq!(after.json["disclosures"][0]["who"], "Айгерім (aigerim)", "{}", after.text);
    assert_eq!(after.json["disclosures"][0]["at"], "2024-03-15T10:30:00");
}

#[tokio::test]
async fn a_refused_application_lists_every_violation_in_the_callers_language() {
    let h = Harness::sqlite("api-flk");
    let aigerim = h.token("aigerim");
    let body = start_body(PRESCHOOL, "con", Some(r#"{"iin": "920101300011", "phone": "+7 701"}"#), "citizen-1");
    let english = h.post("/api/cases", Some(&aigerim), &body).await;
    english.problem(422, "R0202");
    let fields: Vec<&str> =
        english.json["violations"].as_array().unwrap().iter().filter_map(|v| v["field"].as_str()).collect();
    assert_eq!(fields, ["iin", "postal_code"], "{}", english.text);
    assert!(!english.text.contains("920101300011"), "no value is repeated: {}", english.text);
    for (lang, title, word) in
        [("ru-RU,ru;q=0.9", "Заявление отклонено", "правило ФЛК"), ("kk", "Өтініш қабылданбады", "ФЛК ережесі")]
    {
        let mut req = request("POST", "/api/cases", Some(&aigerim), Some(&body));
        req.headers_mut().insert("accept-language", lang.parse().unwrap());
        let answer = h.call(req).await;
        answer.problem(422, "R0202");
        assert_eq!(answer.json["title"], title, "{}", answer.text);
        assert_eq!(answer.headers["content-language"], &lang[..2]);
        assert!(answer.json["violations"][0]["message"].as_str().unwrap().contains(word), "{}", answer.text);
    }
    assert_eq!(h.get("/api/cases", Some(&aigerim)).await.json, json!([]), "nothing was written");
}

#[tokio::test]
async fn idempotency_keys_return_what_the_first_request_did() {
    let h = Harness::sqlite("api-keys");
    let aigerim = h.token("aigerim");
    let body = start_body(ARCHIVE_KK, "qyzmet_berushi", None, "citizen-1");
    let with_key = |uri: &str, token: &str, body: &str, key: &str| {
        let mut req = request("POST", uri, Some(token), Some(body));
        req.headers_mut().insert("idempotency-key", key.parse().unwrap());
        req
    };
    let first = h.call(with_key("/api/cases", &aigerim, &body, "start-1")).await;
    assert_eq!(first.status, 201);
    let again = h.call(with_key("/api/cases", &aigerim, &body, "start-1")).await;
    assert_eq!((again.status.as_u16(), id(&again)), (200, id(&first)), "{}", again.text);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    let case = id(&first);
    let moved = h.call(with_key(&format!("/api/cases/{case}/advance"), &aigerim, "{}", "move-1")).await;
    assert_eq!(moved.json["version"], 2, "{}", moved.text);
    h.clock.advance(60);
    let replay = h.call(with_key(&format!("/api/cases/{case}/advance"), &aigerim, "{}", "move-1")).await;
    assert_eq!((replay.status.as_u16(), &replay.json["version"]), (200, &json!(2)), "moved once: {}", replay.text);
    assert_eq!(replay.headers["idempotent-replayed"], "true");
    // The same key on another case is refused; nothing is written.
    let other = id(&h.post("/api/cases", Some(&aigerim), &body).await);
    h.call(with_key(&format!("/api/cases/{other}/advance"), &aigerim, "{}", "move-1")).await.problem(409, "R0602");
    assert_eq!(h.get(&format!("/api/cases/{other}"), Some(&aigerim)).await.json["version"], 1);
    // Keys are the caller's own: another officer's `start-1` is a new start.
    let bolat = h.token("bolat");
    let body = start_body(PRESCHOOL, "mio", Some(GOOD_APPLICATION), "citizen-1");
    let theirs = h.call(with_key("/api/cases", &bolat, &body, "start-1")).await;
    assert_eq!(theirs.status, 201, "{}", theirs.text);
    h.call(with_key("/api/cases", &aigerim, &body, &"k".repeat(201))).await.problem(400, "R0712");
}

#[tokio::test]
async fn bad_input_gets_a_problem_and_writes_nothing() {
    let h = Harness::sqlite("api-bad");
    let aigerim = h.token("aigerim");
    let big = format!(r#"{{"regulation": "{}", "channel": "x"}}"#, "x".repeat(5000));
    h.post("/api/cases", Some(&aigerim), &big).await.problem(413, "R0704");
    h.post("/api/cases", Some(&aigerim), "{not json").await.problem(400, "R0705");
    h.post("/api/cases", Some(&aigerim), r#"{"regulation": "a", "channel": "b", "color": 1}"#)
        .await
        .problem(400, "R0705");
    let mut plain = request("POST", "/api/cases", Some(&aigerim), None);
    *plain.body_mut() = axum::body::Body::from("regulation=a");
    plain.headers_mut().insert("content-type", "text/plain".parse().unwrap());
    h.call(plain).await.problem(415, "R0706");
    let unknown = start_body("nope", "x", None, "c");
    h.post("/api/cases", Some(&aigerim), &unknown).await.problem(404, "R0101");
    let duplicate = r#"{"regulation": "postanovka_na_ochered_doshkolnikov", "channel": "con",
        "application": {"iin": "920101300010", "iin": "111111111111"}}"#;
    h.post("/api/cases", Some(&aigerim), duplicate).await.problem(422, "R0201");
    h.get("/api/cases/abc", Some(&aigerim)).await.problem(400, "R0705");
    h.get("/api/cases/999", Some(&aigerim)).await.problem(404, "R0105");
    h.post("/api/cases/999/advance", Some(&aigerim), "{}").await.problem(404, "R0105");
    h.post("/api/cases/1/advance", Some(&aigerim), r#"{"to": -1}"#).await.problem(400, "R0705");
    h.get("/api/nothing-here", None).await.problem(404, "R0707");
    h.call(request("DELETE", "/api/cases", Some(&aigerim), None)).await.problem(405, "R0708");
    assert_eq!(h.get("/api/cases", Some(&aigerim)).await.json, json!([]), "nothing was written");
}

#[tokio::test]
async fn regulations_forms_and_their_schemas_are_listed() {
    let h = Harness::sqlite("api-regulations");
    let list = h.get("/api/regulations", None).await;
    let ids: Vec<&str> = list.json.as_array().unwrap().iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids.len(), reglament_generated::REGULATIONS.len());
    let one = h.get(&format!("/api/regulations/{PRESCHOOL}"), None).await;
    let schema_uri = one.json["forms"][0]["schema"].as_str().unwrap().to_string();
    let schema = h.get(&schema_uri, None).await;
    assert_eq!(schema.headers["content-type"], "application/schema+json");
    assert_eq!(schema.json["required"][0], "iin", "{}", schema.text);
    h.get(&format!("/api/regulations/{PRESCHOOL}/forms/nope/schema"), None).await.problem(404, "R0103");
    let doc = h.get("/api/openapi.json", None).await;
    assert_eq!(doc.json["openapi"], "3.0.3");
    assert!(doc.json["paths"]["/api/cases/{id}/advance"]["post"].is_object());
}

#[tokio::test]
async fn a_citizen_starts_and_moves_their_own_case_as_the_applicant() {
    let h = Harness::sqlite("api-citizen-start");
    let citizen = h.token("citizen-7");
    // The portal channel starts with the applicant (`alushy`); a given
    // applicant is ignored: a citizen's case is their own.
    let started = h.post("/api/cases", Some(&citizen), &start_body(ARCHIVE_KK, "ehup", None, "citizen-8")).await;
    assert_eq!(started.status, 201, "{}", started.text);
    assert_eq!(started.json["applicant"], "citizen-7");
    let case = id(&started);
    let path = format!("/api/cases/{case}/advance");
    let moved = h.post(&path, Some(&citizen), r#"{"when": "егер авторизациялаудан сәтті өтсе"}"#).await;
    assert_eq!(moved.json["current"]["action"], 3, "{}", moved.text);
    let journal = h.service.pool.run(move |e| Ok(e.store().journal(case)?)).await.unwrap();
    assert_eq!((journal[1].actor.as_str(), journal[1].person.as_deref()), ("alushy", Some("citizen-7")));
    // Officers of the regulation see it; another citizen does not.
    assert_eq!(h.get(&format!("/api/cases/{case}"), Some(&h.token("aigerim"))).await.status, 200);
    h.get(&format!("/api/cases/{case}"), Some(&h.token("citizen-8"))).await.problem(404, "R0105");
    // An officer's channel is not a citizen's to start.
    let refused = h.post("/api/cases", Some(&citizen), &start_body(ARCHIVE_KK, "qyzmet_berushi", None, "x")).await;
    refused.problem(403, "R0702");
}
