"""`make models`: retrain every shipped artifact from ../shared/corpora."""

from quotes.models import MODELS
from quotes.training import punkt, tagger

for trainer in (punkt, tagger):
    path = trainer.train(MODELS)
    print(f"wrote {path.relative_to(MODELS.parent.parent)} ({path.stat().st_size:,} bytes)")
