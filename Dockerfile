# eduqa: the API (/api, /docs) and the chat page (/) in one process.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# OCR of scanned PDFs and images: Tesseract with Vietnamese, Poppler for PDF pages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The CPU build of torch first, so that `pip install .` does not pull CUDA wheels.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu

COPY pyproject.toml README.md* ./
COPY assistant ./assistant
COPY ingest ./ingest
COPY eval ./eval
COPY ui ./ui
COPY eduqa ./eduqa
RUN pip install .

COPY corpus ./corpus

# Models come from the mounted Hugging Face cache (/root/.cache/huggingface): no downloads at run
# time. Fill the volume once, e.g. `docker compose run --rm -e HF_HUB_OFFLINE=0 app python -c
# "from sentence_transformers import SentenceTransformer as S; S('intfloat/multilingual-e5-small')"`,
# or set EDUQA_EMBEDDING_MODEL= (empty) for BM25 only.
ENV HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    HF_HUB_DISABLE_TELEMETRY=1 \
    GRADIO_ANALYTICS_ENABLED=False \
    TOKENIZERS_PARALLELISM=false \
    EDUQA_CORPUS_DIR=/app/corpus \
    EDUQA_DATA_DIR=/app/data

VOLUME ["/app/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/api/health', timeout=4)"

CMD ["eduqa", "serve", "--host", "0.0.0.0", "--port", "8000"]
