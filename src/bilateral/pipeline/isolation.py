"""One article's failure stays that article's: a stage that raises on a batch is run again one
article at a time, and the articles that still raise become failures with a reason."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

from bilateral.model import Document, IngestFailure

Out = TypeVar("Out")


def label(doc: Document) -> str:
    """How a failure names its article: the source, and the id the input gave it."""
    return f"{doc.source} ({doc.external_id})" if doc.external_id else doc.source


def failure(doc: Document, doing: str, exc: BaseException) -> IngestFailure:
    what = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    reason = f"could not be {doing}: {type(exc).__name__}" + (f": {what}" if what else "")
    detail = "".join(traceback.format_exception(exc))
    return IngestFailure(label(doc), reason.rstrip(".") + ".", detail)


def isolated(
    stage: Callable[[Sequence[Document]], list[Out]],
    docs: Sequence[Document],
    doing: str,
) -> tuple[list[tuple[Document, Out]], list[IngestFailure]]:
    """The stage over the whole batch; where it raises, over each article alone."""
    try:
        outputs = stage(docs)
    except Exception as exc:
        return each_alone(stage, docs, doing, exc)
    return list(zip(docs, outputs, strict=True)), []


def each_alone(
    stage: Callable[[Sequence[Document]], list[Out]],
    docs: Sequence[Document],
    doing: str,
    batch_error: Exception,
) -> tuple[list[tuple[Document, Out]], list[IngestFailure]]:
    """After the stage raised `batch_error` on the whole batch: each article alone."""
    if len(docs) == 1:
        return [], [failure(docs[0], doing, batch_error)]
    done: list[tuple[Document, Out]] = []
    failed: list[IngestFailure] = []
    for doc in docs:
        try:
            (output,) = stage([doc])
        except Exception as exc:
            failed.append(failure(doc, doing, exc))
            continue
        done.append((doc, output))
    return done, failed
