"""Serve the churn model over HTTP."""

import torch
from fastapi import FastAPI
from train import ChurnNet

app = FastAPI(title="churn")
model = ChurnNet(features=8)
model.load_state_dict(torch.load("model.pt"))


@app.post("/predict")
def predict(features: list[float]) -> dict[str, float]:
    with torch.no_grad():
        return {"churn": torch.sigmoid(model(torch.tensor([features]))).item()}
