import shutil

from plankg.graph.rdf.corpus import SKIPPED, load_corpus
from plankg.loaders.read import sample_paths


def test_a_corpus_keeps_one_plan_of_each_text_and_keys_a_second_version_by_digest(tmp_path):
    """泉州's plan, a copy, an edit and a copy of the edit: two plans, the copies skipped with
    a warning each, as a build skips them."""
    original = sample_paths()[4]
    text = original.read_text(encoding="utf-8")
    shutil.copy(original, tmp_path / "a.txt")
    shutil.copy(original, tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(text.replace("超过 16%", "超过 17%"), encoding="utf-8")
    shutil.copy(tmp_path / "c.txt", tmp_path / "d.txt")
    corpus = load_corpus([tmp_path])
    assert len(corpus.plans) == 2
    assert corpus.keys[0] == "350500/2021-2025"
    assert corpus.keys[1] == "350500/2021-2025~" + corpus.plans[1].source.sha256[:12]
    skipped = [p.path.rsplit("/", 1)[-1] for p in corpus.problems if p.message == SKIPPED]
    assert skipped == ["b.txt", "d.txt"]
    assert not any(p.fatal for p in corpus.problems)
