"""The signal table: what in a project's files is a clear sign of which skill.

Data only. A *strong* signal is work that does the thing: code that imports or calls a
library, a Dockerfile, a CI workflow, a Kubernetes manifest, an SQL file. A *weak* signal
is a claim about the work: a dependency listed in requirements or pyproject, a README
that names a tool. Lock files only confirm a skill other signals already found (they list
every package pulled in indirectly). Only skill ids in the catalogue are ever proposed.
"""

from __future__ import annotations

import re

# Skill ids that the built-in catalogue is about to gain. Signals for them are kept here
# and proposed only once the catalogue in use has the id.
PENDING_SKILLS = frozenset({"ci-cd-iac"})

# Python modules: importing the module (or one of its submodules) is a sign of the skills.
IMPORTS: dict[str, tuple[str, ...]] = {
    "torch": ("pytorch",), "lightning": ("pytorch",), "pytorch_lightning": ("pytorch",),
    "tensorflow": ("tensorflow",), "keras": ("tensorflow",), "tf_keras": ("tensorflow",),
    "sklearn": ("scikit-learn",),
    **dict.fromkeys(("sklearn.linear_model", "sklearn.ensemble", "sklearn.tree", "sklearn.svm",
                     "sklearn.neighbors", "sklearn.cluster", "sklearn.naive_bayes",
                     "sklearn.decomposition", "sklearn.mixture", "xgboost", "lightgbm",
                     "catboost"), ("ml-fundamentals",)),
    # Model evaluation has no import here: importing sklearn.model_selection for
    # train_test_split, or sklearn.metrics without calling it, computes no metric. Only the
    # metric and cross-validation calls in CALLS count for it.
    **dict.fromkeys(("sklearn.preprocessing", "sklearn.feature_extraction",
                     "sklearn.feature_selection", "category_encoders", "featuretools",
                     "feature_engine"), ("feature-engineering",)),
    **dict.fromkeys(("pandas", "polars"), ("data-wrangling",)),
    **dict.fromkeys(("matplotlib", "seaborn", "plotly", "altair", "bokeh"),
                    ("data-visualization",)),
    "pyspark": ("spark-big-data",),
    **dict.fromkeys(("airflow", "dagster", "prefect", "luigi", "great_expectations",
                     "confluent_kafka"), ("data-engineering",)),
    **dict.fromkeys(("mlflow", "wandb", "dvc", "kfp", "zenml", "metaflow", "clearml",
                     "evidently", "feast", "comet_ml", "neptune"), ("mlops",)),
    **dict.fromkeys(("fastapi", "bentoml", "ray.serve", "tritonclient", "kserve",
                     "seldon_core", "litserve"), ("model-deployment",)),
    **dict.fromkeys(("cv2", "torchvision", "timm", "ultralytics", "albumentations",
                     "detectron2", "mmdet", "skimage", "kornia"), ("computer-vision",)),
    **dict.fromkeys(("transformers", "nltk", "spacy", "gensim", "tokenizers",
                     "sentence_transformers"), ("nlp",)),
    **dict.fromkeys(("openai", "anthropic", "langchain", "langchain_core",
                     "langchain_community", "llama_index", "vllm", "peft", "trl", "litellm",
                     "dspy"), ("generative-ai-llm",)),
    **dict.fromkeys(("gymnasium", "gym", "stable_baselines3", "ray.rllib", "pettingzoo"),
                    ("reinforcement-learning",)),
    **dict.fromkeys(("onnx", "onnxruntime", "tensorrt", "tflite_runtime", "openvino",
                     "coremltools", "torch.ao.quantization", "torch.quantization",
                     "tensorflow.lite", "torch_tensorrt"), ("model-optimization-edge",)),
    **dict.fromkeys(("statsmodels", "scipy.stats", "pymc", "pingouin"),
                    ("probability-statistics",)),
    **dict.fromkeys(("boto3", "sagemaker", "google.cloud", "vertexai", "azure", "azureml"),
                    ("cloud-platforms",)),
    **dict.fromkeys(("fairlearn", "aif360", "shap", "lime", "captum", "opacus"),
                    ("responsible-ai",)),
    **dict.fromkeys(("pytest", "hypothesis", "unittest"), ("software-engineering",)),
}

# Distribution names (as written in requirements and pyproject) whose import name differs.
DISTRIBUTIONS: dict[str, str] = {
    "scikit-learn": "sklearn", "scikit-image": "skimage", "opencv-python": "cv2",
    "opencv-python-headless": "cv2", "opencv-contrib-python": "cv2",
    "tensorflow-cpu": "tensorflow", "tensorflow-gpu": "tensorflow",
    "pytorch-lightning": "pytorch_lightning", "apache-airflow": "airflow",
    "great-expectations": "great_expectations", "confluent-kafka": "confluent_kafka",
    "sentence-transformers": "sentence_transformers", "llama-index": "llama_index",
    "langchain-core": "langchain_core", "langchain-community": "langchain_community",
    "stable-baselines3": "stable_baselines3", "google-cloud-aiplatform": "google.cloud",
    "google-cloud-storage": "google.cloud", "google-cloud-bigquery": "google.cloud",
    "azure-ai-ml": "azure", "comet-ml": "comet_ml", "seldon-core": "seldon_core",
    "category-encoders": "category_encoders", "feature-engine": "feature_engine",
    "tflite-runtime": "tflite_runtime", "torch-tensorrt": "torch_tensorrt",
    "tritonclient": "tritonclient", "mlflow-skinny": "mlflow",
}

# Calls, by the full dotted name after resolving imports and aliases (`import torch.nn as nn`
# makes `nn.Linear(...)` a call of `torch.nn.Linear`), and classes' base classes.
CALLS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), skill, label) for pattern, skill, label in (
        (r"^torch\.nn\.[A-Z]\w*$", "deep-learning", "builds neural-network layers"),
        (r"^(tensorflow\.)?keras\.(layers\.\w+|Sequential|Model)$", "deep-learning",
         "builds neural-network layers"),
        (r"^mlflow\.(\w+\.)?(log_\w+|start_run|autolog|set_experiment|register_model)$",
         "mlops", "MLflow tracking calls"),
        (r"^wandb\.(init|log)$", "mlops", "Weights & Biases tracking calls"),
        (r"^sklearn\.metrics\.\w+$", "model-evaluation", "computes evaluation metrics"),
        (r"^sklearn\.model_selection\.(cross_val\w*|cross_validate|\w*KFold|\w*SearchCV"
         r"|learning_curve|validation_curve)$", "model-evaluation", "cross-validation"),
        (r"^torchmetrics\.", "model-evaluation", "computes evaluation metrics"),
        (r"^evaluate\.(load|combine)$", "model-evaluation", "computes evaluation metrics"),
        (r"^fastapi\.FastAPI$", "model-deployment", "a FastAPI app"),
    ))
# Method calls on values the scan cannot follow, counted when the file imports a module.
METHOD_CALLS: tuple[tuple[str, str, str, str], ...] = (
    ("backward", "torch", "deep-learning", "a training step (loss.backward)"),
    ("evaluate", "tensorflow", "model-evaluation", "evaluates a model (model.evaluate)"),
    ("evaluate", "keras", "model-evaluation", "evaluates a model (model.evaluate)"),
)
BASES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), skill, label) for pattern, skill, label in (
        (r"^torch\.nn\.Module$|LightningModule$|^(tensorflow\.)?keras\.(Model|layers\.Layer)$",
         "deep-learning", "defines a neural network"),
    ))
# SQL written in code: upper-case keywords, so prose in a docstring does not count.
SQL_IN_CODE = re.compile(r"\bSELECT\b[\s\S]{1,2000}?\bFROM\b|\bINSERT INTO\b|\bCREATE TABLE\b")

# Files recognised by name alone: (kind, skills, label).
CI_LABELS = {"github": "a GitHub Actions workflow", "gitlab": "a GitLab CI pipeline",
             "jenkins": "a Jenkins pipeline", "circleci": "a CircleCI pipeline",
             "azure": "an Azure Pipelines pipeline", "bitbucket": "a Bitbucket pipeline"}
CI_SKILLS = ("ci-cd-iac", "software-engineering")

# Text in files of a kind: (kind, pattern, skill, label).
CONTENT: tuple[tuple[str, re.Pattern[str], str, str], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE | re.MULTILINE), skill, label)
    for kind, pattern, skill, label in (
        ("dockerfile", r"\b(uvicorn|gunicorn|torchserve|tritonserver|tensorflow_model_server"
         r"|bentoml\s+serve|mlflow\s+models\s+serve|vllm|text-generation-launcher|litserve)\b"
         r"|^FROM\s+\S*(tensorflow/serving|torchserve|tritonserver)", "model-deployment",
         "a Dockerfile that starts a model or API server"),
        ("ci", r"aws-actions/configure-aws-credentials|google-github-actions/auth"
         r"|azure/login", "cloud-platforms", "a CI workflow that signs in to a cloud"),
        ("ci", r"^\s*(-\s*)?(run:\s*)?(kubectl|helm)\s", "kubernetes",
         "a CI workflow that deploys to Kubernetes"),
        ("terraform", r"^\s*provider\s+\"(aws|google|azurerm)\"", "cloud-platforms",
         "Terraform for a cloud provider"),
    ))
K8S_API = re.compile(r"^apiVersion:\s*\S+", re.MULTILINE)
K8S_KIND = re.compile(r"^kind:\s*([A-Za-z]+)", re.MULTILINE)
SERVING_KINDS = frozenset({"InferenceService", "SeldonDeployment", "ServingRuntime",
                           "RayService"})

# README text: weak signals, words a person would only write about work they did.
README_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), skill) for pattern, skill in (
        (r"\bpytorch\b", "pytorch"), (r"\btensorflow\b|\bkeras\b", "tensorflow"),
        (r"\bscikit-learn\b|\bsklearn\b", "scikit-learn"), (r"\bpandas\b", "data-wrangling"),
        (r"\bkubernetes\b|\bk8s\b", "kubernetes"), (r"\bdocker\b", "docker"),
        (r"\bmlflow\b|\bweights (?:&|and) biases\b", "mlops"),
        (r"\bfastapi\b|\bmodel serving\b", "model-deployment"),
        (r"\ba/b[- ]test", "experimentation"), (r"\bspark\b", "spark-big-data"),
        (r"\bfairness\b|\bmodel card\b", "responsible-ai"),
        (r"\bfine-?tun\w+ (?:an? )?llm\b|\bretrieval-augmented\b|(?-i:\bRAG\b)",
         "generative-ai-llm"),
    ))
