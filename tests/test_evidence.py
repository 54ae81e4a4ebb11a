"""`mlpath evidence`: small repositories built here give exactly the skills a practitioner
would credit, and hostile folders give skips, never an internal error."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from conftest import Run
from mlpath.evidence.scan import Proposal, Scan, Signal, propose, scan
from mlpath.evidence.walk import MAX_BYTES
from mlpath.model import Catalog

TRAIN_PY = '''\
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.layers(x)


def train(epochs: int = 5) -> None:
    x, y = torch.randn(256, 10), torch.randn(256, 1)
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True)
    model = Net()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    train()
'''

APP_PY = '''\
import joblib
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="churn")
model = joblib.load("model.joblib")


class Customer(BaseModel):
    tenure: int
    monthly: float


@app.post("/predict")
def predict(c: Customer) -> dict[str, float]:
    return {"churn": float(model.predict_proba([[c.tenure, c.monthly]])[0][1])}
'''

TEST_APP_PY = '''\
from fastapi.testclient import TestClient

from app import app


def test_predict() -> None:
    response = TestClient(app).post("/predict", json={"tenure": 3, "monthly": 20.5})
    assert response.status_code == 200
'''

DOCKERFILE = '''\
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
'''

CI_YML = '''\
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: "3.12"}
      - run: pip install -r requirements.txt pytest httpx
      - run: pytest -q
      - run: docker build -t churn .
'''


def notebook(cells: list[tuple[str, str]], language: str = "python") -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True),
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for kind, text in cells],
        "metadata": {"kernelspec": {"name": "python3", "language": language,
                                    "display_name": "Python 3"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


NOTEBOOK = notebook([
    ("markdown", "# Churn\nNext: deploy it on Kubernetes with PyTorch."),
    ("code", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\n"
             "from sklearn.ensemble import RandomForestClassifier\n"
             "from sklearn.metrics import accuracy_score"),
    ("code", "%matplotlib inline\n!ls data"),
    ("code", "df = pd.read_csv('churn.csv').dropna()\n"
             "X, y = df.drop(columns='churn'), df['churn']"),
    ("code", "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\n"
             "clf = RandomForestClassifier().fit(X_train, y_train)\n"
             "print(accuracy_score(y_test, clf.predict(X_test)))"),
])

REPOS: dict[str, dict[str, str | bytes]] = {
    "pytorch-training": {
        "train.py": TRAIN_PY,
        "requirements.txt": "torch>=2.2\n",
        "model.pt": b"PK\x03\x04\x00\x00binary weights",
    },
    "fastapi-service": {
        "app.py": APP_PY,
        "tests/test_app.py": TEST_APP_PY,
        "Dockerfile": DOCKERFILE,
        ".github/workflows/ci.yml": CI_YML,
        "requirements.txt": "fastapi\nuvicorn[standard]  # the server\njoblib\nscikit-learn\n",
        "README.md": "# Churn service\nServes the churn model over HTTP with FastAPI.\n"
                     "Build it with Docker: `docker build -t churn .`\n",
    },
    "sklearn-notebook": {
        "analysis.ipynb": NOTEBOOK,
        "churn.csv": "tenure,monthly,churn\n3,20.5,1\n",
    },
    "sql-only": {
        "queries/monthly_revenue.sql": "SELECT date_trunc('month', paid_at) AS month, "
                                       "sum(amount)\nFROM payments GROUP BY 1;\n",
        "queries/cohorts.sql": "WITH firsts AS (SELECT user_id, min(day) d FROM visits "
                               "GROUP BY 1)\nSELECT d, count(*) FROM firsts GROUP BY d;\n",
    },
    "nothing-relevant": {
        "notes.txt": "Shopping: import torch-shaped lamps; SELECT paint FROM the shop.\n",
        "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "data.csv": "a,b\n1,2\n",
        "README.md": "My holiday photos from 2024.\n",
    },
}


def build(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def run_scan(root: Path, catalog: Catalog, **limits: int) -> Scan:
    return scan([str(root)], skills=list(catalog.skills), **limits)


def by_skill(result: Scan) -> dict[str, Proposal]:
    return {p.skill: p for p in result.proposals}


def pending(catalog: Catalog, *ids: str) -> set[str]:
    """Skill ids the catalogue is about to gain: expected only once it has them."""
    return set(ids) & set(catalog.skills)


# --- the five small repositories -----------------------------------------------------------


def test_a_pytorch_training_script(tmp_path: Path, catalog: Catalog) -> None:
    found = by_skill(run_scan(build(tmp_path, REPOS["pytorch-training"]), catalog))
    assert set(found) == {"python", "pytorch", "deep-learning"}
    assert found["pytorch"].confidence == "high"
    assert found["deep-learning"].confidence == "high"
    assert "a training step (loss.backward)" in found["deep-learning"].signals
    assert "defines a neural network" in found["deep-learning"].signals
    assert found["python"].confidence == "medium"  # one Python file
    # the file doing the work comes before the requirements file that only lists torch
    assert found["pytorch"].files == (str(tmp_path / "train.py"),
                                      str(tmp_path / "requirements.txt"))


def test_a_dockerised_fastapi_service_with_ci(tmp_path: Path, catalog: Catalog) -> None:
    found = by_skill(run_scan(build(tmp_path, REPOS["fastapi-service"]), catalog))
    credited = {"python", "docker", "model-deployment", "software-engineering"}
    credited |= pending(catalog, "ci-cd-iac")
    assert {s for s, p in found.items() if p.confidence != "low"} == credited
    # scikit-learn is only listed in requirements.txt: proposed, but as low
    assert {s for s, p in found.items() if p.confidence == "low"} == {"scikit-learn"}
    deploy = found["model-deployment"]
    assert deploy.confidence == "high"
    assert {"a FastAPI app", "a Dockerfile that starts a model or API server"} <= set(
        deploy.signals)
    assert {"tests", "a GitHub Actions workflow"} <= set(found["software-engineering"].signals)
    assert found["docker"].files[0] == str(tmp_path / "Dockerfile")


def test_a_notebook_with_scikit_learn_and_pandas(tmp_path: Path, catalog: Catalog) -> None:
    found = by_skill(run_scan(build(tmp_path, REPOS["sklearn-notebook"]), catalog))
    # the markdown cell's "Kubernetes" and "PyTorch" and the %matplotlib magic count for nothing
    assert set(found) == {"python", "scikit-learn", "ml-fundamentals", "model-evaluation",
                          "data-wrangling"}
    assert found["python"].signals == ("a Jupyter notebook",)
    assert found["data-wrangling"].confidence == "high"  # imports and calls pandas
    assert "computes evaluation metrics" in found["model-evaluation"].signals


SPLIT_ONLY = notebook([
    ("code", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\n"
             "from sklearn.linear_model import LogisticRegression\n"
             "import sklearn.metrics"),
    ("code", "df = pd.read_csv('d.csv')\nX_train, X_test, y_train, y_test = "
             "train_test_split(df[['a']], df['b'])\n"
             "model = LogisticRegression().fit(X_train, y_train)"),
])


@pytest.mark.parametrize("extra, expected", [
    ("", None),  # splitting data and importing metrics unused is not evaluation
    ("from sklearn.metrics import classification_report\n"
     "print(classification_report(y_test, model.predict(X_test)))",
     "computes evaluation metrics"),
    ("from sklearn.model_selection import cross_val_score\n"
     "cross_val_score(LogisticRegression(), df[['a']], df['b'])", "cross-validation"),
    ("import evaluate\nacc = evaluate.load('accuracy')", "computes evaluation metrics"),
    ("import tensorflow as tf\nnet = tf.keras.Sequential()\nnet.evaluate(X_test, y_test)",
     "evaluates a model (model.evaluate)"),
])
def test_model_evaluation_needs_a_metric_computed(tmp_path: Path, catalog: Catalog,
                                                  extra: str, expected: str | None) -> None:
    cells = json.loads(SPLIT_ONLY)["cells"]
    if extra:
        cells.append({**cells[-1], "source": extra})
    text = json.dumps({**json.loads(SPLIT_ONLY), "cells": cells})
    found = by_skill(run_scan(build(tmp_path, {"work.ipynb": text}), catalog))
    if expected is None:
        assert "model-evaluation" not in found
        assert {"scikit-learn", "ml-fundamentals", "data-wrangling"} <= set(found)
    else:
        assert expected in found["model-evaluation"].signals


def test_an_sql_only_folder(tmp_path: Path, catalog: Catalog) -> None:
    result = run_scan(build(tmp_path, REPOS["sql-only"]), catalog)
    assert [(p.skill, p.confidence) for p in result.proposals] == [("sql", "high")]
    assert result.files_read == 2


def test_a_folder_with_nothing_relevant(tmp_path: Path, catalog: Catalog) -> None:
    result = run_scan(build(tmp_path, REPOS["nothing-relevant"]), catalog)
    assert result.proposals == ()
    assert result.files_read == 1  # the README, read and found silent
    assert result.skipped == ()


def test_an_r_notebook_counts_for_r_not_python(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {"eda.ipynb": notebook([("code", "library(dplyr)\nimport pandas")], "R")})
    assert set(by_skill(run_scan(tmp_path, catalog))) == {"r-lang"}


def test_kubernetes_manifests_and_mlflow_tracking(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {
        "k8s/serve.yaml": "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\n"
                          "metadata: {name: churn}\n",
        "k8s/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n",
        "config.yaml": "learning_rate: 0.1\nkind: of a config\n",
        "track.py": "import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric('auc', 0.9)\n",
    })
    found = by_skill(run_scan(tmp_path, catalog))
    assert set(found) == {"kubernetes", "model-deployment", "mlops", "python"}
    assert found["kubernetes"].files == (str(tmp_path / "k8s/deploy.yaml"),
                                         str(tmp_path / "k8s/serve.yaml"))
    assert found["mlops"].confidence == "high"
    assert "MLflow tracking calls" in found["mlops"].signals


def test_lock_files_only_confirm(tmp_path: Path, catalog: Catalog) -> None:
    """A lock file lists every package pulled in; alone it proposes nothing."""
    build(tmp_path, {"poetry.lock": '[[package]]\nname = "pandas"\n\n[[package]]\n'
                                    'name = "torch"\n',
                     "prep.py": "import pandas as pd\n"})
    found = by_skill(run_scan(tmp_path, catalog))
    assert set(found) == {"python", "data-wrangling"}
    assert "pandas in a lock file" in found["data-wrangling"].signals


def test_only_catalogue_skills_are_proposed() -> None:
    signals = [Signal("ci-cd-iac", "a GitHub Actions workflow", "ci.yml"),
               Signal("sql", "SQL files", "a.sql")]
    assert [p.skill for p in propose(signals, ["python", "sql"])] == ["sql"]
    assert [p.skill for p in propose(signals, ["ci-cd-iac", "sql"])] == ["ci-cd-iac", "sql"]


def test_the_confidence_rule() -> None:
    signals = [Signal("python", "Python code", "a.py"), Signal("python", "Python code", "b.py"),
               Signal("sql", "SQL files", "a.sql"),
               Signal("docker", "README mentions Docker", "README.md", strong=False),
               Signal("pytorch", "torch in a lock file", "uv.lock", strong=False,
                      confirm_only=True)]
    result = {p.skill: p.confidence for p in propose(signals, ["python", "sql", "docker",
                                                               "pytorch"])}
    assert result == {"python": "high", "sql": "medium", "docker": "low"}


# --- hostile input -------------------------------------------------------------------------


def test_binary_and_malformed_files_are_skipped(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {"train.py": b"import torch\n\x00\x01\x02",
                     "broken.ipynb": os.urandom(2000).replace(b"\0", b"x"),
                     "deep.ipynb": "[" * 100_000,
                     "deep.py": "x = " + "(" * 5000 + "\nimport pandas\n",
                     "pyproject.toml": "[project\ndependencies = [",
                     "Pipfile.lock": "{" * 50_000})
    result = run_scan(tmp_path, catalog)
    assert ("binary" in {s.reason for s in result.skipped if s.path.endswith("train.py")})
    # the deeply nested file is still read for its plain imports
    assert set(by_skill(result)) == {"python", "data-wrangling"}


def test_huge_files_are_not_read(tmp_path: Path, catalog: Catalog) -> None:
    with (tmp_path / "big.py").open("wb") as handle:
        handle.truncate(50 * MAX_BYTES)  # sparse: large without using the disk
    (tmp_path / "generated.py").write_text("import torch\n" * (MAX_BYTES // 13 + 1))
    result = run_scan(tmp_path, catalog)
    assert result.proposals == ()
    assert sorted((Path(s.path).name, s.reason) for s in result.skipped) == [
        ("big.py", "larger than 1 MiB"), ("generated.py", "larger than 1 MiB")]


def test_symlink_loops_are_not_followed(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {"src/q.sql": "SELECT 1 FROM t;\n"})
    (tmp_path / "src" / "loop").symlink_to(tmp_path)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "root").symlink_to("/")
    (tmp_path / "link.sql").symlink_to(tmp_path / "src" / "q.sql")
    result = run_scan(tmp_path, catalog)
    assert [(p.skill, p.files) for p in result.proposals] == [
        ("sql", (str(tmp_path / "src" / "q.sql"),))]
    assert result.files_read == 1


def test_unreadable_folders_are_reported(tmp_path: Path, catalog: Catalog,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root, so the refusal is simulated at os.scandir
    build(tmp_path, {"secret/q.sql": "SELECT 1 FROM t;\n", "open/r.sql": "SELECT 2 FROM t;\n"})
    real = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "secret":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_scan(tmp_path, catalog)
    assert [s.reason for s in result.skipped] == ["cannot read folder: permission denied"]
    assert [p.files for p in result.proposals] == [(str(tmp_path / "open" / "r.sql"),)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_folder_without_permissions(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {"secret/q.sql": "SELECT 1 FROM t;\n"})
    (tmp_path / "secret").chmod(0)
    try:
        result = run_scan(tmp_path, catalog)
    finally:
        (tmp_path / "secret").chmod(0o755)
    assert result.proposals == () and result.skipped_total == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_are_never_opened(tmp_path: Path, catalog: Catalog) -> None:
    os.mkfifo(tmp_path / "train.py")
    build(tmp_path, {"q.sql": "SELECT 1 FROM t;\n"})
    result = run_scan(tmp_path, catalog)  # would block forever if the FIFO were opened
    assert [p.skill for p in result.proposals] == ["sql"]
    # named on the command line, a FIFO is opened without blocking and refused
    alone = scan([str(tmp_path / "train.py")], skills=list(catalog.skills))
    assert [s.reason for s in alone.skipped] == ["not a regular file"]


def test_the_caps_on_files_and_entries(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {f"q{i}.sql": "SELECT 1 FROM t;\n" for i in range(10)})
    capped = run_scan(tmp_path, catalog, max_files=3)
    assert (capped.files_read, capped.truncated) == (3, True)
    entries = run_scan(tmp_path, catalog, max_entries=5)
    assert entries.truncated and entries.files_read == 5


def test_tool_folders_are_not_entered(tmp_path: Path, catalog: Catalog) -> None:
    build(tmp_path, {"node_modules/x/q.sql": "SELECT 1 FROM t;\n",
                     ".venv/lib/torch_thing.py": "import torch\n",
                     "myenv/pyvenv.cfg": "home = /usr/bin\n",
                     "myenv/lib/x.py": "import torch\n",
                     ".git/HEAD": "ref: refs/heads/main\n"})
    result = run_scan(tmp_path, catalog)
    assert [(p.skill, p.files) for p in result.proposals] == [("git", (str(tmp_path),))]


@pytest.mark.skipif(sys.platform != "linux", reason="bytes file names are a Linux matter")
def test_a_file_name_that_is_not_utf8(tmp_path: Path, run: Run) -> None:
    fd = os.open(bytes(tmp_path) + b"/caf\xe9.sql", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"SELECT 1 FROM t;\n")
    os.close(fd)
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: {sql: 2}\n")
    result = run("evidence", "--profile", str(profile), str(tmp_path), "--json")
    assert result.code == 0, result
    assert json.loads(result.stdout)["proposals"][0]["files"] == [f"{tmp_path}/caf\ufffd.sql"]
    saved = run("evidence", "--profile", str(profile), str(tmp_path), "--save")
    assert saved.code == 0, saved
    assert "Nothing new to add" in saved.stdout  # such a name cannot be kept in a profile


# --- the command ---------------------------------------------------------------------------


def test_the_command_prints_a_table(tmp_path: Path, run: Run) -> None:
    repo = build(tmp_path / "repo", REPOS["pytorch-training"])
    profile = tmp_path / "me.yaml"
    profile.write_text("skills:\n  pytorch: 3\n")
    result = run("evidence", "--profile", str(profile), str(repo))
    assert result.code == 0, result
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == f"Evidence found in {repo}"
    row = next(line for line in lines if line.startswith("PyTorch"))
    assert row.split()[1:3] == ["3", "high"]
    assert "Read 2 files." in result.stdout
    assert result.stderr == ""


def test_the_command_prints_json(tmp_path: Path, run: Run) -> None:
    repo = build(tmp_path / "repo", REPOS["sql-only"])
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: {sql: 2}\nevidence: {sql: https://example.org/q}\n")
    result = run("evidence", "-p", str(profile), str(repo), "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["proposals"] == [{
        "skill": "sql", "name": "SQL", "confidence": "high", "rating": 2,
        "signals": ["SQL files"],
        "files": [str(repo / "queries/cohorts.sql"), str(repo / "queries/monthly_revenue.sql")],
        "evidence": ["https://example.org/q"]}]
    assert (data["files_read"], data["skipped"], data["saved"]) == (2, [], None)


def test_a_missing_path_is_an_error(tmp_path: Path, run: Run) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: {}\n")
    result = run("evidence", "--profile", str(profile), str(tmp_path / "nope"))
    assert (result.code, result.stderr) == (
        1, f"mlpath: error: {tmp_path / 'nope'}: no such file or folder\n")


def test_nothing_found_says_so(tmp_path: Path, run: Run) -> None:
    repo = build(tmp_path / "repo", REPOS["nothing-relevant"])
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: {}\n")
    result = run("evidence", "--profile", str(profile), str(repo))
    assert result.code == 0, result
    assert result.stdout.startswith("No evidence found")


def test_hostile_folders_through_the_command(tmp_path: Path, run: Run) -> None:
    build(tmp_path, {"train.py": b"\x00" * 10, "x.ipynb": "{" * 100_000})
    (tmp_path / "loop").symlink_to(tmp_path)
    with (tmp_path / "huge.sql").open("wb") as handle:
        handle.truncate(10 * MAX_BYTES)
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: {}\n")
    result = run("evidence", "--profile", str(profile), str(tmp_path), "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert data["proposals"] == [] and data["skipped_total"] == 2
    assert "internal error" not in result.stderr
