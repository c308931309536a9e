"""The Compose file is valid for the installed docker-compose and names the three services."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration

COMPOSE = shutil.which("docker-compose")


def compose(*args: str) -> subprocess.CompletedProcess:
    if COMPOSE is None:
        pytest.skip("needs the docker-compose binary (Debian package 'docker-compose')")
    return subprocess.run([COMPOSE, "-f", "docker-compose.yml", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_compose_config_is_valid_and_has_the_services():
    result = compose("config")
    assert result.returncode == 0, result.stderr
    for service in ("qdrant", "app", "ollama"):
        assert f"\n  {service}:" in result.stdout, f"service {service} missing:\n{result.stdout}"
    assert "EDUQA_QDRANT_URL: http://qdrant:6333" in result.stdout
    assert "condition: service_healthy" in result.stdout
    assert "/api/health" in result.stdout


def test_ollama_sits_behind_the_llm_profile():
    result = compose("config", "--services")
    assert result.returncode == 0, result.stderr
    assert {"qdrant", "app"} <= set(result.stdout.split())
    config = compose("config").stdout
    ollama = config.split("\n  ollama:", 1)[1].split("\n  qdrant:", 1)[0]
    assert "- llm" in ollama


def test_images_are_pinned():
    config = compose("config").stdout
    images = [line.split("image:", 1)[1].strip() for line in config.splitlines() if "image:" in line]
    external = [i for i in images if not i.startswith("eduqa")]
    assert external
    assert all(":" in i and not i.endswith(":latest") for i in external), images
