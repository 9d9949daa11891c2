//! The OpenAPI 3 document of the JSON API, served at `/api/openapi.json`
//! and checked in the tests by an independent validator. Each form's own
//! schema (JSON Schema 2020-12, written by the compiler) is served apart,
//! at the address a regulation's `forms[].schema` gives.

use serde_json::{json, Value};

fn problem() -> Value {
    json!({"description": "A problem (RFC 9457), in the language of Accept-Language",
           "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
}

fn ok(schema: &str, description: &str) -> Value {
    json!({"description": description,
           "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}})
}

fn list(schema: &str, description: &str) -> Value {
    json!({"description": description,
           "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": format!("#/components/schemas/{schema}")}}}}})
}

fn case_id() -> Value {
    json!({"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64", "minimum": 1}})
}

fn key() -> Value {
    json!({"name": "Idempotency-Key", "in": "header", "required": false,
           "description": "The same key again returns what the first request did and writes nothing (1-200 visible characters, per caller)",
           "schema": {"type": "string", "minLength": 1, "maxLength": 200}})
}

fn errors(codes: &[&str]) -> Value {
    let mut map = serde_json::Map::new();
    for code in codes {
        map.insert((*code).to_string(), problem());
    }
    Value::Object(map)
}

fn with(mut base: Value, extra: Value) -> Value {
    if let (Value::Object(b), Value::Object(e)) = (&mut base, extra) {
        b.extend(e);
    }
    base
}

/// The document.
pub fn document() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Reglament",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Kazakhstan's government-service regulations run as services: regulations, cases, tasks. Errors are RFC 9457 problems in Russian, Kazakh or English (Accept-Language)."
        },
        "security": [{"bearer": []}],
        "paths": {
            "/api/regulations": {"get": {
                "operationId": "listRegulations", "summary": "Every regulation, with its channels, forms and participants",
                "security": [],
                "responses": {"200": list("Regulation", "The regulations")}
            }},
            "/api/regulations/{id}": {"get": {
                "operationId": "getRegulation", "summary": "One regulation", "security": [],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": with(json!({"200": ok("Regulation", "The regulation")}), errors(&["404"]))
            }},
            "/api/regulations/{id}/forms/{form}/schema": {"get": {
                "operationId": "getFormSchema", "summary": "A form's JSON Schema (draft 2020-12)", "security": [],
                "parameters": [
                    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "form", "in": "path", "required": true, "schema": {"type": "string"}}
                ],
                "responses": with(json!({"200": {"description": "The schema", "content": {"application/schema+json": {"schema": {"type": "object"}}}}}), errors(&["404"]))
            }},
            "/api/cases": {
                "get": {
                    "operationId": "listCases", "summary": "The open cases the caller may see (a citizen: their own)",
                    "responses": with(json!({"200": list("Task", "The cases")}), errors(&["401"]))
                },
                "post": {
                    "operationId": "startCase", "summary": "Starts a case with an application (FLK-checked, every violation listed), as the role responsible for the first action",
                    "parameters": [key()],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Start"}}}},
                    "responses": with(json!({
                        "201": ok("Case", "Started"),
                        "200": ok("Case", "Started before with this idempotency key: nothing written")
                    }), errors(&["400", "401", "403", "404", "409", "413", "415", "422"]))
                }
            },
            "/api/cases/{id}": {"get": {
                "operationId": "getCase", "summary": "A case: its steps with due dates, the ways on, the application masked",
                "parameters": [case_id()],
                "responses": with(json!({"200": ok("Case", "The case")}), errors(&["400", "401", "404"]))
            }},
            "/api/cases/{id}/advance": {"post": {
                "operationId": "advanceCase", "summary": "Performs the current action (its responsible role only) and moves on: to an action, along a branch named by the document's words, or to the end",
                "parameters": [case_id(), key()],
                "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Advance"}}}},
                "responses": with(json!({"200": ok("Case", "The case afterwards")}), errors(&["400", "401", "403", "404", "409", "413", "415", "422"]))
            }},
            "/api/cases/{id}/application": {"post": {
                "operationId": "revealApplication", "summary": "The application in clear, for an officer; the journal records the disclosure",
                "parameters": [case_id()],
                "responses": with(json!({"200": ok("Revealed", "The application")}), errors(&["401", "403", "404"]))
            }},
            "/api/tasks": {"get": {
                "operationId": "myTasks", "summary": "The open cases waiting for one of the caller's roles, most overdue first",
                "responses": with(json!({"200": list("Task", "The tasks")}), errors(&["401"]))
            }},
            "/api/overdue": {"get": {
                "operationId": "overdueCases", "summary": "The caller's visible cases that are overdue (officers)",
                "responses": with(json!({"200": list("Task", "The overdue cases")}), errors(&["401", "403"]))
            }},
            "/api/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document", "security": [],
                "responses": {"200": {"description": "The document", "content": {"application/json": {"schema": {"type": "object"}}}}}
            }}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
            "schemas": schemas()
        }
    })
}

fn schemas() -> Value {
    let text = json!({"type": "string"});
    let opt_text = json!({"type": "string", "nullable": true});
    let int = json!({"type": "integer"});
    let opt_int = json!({"type": "integer", "nullable": true});
    json!({
        "Problem": {"type": "object", "required": ["type", "title", "status", "detail", "code"], "properties": {
            "type": text, "title": text, "status": int, "detail": text,
            "code": {"type": "string", "pattern": "^R[0-9]{4}$"},
            "violations": {"type": "array", "items": {"type": "object", "properties": {"field": text, "name": text, "rule": text, "flk": int}}},
            "next": {"type": "array", "items": {"type": "object", "properties": {"to": int, "when": opt_text}}}
        }},
        "Start": {"type": "object", "required": ["regulation", "channel"], "additionalProperties": false, "properties": {
            "regulation": text, "channel": text, "form": opt_text,
            "application": {"type": "object", "additionalProperties": {"type": "string"}},
            "applicant": opt_text
        }},
        "Advance": {"type": "object", "additionalProperties": false, "properties": {
            "to": {"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "enum": ["end"]}]},
            "when": {"type": "string", "description": "A branch, by the document's words"}
        }},
        "Next": {"type": "object", "required": ["to", "action"], "properties": {"to": int, "when": opt_text, "action": text}},
        "Case": {"type": "object", "required": ["id", "regulation", "channel", "status", "version", "steps", "next"], "properties": {
            "id": int, "regulation": text, "regulation_title": text, "channel": text, "channel_title": text,
            "status": {"type": "string", "enum": ["in_progress", "finished"]}, "version": int, "started_at": text,
            "applicant": opt_text, "flk": text, "can_end": {"type": "boolean"},
            "current": {"type": "object", "nullable": true, "properties": {
                "action": int, "participant": opt_text, "sfe": text, "text": text, "due": opt_text, "late": opt_int}},
            "next": {"type": "array", "items": {"$ref": "#/components/schemas/Next"}},
            "steps": {"type": "array", "items": {"type": "object", "properties": {
                "action": int, "text": text, "participant": opt_text, "entered": text, "branch": opt_text, "left": opt_text,
                "done_by": opt_text, "done_by_person": opt_text, "due": opt_text, "late": opt_int}}},
            "service_due": opt_text, "service_late": opt_int,
            "disclosures": {"type": "array", "items": {"type": "object", "properties": {"who": text, "at": text}}},
            "application": {"type": "array", "nullable": true, "items": {"$ref": "#/components/schemas/FieldValue"}}
        }},
        "FieldValue": {"type": "object", "required": ["field", "value"], "properties": {"field": text, "value": text}},
        "Revealed": {"type": "object", "properties": {"case": int, "application": {"type": "array", "items": {"$ref": "#/components/schemas/FieldValue"}}}},
        "Task": {"type": "object", "required": ["id", "regulation", "channel", "action"], "properties": {
            "id": int, "regulation": text, "channel": text, "action": int, "text": text, "participant": opt_text,
            "due": opt_text, "late": opt_int, "service_due": opt_text, "service_late": opt_int}},
        "Regulation": {"type": "object", "required": ["id", "title", "channels", "forms"], "properties": {
            "id": text, "title": text, "language": {"type": "string", "enum": ["ru", "kk"]},
            "status": {"type": "string", "enum": ["in_force", "repealed"]}, "region": opt_text,
            "participants": {"type": "array", "items": {"type": "object", "properties": {"id": text, "kind": text, "name": text}}},
            "forms": {"type": "array", "items": {"type": "object", "properties": {
                "id": text, "title": text, "schema": text,
                "fields": {"type": "array", "items": {"type": "object", "properties": {"id": text, "required": {"type": "boolean"}}}}}}},
            "channels": {"type": "array", "items": {"type": "object", "properties": {
                "id": text, "kind": text, "title": text, "start": int,
                "actions": {"type": "array", "items": {"type": "object", "properties": {
                    "number": int, "participant": opt_text, "sfe": text, "action": text, "deadline": opt_text,
                    "next": {"type": "array", "items": {"$ref": "#/components/schemas/Next"}}}}}}}}
        }}
    })
}
