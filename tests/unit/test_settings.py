from __future__ import annotations

import base64

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError

from mystocks.settings import (
    DEV_ADMIN_PASSWORD,
    DEV_API_KEY_ENCRYPTION_KEY,
    DEV_JWT_SECRET,
    Settings,
    load,
)
from tests.conftest import PRODUCTION_SECRETS

STRONG = "x" * 40
REAL_KEY = base64.urlsafe_b64encode(b"a test-only key, not the default").decode()


def test_development_defaults_work_outside_production():
    settings = Settings()
    assert settings.jwt_secret.get_secret_value() == DEV_JWT_SECRET
    assert settings.relational_url.startswith("sqlite:///")
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


@pytest.mark.parametrize(
    ("secret", "password", "complaint"),
    [
        (DEV_JWT_SECRET, "a-real-password", "MYSTOCKS_JWT_SECRET is the development default"),
        (STRONG, DEV_ADMIN_PASSWORD, "MYSTOCKS_ADMIN_PASSWORD is the development default"),
        ("short", "a-real-password", "at least 32 characters"),
    ],
)
def test_production_refuses_development_defaults(secret, password, complaint):
    with pytest.raises(ValidationError, match=complaint):
        Settings(
            env="production",
            jwt_secret=secret,
            admin_password=password,
            api_key_encryption_keys=REAL_KEY,
        )


@pytest.mark.parametrize(
    ("keys", "complaint"),
    [
        (DEV_API_KEY_ENCRYPTION_KEY, "ENCRYPTION_KEYS holds the development default"),
        (f"{REAL_KEY},{DEV_API_KEY_ENCRYPTION_KEY}", "ENCRYPTION_KEYS holds the development"),
        ("not-a-fernet-key", "32 url-safe base64-encoded bytes"),
    ],
    ids=["default", "default-among-others", "malformed"],
)
def test_api_key_encryption_keys_must_be_real_keys_in_production(keys, complaint):
    with pytest.raises(ValidationError, match=complaint):
        Settings(
            env="production",
            jwt_secret=STRONG,
            admin_password="a-real-password",
            api_key_encryption_keys=keys,
        )


def test_production_starts_with_real_secrets():
    settings = Settings(
        env="production",
        jwt_secret=STRONG,
        admin_password="a-real-password",
        api_key_encryption_keys=f"{Fernet.generate_key().decode()},{REAL_KEY}",
    )
    assert settings.env == "production"


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MYSTOCKS_PORT", "8123")
    monkeypatch.setenv("MYSTOCKS_DATA_DIR", str(tmp_path))
    settings = load()
    assert settings.port == 8123
    assert settings.timeseries_store_url == f"sqlite:///{tmp_path / 'timeseries.db'}"


@pytest.mark.parametrize(
    ("queue", "redis_url", "mode"),
    [
        ("auto", None, "local"),
        ("auto", "redis://127.0.0.1:6379/0", "celery"),
        ("local", "redis://127.0.0.1:6379/0", "local"),
        ("celery", "redis://127.0.0.1:6379/0", "celery"),
    ],
)
def test_the_job_queue_follows_redis_unless_chosen(queue, redis_url, mode):
    assert Settings(job_queue=queue, redis_url=redis_url).job_queue_mode == mode


def test_celery_jobs_need_a_redis():
    with pytest.raises(ValidationError, match="MYSTOCKS_JOB_QUEUE=celery needs MYSTOCKS_REDIS_URL"):
        Settings(job_queue="celery")


def test_cors_origins_are_a_list_and_star_is_refused_in_production():
    settings = Settings(cors_origins=" https://app.example/ , http://localhost:5173,")
    assert settings.cors_origin_list == ["https://app.example", "http://localhost:5173"]
    assert Settings().cors_origin_list == []
    assert Settings(cors_origins="*").cors_origin_list == ["*"]  # development may
    with pytest.raises(ValidationError, match="MYSTOCKS_CORS_ORIGINS must name origins"):
        Settings(env="production", **PRODUCTION_SECRETS, cors_origins="*")


def test_tls_needs_both_files_and_they_must_exist(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    with pytest.raises(ValidationError, match="set both or neither"):
        Settings(tls_cert=cert)
    with pytest.raises(ValidationError, match="MYSTOCKS_TLS_CERT: no file"):
        Settings(tls_cert=cert, tls_key=key)
    cert.write_text("x")
    key.write_text("x")
    assert Settings(tls_cert=cert, tls_key=key).tls_key == key


@pytest.mark.parametrize("value", ["25:00", "16:60", "4pm", "16:3"])
def test_the_daily_sync_time_must_be_a_time_of_day(value):
    with pytest.raises(ValidationError, match="sync_at"):
        Settings(sync_at=value)
    assert Settings(sync_at="16:30").sync_at == "16:30"
