#!/usr/bin/env python3
"""A stand-in for GitHub's REST API for build/workflow-e2e.sh: every endpoint ci-migrate calls from the documented
workflows, with GITHUB_TOKEN's rules.

Tokens are the ones build/e2e/workflow.py issued, one per job, listed in <state>/github/tokens.json with the job's
`permissions:`; a request its token's permissions do not cover is answered 403 as GitHub answers it ("Resource not
accessible by integration"), and so is every write with a fork pull request's token. Without a `permissions:` key a
job's token can do everything (GitHub's permissive default). State (comments per issue, deployments and their
statuses, commit statuses) is kept in memory for the server's life, i.e. across the workflow runs of one e2e run;
environment approvals are read from <state>/github/approvals/<run id>.json, which the runner writes when a job's
reviewers approve. Every request is appended to <state>/github/requests.jsonl (method, path, token, status, body).

Usage: fake_github.py <state folder> <owner/repo>   (writes <state>/github/port when it listens)
"""
import json
import os
import re
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

state, repository = sys.argv[1], sys.argv[2]
folder = os.path.join(state, "github")
os.makedirs(folder, exist_ok=True)
lock = threading.Lock()
comments = {}          # issue number -> [comment]
deployments = []       # [deployment]
deployment_statuses = {}  # deployment id -> [status]
commit_statuses = {}   # sha -> [status]
next_id = [1000]
BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
REPO = re.escape(repository)
ROUTES = []


def route(method, pattern, permission):
    def register(handler):
        ROUTES.append((method, re.compile(f"^/repos/{REPO}{pattern}$"), permission, handler))
        return handler
    return register


def new_id():
    next_id[0] += 1
    return next_id[0]


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@route("GET", r"/issues/(\d+)/comments", ("pull-requests", "read"))
def list_comments(match, query, body):
    return 200, comments.get(int(match.group(1)), [])


@route("POST", r"/issues/(\d+)/comments", ("pull-requests", "write"))
def create_comment(match, query, body):
    number = int(match.group(1))
    created = {"id": new_id(), "body": body["body"], "user": BOT, "created_at": now(),
               "html_url": f"https://github.com/{repository}/pull/{number}#issuecomment-{next_id[0]}"}
    comments.setdefault(number, []).append(created)
    return 201, created


@route("PATCH", r"/issues/comments/(\d+)", ("pull-requests", "write"))
def edit_comment(match, query, body):
    for thread in comments.values():
        for existing in thread:
            if existing["id"] == int(match.group(1)):
                existing["body"] = body["body"]
                return 200, existing
    return 404, {"message": "Not Found"}


@route("GET", r"/actions/runs/(\d+)/approvals", ("actions", "read"))
def run_approvals(match, query, body):
    path = os.path.join(folder, "approvals", f"{match.group(1)}.json")
    approvals = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else []
    return 200, [{"state": "approved", "comment": "", "user": {"login": approval["login"]},
                  "environments": [{"name": approval["environment"]}]} for approval in approvals]


@route("POST", r"/deployments", ("deployments", "write"))
def create_deployment(match, query, body):
    for required in ("ref",):
        if required not in body:
            return 422, {"message": f"Invalid request: {required} is required"}
    deployment = {"id": new_id(), "sha": body.get("sha") or body["ref"], "ref": body["ref"],
                  "environment": body.get("environment", "production"), "task": body.get("task", "deploy"),
                  "payload": body.get("payload", {}), "description": body.get("description"),
                  "creator": BOT, "created_at": now(), "transient_environment": body.get("transient_environment", False),
                  "production_environment": body.get("production_environment", False)}
    if isinstance(deployment["payload"], str):
        deployment["payload"] = json.loads(deployment["payload"] or "{}")
    deployments.append(deployment)
    return 201, deployment


@route("GET", r"/deployments", ("deployments", "read"))
def list_deployments(match, query, body):
    found = [d for d in deployments
             if all(d.get(key) == query[key][0] for key in ("sha", "ref", "environment", "task") if key in query)]
    return 200, list(reversed(found))


@route("POST", r"/deployments/(\d+)/statuses", ("deployments", "write"))
def create_deployment_status(match, query, body):
    identifier = int(match.group(1))
    if not any(d["id"] == identifier for d in deployments):
        return 404, {"message": "Not Found"}
    status = {"id": new_id(), "state": body["state"], "description": body.get("description", ""),
              "environment": body.get("environment"), "creator": BOT, "created_at": now()}
    deployment_statuses.setdefault(identifier, []).insert(0, status)
    return 201, status


@route("GET", r"/deployments/(\d+)/statuses", ("deployments", "read"))
def list_deployment_statuses(match, query, body):
    return 200, deployment_statuses.get(int(match.group(1)), [])


@route("POST", r"/statuses/([0-9a-f]{40})", ("statuses", "write"))
def create_commit_status(match, query, body):
    status = {"id": new_id(), "state": body["state"], "context": body.get("context", "default"),
              "description": body.get("description", ""), "target_url": body.get("target_url"), "creator": BOT,
              "created_at": now()}
    commit_statuses.setdefault(match.group(1), []).insert(0, status)
    return 201, status


@route("GET", r"/commits/([0-9a-f]{40})/statuses", ("statuses", "read"))
def list_commit_statuses(match, query, body):
    return 200, commit_statuses.get(match.group(1), [])


def allowed(token, permission, method):
    tokens_file = os.path.join(folder, "tokens.json")
    tokens = json.load(open(tokens_file, encoding="utf-8")) if os.path.exists(tokens_file) else {}
    issued = tokens.get(token)
    if issued is None:
        return 401, "Bad credentials"
    scope, level = permission
    if issued["fork"] and (level == "write" or method != "GET"):
        return 403, "Resource not accessible by integration"
    permissions = issued["permissions"]
    if permissions in ("write-all",) or permissions == {} and not issued.get("explicit"):
        return None
    granted = permissions.get(scope, "none")
    if granted == "write" or (granted == "read" and level == "read"):
        return None
    return 403, "Resource not accessible by integration"


class Handler(BaseHTTPRequestHandler):
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8") if length else ""
        parts = urlsplit(self.path)
        authorization = self.headers.get("Authorization") or ""
        token = authorization.split(" ", 1)[1] if " " in authorization else ""
        with lock:
            status, payload = self.dispatch(parts, token, raw)
            with open(os.path.join(folder, "requests.jsonl"), "a", encoding="utf-8") as log:
                log.write(json.dumps({"method": self.command, "path": self.path, "token": token,
                                      "status": status, "body": raw}) + "\n")
        self.reply(status, payload)

    def dispatch(self, parts, token, raw):
        if self.command == "GET" and parts.path == "/user":
            return 403, {"message": "Resource not accessible by integration"}
        for method, pattern, permission, handler in ROUTES:
            match = pattern.match(parts.path)
            if method == self.command and match:
                refused = allowed(token, permission, method)
                if refused:
                    return refused[0], {"message": refused[1]}
                body = json.loads(raw) if raw else {}
                return handler(match, parse_qs(parts.query), body)
        return 404, {"message": "Not Found"}

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any

    def reply(self, status, payload):
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(folder, "port.tmp"), "w", encoding="utf-8") as f:
    f.write(str(server.server_address[1]))
# Written whole, then renamed: the script waits for the file and must never read half a port number.
os.replace(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
server.serve_forever()
