//! The JSON API. Each handler reads the caller, checks their role, runs the
//! engine on a blocking thread and answers JSON, or a problem (RFC 9457).
//! The operations themselves ([`start`], [`advance`], [`case`], …) are
//! shared with the desk, so both check the same things the same way.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use reglament_engine::{Acting, Application, EngineError, Lang, OverdueRow, StartRequest, Target};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use serde_json::value::RawValue;
use tower_http::timeout::RequestBodyTimeoutLayer;

use crate::problem::{Own, Problem};
use crate::views::{self, CaseView, FieldValue, TaskView};
use crate::{Caller, Service};

/// A failure of an operation: the engine's, or the service's own.
#[derive(Debug)]
pub enum Fail {
    /// The engine refused or failed.
    Engine(EngineError),
    /// The service refused.
    Own(Own),
}

impl From<EngineError> for Fail {
    fn from(e: EngineError) -> Self {
        Fail::Engine(e)
    }
}

impl From<reglament_engine::StoreError> for Fail {
    fn from(e: reglament_engine::StoreError) -> Self {
        Fail::Engine(e.into())
    }
}

impl From<Own> for Fail {
    fn from(e: Own) -> Self {
        Fail::Own(e)
    }
}

impl Fail {
    /// The problem to answer, in `lang`.
    pub fn problem(&self, lang: Lang) -> Problem {
        match self {
            Fail::Engine(e) => Problem::engine(e, lang),
            Fail::Own(own) => Problem::own(*own, lang),
        }
    }
}

/// The API's routes, with the body limit and the slow-body timeout.
pub fn router(service: Arc<Service>) -> Router {
    let limit = service.config.limits.body_bytes;
    let patience = Duration::from_secs(service.config.limits.body_secs);
    Router::new()
        .route("/api/regulations", get(regulations))
        .route("/api/regulations/{id}", get(regulation))
        .route("/api/regulations/{id}/forms/{form}/schema", get(schema))
        .route("/api/cases", get(cases).post(start_case))
        .route("/api/cases/{id}", get(show_case))
        .route("/api/cases/{id}/advance", post(advance_case))
        .route("/api/cases/{id}/application", post(reveal_application))
        .route("/api/tasks", get(my_tasks))
        .route("/api/overdue", get(overdue))
        .route("/api/openapi.json", get(openapi))
        .route("/healthz", get(|| async { "ok" }))
        .merge(crate::desk::router())
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(DefaultBodyLimit::max(limit))
        .layer(RequestBodyTimeoutLayer::new(patience))
        .with_state(service)
}

type Svc = State<Arc<Service>>;

fn lang(headers: &HeaderMap) -> Lang {
    crate::lang_of(headers, Lang::En)
}

async fn no_route(headers: HeaderMap) -> Problem {
    Problem::own(Own::NoRoute, lang(&headers))
}

async fn wrong_method(headers: HeaderMap) -> Problem {
    Problem::own(Own::Method, lang(&headers))
}

async fn openapi() -> Response {
    let mut response = crate::openapi::document().to_string().into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

async fn regulations() -> Json<Vec<views::RegulationView>> {
    let registry = reglament_engine::Registry::default();
    Json(registry.regulations().iter().map(|r| views::regulation(r)).collect())
}

async fn regulation(headers: HeaderMap, Path(id): Path<String>) -> Result<Json<views::RegulationView>, Problem> {
    let registry = reglament_engine::Registry::default();
    let r = registry.regulation(&id).map_err(|e| Problem::engine(&e, lang(&headers)))?;
    Ok(Json(views::regulation(r)))
}

async fn schema(headers: HeaderMap, Path((id, form)): Path<(String, String)>) -> Result<Response, Problem> {
    let registry = reglament_engine::Registry::default();
    let found = registry.form(&id, Some(&form)).map_err(|e| Problem::engine(&e, lang(&headers)))?;
    let Some(form) = found else { return Err(Problem::own(Own::NoRoute, lang(&headers))) };
    let mut response = form.json_schema.to_string().into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/schema+json"));
    Ok(response)
}

/// The body of a start.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartBody {
    /// The regulation's id.
    pub regulation: String,
    /// The channel's id.
    pub channel: String,
    /// The form, when the regulation has several.
    #[serde(default)]
    pub form: Option<String>,
    /// The application: field ids to strings.
    #[serde(default)]
    pub application: Option<Box<RawValue>>,
    /// Whose case it is, when an officer starts it for a citizen.
    #[serde(default)]
    pub applicant: Option<String>,
}

/// The body of an advance: where to go.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvanceBody {
    /// An action's number, or `"end"` to complete a final action.
    #[serde(default)]
    pub to: Option<serde_json::Value>,
    /// A branch, by the document's words (the case's `next[].when`).
    #[serde(default)]
    pub when: Option<String>,
}

/// Where an advance goes, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// To this action.
    To(u32),
    /// Complete the final action.
    End,
    /// The branch with these words.
    When(String),
    /// The only way on.
    Only,
}

impl AdvanceBody {
    fn choice(self) -> Result<Choice, Own> {
        match (self.to, self.when) {
            (None, None) => Ok(Choice::Only),
            (None, Some(when)) => Ok(Choice::When(when)),
            (Some(serde_json::Value::String(s)), None) if s == "end" => Ok(Choice::End),
            (Some(serde_json::Value::Number(n)), None) => {
                n.as_u64().and_then(|n| u32::try_from(n).ok()).map(Choice::To).ok_or(Own::Malformed)
            }
            _ => Err(Own::Malformed),
        }
    }
}

/// Reads a JSON body, after its size and time limits (the layers turn a
/// body too large or too slow into an error here).
fn body<T: DeserializeOwned>(
    headers: &HeaderMap,
    bytes: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<T, Own> {
    // A body that could not be read whole was too large, or came too slowly
    // (the timeout layer cut it off) or not at all.
    let bytes = bytes.map_err(|r| match r.status() {
        StatusCode::PAYLOAD_TOO_LARGE => Own::TooLarge { limit },
        _ => Own::Slow,
    })?;
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")));
    if !json {
        return Err(Own::NotJson);
    }
    serde_json::from_slice(&bytes).map_err(|_| Own::Malformed)
}

/// The caller's idempotency key, kept apart from other callers' keys.
fn idempotency_key(headers: &HeaderMap, caller: &Caller) -> Result<Option<String>, Own> {
    let Some(value) = headers.get("idempotency-key") else { return Ok(None) };
    let key = value.to_str().map_err(|_| Own::BadKey)?;
    if key.is_empty() || key.len() > 200 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(Own::BadKey);
    }
    Ok(Some(format!("http:{}.{}:{key}", caller.subject.len(), caller.subject)))
}

fn case_id(text: &str) -> Result<i64, Own> {
    text.parse::<i64>().ok().filter(|&n| n > 0).ok_or(Own::Malformed)
}

async fn start_case(State(svc): Svc, headers: HeaderMap, bytes: Result<Bytes, BytesRejection>) -> Response {
    let lang = lang(&headers);
    let result = async {
        let caller = svc.caller(&headers, lang).map_err(Err)?;
        let body: StartBody = body(&headers, bytes, svc.config.limits.body_bytes).map_err(|o| Ok(Fail::Own(o)))?;
        let key = idempotency_key(&headers, &caller).map_err(|o| Ok(Fail::Own(o)))?;
        start(&svc, caller, body, key).await.map_err(Ok)
    }
    .await;
    match result {
        Ok((view, existing)) => {
            let status = if existing { StatusCode::OK } else { StatusCode::CREATED };
            let mut response = (status, Json(&view)).into_response();
            if let Ok(location) = HeaderValue::from_str(&format!("/api/cases/{}", view.id)) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            replayed(&mut response, existing);
            response
        }
        Err(Err(problem)) => problem.into_response(),
        Err(Ok(fail)) => fail.problem(lang).into_response(),
    }
}

fn replayed(response: &mut Response, replayed: bool) {
    if replayed {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
}

/// Starts a case for the caller, who must hold the role responsible for the
/// channel's first action; returns its view and whether its idempotency key
/// had started it already.
pub async fn start(
    svc: &Service,
    caller: Caller,
    body: StartBody,
    key: Option<String>,
) -> Result<(CaseView, bool), Fail> {
    let now = svc.clock.now();
    let application = match &body.application {
        Some(raw) => Application::from_json(raw.get()).map_err(EngineError::from)?,
        None => Application::default(),
    };
    let done = svc
        .pool
        .run(move |engine| {
            Ok((|| -> Result<(CaseView, bool), Fail> {
                if let Some(id) = key.as_deref().map(|k| engine.started_by(k)).transpose()?.flatten() {
                    return Ok((visible_case(engine, &caller, id, now)?, true));
                }
                let channel = engine.registry().channel(&body.regulation, &body.channel)?;
                let regulation = engine.registry().regulation(&body.regulation)?;
                let first = reglament_engine::registry::action(channel, channel.start)?;
                let role = responsible(&caller, regulation, first)?;
                let request = StartRequest {
                    regulation: &body.regulation,
                    channel: &body.channel,
                    form: body.form.as_deref(),
                    application,
                    actor: role,
                    at: now,
                    key: key.as_deref(),
                };
                let mut new = engine.prepare(request)?;
                new.person = Some(caller.subject.clone());
                new.applicant = if caller.is_citizen() { Some(caller.subject.clone()) } else { body.applicant.clone() };
                let inserted = engine.insert(&new)?;
                Ok((visible_case(engine, &caller, inserted.id, now)?, inserted.existing))
            })())
        })
        .await?;
    done
}

/// The role the caller acts in for `action`: its responsible participant,
/// if the caller holds it.
fn responsible(
    caller: &Caller,
    regulation: &'static reglament_runtime::RegulationSpec,
    action: &'static reglament_runtime::ActionSpec,
) -> Result<&'static str, Fail> {
    let Some(role) = action.participant else { return Err(Own::Nobody { action: action.number }.into()) };
    if caller.roles(regulation).contains(&role) {
        return Ok(role);
    }
    Err(Own::NoRole { responsible: role, action: action.number }.into())
}

/// A case's view, if the caller may see it (an unknown case otherwise, so
/// that nobody learns which cases exist).
fn visible_case(
    engine: &mut crate::AnyEngine,
    caller: &Caller,
    id: i64,
    now: reglament_runtime::LocalDateTime,
) -> Result<CaseView, Fail> {
    let timeline = engine.timeline(id)?;
    let regulation = engine.registry().regulation(&timeline.instance.regulation).unwrap_or(timeline.regulation);
    if !caller.may_see(regulation, timeline.instance.applicant.as_deref()) {
        return Err(EngineError::UnknownInstance(id).into());
    }
    // The timeline read the instance with its application: shown masked.
    Ok(views::case(&timeline, Some(&timeline.instance), now))
}

async fn show_case(State(svc): Svc, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let lang = lang(&headers);
    let caller = match svc.caller(&headers, lang) {
        Ok(c) => c,
        Err(p) => return p.into_response(),
    };
    match case_id(&id) {
        Ok(id) => answer(case(&svc, caller, id).await, lang),
        Err(own) => Problem::own(own, lang).into_response(),
    }
}

fn answer<T: serde::Serialize>(result: Result<T, Fail>, lang: Lang) -> Response {
    match result {
        Ok(value) => Json(value).into_response(),
        Err(fail) => fail.problem(lang).into_response(),
    }
}

/// A case, as the caller may see it.
pub async fn case(svc: &Service, caller: Caller, id: i64) -> Result<CaseView, Fail> {
    let now = svc.clock.now();
    svc.pool.run(move |engine| Ok(visible_case(engine, &caller, id, now))).await?
}

async fn advance_case(
    State(svc): Svc,
    headers: HeaderMap,
    Path(id): Path<String>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = lang(&headers);
    let caller = match svc.caller(&headers, lang) {
        Ok(c) => c,
        Err(p) => return p.into_response(),
    };
    let parsed = (|| {
        let id = case_id(&id)?;
        let choice = if bytes.as_ref().is_ok_and(|b| b.is_empty()) {
            Choice::Only
        } else {
            body::<AdvanceBody>(&headers, bytes, svc.config.limits.body_bytes)?.choice()?
        };
        Ok::<_, Own>((id, choice, idempotency_key(&headers, &caller)?))
    })();
    let (id, choice, key) = match parsed {
        Ok(p) => p,
        Err(own) => return Problem::own(own, lang).into_response(),
    };
    match advance(&svc, caller, id, choice, key).await {
        Ok((view, already)) => {
            let mut response = Json(&view).into_response();
            replayed(&mut response, already);
            response
        }
        Err(fail) => fail.problem(lang).into_response(),
    }
}

/// Performs a case's current action as the caller, who must hold its
/// responsible role (and, for a citizen, own the case); returns the case
/// afterwards and whether the idempotency key had committed it already.
pub async fn advance(
    svc: &Service,
    caller: Caller,
    id: i64,
    choice: Choice,
    key: Option<String>,
) -> Result<(CaseView, bool), Fail> {
    let now = svc.clock.now();
    svc.pool
        .run(move |engine| {
            Ok((|| -> Result<(CaseView, bool), Fail> {
                let instance =
                    engine.store().instance_without_application(id)?.ok_or(EngineError::UnknownInstance(id))?;
                let regulation = engine.registry().regulation(&instance.regulation)?;
                if !caller.may_see(regulation, instance.applicant.as_deref()) {
                    return Err(EngineError::UnknownInstance(id).into());
                }
                // A key already used returns what it did, before anything else is checked.
                if let Some(found) = key.as_deref().map(|k| engine.store().keyed(k)).transpose()?.flatten() {
                    if !found.start && found.instance == id {
                        return Ok((visible_case(engine, &caller, id, now)?, true));
                    }
                }
                if instance.finished {
                    return Err(EngineError::Finished(id).into());
                }
                let current = engine.current_action(&instance)?;
                let role = responsible(&caller, regulation, current)?;
                let target = match choice {
                    Choice::To(n) => Target::Action(n),
                    Choice::End => Target::End,
                    Choice::Only => Target::Only,
                    Choice::When(words) => {
                        let branch = current.next.iter().find(|b| b.when.is_some_and(|w| w.trim() == words.trim()));
                        Target::Action(branch.ok_or(Own::NoSuchBranch)?.to)
                    }
                };
                let acting = Acting { role, person: Some(&caller.subject) };
                let done = engine.advance_instance(instance, target, acting, now, key.as_deref())?;
                Ok((visible_case(engine, &caller, id, now)?, done.already_committed))
            })())
        })
        .await?
}

async fn reveal_application(State(svc): Svc, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let lang = lang(&headers);
    let caller = match svc.caller(&headers, lang) {
        Ok(c) => c,
        Err(p) => return p.into_response(),
    };
    match case_id(&id) {
        Ok(id) => answer(reveal(&svc, caller, id).await.map(|fields| json!({"case": id, "application": fields})), lang),
        Err(own) => Problem::own(own, lang).into_response(),
    }
}

/// Shows a case's application in clear to an officer of its regulation,
/// recording the disclosure (who, when) in the journal first.
pub async fn reveal(svc: &Service, caller: Caller, id: i64) -> Result<Vec<FieldValue>, Fail> {
    let now = svc.clock.now();
    if caller.is_citizen() {
        return Err(Own::OfficersOnly.into());
    }
    svc.pool
        .run(move |engine| {
            Ok((|| -> Result<Vec<FieldValue>, Fail> {
                let instance =
                    engine.store().instance_without_application(id)?.ok_or(EngineError::UnknownInstance(id))?;
                let regulation = engine.registry().regulation(&instance.regulation)?;
                if !caller.may_see(regulation, instance.applicant.as_deref()) {
                    return Err(EngineError::UnknownInstance(id).into());
                }
                let who = format!("{} ({})", caller.name, caller.subject);
                let application = engine.disclose(id, &who, now)?;
                Ok(application
                    .reveal()
                    .iter()
                    .map(|(k, v)| FieldValue { field: k.clone(), value: v.clone() })
                    .collect())
            })())
        })
        .await?
}

async fn my_tasks(State(svc): Svc, headers: HeaderMap) -> Response {
    let lang = lang(&headers);
    match svc.caller(&headers, lang) {
        Ok(caller) => answer(tasks(&svc, caller, Listing::Tasks).await, lang),
        Err(p) => p.into_response(),
    }
}

async fn cases(State(svc): Svc, headers: HeaderMap) -> Response {
    let lang = lang(&headers);
    match svc.caller(&headers, lang) {
        Ok(caller) => answer(tasks(&svc, caller, Listing::Visible).await, lang),
        Err(p) => p.into_response(),
    }
}

async fn overdue(State(svc): Svc, headers: HeaderMap) -> Response {
    let lang = lang(&headers);
    match svc.caller(&headers, lang) {
        Ok(caller) if caller.is_citizen() => Problem::own(Own::OfficersOnly, lang).into_response(),
        Ok(caller) => answer(tasks(&svc, caller, Listing::Overdue).await, lang),
        Err(p) => p.into_response(),
    }
}

/// Which open cases a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Those waiting for one of the caller's roles: "my tasks".
    Tasks,
    /// Every open case the caller may see.
    Visible,
    /// The caller's visible cases that are overdue.
    Overdue,
}

/// Open cases for the caller, most overdue first, then by id.
pub async fn tasks(svc: &Service, caller: Caller, listing: Listing) -> Result<Vec<TaskView>, Fail> {
    let now = svc.clock.now();
    svc.pool
        .run(move |engine| {
            // Only the caller's cases are assessed (each reads its journal).
            let registry = engine.registry();
            let report = engine.open_cases_where(now, |instance, action| {
                let Ok(regulation) = registry.regulation(&instance.regulation) else { return false };
                let mine = match listing {
                    Listing::Tasks => action.participant.is_some_and(|p| caller.roles(regulation).contains(&p)),
                    Listing::Visible | Listing::Overdue => true,
                };
                mine && caller.may_see(regulation, instance.applicant.as_deref())
            })?;
            let late = |row: &&OverdueRow| row.step_late.is_some() || row.service_late.is_some();
            let rows = report.rows.iter().filter(|row| listing != Listing::Overdue || late(row));
            let mut out: Vec<TaskView> = rows.map(views::task).collect();
            out.sort_by_key(|t| (std::cmp::Reverse(t.late.or(t.service_late).unwrap_or(0)), t.id));
            Ok(Ok(out))
        })
        .await?
}
