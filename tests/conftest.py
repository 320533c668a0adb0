"""Shared fixtures: the real spaCy model loaded once, the seed corpus ingested once."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.store import KnowledgeBase

# Property tests are deterministic unless asked otherwise: `make test` and CI draw the same
# examples every run (derandomize), so a red build is never luck; `make fuzz` draws fresh
# random examples, many more of them. Examples that once failed are kept as @example cases.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected golden files from what the code produces now",
    )


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.fail(f"the shared corpus is missing: expected {SHARED} beside the project")
    return SHARED


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Settings().spacy_model)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", batch_size=4)


@pytest.fixture
def kb(settings: Settings) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(settings.db_url) as base:
        yield base


@pytest.fixture
def ingestor(kb: KnowledgeBase, settings: Settings, extractor: Extractor) -> Ingestor:
    return Ingestor(kb, settings, lambda: extractor)


@pytest.fixture(scope="session")
def seed_kb(
    tmp_path_factory: pytest.TempPathFactory, shared: Path, extractor: Extractor
) -> Iterator[KnowledgeBase]:
    path = tmp_path_factory.mktemp("seeds") / "kb.db"
    settings = Settings(db_url=f"sqlite:///{path}")
    with KnowledgeBase.open(settings.db_url) as base:
        report = Ingestor(base, settings, lambda: extractor).run([shared / "corpus" / "seeds"])
        assert report.failed == 0 and report.ingested == 5
        yield base


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare a value with tests/golden/<name>.json, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: object) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"{path} did not exist; written now, check it and commit it")
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), (
            f"differs from {path}; if the change is intended, run pytest --update-golden"
        )

    return check
