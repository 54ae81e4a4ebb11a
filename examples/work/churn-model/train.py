"""Train the churn model: a small PyTorch network on the features of queries/features.sql."""

import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from torch import nn


class ChurnNet(nn.Module):
    def __init__(self, features: int) -> None:
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(features, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def train(path: str = "features.csv", epochs: int = 20) -> None:
    data = pd.read_csv(path).dropna()
    x = torch.tensor(data.drop(columns="churned").values, dtype=torch.float32)
    y = torch.tensor(data["churned"].values, dtype=torch.float32).unsqueeze(1)
    model = ChurnNet(x.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    print("AUC", roc_auc_score(y.numpy(), model(x).detach().numpy()))
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    train()
