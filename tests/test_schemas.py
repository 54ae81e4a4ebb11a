"""Published schemas: every JSON report checked against its schema, and the profile
schema driven through a real editor backend (yaml-language-server over LSP)."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, Run
from mlpath.model import Catalog
from mlpath.schemas import NAMES, REPORTS, profile_schema, schema

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
PERSONAS = str(DATA / "personas")


def check(name: str, value: Any) -> None:
    built = schema(name)
    jsonschema.Draft202012Validator.check_schema(built)
    errors = sorted(jsonschema.Draft202012Validator(built).iter_errors(value), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def undeclared(value: Any, node: dict[str, Any], where: str = "") -> list[str]:
    """Fields of ``value`` that the schema ``node`` does not describe (so it is complete)."""
    for option in node.get("anyOf", []):
        if option.get("type") != "null" and value is not None:
            return undeclared(value, option, where)
    if isinstance(value, dict) and "properties" in node:
        out = [f"{where}.{k}" for k in value if k not in node["properties"]]
        for k, v in value.items():
            if k in node["properties"]:
                out += undeclared(v, node["properties"][k], f"{where}.{k}")
        return out
    if isinstance(value, list) and "items" in node:
        return [m for v in value for m in undeclared(v, node["items"], f"{where}[]")]
    return []


@pytest.fixture(scope="module")
def full_profile(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> str:
    """A profile rated 5 everywhere: readiness 100, the whole number that used to be an int."""
    path = tmp_path_factory.mktemp("full") / "full.yaml"
    path.write_text("skills:\n" + "".join(f"  {s}: 5\n" for s in catalog.skills))
    return str(path)


def reports(run: Run, full: str) -> list[tuple[str, str]]:
    """(schema name, raw JSON text) of real output, for every report with a schema."""
    out = [
        ("assess", run("assess", "-p", ADA, "--json").stdout),
        ("assess", run("assess", "-p", full, "--json").stdout),
        ("match", run("match", "-p", ADA, "--json").stdout),
        ("plan", run("plan", "-p", ADA, "--json").stdout),
        ("diff", run("diff", ADA, full, "--json").stdout),
        ("progress", run("progress", "-p", ADA, "--json").stdout),
        ("team", run("team", PERSONAS, "--json").stdout),
        ("team", run("team", str(DATA / "team"), "--json").stdout),
        ("assess", run("assess", "-p", str(DATA / "team" / "alice.yaml"), "--json").stdout),
        *(("assess", line) for line in run("team", PERSONAS, "--jsonl").stdout.splitlines()),
        ("validate", run("validate", ADA, "--json").stdout),
        ("validate", run("validate", str(DATA / "packs" / "broken"), "--json").stdout),
        ("whatif", run("whatif", "-p", ADA, "--set", "docker=4", "--set", "kubernetes=3",
                       "--hours", "200", "--json").stdout),
        ("whatif", run("whatif", "-p", full, "--set", "python=0", "--json").stdout),
        ("posting", run("posting", str(DATA / "postings" / "ml-engineer.txt"),
                        "--json").stdout),
        ("evidence", run("evidence", str(ROOT / "examples" / "work"), "-p", ADA,
                         "--json").stdout),
        ("assess", run("assess", "-p", ADA, "--posting",
                       str(DATA / "postings" / "ai-engineer.txt"), "--json").stdout),
    ]
    assert all(text.strip() for _, text in out)
    return out


def test_every_report_matches_its_published_schema(run: Run, full_profile: str) -> None:
    seen = set()
    for name, text in reports(run, full_profile):
        value = json.loads(text)
        check(name, value)
        assert not undeclared(value, schema(name)), (name, undeclared(value, schema(name)))
        seen.add(name)
    assert seen == set(REPORTS)  # a new report schema needs real output here too


def test_readiness_is_always_a_number_with_one_decimal(run: Run, full_profile: str) -> None:
    pattern = re.compile(r'"(?:readiness|best_match_readiness|before|after)":\s*([^,\n}]+)')
    for name, text in reports(run, full_profile):
        # (whatif's best_fit has objects called before and after: their readiness counts)
        values = [v for v in pattern.findall(text) if v != "null" and not v.startswith("{")]
        if name in ("assess", "match", "plan", "progress", "team", "whatif"):
            assert values, name
        for v in values:
            if name in ("diff", "whatif") and "." not in v and int(v) <= 5:
                continue  # a skill's before/after rating, an integer 0-5
            assert re.fullmatch(r"\d{1,3}\.\d", v), (name, v)
    assert '"readiness": 100.0' in run("assess", "-p", full_profile, "--json").stdout


def test_the_schema_command_names_every_schema_and_writes_files(run: Run,
                                                                tmp_path: Path) -> None:
    for name in NAMES:
        result = run("schema", name)
        assert result.code == 0, result
        jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))
    target = tmp_path / "report.schema.json"
    wrote = run("schema", "assess", "--output", str(target))
    assert wrote.code == 0 and json.loads(target.read_text()) == schema("assess"), wrote
    assert run("schema", "assess", "--output", str(target)).code == 1  # never over a file
    assert json.loads(run("schema", "plan", "-o", "-").stdout) == schema("plan")


def test_the_profile_schema_knows_the_catalogue(catalog: Catalog) -> None:
    validator = jsonschema.Draft202012Validator(profile_schema(catalog))
    good = {"skills": {"python": 3}, "milestones": ["deployed-project"],
            "target": "ml-engineer:mid", "evidence": {"python": "https://example.org"}}
    assert not list(validator.iter_errors(good))
    for bad in ({"skills": {"pyton": 3}}, {"skills": {}, "milestones": ["deployed-projet"]},
                {"skills": {}, "target": "ml-engineeer"},
                {"skills": {}, "target": "ml-engineer:principal"},
                {"skills": {}, "evidence": {"pyton": "x"}}):
        assert list(validator.iter_errors(bad)), bad


def test_pack_ids_join_the_profile_schema(run: Run) -> None:
    pack = str(DATA / "packs" / "acme")
    schema_with_pack = json.loads(run("--roles-dir", pack, "schema", "profile").stdout)
    assert "acme-ml-engineer" in schema_with_pack["properties"]["target"]["enum"]
    plain = json.loads(run("schema", "profile").stdout)
    assert "acme-ml-engineer" not in plain["properties"]["target"]["enum"]


def test_init_and_save_write_the_schema_their_line_names(run: Run, workdir: Path) -> None:
    first = run("init", "me.yaml")
    assert first.code == 0, first
    line = (workdir / "me.yaml").read_text().splitlines()[0]
    assert line == "# yaml-language-server: $schema=profile.schema.json"
    written = json.loads((workdir / "profile.schema.json").read_text())
    assert "python" in written["properties"]["skills"]["properties"]
    (workdir / "sub").mkdir()
    saved = run("assess", "-p", ADA, "--save", "sub/ada.yaml", "--json")
    assert saved.code == 0, saved
    assert (workdir / "sub" / "profile.schema.json").is_file()
    # An existing schema file is the user's: left as it was.
    (workdir / "profile.schema.json").write_text("{}")
    assert run("init", "other.yaml").code == 0
    assert (workdir / "profile.schema.json").read_text() == "{}"


def test_init_says_when_the_schema_file_beside_is_not_mlpaths(run: Run, workdir: Path) -> None:
    foreign = workdir / "profile.schema.json"
    foreign.write_text('{"title": "someone else\'s profile"}')
    result = run("init", "me.yaml")
    assert result.code == 0, result
    assert foreign.read_text() == '{"title": "someone else\'s profile"}'  # kept
    said = [line for line in result.stderr.splitlines() if "profile.schema.json" in line]
    assert len(said) == 1 and "not mlpath's profile schema" in said[0], result.stderr
    # mlpath's own schema, written before: nothing to say.
    foreign.unlink()
    assert run("init", "a.yaml").code == 0
    again = run("init", "b.yaml")
    assert "not mlpath's" not in again.stderr, again.stderr


# --- a real YAML language server over LSP -------------------------------------------------


class LspClient:
    """The smallest LSP client: JSON-RPC with Content-Length framing over stdio."""

    def __init__(self, command: list[str], root: Path) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"textDocument": {"completion": {"completionItem": {}},
                                              "publishDiagnostics": {}},
                             "workspace": {"configuration": True}},
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration",
                    {"settings": {"yaml": {"validate": True, "completion": True}}})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def receive(self, deadline: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        out = self.proc.stdout
        if not select.select([out], [], [], max(0.0, deadline - time.monotonic()))[0]:
            raise TimeoutError("the language server said nothing in time")
        length = 0
        while (header := out.readline().strip()):
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
        message: dict[str, Any] = json.loads(out.read(length))
        if "id" in message and "method" in message:  # a request from the server
            result: Any = None
            if message["method"] == "workspace/configuration":
                result = [{"validate": True, "completion": True, "schemas": {}}
                          for _ in message["params"]["items"]]
            self.send({"id": message["id"], "result": result})
        return message

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(deadline)
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def diagnostics(self, path: Path, timeout: float = 30) -> list[dict[str, Any]]:
        """Open ``path`` and wait for the diagnostics of its validation."""
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text()}})
        deadline = time.monotonic() + timeout
        found: list[dict[str, Any]] | None = None
        while True:
            # The server may publish more than once (before and after the schema has
            # loaded): after the first, wait for a quiet spell and keep the last.
            until = deadline if found is None else min(deadline, time.monotonic() + 3)
            try:
                message = self.receive(until)
            except TimeoutError:
                if found is None:
                    raise
                return found
            if (message.get("method") == "textDocument/publishDiagnostics"
                    and message["params"]["uri"] == uri):
                found = message["params"]["diagnostics"]

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except (TimeoutError, subprocess.TimeoutExpired, BrokenPipeError, OSError):
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def lsp(workdir: Path) -> Any:
    server = shutil.which("yaml-language-server")
    if server is None:
        if os.environ.get("CI"):
            pytest.fail("yaml-language-server is missing; .ci/run installs it with npm")
        pytest.skip("yaml-language-server is not installed (npm install -g yaml-language-server)")
    client = LspClient([server, "--stdio"], workdir)
    yield client
    client.close()


@pytest.mark.slow
def test_an_editor_finds_the_schema_of_a_fresh_profile(run: Run, workdir: Path,
                                                       lsp: LspClient) -> None:
    assert run("init", "me.yaml").code == 0
    problems = lsp.diagnostics(workdir / "me.yaml")
    assert problems == [], problems  # before: "Unable to load schema from profile.schema.json"


@pytest.mark.slow
def test_an_editor_flags_unknown_ids_and_completes_skills(run: Run, workdir: Path,
                                                          lsp: LspClient) -> None:
    assert run("init", "me.yaml").code == 0
    typo = workdir / "typo.yaml"
    typo.write_text("# yaml-language-server: $schema=profile.schema.json\n"
                    "target: ml-engineeer\nskills:\n  pyton: 3\n  python: 7\n"
                    "milestones: [deployed-projet]\n")
    problems = lsp.diagnostics(typo)
    lines = sorted({p["range"]["start"]["line"] for p in problems})
    assert lines == [1, 3, 4, 5], problems  # target, pyton, the 7, the milestone
    text = " ".join(p["message"] for p in problems)
    assert "pyton" in text, text
    partial = workdir / "partial.yaml"
    partial.write_text("# yaml-language-server: $schema=profile.schema.json\nskills:\n  py")
    lsp.diagnostics(partial)
    result = lsp.request("textDocument/completion", {
        "textDocument": {"uri": partial.as_uri()}, "position": {"line": 2, "character": 4}})
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"python", "pytorch"} <= labels, sorted(labels)[:20]
