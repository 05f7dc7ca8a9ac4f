#!/usr/bin/env python3
"""Runs one workflow of docs/workflows/ for one event, job by job and step by step, as GitHub's runner runs it, for
build/workflow-e2e.sh.

Usage: workflow.py <run.json>   (the run: workflow file, event, repository, secrets, environments, approvals, and
                                 commands to run before a job, as the world moves on while a run waits; see
                                 build/workflow-e2e.sh, which writes it)

What is resolved as GitHub resolves it: the trigger and its `paths` filter (against the files the push or pull request
changes), `needs` (order, outputs, skipped dependants), `strategy.matrix` (lists, include, fromJSON), job and step
`if:` with the status functions, `environment` (its secrets; required reviewers: the job runs only when the run says
they approved), workflow/job/step `env`, `permissions` (the job's token carries them; the fake API enforces them),
`concurrency` (recorded for the script's checks), the step kinds the workflows use: actions/checkout, actions/cache
(restore, and save after a successful job, scoped by ref as GitHub scopes caches), this repository's container action
(action.yml's inputs and defaults, run in the image with podman the way the runner starts a Docker action) and `run:`
(bash). Anything else (another action, an unknown expression, a step option this file does not know) fails the run
with exit 2, so the documented workflows cannot drift into what this script does not check.

Writes <state>/runs/<run id>/result.json and prints one line per job: its name, matrix values and outcome.
"""
import json
import os
import shutil
import subprocess
import sys
import uuid

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expressions import Evaluator, ExpressionError, condition, interpolate, path_pattern, to_string  # noqa: E402

CHECKOUT, CACHE, SELF_ACTION = "actions/checkout@v4", "actions/cache@v4", "tower-fleet/ci-migrate@v1"
JOB_KEYS = {"runs-on", "needs", "if", "environment", "outputs", "steps", "strategy", "env", "permissions",
            "concurrency", "name", "timeout-minutes", "continue-on-error"}
STEP_KEYS = {"name", "id", "uses", "with", "run", "env", "if", "continue-on-error", "shell", "working-directory"}
# The container engine: podman as it runs here (runc; crun cannot set limits in this sandbox), or Docker as GitHub's
# hosted runners have it (E2E_ENGINE=docker).
ENGINES = {"podman": ["podman", "run", "--rm", "--runtime", "runc", "--ulimit", "nofile=20000:20000",
                      "--ulimit", "nproc=4096:4096", "--network", "host"],
           "docker": ["docker", "run", "--rm", "--network", "host"]}
ENGINE = ENGINES[os.environ.get("E2E_ENGINE", "podman")]
SET_ENV_AND_EXEC = ('open(my $f, "<", "/run/e2e-env") or die "e2e env file: $!"; '
                    'while (<$f>) { chomp; my ($k, $v) = split /=/, $_, 2; $ENV{$k} = $v; } '
                    'close $f; exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!";')


class WorkflowError(Exception):
    pass


def load_yaml(path):
    # YAML 1.1 reads the key `on` as True; GitHub's parser reads it as the string.
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
                                      for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader)


def git(repo, *arguments):
    return subprocess.run(["git", "-C", repo, "-c", "safe.directory=*", *arguments], check=True,
                          capture_output=True, text=True).stdout


class Run:
    def __init__(self, spec):
        self.spec = spec
        self.workflow = load_yaml(spec["workflow"])
        self.state = spec["state"]
        self.run_id = spec["run_id"]
        self.folder = os.path.join(self.state, "runs", str(self.run_id))
        os.makedirs(self.folder, exist_ok=True)
        self.results = {}
        self.report = {"run_id": self.run_id, "workflow": os.path.basename(spec["workflow"]), "jobs": []}
        self.github = self.github_context()

    # --- contexts -------------------------------------------------------------------------------------------------
    def github_context(self):
        spec = self.spec
        return {
            "event_name": spec["event_name"], "event": spec["event"], "sha": spec["sha"], "ref": spec["ref"],
            "repository": spec["repository"], "repository_owner": spec["repository"].split("/")[0],
            "run_id": str(self.run_id), "run_attempt": "1", "actor": spec.get("actor", "octocat"),
            "server_url": spec["github_url"], "api_url": spec["github_url"], "workspace": "/github/workspace",
            "head_ref": spec.get("head_ref", ""), "base_ref": spec.get("base_ref", ""), "workflow": self.workflow.get("name", ""),
            "token": "",
        }

    # --- the trigger ----------------------------------------------------------------------------------------------
    def triggered(self):
        on = self.workflow["on"]
        event_name = self.spec["event_name"]
        if isinstance(on, str):
            on = {on: None}
        elif isinstance(on, list):
            on = {name: None for name in on}
        if event_name not in on:
            return False, f"the workflow does not run on {event_name}"
        trigger = on[event_name] or {}
        for key in trigger:
            if key not in ("paths", "branches", "inputs", "types"):
                raise WorkflowError(f"trigger option {event_name}.{key} is not supported by this script")
        if "branches" in trigger:
            branch = self.spec.get("branch") or self.spec["ref"].removeprefix("refs/heads/")
            if branch not in trigger["branches"]:
                return False, f"branch {branch} is not in {trigger['branches']}"
        if "paths" in trigger:
            patterns = [path_pattern(pattern) for pattern in trigger["paths"]]
            changed = self.spec["changed_files"]
            if not any(pattern.match(path) for pattern in patterns for path in changed):
                return False, f"no changed file matches the paths filter ({', '.join(changed)})"
        return True, ""

    def inputs(self):
        declared = ((self.workflow["on"].get("workflow_dispatch") or {}).get("inputs") or {}) \
            if isinstance(self.workflow["on"], dict) else {}
        given = dict(self.spec.get("inputs", {}))
        values = {}
        for name, definition in declared.items():
            if name in given:
                value = given.pop(name)
            elif definition.get("required") and "default" not in definition:
                raise WorkflowError(f"the required input '{name}' was not given")
            else:
                value = definition.get("default", "")
            if definition.get("type") == "choice" and value not in definition["options"]:
                raise WorkflowError(f"input '{name}': {value!r} is not one of {definition['options']}")
            values[name] = value
        if given:
            raise WorkflowError(f"inputs the workflow does not declare: {sorted(given)}")
        return values

    # --- jobs -----------------------------------------------------------------------------------------------------
    def run(self):
        triggered, reason = self.triggered()
        self.report["triggered"] = triggered
        if not triggered:
            self.report["reason"] = reason
            print(f"workflow {self.report['workflow']}: not run ({reason})")
            self.write_report()
            return
        self.input_values = self.inputs()
        base = {"github": self.github, "inputs": self.input_values, "runner": {}, "secrets": {}, "vars": {}}
        concurrency = self.workflow.get("concurrency")
        if concurrency is not None:
            self.report["concurrency"] = interpolate(concurrency, Evaluator(dict(base)))
        jobs = self.workflow["jobs"]
        # A run resumed after its reviewers approved (spec "resume"): GitHub does not run its finished jobs again; the
        # jobs that waited run now, with the finished jobs' outputs.
        finished = {}
        if self.spec.get("resume"):
            with open(os.path.join(self.folder, "result.json"), encoding="utf-8") as handle:
                for job in json.load(handle)["jobs"]:
                    if job["result"] == "success":
                        finished.setdefault(job["name"], []).append(job)
        for name in self.order(jobs):
            if name in finished:
                outputs = {}
                for leg in finished[name]:
                    outputs.update({key: value for key, value in leg["outputs"].items() if value != ""})
                self.results[name] = {"result": "success", "outputs": outputs}
                self.report["jobs"].extend(finished[name])
                print(f"job {name}: success (finished before the approval)")
                continue
            self.run_job(name, jobs[name])
        self.write_report()

    def write_report(self):
        with open(os.path.join(self.folder, "result.json"), "w", encoding="utf-8") as handle:
            json.dump(self.report, handle, indent=2)

    def order(self, jobs):
        done, ordered = set(), []

        def visit(name, path):
            if name in done:
                return
            if name in path:
                raise WorkflowError(f"needs cycle through {name}")
            for need in self.needs(jobs[name]):
                if need not in jobs:
                    raise WorkflowError(f"job {name} needs unknown job {need}")
                visit(need, path + [name])
            done.add(name)
            ordered.append(name)

        for name in jobs:
            visit(name, [])
        return ordered

    @staticmethod
    def needs(job):
        needs = job.get("needs", [])
        return [needs] if isinstance(needs, str) else list(needs)

    def run_job(self, name, job):
        unknown = set(job) - JOB_KEYS
        if unknown:
            raise WorkflowError(f"job {name}: keys not supported by this script: {sorted(unknown)}")
        needs = {need: {"result": self.results[need]["result"], "outputs": self.results[need]["outputs"]}
                 for need in self.needs(job)}
        status = "success" if all(need["result"] == "success" for need in needs.values()) else "failure"
        contexts = {"github": self.github, "inputs": self.input_values, "needs": needs, "runner": self.runner_context(),
                    "vars": {}, "secrets": {}, "env": dict(self.workflow.get("env") or {})}
        evaluator = Evaluator(contexts, job_status=status)
        if "if" in job:
            run = condition(job["if"], evaluator)
        else:
            run = status == "success"
        # The scenario's own step between jobs (what happens in the world while a run waits: a hand-applied fix).
        if run and self.spec.get("before_job", {}).get(name):
            subprocess.run(["bash", "-euo", "pipefail", "-c", self.spec["before_job"][name]], check=True)
        legs = self.matrix(job, contexts) if run else [None]
        outputs, results = {}, []
        for leg in legs:
            if not run:
                result = {"name": name, "matrix": None, "result": "skipped", "outputs": {}, "steps": []}
            else:
                result = self.run_leg(name, job, leg, contexts)
            results.append(result)
            for key, value in result["outputs"].items():
                if value != "":
                    outputs[key] = value
            self.report["jobs"].append(result)
            matrix = f" ({', '.join(f'{k}={v}' for k, v in leg.items())})" if leg else ""
            print(f"job {name}{matrix}: {result['result']}" + (f" ({result['reason']})" if result.get("reason") else ""))
        outcomes = {result["result"] for result in results}
        overall = "failure" if "failure" in outcomes else "skipped" if outcomes == {"skipped"} else \
            "waiting" if "waiting" in outcomes else "success"
        self.results[name] = {"result": overall, "outputs": outputs}

    def runner_context(self, folder=None):
        temp = os.path.join(folder, "_temp") if folder else ""
        return {"os": "Linux", "arch": "X64", "temp": temp, "tool_cache": os.path.join(self.state, "tool-cache"),
                "name": "e2e-runner"}

    def matrix(self, job, contexts):
        strategy = job.get("strategy")
        if not strategy:
            return [None]
        unknown = set(strategy) - {"matrix", "fail-fast", "max-parallel"}
        if unknown:
            raise WorkflowError(f"strategy keys not supported by this script: {sorted(unknown)}")
        matrix = interpolate(strategy["matrix"], Evaluator(contexts))
        if not isinstance(matrix, dict):
            raise WorkflowError(f"strategy.matrix must be an object, got {matrix!r}")
        include = matrix.pop("include", [])
        exclude = matrix.pop("exclude", [])
        legs = [{}]
        for key, values in matrix.items():
            if not isinstance(values, list):
                raise WorkflowError(f"matrix.{key} must be a list, got {values!r}")
            legs = [dict(leg, **{key: value}) for leg in legs for value in values]
        legs = [leg for leg in legs if not any(all(leg.get(k) == v for k, v in rule.items()) for rule in exclude)]
        if legs == [{}]:
            legs = []
        for extra in include:
            legs.append(extra)
        if not legs:
            raise WorkflowError("the matrix has no legs (GitHub fails such a job: 'Matrix vector does not contain any values')")
        return legs

    def environment(self, job, evaluator):
        environment = interpolate(job.get("environment"), evaluator)
        if isinstance(environment, dict):
            environment = environment.get("name")
        return environment or None

    def run_leg(self, name, job, leg, contexts):
        leg_id = uuid.uuid4().hex[:8]
        folder = os.path.join(self.folder, f"{name}-{leg_id}")
        workspace = os.path.join(folder, "workspace")
        os.makedirs(folder)
        contexts = dict(contexts, matrix=leg or {}, strategy={"fail-fast": True}, steps={}, job={"status": "success"},
                        runner=self.runner_context(folder))
        os.makedirs(contexts["runner"]["temp"])
        subprocess.run(["chown", f"{self.spec['runner_uid']}:{self.spec['runner_uid']}", contexts["runner"]["temp"]],
                       check=True)
        evaluator = Evaluator(contexts, workspace=workspace)
        environment = self.environment(job, evaluator)
        result = {"name": name, "matrix": leg, "environment": environment, "result": "success", "outputs": {},
                  "steps": [], "folder": folder, "workspace": workspace}
        environments = self.spec.get("environments", {})
        if environment is not None and environment not in environments:
            raise WorkflowError(f"job {name}: environment '{environment}' is not set up in this run")
        settings = environments.get(environment, {}) if environment else {}
        if settings.get("reviewers"):
            approver = self.spec.get("approvals", {}).get(environment)
            if not approver:
                result.update(result="waiting", reason=f"waiting for {environment}'s reviewers")
                return result
            self.record_approval(environment, approver)
        # A job that waits for its reviewers has no workspace yet: the runner checks out once it starts.
        os.makedirs(workspace)
        secrets = {} if self.spec.get("fork") else dict(self.spec.get("secrets", {}))
        if not self.spec.get("fork"):
            secrets.update(settings.get("secrets", {}))
        token = self.issue_token(name, leg_id, job)
        secrets["GITHUB_TOKEN"] = token
        contexts["secrets"] = secrets
        contexts["github"] = dict(self.github, token=token, job=name)
        if "concurrency" in job:
            result["concurrency"] = interpolate(job["concurrency"], evaluator)
        env = dict(contexts["env"])
        env.update(interpolate(job.get("env") or {}, evaluator))
        post_steps = []
        for index, step in enumerate(job.get("steps", [])):
            self.run_step(index, step, contexts, env, result, post_steps)
        contexts["job"]["status"] = result["result"]
        for post in post_steps:
            post(result["result"])
        output_evaluator = Evaluator(contexts, workspace=workspace)
        result["outputs"] = {key: to_string(interpolate(value, output_evaluator))
                             for key, value in (job.get("outputs") or {}).items()}
        return result

    def record_approval(self, environment, approver):
        approvals = os.path.join(self.state, "github", "approvals")
        os.makedirs(approvals, exist_ok=True)
        path = os.path.join(approvals, f"{self.run_id}.json")
        existing = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else []
        existing.append({"environment": environment, "login": approver})
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(existing, handle)

    def issue_token(self, job_name, leg_id, job):
        """A token per job, carrying the job's (or the workflow's) permissions; the fake API enforces them."""
        explicit = "permissions" in job or "permissions" in self.workflow
        permissions = job.get("permissions", self.workflow.get("permissions", {}))
        if permissions == "read-all":
            permissions = {scope: "read" for scope in ("actions", "contents", "deployments", "pull-requests", "statuses")}
        token = f"ghs_e2e{self.run_id}{job_name.replace('-', '')}{leg_id}"
        tokens_file = os.path.join(self.state, "github", "tokens.json")
        os.makedirs(os.path.dirname(tokens_file), exist_ok=True)
        tokens = json.load(open(tokens_file, encoding="utf-8")) if os.path.exists(tokens_file) else {}
        tokens[token] = {"permissions": permissions, "explicit": explicit, "fork": bool(self.spec.get("fork")),
                         "run_id": self.run_id}
        with open(tokens_file, "w", encoding="utf-8") as handle:
            json.dump(tokens, handle)
        return token

    # --- steps ----------------------------------------------------------------------------------------------------
    def run_step(self, index, step, contexts, env, result, post_steps):
        unknown = set(step) - STEP_KEYS
        if unknown:
            raise WorkflowError(f"step {step.get('name', index)}: keys not supported by this script: {sorted(unknown)}")
        step_id = step.get("id", f"__step{index}")
        evaluator = Evaluator(contexts, workspace=result["workspace"], job_status=result["result"])
        record = {"name": step.get("name") or step.get("uses") or "run", "id": step_id, "outcome": "skipped", "outputs": {}}
        result["steps"].append(record)
        if not condition(step.get("if"), evaluator):
            contexts["steps"][step_id] = {"outcome": "skipped", "conclusion": "skipped", "outputs": {}}
            return
        step_env = dict(env)
        step_env.update({key: to_string(value) for key, value in interpolate(step.get("env") or {}, evaluator).items()})
        uses = step.get("uses")
        if uses == CHECKOUT:
            outcome = self.checkout(interpolate(step.get("with") or {}, evaluator), result)
        elif uses == CACHE:
            outcome = self.cache(interpolate(step.get("with") or {}, evaluator), result, record, post_steps)
        elif uses == SELF_ACTION:
            outcome = self.action(step, evaluator, step_env, result, record, contexts)
        elif uses is None and "run" in step:
            outcome = self.shell(interpolate(step["run"], evaluator), step_env, result, record)
        else:
            raise WorkflowError(f"step uses {uses!r}, which this script does not run")
        if outcome != "success" and step.get("continue-on-error"):
            record["outcome"] = outcome
            conclusion = "success"
        else:
            record["outcome"] = conclusion = outcome
        contexts["steps"][step_id] = {"outcome": outcome, "conclusion": conclusion, "outputs": record["outputs"]}
        if conclusion != "success":
            result["result"] = "failure"

    def checkout(self, options, result):
        unknown = set(options) - {"fetch-depth"}
        if unknown:
            raise WorkflowError(f"actions/checkout options not supported by this script: {sorted(unknown)}")
        depth = int(options.get("fetch-depth", 1))
        workspace = result["workspace"]
        clone = ["git", "-c", "safe.directory=*", "clone", "-q", "--no-checkout"]
        if depth > 0:
            clone += ["--depth", str(depth)]
        subprocess.run(clone + [f"file://{self.spec['repo_dir']}", workspace], check=True)
        git(workspace, "fetch", "-q", "origin", self.spec["sha"] if depth > 0 else "+refs/heads/*:refs/remotes/origin/*")
        git(workspace, "checkout", "-q", "--detach", self.spec["sha"])
        uid = self.spec["runner_uid"]
        subprocess.run(["chown", "-R", f"{uid}:{uid}", workspace], check=True)
        return "success"

    # actions/cache: entries live in <state>/cache/<scope>/<key>.tar; a run restores from its own ref's scope or the
    # default branch's (GitHub's cache scoping: a pull request reads its base branch's caches; a branch never reads a
    # pull request's), and saves after a successful job when the key was not an exact hit.
    def cache(self, options, result, record, post_steps):
        unknown = set(options) - {"path", "key", "restore-keys"}
        if unknown:
            raise WorkflowError(f"actions/cache options not supported by this script: {sorted(unknown)}")
        paths = [line.strip() for line in to_string(options["path"]).splitlines() if line.strip()]
        if len(paths) != 1:
            raise WorkflowError("actions/cache: this script supports exactly one path")
        path = paths[0] if os.path.isabs(paths[0]) else os.path.join(result["workspace"], paths[0])
        key = to_string(options["key"])
        restore_keys = [line.strip() for line in to_string(options.get("restore-keys", "")).splitlines() if line.strip()]
        scopes = [self.spec["ref"]]
        if self.spec.get("default_ref") and self.spec["default_ref"] not in scopes:
            scopes.append(self.spec["default_ref"])
        hit, exact = None, False
        for scope in scopes:
            folder = os.path.join(self.state, "cache", scope.replace("/", "_"))
            if os.path.exists(os.path.join(folder, key + ".tar")):
                hit, exact = os.path.join(folder, key + ".tar"), True
                break
        if hit is None:
            for prefix in restore_keys:
                for scope in scopes:
                    folder = os.path.join(self.state, "cache", scope.replace("/", "_"))
                    candidates = sorted((entry for entry in os.listdir(folder) if entry.startswith(prefix)),
                                        key=lambda entry: os.path.getmtime(os.path.join(folder, entry)),
                                        reverse=True) if os.path.isdir(folder) else []
                    if candidates:
                        hit = os.path.join(folder, candidates[0])
                        break
                if hit:
                    break
        uid = self.spec["runner_uid"]
        record["restored_from"] = hit
        record["outputs"] = {"cache-hit": "true" if exact else "false"}
        if hit:
            # The cache action runs as the runner's user: the folders it makes are that user's.
            as_runner(uid, ["mkdir", "-p", path])
            as_runner(uid, ["tar", "-xf", hit, "-C", path])
        cache_root = os.path.join(self.state, "cache", self.spec["ref"].replace("/", "_"))

        def save(job_result):
            if exact or job_result != "success" or not os.path.isdir(path):
                return
            os.makedirs(cache_root, exist_ok=True)
            os.chmod(cache_root, 0o777)
            archive = os.path.join(cache_root, key + ".tar")
            # The cache action runs as the runner's user: what it cannot read, it cannot save.
            saved = as_runner(uid, ["tar", "-cf", archive, "-C", path, "."], check=False)
            record["saved"] = saved.returncode == 0
            if saved.returncode != 0:
                record["save_error"] = saved.stderr[-2000:]
                if os.path.exists(archive):
                    os.remove(archive)

        post_steps.append(save)
        return "success"

    def action(self, step, evaluator, step_env, result, record, contexts):
        """The container action as the runner starts a Docker action: the image's entrypoint, INPUT_* with hyphens,
        the workspace, home, workflow and file-command folders mounted, the runner's uid owning them."""
        definition = load_yaml(self.spec["action_yml"])
        given = interpolate(step.get("with") or {}, evaluator)
        unknown = set(given) - set(definition["inputs"])
        if unknown:
            raise WorkflowError(f"the action has no inputs {sorted(unknown)}")
        uid = self.spec["runner_uid"]
        # The runner's own layout: the container's home, event and command files are folders of RUNNER_TEMP.
        temp = contexts["runner"]["temp"]
        mounts = {"home": os.path.join(temp, "_github_home"), "workflow": os.path.join(temp, "_github_workflow"),
                  "file_commands": os.path.join(temp, "_runner_file_commands")}
        for path in mounts.values():
            os.makedirs(path, exist_ok=True)
        with open(os.path.join(mounts["workflow"], "event.json"), "w", encoding="utf-8") as handle:
            json.dump(self.spec["event"], handle)
        step_key = uuid.uuid4().hex
        files = {"GITHUB_OUTPUT": f"set_output_{step_key}", "GITHUB_STEP_SUMMARY": f"step_summary_{step_key}",
                 "GITHUB_ENV": f"set_env_{step_key}", "GITHUB_PATH": f"add_path_{step_key}"}
        for file in files.values():
            open(os.path.join(mounts["file_commands"], file), "w").close()
        subprocess.run(["chown", "-R", f"{uid}:{uid}", *mounts.values()], check=True)
        environment = {key: value for key, value in step_env.items()}
        for name, spec in definition["inputs"].items():
            value = given.get(name, interpolate(spec.get("default", ""), evaluator))
            environment[f"INPUT_{name.upper()}"] = to_string(value)
        environment.update(self.github_environment(contexts, "/github/workspace"))
        environment.update({key: f"/github/file_commands/{file}" for key, file in files.items()})
        environment.update({"HOME": "/github/home", "GITHUB_EVENT_PATH": "/github/workflow/event.json",
                            "RUNNER_TEMP": "/home/runner/work/_temp", "RUNNER_TOOL_CACHE": "/opt/hostedtoolcache"})
        command = ENGINE + ["--workdir", "/github/workspace",
                            "-v", f"{result['workspace']}:/github/workspace",
                            "-v", f"{mounts['home']}:/github/home",
                            "-v", f"{mounts['workflow']}:/github/workflow",
                            "-v", f"{mounts['file_commands']}:/github/file_commands"]
        # The variables go in a private file, never on the engine's command line. Docker reads it as an env file.
        # Podman (4.3) drops every variable whose name holds a hyphen (INPUT_DATABASE-URL), however it is given, so
        # there the image's entrypoint is started through perl (perl-base is in every Debian image), which sets them
        # from the file and execs the entrypoint: the same process, environment and argv the runner gives it.
        env_file = os.path.join(temp, f"env_{step_key}")
        with open(os.open(env_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as handle:
            for name, value in environment.items():
                if "\n" in value:
                    raise WorkflowError(f"the variable {name} holds a line break, which an env file cannot carry")
                handle.write(f"{name}={value}\n")
        if ENGINE[0] == "podman":
            entrypoint = json.loads(subprocess.run(["podman", "image", "inspect", "--format", "{{json .Config.Entrypoint}}",
                                                    self.spec["image"]], check=True, capture_output=True, text=True).stdout)
            command += ["-v", f"{env_file}:/run/e2e-env:ro", "--entrypoint", "perl", self.spec["image"], "-e", SET_ENV_AND_EXEC,
                        *entrypoint]
        else:
            command += ["--env-file", env_file, self.spec["image"]]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=900)
        finally:
            os.remove(env_file)
        self.keep_output(record, result, completed)
        record["exit_code"] = completed.returncode
        record["outputs"] = read_outputs(os.path.join(mounts["file_commands"], files["GITHUB_OUTPUT"]))
        with open(os.path.join(mounts["file_commands"], files["GITHUB_STEP_SUMMARY"]), encoding="utf-8") as handle:
            summary = handle.read()
        result["summary"] = result.get("summary", "") + summary
        record["summary"] = summary
        record["argv_secret_free"] = True
        return "success" if completed.returncode == 0 else "failure"

    def github_environment(self, contexts, workspace):
        github = contexts["github"]
        return {"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace,
                "GITHUB_EVENT_NAME": github["event_name"], "GITHUB_REPOSITORY": github["repository"],
                "GITHUB_REPOSITORY_OWNER": github["repository_owner"], "GITHUB_SHA": github["sha"],
                "GITHUB_REF": github["ref"], "GITHUB_RUN_ID": github["run_id"], "GITHUB_RUN_ATTEMPT": "1",
                "GITHUB_ACTOR": github["actor"], "GITHUB_SERVER_URL": github["server_url"],
                "GITHUB_API_URL": github["api_url"], "GITHUB_JOB": github["job"], "GITHUB_HEAD_REF": github["head_ref"],
                "GITHUB_BASE_REF": github["base_ref"], "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64"}

    def shell(self, script, step_env, result, record):
        folder = result["folder"]
        output = os.path.join(folder, f"run_output_{uuid.uuid4().hex}")
        open(output, "w").close()
        environment = {**os.environ, **step_env, **self.github_environment(
            {"github": dict(self.github, job=result["name"])}, result["workspace"]), "GITHUB_OUTPUT": output}
        completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                   cwd=result["workspace"], env=environment, capture_output=True, text=True, timeout=300)
        self.keep_output(record, result, completed)
        record["outputs"] = read_outputs(output)
        return "success" if completed.returncode == 0 else "failure"

    @staticmethod
    def keep_output(record, result, completed):
        base = os.path.join(result["folder"], f"step-{len(result['steps'])}")
        with open(base + ".out", "w", encoding="utf-8") as handle:
            handle.write(completed.stdout)
        with open(base + ".err", "w", encoding="utf-8") as handle:
            handle.write(completed.stderr)
        record["stdout"], record["stderr"] = base + ".out", base + ".err"
        record["annotations"] = [line for line in completed.stdout.splitlines()
                                 if line.startswith(("::error", "::warning", "::notice"))]


def read_outputs(path):
    """A GITHUB_OUTPUT file: name=value lines and name<<DELIMITER blocks."""
    outputs, lines = {}, open(path, encoding="utf-8").read().splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            index += 1
            while index < len(lines) and lines[index] != delimiter:
                value.append(lines[index])
                index += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        index += 1
    return outputs


def as_runner(uid, command, check=True):
    return subprocess.run(["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--", *command],
                          capture_output=True, text=True, check=check)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    try:
        Run(spec).run()
    except (WorkflowError, ExpressionError) as error:
        print(f"workflow-e2e: {spec['workflow']}: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
