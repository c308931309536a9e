"""Build a tiny sentence-transformers model on disk, offline, for tests of the dense path."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tokenizer(hf_dir: Path):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(
        vocab_size=2000, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    )
    tokenizer.train_from_iterator(texts, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
        sep_token="[SEP]", mask_token="[MASK]", model_max_length=256,
    )  # fmt: skip
    fast.save_pretrained(hf_dir)
    return fast


def build_tiny_cross_encoder(target: Path) -> Path:
    """A tiny random BERT cross-encoder (one relevance score), saved like a hub model."""
    from transformers import BertConfig, BertForSequenceClassification

    out = target / "tiny-ce"
    fast = _tokenizer(out)
    config = BertConfig(vocab_size=fast.vocab_size, hidden_size=32, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=256,
                        num_labels=1)  # fmt: skip
    BertForSequenceClassification(config).save_pretrained(out)
    return out


def build_tiny_model(target: Path, dim: int = 32) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel

    torch.manual_seed(0)  # random weights, but the same ones every run
    hf_dir = target / "hf"
    fast = _tokenizer(hf_dir)
    config = BertConfig(
        vocab_size=fast.vocab_size,
        hidden_size=dim,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=256,
    )
    BertModel(config).save_pretrained(hf_dir)
    word = Transformer(str(hf_dir), max_seq_length=256)
    model = SentenceTransformer(modules=[word, Pooling(word.get_embedding_dimension(), "mean")])
    out = target / "tiny-st"
    model.save(str(out))
    return out
