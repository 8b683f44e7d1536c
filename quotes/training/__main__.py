"""`make models`: retrain every shipped artifact from ../shared/corpora."""

from quotes.models import MODELS
from quotes.training import names, punkt, tagger

for trainer in (punkt, tagger, names):  # names uses the tagger's lexicon
    written = trainer.train(MODELS)
    for path in written if isinstance(written, list) else [written]:
        print(f"wrote {path.relative_to(MODELS.parent.parent)} ({path.stat().st_size:,} bytes)")
