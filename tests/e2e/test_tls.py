"""`mystocks serve` over TLS with a certificate made for this test, answering with HSTS; and the
transport options it gives uvicorn behind a proxy."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import shutil
import ssl
import time
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from mystocks_sdk import Client

from mystocks.cli import transport_options
from mystocks.settings import DEV_ADMIN_PASSWORD, Settings
from tests.conftest import PRODUCTION_SECRETS
from tests.servers import free_port, start, subprocess_server


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made now (never committed)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_serve_over_tls_answers_with_hsts(template_dir: Path, tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(template_dir, data)
    cert, key = self_signed(tmp_path)
    port = free_port()
    env = {
        "MYSTOCKS_DATA_DIR": str(data),
        "MYSTOCKS_SAMPLE_TICK_DAYS": "5",
        "MYSTOCKS_PORT": str(port),
        "MYSTOCKS_TLS_CERT": str(cert),
        "MYSTOCKS_TLS_KEY": str(key),
    }
    process = start(env)
    base = f"https://127.0.0.1:{port}"
    trusted = ssl.create_default_context(cafile=str(cert))
    try:
        deadline = time.monotonic() + 60
        while True:
            try:  # raw on purpose: the TLS handshake and the security headers are the point
                answer = httpx.get(f"{base}/health", verify=trusted, timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"the TLS server did not start:\n{output}")
                time.sleep(0.2)
        assert answer.status_code == 200
        assert answer.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        with pytest.raises(httpx.TransportError):  # it speaks only TLS
            httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
        # A program trusting the certificate signs in and reads over TLS with the SDK.
        with Client.login(base, "admin", DEV_ADMIN_PASSWORD, verify=trusted) as client:
            assert client.me().username == "admin"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_transport_options_follow_the_settings(tmp_path: Path, caplog):
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x")
    key.write_text("x")
    assert transport_options(Settings()) == {"proxy_headers": False}
    tls = transport_options(Settings(tls_cert=cert, tls_key=key))
    assert tls == {"proxy_headers": False, "ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    proxied = transport_options(Settings(forwarded_allow_ips="10.0.0.5"))
    assert proxied == {"proxy_headers": True, "forwarded_allow_ips": "10.0.0.5"}
    production = {"env": "production", **PRODUCTION_SECRETS}
    with caplog.at_level(logging.WARNING, logger="mystocks"):
        transport_options(Settings(**production))
    assert "serving plain HTTP in production" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mystocks"):
        transport_options(Settings(**production, forwarded_allow_ips="10.0.0.5"))
    assert caplog.text == ""


@pytest.mark.parametrize("trusted", [True, False])
def test_a_trusted_proxys_forwarded_https_gets_hsts(template_dir, tmp_path, trusted):
    data = tmp_path / "data"
    shutil.copytree(template_dir, data)
    env = {"MYSTOCKS_DATA_DIR": str(data), "MYSTOCKS_SAMPLE_TICK_DAYS": "5"}
    if trusted:
        env["MYSTOCKS_FORWARDED_ALLOW_IPS"] = "127.0.0.1"
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    with subprocess_server(env) as (base, _process):
        # Raw on purpose: the point is a proxy's forwarded headers and the HSTS header.
        answer = httpx.get(f"{base}/health", headers=forwarded)
    assert answer.status_code == 200
    assert ("Strict-Transport-Security" in answer.headers) is trusted
