//! The web desk: server-rendered HTML (minijinja, no script, nothing from a
//! network) for officers and citizens, in Russian and Kazakh.
//!
//! - `/desk/login`: a token pasted in (an identity provider's), or in demo
//!   mode a button per configured officer and a citizen; the token is kept
//!   in an HttpOnly, SameSite=Strict cookie;
//! - `/desk`: an officer's inbox (their tasks, due dates, overdue ones
//!   marked), a citizen's cases;
//! - `/desk/cases/{id}`: the timeline, the application masked (revealed on
//!   request, which the journal records), the allowed next steps as buttons
//!   in the document's words.
//!
//! Buttons post forms; a post from another site is refused (the cookie is
//! SameSite=Strict and the Origin must be this host), and each button
//! carries the case's version as an idempotency key, so a double click
//! moves a case once.

use std::sync::{Arc, OnceLock};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use minijinja::{context, Environment, UndefinedBehavior, Value};
use reglament_engine::Lang;
use serde::Deserialize;

use crate::api::{self, Choice, Fail, Listing};
use crate::auth::Claims;
use crate::problem::Problem;
use crate::{Caller, Service, TOKEN_COOKIE};

const LANG_COOKIE: &str = "reglament_lang";

/// The desk's routes.
pub fn router() -> Router<Arc<Service>> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/desk") }))
        .route("/desk", get(home))
        .route("/desk/login", get(login_page).post(login))
        .route("/desk/logout", post(logout))
        .route("/desk/cases/{id}", get(case_page))
        .route("/desk/cases/{id}/advance", post(advance))
        .route("/desk/cases/{id}/reveal", post(reveal))
}

fn templates() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Chainable);
        for (name, text) in [
            ("base.html", include_str!("../templates/base.html")),
            ("login.html", include_str!("../templates/login.html")),
            ("inbox.html", include_str!("../templates/inbox.html")),
            ("case.html", include_str!("../templates/case.html")),
        ] {
            // The templates are part of the binary and tested: a broken one fails every desk test.
            let _ = env.add_template(name, text);
        }
        env.add_filter("duration", |secs: i64| reglament_engine::report::duration(secs));
        env
    })
}

/// The desk's words.
fn words(lang: Lang) -> Value {
    let ru = lang != Lang::Kk;
    let w = |r: &'static str, k: &'static str| if ru { r } else { k };
    Value::from_serialize(serde_json::json!({
        "inbox": w("Мои задачи", "Менің тапсырмаларым"),
        "my_cases": w("Мои дела", "Менің істерім"),
        "sign_in": w("Вход", "Кіру"),
        "sign_out": w("Выйти", "Шығу"),
        "token": w("Токен доступа (JWT)", "Қол жеткізу токені (JWT)"),
        "demo_note": w("Демонстрационный режим: войти как", "Демонстрациялық режим: кім ретінде кіру"),
        "case": w("Дело", "Іс"),
        "regulation": w("Регламент / канал", "Регламент / арна"),
        "channel": w("Канал", "Арна"),
        "action": w("Действие", "Әрекет"),
        "responsible": w("Ответственный", "Жауапты"),
        "due": w("Срок", "Мерзімі"),
        "service_due": w("Срок услуги", "Қызмет мерзімі"),
        "overdue_by": w("просрочено на", "мерзімі өтті:"),
        "late_by": w("позже на", "кешікті:"),
        "on_time": w("в срок", "мерзімінде"),
        "nothing": w("Задач нет.", "Тапсырма жоқ."),
        "status": w("Состояние", "Күйі"),
        "finished": w("завершено", "аяқталды"),
        "in_progress": w("в работе", "орындалуда"),
        "started": w("Заявление принято", "Өтініш қабылданды"),
        "now_action": w("Текущее действие", "Ағымдағы әрекет"),
        "finish": w("Завершить услугу", "Қызметті аяқтау"),
        "timeline": w("Ход дела", "Іс барысы"),
        "entered": w("Начато", "Басталды"),
        "left": w("Завершено", "Аяқталды"),
        "done_by": w("Кем выполнено", "Кім орындады"),
        "application": w("Заявление", "Өтініш"),
        "reveal": w("Показать персональные данные (будет записано в журнал)", "Дербес деректерді көрсету (журналға жазылады)"),
        "revealed_note": w("Персональные данные показаны вам; журнал записал, кто и когда их смотрел.", "Дербес деректер сізге көрсетілді; журнал кім және қашан қарағанын жазды."),
        "disclosures": w("Кому показывались персональные данные", "Дербес деректер кімге көрсетілді"),
    }))
}

fn lang_of(headers: &HeaderMap, query: &LangQuery) -> Lang {
    query
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| crate::cookie(headers, LANG_COOKIE).as_deref().and_then(Lang::from_tag))
        .map(|l| if l == Lang::En { Lang::Ru } else { l })
        .unwrap_or_else(|| match crate::lang_of(headers, Lang::Ru) {
            Lang::Kk => Lang::Kk,
            _ => Lang::Ru,
        })
}

/// `?lang=kk`: the desk's language, kept in a cookie.
#[derive(Debug, Default, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

fn render(name: &str, lang: Lang, ctx: Value) -> Response {
    let env = templates();
    let page = env.get_template(name).and_then(|t| t.render(context! { lang => lang.tag(), t => words(lang), ..ctx }));
    match page {
        Ok(html) => {
            let mut response = Html(html).into_response();
            if let Ok(cookie) = HeaderValue::from_str(&format!("{LANG_COOKIE}={}; Path=/; SameSite=Strict", lang.tag()))
            {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => {
            eprintln!("desk: template {name}: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

fn caller_value(caller: &Caller) -> Value {
    Value::from_serialize(serde_json::json!({"name": caller.name, "citizen": caller.is_citizen()}))
}

async fn home(State(svc): State<Arc<Service>>, headers: HeaderMap, Query(q): Query<LangQuery>) -> Response {
    let lang = lang_of(&headers, &q);
    let Ok(caller) = svc.caller(&headers, lang) else { return Redirect::to("/desk/login").into_response() };
    let listing = if caller.is_citizen() { Listing::Visible } else { Listing::Tasks };
    let title = if caller.is_citizen() {
        lang.pick("", "Мои дела", "Менің істерім")
    } else {
        lang.pick("", "Мои задачи", "Менің тапсырмаларым")
    };
    match api::tasks(&svc, caller.clone(), listing).await {
        Ok(tasks) => render("inbox.html", lang, context! { title, caller => caller_value(&caller), tasks }),
        Err(fail) => error_page(&fail, lang, Some(&caller)),
    }
}

fn error_page(fail: &Fail, lang: Lang, caller: Option<&Caller>) -> Response {
    let problem = fail.problem(lang);
    let mut response = render(
        "login.html",
        lang,
        context! { title => problem.title.clone(), error => problem.detail.clone(), caller => caller.map(caller_value) },
    );
    *response.status_mut() = problem.status;
    response
}

async fn login_page(State(svc): State<Arc<Service>>, headers: HeaderMap, Query(q): Query<LangQuery>) -> Response {
    let lang = lang_of(&headers, &q);
    render("login.html", lang, context! { title => lang.pick("", "Вход", "Кіру"), demo => demo_people(&svc) })
}

fn demo_people(svc: &Service) -> Option<Vec<serde_json::Value>> {
    let demo = svc.config.demo.as_ref()?;
    svc.demo.as_ref()?;
    let mut people: Vec<serde_json::Value> =
        svc.config.officers.iter().map(|o| serde_json::json!({"subject": o.subject, "name": o.name})).collect();
    people.push(serde_json::json!({"subject": demo.citizen, "name": format!("{} ({})", demo.citizen, "citizen")}));
    Some(people)
}

/// The sign-in form: a token, or in demo mode a person to be.
#[derive(Debug, Deserialize)]
struct LoginForm {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    demo: Option<String>,
}

async fn login(State(svc): State<Arc<Service>>, headers: HeaderMap, Form(form): Form<LoginForm>) -> Response {
    let lang = lang_of(&headers, &LangQuery::default());
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let token = match (form.token.filter(|t| !t.trim().is_empty()), form.demo, &svc.demo) {
        (Some(token), _, _) => token.trim().to_string(),
        // Demo mode signs in only the people its page offers.
        (None, Some(subject), Some(key))
            if demo_people(&svc).is_some_and(|p| p.iter().any(|x| x["subject"] == subject)) =>
        {
            let now = svc.clock.unix();
            let claims = Claims {
                sub: subject,
                name: None,
                exp: now + 8 * 3600,
                iat: now,
                iss: svc.config.auth.issuer.clone(),
                aud: svc.config.auth.audience.clone(),
            };
            match key.issue(&claims) {
                Ok(token) => token,
                Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }
        _ => String::new(),
    };
    if let Err(problem) =
        svc.verifier.verify(&token, svc.clock.unix()).map_err(|p| Problem::own(crate::problem::Own::Token(p), lang))
    {
        let mut response = render(
            "login.html",
            lang,
            context! { title => problem.title.clone(), error => problem.detail.clone(), demo => demo_people(&svc) },
        );
        *response.status_mut() = StatusCode::UNAUTHORIZED;
        return response;
    }
    let mut response = Redirect::to("/desk").into_response();
    let secure = if svc.config.secure_cookies() { "; Secure" } else { "" };
    if let Ok(cookie) =
        HeaderValue::from_str(&format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}"))
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

async fn logout(headers: HeaderMap) -> Response {
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut response = Redirect::to("/desk/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static("reglament_token=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    response
}

/// A form posted from another site is refused: when the browser says where
/// the post comes from, it must be this host.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return true };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

async fn case_page(
    State(svc): State<Arc<Service>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = lang_of(&headers, &q);
    let Ok(caller) = svc.caller(&headers, lang) else { return Redirect::to("/desk/login").into_response() };
    show(&svc, caller, id, lang, None, None).await
}

async fn show(
    svc: &Service,
    caller: Caller,
    id: i64,
    lang: Lang,
    error: Option<String>,
    revealed: Option<Vec<crate::views::FieldValue>>,
) -> Response {
    match api::case(svc, caller.clone(), id).await {
        Ok(case) => {
            let may_act = may_act(&caller, &case);
            let title = format!("№ {}", case.id);
            render(
                "case.html",
                lang,
                context! { title, caller => caller_value(&caller), case, may_act, error, revealed },
            )
        }
        Err(fail) => error_page(&fail, lang, Some(&caller)),
    }
}

/// Whether the caller holds the role of the case's current action.
fn may_act(caller: &Caller, case: &crate::views::CaseView) -> bool {
    let registry = reglament_engine::Registry::default();
    let Ok(regulation) = registry.regulation(&case.regulation) else { return false };
    case.current.as_ref().and_then(|c| c.participant).is_some_and(|p| caller.roles(regulation).contains(&p))
}

/// A button: where to go, and the version the page showed.
#[derive(Debug, Deserialize)]
struct AdvanceForm {
    to: String,
    version: i64,
}

async fn advance(
    State(svc): State<Arc<Service>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<AdvanceForm>,
) -> Response {
    let lang = lang_of(&headers, &LangQuery::default());
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let Ok(caller) = svc.caller(&headers, lang) else { return Redirect::to("/desk/login").into_response() };
    let choice = match form.to.as_str() {
        "end" => Choice::End,
        n => match n.parse() {
            Ok(n) => Choice::To(n),
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        },
    };
    // The page's version and the button make the key: a second click of the
    // same button returns the first one's move.
    let key = format!("desk:{}.{}:{id}:{}:{}", caller.subject.len(), caller.subject, form.version, form.to);
    match api::advance(&svc, caller.clone(), id, choice, Some(key)).await {
        Ok(_) => Redirect::to(&format!("/desk/cases/{id}")).into_response(),
        Err(fail) => {
            let detail = fail.problem(lang).detail;
            show(&svc, caller, id, lang, Some(detail), None).await
        }
    }
}

async fn reveal(State(svc): State<Arc<Service>>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let lang = lang_of(&headers, &LangQuery::default());
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let Ok(caller) = svc.caller(&headers, lang) else { return Redirect::to("/desk/login").into_response() };
    match api::reveal(&svc, caller.clone(), id).await {
        Ok(fields) => show(&svc, caller, id, lang, None, Some(fields)).await,
        Err(fail) => {
            let detail = fail.problem(lang).detail;
            show(&svc, caller, id, lang, Some(detail), None).await
        }
    }
}
