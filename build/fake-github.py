#!/usr/bin/env python3
"""A stand-in for GitHub's REST API, enough for ci-migrate's sticky pull request comment, for the container smoke test
(build/container-smoke.sh). It behaves as the API does for a workflow's GITHUB_TOKEN: GET /user is forbidden (the
token belongs to github-actions[bot]), comments are listed, created and edited and kept in memory. Every request is
appended to the log as one JSON line (method, path with query, authorization, body) for the smoke test to check; any
other request is answered 404 and logged all the same.
Usage: fake-github.py <port file> <log file> <owner/repo> <pull request number>"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

port_file, log_file, repository, pull_request = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
comments_path = f"/repos/{repository}/issues/{pull_request}/comments"
comment_prefix = f"/repos/{repository}/issues/comments/"
comments = []
BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}


def comment(number, body):
    return {"id": number, "body": body, "user": BOT,
            "html_url": f"https://github.com/{repository}/pull/{pull_request}#issuecomment-{number}"}


class Handler(BaseHTTPRequestHandler):
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        with open(log_file, "a", encoding="utf-8") as log:
            log.write(json.dumps({"method": self.command, "path": self.path,
                                  "authorization": self.headers.get("Authorization"), "body": body}) + "\n")
        path = urlsplit(self.path).path
        if self.command == "GET" and path == "/user":
            return self.reply(403, {"message": "Resource not accessible by integration"})
        if self.command == "GET" and path == comments_path:
            return self.reply(200, comments)
        if self.command == "POST" and path == comments_path:
            created = comment(1000 + len(comments), json.loads(body)["body"])
            comments.append(created)
            return self.reply(201, created)
        if self.command == "PATCH" and path.startswith(comment_prefix):
            number = int(path[len(comment_prefix):])
            for existing in comments:
                if existing["id"] == number:
                    existing["body"] = json.loads(body)["body"]
                    return self.reply(200, existing)
        return self.reply(404, {"message": "Not Found"})

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
with open(port_file + ".tmp", "w", encoding="utf-8") as f:
    f.write(str(server.server_address[1]))
# Written whole, then renamed: the smoke test waits for the file and must never read half a port number.
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
