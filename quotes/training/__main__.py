"""`make models`: retrain every shipped artifact from ../shared/corpora."""

from quotes.models import MODELS
from quotes.training import animacy, names, punkt, ranker, speech, tagger

for trainer in (punkt, tagger, names, animacy, ranker, speech):  # each may use those before it
    written = trainer.train(MODELS)
    for path in written if isinstance(written, list) else [written]:
        print(f"wrote {path.relative_to(MODELS.parent.parent)} ({path.stat().st_size:,} bytes)")
