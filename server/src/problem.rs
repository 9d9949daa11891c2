//! Errors as RFC 9457 problem details (`application/problem+json`), in the
//! caller's language (`Accept-Language`: Russian, Kazakh or English), with
//! the same codes and words as the command line: the engine's errors come
//! from its catalog (`reglament_engine::messages`), the service's own from
//! the catalog below. A problem never carries personal data.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use reglament_engine::messages::{Kind, Lang};
use reglament_engine::EngineError;
use serde_json::{json, Value};

use crate::auth::TokenProblem;

/// A problem to send.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable code (`R0301`).
    pub code: &'static str,
    /// The code's title.
    pub title: String,
    /// What happened and what to do.
    pub detail: String,
    /// The language of title and detail.
    pub lang: Lang,
    /// More members: FLK violations, the ways on.
    pub extra: Option<(&'static str, Value)>,
}

/// The service's own problems, beside the engine's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Own {
    /// 401: a token is missing, invalid, expired or for another party.
    Token(TokenProblem),
    /// 403: the caller has no role that performs the current action.
    NoRole {
        /// The participant responsible.
        responsible: &'static str,
        /// The action.
        action: u32,
    },
    /// 403: only officers may do this.
    OfficersOnly,
    /// 413: the body is larger than the limit.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// 400: the body is not the JSON this endpoint takes.
    Malformed,
    /// 415: the body is not JSON.
    NotJson,
    /// 404: no such endpoint.
    NoRoute,
    /// 405: the endpoint takes another method.
    Method,
    /// 408: the body came too slowly.
    Slow,
    /// 422: an action whose table names nobody cannot be performed through the service.
    Nobody {
        /// The action.
        action: u32,
    },
    /// 422: a branch named by words the table does not have.
    NoSuchBranch,
    /// 400: an idempotency key too long or empty.
    BadKey,
    /// 503: the store cannot be reached.
    Unavailable,
}

impl Own {
    /// The code of every problem of the service's own (docs/serve.md lists them).
    pub const CODES: [&'static str; 13] = [
        "R0701", "R0702", "R0703", "R0704", "R0705", "R0706", "R0707", "R0708", "R0709", "R0710", "R0711", "R0712",
        "R0713",
    ];

    fn parts(self, lang: Lang) -> (StatusCode, &'static str, &'static str, String) {
        match self {
            Own::Token(p) => (
                StatusCode::UNAUTHORIZED,
                "R0701",
                lang.pick("Sign in", "Требуется вход", "Кіру қажет"),
                match p {
                    TokenProblem::Missing => lang.pick(
                        "send a bearer token (Authorization: Bearer …)",
                        "передайте токен (Authorization: Bearer …)",
                        "токенді жіберіңіз (Authorization: Bearer …)",
                    ),
                    TokenProblem::Invalid => lang.pick(
                        "the token is not valid: it is not signed by a key this service trusts",
                        "токен недействителен: он не подписан ключом, которому доверяет служба",
                        "токен жарамсыз: оған қызмет сенетін кілт қол қоймаған",
                    ),
                    TokenProblem::Expired => {
                        lang.pick("the token has expired: sign in again", "срок токена истёк: войдите снова", "токеннің мерзімі өтті: қайта кіріңіз")
                    }
                    TokenProblem::WrongParty => lang.pick(
                        "the token was issued by another issuer or for another audience",
                        "токен выдан другим издателем или для другого получателя",
                        "токенді басқа беруші немесе басқа алушы үшін берген",
                    ),
                }
                .to_string(),
            ),
            Own::NoRole { responsible, action } => (
                StatusCode::FORBIDDEN,
                "R0702",
                lang.pick("Not your role", "Не ваша роль", "Сіздің рөліңіз емес"),
                lang.pick(
                    format!("action {action} is performed by `{responsible}`, a role you do not have here"),
                    format!("действие {action} выполняет `{responsible}` — у вас здесь нет этой роли"),
                    format!("{action}-әрекетті `{responsible}` орындайды — сізде мұнда бұл рөл жоқ"),
                ),
            ),
            Own::OfficersOnly => (
                StatusCode::FORBIDDEN,
                "R0703",
                lang.pick("Officers only", "Только для сотрудников", "Тек қызметкерлерге"),
                lang.pick(
                    "only officers configured for this service may do this",
                    "это могут только сотрудники, указанные в настройках службы",
                    "мұны тек қызмет баптауларында көрсетілген қызметкерлер жасай алады",
                )
                .to_string(),
            ),
            Own::TooLarge { limit } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "R0704",
                lang.pick("Request too large", "Запрос слишком велик", "Сұрау тым үлкен"),
                lang.pick(
                    format!("the body is larger than the limit of {limit} bytes; nothing was written"),
                    format!("тело запроса больше предела в {limit} байт; ничего не записано"),
                    format!("сұрау денесі {limit} байт шегінен үлкен; ештеңе жазылмады"),
                ),
            ),
            Own::Malformed => (
                StatusCode::BAD_REQUEST,
                "R0705",
                lang.pick("Malformed request", "Неверный запрос", "Қате сұрау"),
                lang.pick(
                    "the body is not the JSON this endpoint takes (see /api/openapi.json); nothing was written",
                    "тело запроса — не тот JSON, который принимает этот адрес (см. /api/openapi.json); ничего не записано",
                    "сұрау денесі бұл мекенжай қабылдайтын JSON емес (/api/openapi.json қараңыз); ештеңе жазылмады",
                )
                .to_string(),
            ),
            Own::NotJson => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "R0706",
                lang.pick("JSON expected", "Ожидается JSON", "JSON күтіледі"),
                lang.pick(
                    "send the body as application/json",
                    "передайте тело как application/json",
                    "денені application/json ретінде жіберіңіз",
                )
                .to_string(),
            ),
            Own::NoRoute => (
                StatusCode::NOT_FOUND,
                "R0707",
                lang.pick("No such endpoint", "Нет такого адреса", "Мұндай мекенжай жоқ"),
                lang.pick(
                    "the service has no such endpoint; /api/openapi.json lists them",
                    "у службы нет такого адреса; список — в /api/openapi.json",
                    "қызметте мұндай мекенжай жоқ; тізімі /api/openapi.json ішінде",
                )
                .to_string(),
            ),
            Own::Method => (
                StatusCode::METHOD_NOT_ALLOWED,
                "R0708",
                lang.pick("Method not allowed", "Метод не поддерживается", "Әдіс қолдау көрсетілмейді"),
                lang.pick(
                    "this endpoint takes another method; /api/openapi.json says which",
                    "этот адрес принимает другой метод; см. /api/openapi.json",
                    "бұл мекенжай басқа әдісті қабылдайды; /api/openapi.json қараңыз",
                )
                .to_string(),
            ),
            Own::Slow => (
                StatusCode::REQUEST_TIMEOUT,
                "R0709",
                lang.pick("Request too slow", "Запрос слишком медленный", "Сұрау тым баяу"),
                lang.pick(
                    "the body did not arrive in time; nothing was written",
                    "тело запроса не пришло вовремя; ничего не записано",
                    "сұрау денесі уақытында келмеді; ештеңе жазылмады",
                )
                .to_string(),
            ),
            Own::Nobody { action } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "R0710",
                lang.pick("Nobody is responsible", "Ответственный не указан", "Жауапты көрсетілмеген"),
                lang.pick(
                    format!("the table names nobody responsible for action {action}, so the service cannot tell who may perform it"),
                    format!("таблица не называет ответственного за действие {action}, поэтому служба не может знать, кто его выполняет"),
                    format!("кесте {action}-әрекетке жауаптыны атамайды, сондықтан қызмет оны кім орындайтынын біле алмайды"),
                ),
            ),
            Own::NoSuchBranch => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "R0711",
                lang.pick("No such branch", "Нет такой ветви", "Мұндай тармақ жоқ"),
                lang.pick(
                    "no way on from the current action has these words; the case's `next` lists them",
                    "ни один путь от текущего действия не назван этими словами; их перечисляет `next` дела",
                    "ағымдағы әрекеттен бұл сөздермен аталған жол жоқ; оларды істің `next` тізімі береді",
                )
                .to_string(),
            ),
            Own::BadKey => (
                StatusCode::BAD_REQUEST,
                "R0712",
                lang.pick("Bad idempotency key", "Неверный ключ идемпотентности", "Идемпотенттік кілт қате"),
                lang.pick(
                    "an Idempotency-Key is 1 to 200 visible characters",
                    "Idempotency-Key — от 1 до 200 видимых знаков",
                    "Idempotency-Key — 1-ден 200-ге дейін көрінетін таңба",
                )
                .to_string(),
            ),
            Own::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "R0713",
                lang.pick("Store unavailable", "Хранилище недоступно", "Қойма қолжетімсіз"),
                lang.pick(
                    "the store cannot be reached now; nothing was written; try again",
                    "хранилище сейчас недоступно; ничего не записано; повторите",
                    "қойма қазір қолжетімсіз; ештеңе жазылмады; қайталаңыз",
                )
                .to_string(),
            ),
        }
    }
}

impl Problem {
    /// One of the service's own problems.
    pub fn own(own: Own, lang: Lang) -> Problem {
        let (status, code, title, detail) = own.parts(lang);
        Problem { status, code, title: title.to_string(), detail, lang, extra: None }
    }

    /// An engine error, with its code and words from the engine's catalog.
    pub fn engine(e: &EngineError, lang: Lang) -> Problem {
        if let EngineError::Store(reglament_engine::StoreError::Database { doing: crate::pg::CONNECTING, .. }) = e {
            eprintln!("error R0713: {e}");
            return Problem::own(Own::Unavailable, lang);
        }
        let status = match e.kind() {
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Conflict => StatusCode::CONFLICT,
            Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let extra = match e {
            EngineError::Refused { unknown, violations } => {
                let mut list: Vec<Value> = violations
                    .0
                    .iter()
                    .map(|v| {
                        let rule = match v.rule {
                            reglament_runtime::Rule::Required => "required",
                            reglament_runtime::Rule::MaxChars { .. } => "max_chars",
                            reglament_runtime::Rule::Format(_) => "format",
                        };
                        json!({"field": v.field, "name": v.name, "rule": rule, "flk": v.rule_number,
                               "message": reglament_engine::messages::violation(v, lang)})
                    })
                    .collect();
                if let Some(reglament_engine::ApplicationProblem::UnknownFields { fields, .. }) = unknown {
                    let message =
                        lang.pick("the form has no such field", "в форме нет такого поля", "нысанда мұндай өріс жоқ");
                    list.extend(fields.iter().map(|f| json!({"field": f, "rule": "unknown", "message": message})));
                }
                Some(("violations", Value::Array(list)))
            }
            EngineError::ChooseNext { choices, .. } => {
                Some(("next", Value::Array(choices.iter().map(|(to, when)| json!({"to": to, "when": when})).collect())))
            }
            _ => None,
        };
        // Internal errors say what failed in the log, not to the caller.
        let detail = if status == StatusCode::INTERNAL_SERVER_ERROR {
            eprintln!("error {}: {e}", e.code());
            lang.pick(
                "the service failed; nothing was written; the operator's log has the details",
                "сбой службы; ничего не записано; подробности — в журнале оператора",
                "қызмет істен шықты; ештеңе жазылмады; толығы оператор журналында",
            )
            .to_string()
        } else {
            e.message(lang)
        };
        Problem { status, code: e.code(), title: e.title(lang).to_string(), detail, lang, extra }
    }

    /// The problem as JSON.
    pub fn body(&self) -> Value {
        let mut body = json!({
            "type": format!("urn:reglament:problem:{}", self.code),
            "title": self.title,
            "status": self.status.as_u16(),
            "detail": self.detail,
            "code": self.code,
        });
        if let (Some((name, value)), Value::Object(map)) = (&self.extra, &mut body) {
            map.insert((*name).to_string(), value.clone());
        }
        body
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = self.body().to_string();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(self.lang.tag()));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
